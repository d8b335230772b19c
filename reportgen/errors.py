"""The project's own error types.

Every error a user can cause carries where it happened (file, line, column)
and which field, so the command line can print it as one line and exit 2.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
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


class OutlineError(ReportgenError):
    """The outline YAML is unreadable or does not match the outline model."""


class TemplateError(ReportgenError):
    """A template set, its theme or a template is broken."""


class RenderError(ReportgenError):
    """The document cannot be rendered (e.g. a figure the renderer cannot draw)."""


class OutputError(ReportgenError):
    """The pack cannot be written where it was asked to go."""


class ReportgenWarning(UserWarning):
    """Something the build worked around but the user should know (a removed character, a missing glyph).

    Raised through :func:`warnings.warn`; the command line prints each once.
    """

    def __init__(self, message: str, *, location: Location | None = None, field: str | None = None) -> None:
        self.error = ReportgenError(message, location=location, field=field)
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
