"""The project's own error types.

Every error a user can cause carries where it happened (file, line, column)
and which field, so the command line can print it as one line and exit 2.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Location:
    """A place in a user's file; line and column are 1-based."""

    file: Path | str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [str(self.file) if self.file is not None else "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


def _nowhere() -> Location | None:
    return None


@dataclass(frozen=True)
class FieldText:
    """One text of an input file with its field path (``sections[0].points[2].text``).

    Where it is in the file is looked up only when asked, for an error or a warning: finding the
    place of every text of an outline would cost more than the checks that read them.
    """

    field: str
    text: str
    locate: Callable[[], Location | None] = _nowhere

    @property
    def location(self) -> Location | None:
        return self.locate()


def dotted_path(path: tuple[str | int, ...]) -> str:
    """``("sections", 2, "points", 0)`` -> ``sections[2].points[0]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out



class ReportgenError(Exception):
    """Base of every error the user can fix; printed as one line, exit code 2."""

    def __init__(
        self,
        message: str,
        *,
        location: Location | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.field = field
        self.hint = hint

    def __reduce__(self) -> tuple[object, ...]:
        """Errors cross process boundaries (parallel rendering, batch workers) with every field."""
        return (_rebuild, (type(self), self.message, self.location, self.field, self.hint))

    def one_line(self) -> str:
        """The error as the command line prints it."""
        head = f"{self.location}: " if self.location is not None else ""
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        text = f"{head}{field}{self.message}{hint}"
        return " ".join(text.split())

    def __str__(self) -> str:
        return self.one_line()


def _rebuild(cls: type[ReportgenError], message: str, location: Location | None, field: str | None, hint: str | None) -> ReportgenError:
    return cls(message, location=location, field=field, hint=hint)


MAX_SHOWN = 20
"""An :class:`ErrorList` prints at most this many errors, then how many more there are."""


class ErrorList(ReportgenError):
    """Several errors of one file, found in one pass so the user can fix them all before running again.

    Printed one line per error, in the order they appear in the file; beyond :data:`MAX_SHOWN`, one
    line says how many more there are.
    """

    def __init__(self, errors: Iterable[ReportgenError]) -> None:
        flat = [inner for error in errors for inner in (error.errors if isinstance(error, ErrorList) else [error])]
        self.errors: list[ReportgenError] = sorted(flat, key=_position_key)
        first = self.errors[0] if self.errors else None
        super().__init__(
            f"{len(self.errors)} errors",
            location=first.location if first else None,
            field=first.field if first else None,
        )

    @classmethod
    def of(cls, errors: Iterable[ReportgenError]) -> ReportgenError | None:
        """None for no errors, the error itself for one (printed exactly as alone), else a list of them all."""
        found = list(errors)
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        return cls(found)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.errors,))

    def lines(self) -> list[str]:
        """One line per error shown, then "and N more" if some are not."""
        shown = [error.one_line() for error in self.errors[:MAX_SHOWN]]
        hidden = len(self.errors) - MAX_SHOWN
        if hidden > 0:
            shown.append(f"and {hidden} more {'error' if hidden == 1 else 'errors'} (fix these and run again to see them)")
        return shown

    def one_line(self) -> str:
        """The errors as the command line prints them: one line each, joined by newlines."""
        return "\n".join(self.lines())


def _position_key(error: ReportgenError) -> tuple[bool, str, bool, int, int]:
    """Errors in file order: by line, then column; errors with no line after those of their file, and
    errors with no place at all last."""
    location = error.location or Location()
    nowhere = location.file is None and location.line is None
    return (nowhere, str(location.file or ""), location.line is None, location.line or 0, location.column or 0)


class OutlineError(ReportgenError):
    """The outline YAML is unreadable or does not match the outline model."""


class OutlineErrors(ErrorList, OutlineError):
    """Every problem found in one outline (``except OutlineError`` catches it too)."""


class TemplateError(ReportgenError):
    """A template set, its theme or a template is broken."""


class TemplateErrors(ErrorList, TemplateError):
    """Every problem found in one template set: its theme files, or one template's Markdown (``except TemplateError`` catches it too)."""


class RenderError(ReportgenError):
    """The document cannot be rendered (e.g. a figure the renderer cannot draw)."""


class OutputError(ReportgenError):
    """The pack cannot be written where it was asked to go."""


class ReportgenWarning(UserWarning):
    """Something the build worked around but the user should know (a removed character, a missing glyph).

    Raised through :func:`warnings.warn`; the command line prints each once.
    """

    def __init__(
        self, message: str, *, location: Location | None = None, field: str | None = None, hint: str | None = None
    ) -> None:
        self.error = ReportgenError(message, location=location, field=field, hint=hint)
        super().__init__(self.error.one_line())


@contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """Collect reportgen's warnings raised inside the block, each once, as one-line texts (filled on exit)."""
    found: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportgenWarning)
        try:
            yield found
        finally:
            found.extend(dict.fromkeys(str(w.message) for w in caught if isinstance(w.message, ReportgenWarning)))
