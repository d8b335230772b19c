"""Run a function in a forked child that can never block its parent or outlive it.

Used for the parts of a build that run a user's code or need a process of
their own: template rendering under CPU and memory limits (the Jinja time
limit cannot interrupt a call that runs in C), and a format rendered beside
another on the second core.

The rules that keep it safe:

- the child closes the pipe end it does not use, so a dead parent means a
  closed pipe, never a writer blocked for ever;
- the child asks the kernel to kill it when its parent dies
  (``PR_SET_PDEATHSIG``, Linux), and checks the parent is still the one that
  forked it right after (the parent may have died before the request);
- the parent reads the child's whole answer before it waits for the child,
  and :meth:`Child.cancel` kills, drains and reaps, so no exit path leaves a
  child behind or a parent waiting on a full pipe.

Where ``fork`` is unavailable or unsafe (threads running), the function runs in
this process instead: :func:`can_fork` says which.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import resource
import signal
import sys
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from reportgen.errors import ReportgenError, ReportgenWarning

T = TypeVar("T")

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Limits:
    """What the child may use: CPU seconds (then SIGXCPU ends it) and address space beyond what it inherits."""

    cpu_seconds: int | None = None
    extra_memory_bytes: int | None = None


class ChildFailed(Exception):
    """The child ended without an answer: killed by a limit or a signal, or crashed."""

    def __init__(self, reason: str, *, over_limit: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.over_limit = over_limit


def can_fork() -> bool:
    """Forking is safe only from a single-threaded process on a system that has ``fork``."""
    return hasattr(os, "fork") and threading.active_count() == 1


class Child(Generic[T]):
    """A forked child computing one value; :meth:`result` waits for it, :meth:`cancel` ends it."""

    def __init__(self, pid: int, reader: int) -> None:
        self.pid = pid
        self._reader: int | None = reader

    def result(self) -> T:
        """The child's value (its warnings are raised again here); its error raised here as it was raised there."""
        data = self._drain()
        status = self._reap()
        if not data:
            reason, over_limit = _describe(status)
            raise ChildFailed(reason, over_limit=over_limit)
        outcome, value, raised = pickle.loads(data)
        for message in raised:
            warnings.warn(message, stacklevel=2)
        if outcome == "error":
            raise value
        if outcome == "crash":
            raise ChildFailed(value)
        return value

    def cancel(self) -> None:
        """End the child now and reap it (safe to call after :meth:`result`)."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self._drain()
        self._reap()

    def _drain(self) -> bytes:
        if self._reader is None:
            return b""
        chunks = []
        try:
            while chunk := os.read(self._reader, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(self._reader)
            self._reader = None
        return b"".join(chunks)

    def _reap(self) -> int:
        if not self.pid:
            return 0
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return status


def start(function: Callable[..., T], *args: Any, limits: Limits | None = None) -> Child[T]:
    """Fork a child that runs ``function(*args)`` and sends back its value, error and warnings."""
    reader, writer = os.pipe()
    parent = os.getpid()
    sys.stdout.flush()
    sys.stderr.flush()
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})  # none lands mid-fork
    pid = os.fork()
    if pid:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(writer)
        return Child(pid, reader)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    os.close(reader)
    code = 1
    try:
        die_with(parent)
        _apply(limits)
        payload = _run(function, args)
        _write_all(writer, payload)
        code = 0
    finally:
        os._exit(code)


def run(function: Callable[..., T], *args: Any, limits: Limits | None = None) -> T:
    """``function(*args)`` in a forked child where that is safe, else here."""
    if not can_fork():
        return function(*args)
    child = start(function, *args, limits=limits)
    try:
        return child.result()
    finally:
        child.cancel()


def _run(function: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportgenWarning)
        try:
            result: tuple[str, Any] = ("ok", function(*args))
        except ReportgenError as error:
            result = ("error", error)
        except MemoryError:
            result = ("crash", "it needed more memory than a build may use")
        except BaseException as error:  # noqa: BLE001 - whatever happens, the parent gets one line
            result = ("crash", f"{type(error).__name__}: {error}")
    raised = [w.message for w in caught if isinstance(w.message, ReportgenWarning)]
    try:
        return pickle.dumps((*result, raised), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # noqa: BLE001 - an unpicklable value is our bug, still one line
        return pickle.dumps(("crash", f"unpicklable result: {error}", []))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.close(fd)


def die_with(parent: int) -> None:
    """Ask the kernel to kill this process when *parent* dies; if it died already, go now.

    Also a process pool's initializer, so that no worker outlives a killed build."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _apply(limits: Limits | None) -> None:
    if limits is None:
        return
    if limits.cpu_seconds is not None:
        used = resource.getrusage(resource.RUSAGE_SELF)
        start_at = int(used.ru_utime + used.ru_stime)
        _lower(resource.RLIMIT_CPU, start_at + limits.cpu_seconds, start_at + limits.cpu_seconds + 2)
    if limits.extra_memory_bytes is not None:
        _lower(resource.RLIMIT_AS, _address_space() + limits.extra_memory_bytes)


def _lower(which: int, soft: int, hard: int | None = None) -> None:
    """Lower a limit (never raise it past what the user's shell set)."""
    old_soft, old_hard = resource.getrlimit(which)

    def capped(value: int, old: int) -> int:
        return value if old == resource.RLIM_INFINITY else min(value, old)

    resource.setrlimit(which, (capped(soft, old_soft), capped(hard if hard is not None else soft, old_hard)))


def _address_space() -> int:
    """This process's mapped address space in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _describe(status: int) -> tuple[str, bool]:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGXCPU or number == signal.SIGKILL:
            return "it ran past its CPU-time limit or was killed", True
        return f"it was ended by signal {signal.Signals(number).name}", False
    return f"it exited with code {os.WEXITSTATUS(status)} without an answer", False
