"""Rendering a template set's templates, with errors that point at the template line.

Every ``{{ expression }}`` is passed through :func:`escape.inline` (Jinja's
``finalize``), so an outline value can never change the document's structure
even where a template author forgets a filter.

A template is compiled here (and kept: :func:`environment`), and rendered in
a forked child under a CPU-time and an address-space limit
(:mod:`reportgen.isolate`): the sandbox (:mod:`sandbox`) bounds what a
template can compute, and the limits end whatever it still finds to do in C,
where the wall-clock limit cannot interrupt it.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from reportgen import isolate
from reportgen.errors import Location, ReportgenError, TemplateError, dotted_path
from reportgen.templating import bounds, escape
from reportgen.templating.bounds import Refused
from reportgen.templating.filters import REFUSED_FILTERS
from reportgen.templating.loader import SetLoader
from reportgen.templating.methods import HINT
from reportgen.templating.plain import plain
from reportgen.templating.sandbox import MissingField, Sandbox
from reportgen.templating.sets import builtin_sets_dir

_EXPRESSION_ERRORS = (TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError, jinja2.TemplateError)
"""What a template expression can raise (e.g. a bad filter argument); reported like template errors."""

MAX_OUTPUT_CHARS = bounds.MAX_TEXT_CHARS
MAX_SECONDS = 30.0
"""Wall-clock time a template may run (interrupts Python-level loops)."""
MAX_CPU_SECONDS = 30
"""CPU time the rendering child may use; past it (plus two seconds' grace) the kernel ends it."""
MAX_EXTRA_MEMORY = 1 << 30
"""Address space the rendering child may add to what it inherits."""


class _TooSlow(Exception):
    pass


class _OutOfCPU(Exception):
    pass


def environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    """The environment for a set's folder chain, kept between builds so that each template is compiled
    once. Jinja recompiles a template whose file changed (``auto_reload``); a template added to or
    removed from the chain (which may shadow another) gives a new environment."""
    return _environment(folders, _template_files(folders))


def _template_files(folders: tuple[Path, ...]) -> frozenset[Path]:
    return frozenset(path for folder in folders for path in folder.rglob("*.j2"))


def _finalize(value: Any) -> escape.Markdown:
    return escape.inline(value if isinstance(value, str) else bounds.text_of(value, "a {{ value }}"))


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...], files: frozenset[Path]) -> jinja2.Environment:
    return Sandbox(
        loader=SetLoader(folders),
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
    )


def render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template *name*; any template problem becomes a :class:`TemplateError` with file and line.

    A chain of reportgen's own sets renders here, still in the sandbox: its templates are part of
    reportgen and its only input is the outline's data, so the fork (several milliseconds, more in a
    large process) would buy nothing and would be the largest cost of a warm rebuild. Any chain with a
    user's folder in it renders in the child, even one that only changes the theme, since its folder
    could add or shadow templates.
    """
    template = _compiled(env, name)
    if _builtin_only(getattr(env.loader, "folders", ())):
        return _render(template, context)
    filename = template.filename or name
    limits = isolate.Limits(cpu_seconds=MAX_CPU_SECONDS, extra_memory_bytes=MAX_EXTRA_MEMORY)
    try:
        return isolate.run(_render_isolated, os.getpid(), template, context, limits=limits)
    except isolate.ChildFailed as failed:
        if failed.over_limit:
            message = f"the template used more than {_cpu_seconds()} of CPU in one step and was stopped"
        else:
            message = f"the template's process ended without an answer: {failed.reason}"
        raise TemplateError(message, location=Location(filename)) from None


@lru_cache(maxsize=16)
def _builtin_only(folders: tuple[Path, ...]) -> bool:
    builtin = builtin_sets_dir().resolve()
    return bool(folders) and all(folder.resolve().is_relative_to(builtin) for folder in folders)


def _compiled(env: jinja2.Environment, name: str) -> jinja2.Template:
    """The compiled template (cached by the environment); compiling evaluates nothing of the template."""
    try:
        return env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(_syntax_message(exc.message or ""), location=Location(exc.filename or exc.name or name, exc.lineno)) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template '{exc.name}' not found (looked in {_folders(env)})") from None
    except RecursionError:
        raise TemplateError("the template nests its tags or expressions too deeply to compile", location=Location(name)) from None


def _render_isolated(parent: int, template: jinja2.Template, context: dict[str, Any]) -> str:
    """In the forked child: CPU time running out in Python code stops at the template's line. Where
    there is no child (no fork here), the context is copied instead, so that a template appending to a
    list of it cannot change what the next template sees."""
    if os.getpid() != parent:
        signal.signal(signal.SIGXCPU, _out_of_cpu)
    else:
        context = plain(context)
    return _render(template, context)


def _out_of_cpu(signum: int, frame: Any) -> None:
    raise _OutOfCPU


def _render(template: jinja2.Template, context: dict[str, Any]) -> str:
    name = template.filename or template.name or "<template>"
    try:
        with _time_limit(MAX_SECONDS):
            return _bounded(template.generate(context), name)
    except ReportgenError:
        raise
    except (_TooSlow, _OutOfCPU, MemoryError, RecursionError, *_EXPRESSION_ERRORS) as exc:
        file, line = _template_frame(name)
        raise _as_template_error(exc, context, template, Location(file, line)) from None


def _as_template_error(exc: BaseException, context: dict[str, Any], template: jinja2.Template, where: Location) -> TemplateError:
    """What went wrong while rendering, as the one line the user gets (*where*: the innermost template line)."""
    if isinstance(exc, Refused):
        return TemplateError(exc.message or str(exc), location=where, hint=exc.hint)
    if isinstance(exc, jinja2.TemplateSyntaxError):  # an included template's
        return TemplateError(_syntax_message(exc.message or ""), location=Location(exc.filename or exc.name or where.file, exc.lineno))
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(f"template '{exc.name}' not found (looked in {_folders(template.environment)})", location=where)
    if isinstance(exc, _TooSlow):
        message = f"the template ran for more than {MAX_SECONDS:.0f} seconds (an endless loop?)"
    elif isinstance(exc, _OutOfCPU):
        message = f"the template used more than {_cpu_seconds()} of CPU (an endless loop?)"
    elif isinstance(exc, MemoryError):
        message = f"the template used more memory than a build allows ({_size(MAX_EXTRA_MEMORY)} beyond the build's own)"
    elif isinstance(exc, RecursionError):
        message = "the template recurses without end"
    elif isinstance(exc, jinja2.UndefinedError):
        message = _undefined_message(exc, context)
    elif isinstance(exc, OverflowError) and str(exc).startswith("Range too big"):
        message = f"the template asks for too long a range: {exc}"
    elif isinstance(exc, OverflowError):
        message = "a number the template computes is too large to hold (it overflows)"
    elif isinstance(exc, ZeroDivisionError):
        message = "the template divides by zero"
    else:
        message = f"template failed: {type(exc).__name__}: {exc}"
    return TemplateError(message, location=where)


def _cpu_seconds() -> str:
    return f"{MAX_CPU_SECONDS:g} second{'' if MAX_CPU_SECONDS == 1 else 's'}"


def _size(count: int) -> str:
    return f"{count / 2**30:g} GiB" if count % 2**30 == 0 else f"{count / 2**20:g} MiB"


def _folders(env: jinja2.Environment) -> str:
    return ", ".join(getattr(env.loader, "searchpath", []))


def _syntax_message(message: str) -> str:
    """Jinja's syntax message; a Jinja filter or test that is not offered here is named as refused."""
    for kind in ("filter", "test"):
        prefix = f"No {kind} named '"
        if message.startswith(prefix):
            wanted = message[len(prefix):].split("'")[0]
            if kind == "test" or wanted in REFUSED_FILTERS:
                return f"templates may not use the {kind} '{wanted}' ({HINT})"
    return f"template syntax error: {message}"


def _undefined_message(error: jinja2.UndefinedError, context: dict[str, Any]) -> str:
    """Jinja's message; for a mapping's missing key, where the mapping is, its keys and the closest one."""
    if isinstance(error, MissingField):
        keys = [str(key) for key in error.mapping]
        close = difflib.get_close_matches(error.name, keys, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        listed = ", ".join(keys[:30]) + (", ..." if len(keys) > 30 else "")
        where = _path_to(error.mapping, context) or "the mapping"
        return f"{where} has no field '{error.name}'{hint} (it has: {listed})"
    message = error.message or "undefined value"
    if not message.endswith(" is undefined"):
        return message
    known = ", ".join(sorted(context))
    return f"{message}; did you mean one of: {known}? (docs/templates.md lists them)"


def _path_to(target: object, context: dict[str, Any], budget: int = 100_000) -> str | None:
    """Where *target* is in the context (``meta``, ``sections[2]``), looked for breadth first."""
    queue: list[tuple[object, tuple[str | int, ...]]] = [(context, ())]
    for value, at in queue:
        if value is target and at:
            return dotted_path(at)
        if len(queue) > budget:
            break
        if isinstance(value, dict):
            queue.extend((item, (*at, key)) for key, item in value.items())
        elif isinstance(value, (list, tuple)):
            queue.extend((item, (*at, index)) for index, item in enumerate(value))
    return None


def _bounded(chunks: Iterator[str], name: str) -> str:
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise TemplateError(
                f"the template wrote more than {MAX_OUTPUT_CHARS:,} characters (a runaway loop?)",
                location=Location(name),
            )
        out.append(chunk)
    return "".join(out)


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt a template that runs too long (only possible on the main thread; elsewhere unbounded)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _template_frame(fallback: str) -> tuple[str, int | None]:
    """The template file and line of the innermost template frame of the exception being handled."""
    frames = traceback.extract_tb(sys.exc_info()[2])
    for frame in reversed(frames):
        if frame.filename.endswith(".j2") or frame.filename.endswith(".md"):
            return frame.filename, frame.lineno
    return fallback, None
