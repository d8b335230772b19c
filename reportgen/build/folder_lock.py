"""One reportgen process at a time writes an output folder.

The lock is ``fcntl.flock`` on ``.reportgen.lock`` inside the folder. The
kernel drops it when its holder exits, however it exits, so a crashed build
never leaves the folder locked. While it holds the lock a process writes its
PID into the file, so the one that waits can say who it waited for; the file
is emptied (not removed) on release: removing it would let a third process
lock a new file while a second still waits on the old one.

Locks on network shares (NFS, SMB) may not be seen by processes on other
machines; see docs/pack-safety.md.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from reportgen.build.regular import REGULAR_FILE, describe, kind, not_regular
from reportgen.build.write_errors import folder_error
from reportgen.errors import Location, OutputError

LOCK = ".reportgen.lock"

TIMEOUT = 30.0
"""Seconds a build waits for another build to finish writing the same folder."""

POLL = 0.05


@contextlib.contextmanager
def held(folder: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold *folder*'s lock for the block, waiting up to *timeout* seconds (default :data:`TIMEOUT`)."""
    fd = _open(folder / LOCK)
    try:
        _acquire(fd, folder, TIMEOUT if timeout is None else timeout)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def holder(folder: Path) -> int | None:
    """The PID written in *folder*'s lock file, if any."""
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        text = os.read(fd, 32).decode("ascii", "replace").strip() if stat.S_ISREG(os.fstat(fd).st_mode) else ""
    finally:
        os.close(fd)
    return int(text) if text.isdigit() else None


def _open(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        found = _kind(path)
        if found not in (None, REGULAR_FILE):
            raise not_regular(path, found, "the lock file") from None
        raise folder_error(exc, path.parent) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise not_regular(path, describe(mode), "the lock file")
    return fd


def _kind(path: Path) -> str | None:
    try:
        return kind(path)
    except OSError:
        return None


def _acquire(fd: int, folder: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if time.monotonic() >= deadline:
            pid = holder(folder)
            who = f"reportgen process {pid}" if pid else "another reportgen process"
            raise OutputError(
                f"{who} is writing this folder; gave up waiting after {timeout:g} s",
                location=Location(folder),
                hint=f"wait for it to finish, {f'stop process {pid}' if pid else 'stop it'}, or choose another folder with --out",
            )
        time.sleep(POLL)
