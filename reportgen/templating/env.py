"""The Jinja2 environment templates run in, and rendering with errors that point at the template line.

Every ``{{ expression }}`` is passed through :func:`escape.inline` (Jinja's
``finalize``), so an outline value can never change the document's structure
even where a template author forgets a filter.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from reportgen.dates import format_date
from reportgen.errors import Location, TemplateError
from reportgen.templating import escape

def _url(value: object) -> escape.Markdown:
    """A URL made safe for a Markdown link destination."""
    return escape.Markdown(quote(str(value).strip(), safe=":/?#[]@!$&'*+,;=%~-._"))


_EXPRESSION_ERRORS = (TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError, jinja2.TemplateError)
"""What a template expression can raise (e.g. a bad filter argument); reported like template errors."""

FILTERS = {
    "md": escape.inline,
    "paragraphs": escape.paragraphs,
    "bullets": escape.bullets,
    "citation": escape.citation,
    "plain": escape.plain,
    "date": format_date,
    "url": _url,
}
"""Filters templates may use; docs/templates.md lists them and a test checks it stays in step."""


MAX_OUTPUT_CHARS = 20_000_000
MAX_SECONDS = 30.0


class _TooSlow(Exception):
    pass


def environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    """The environment for a set's folder chain, kept between builds so that each template is compiled
    once. Jinja recompiles a template whose file changed (``auto_reload``); a template added to or
    removed from the chain (which may shadow another) gives a new environment."""
    return _environment(folders, _template_files(folders))


def _template_files(folders: tuple[Path, ...]) -> frozenset[Path]:
    return frozenset(path for folder in folders for path in folder.rglob("*.j2"))


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...], files: frozenset[Path]) -> jinja2.Environment:
    """A sandboxed environment: templates cannot reach Python internals, and ``range`` is bounded."""
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        undefined=jinja2.StrictUndefined,
        finalize=escape.inline,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
    )
    env.filters.update(FILTERS)
    return env


def render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render template *name*; any template problem becomes a :class:`TemplateError` with file and line."""
    try:
        template = env.get_template(name)
        with _time_limit(MAX_SECONDS):
            return _bounded(template.generate(context), template.filename or name)
    except _TooSlow:
        file, line = _template_frame(name)
        raise TemplateError(
            f"the template ran for more than {MAX_SECONDS:.0f} seconds (an endless loop?)", location=Location(file, line)
        ) from None
    except RecursionError:
        file, line = _template_frame(name)
        raise TemplateError("the template recurses without end", location=Location(file, line)) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}",
            location=Location(exc.filename or exc.name or name, exc.lineno),
        ) from None
    except jinja2.TemplateNotFound as exc:
        folders = ", ".join(getattr(env.loader, "searchpath", []))
        raise TemplateError(f"template '{exc.name}' not found (looked in {folders})") from None
    except jinja2.UndefinedError as exc:
        file, line = _template_frame(name)
        raise TemplateError(_undefined_message(exc.message or "", context), location=Location(file, line)) from None
    except _EXPRESSION_ERRORS as exc:
        file, line = _template_frame(name)
        raise TemplateError(f"template failed: {type(exc).__name__}: {exc}", location=Location(file, line)) from None


_NO_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'")


def _undefined_message(message: str, context: dict[str, Any]) -> str:
    """Jinja's message, with the names that do exist there and the closest one."""
    match = _NO_ATTRIBUTE.search(message)
    if match:
        owner, wrong = match.groups()
        fields = next(
            (list(type(value).model_fields) for value in _values(context) if type(value).__name__ == owner and hasattr(type(value), "model_fields")),
            [],
        )
        close = difflib.get_close_matches(wrong, fields, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"{owner.lower()} has no field '{wrong}'{hint} (it has: {', '.join(fields)})"
    known = ", ".join(sorted(context))
    return f"{message}; did you mean one of: {known}? (docs/templates.md lists them)"


def _values(context: dict[str, Any]) -> Iterator[Any]:
    """The context's values and the items of its lists, where a template's objects come from."""
    for value in context.values():
        yield value
        if isinstance(value, list):
            yield from value[:1]


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
