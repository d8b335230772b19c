"""The dialect's rules the Markdown reader enforces (docs/dialect.md), as problems to report together.

A mistake in the dialect (``{layout=qoute}``, ``::: colum``) used to be read
as something else without a word; each is now a problem with a did-you-mean
suggestion, and every problem of one Markdown text is reported at once
(:class:`reportgen.errors.TemplateErrors`), at its place in the template.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from reportgen.document.origin import Origin
from reportgen.document.vocab import ContainerKind, HeadingAttr, Layout
from reportgen.errors import TemplateError, TemplateErrors


@dataclass(frozen=True)
class Problem:
    """One mistake: what is wrong, what to do, where in the Markdown, and what to look for in the templates."""

    message: str
    hint: str | None
    markdown_line: int | None
    pattern: re.Pattern[str] | None = None


def _values(vocabulary: type[StrEnum]) -> set[str]:
    return {member.value for member in vocabulary}


def suggestion(word: str, vocabulary: type[StrEnum]) -> str:
    """``did you mean 'quote'?`` for the closest word of *vocabulary*, else the words it has."""
    known = [member.value for member in vocabulary]
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"use one of: {', '.join(known)}"


def _literal(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text))


def attribute_problems(attrs: dict[str, str], raw: dict[str, str], line: int | None) -> list[Problem]:
    """Unknown heading attributes and unknown layout names (*raw*: each attribute as written)."""
    problems = []
    for name, value in attrs.items():
        if name not in _values(HeadingAttr):
            problems.append(
                Problem(f"unknown heading attribute '{name}'", suggestion(name, HeadingAttr), line, _literal(raw[name]))
            )
        elif name == HeadingAttr.LAYOUT and value.strip() not in _values(Layout):
            problems.append(
                Problem(f"unknown layout '{value.strip()}'", suggestion(value.strip(), Layout), line, _literal(raw[name]))
            )
        elif name == HeadingAttr.MINUTES and value.strip() and minutes_value(value) is None:
            problems.append(Problem(f"minutes must be a positive number, not '{value.strip()}'", None, line, _literal(raw[name])))
    return problems


def minutes_value(value: str) -> float | None:
    """``minutes=2.5`` as a number of minutes (a template's escaped ``2\\.5`` too); None unless it is a
    positive, finite number."""
    try:
        minutes = float(value.replace("\\", "").strip())
    except ValueError:
        return None
    return minutes if 0 < minutes < float("inf") else None


def container_problem(name: str, line: int | None) -> Problem | None:
    """An unknown container name (``::: colum``), or None."""
    if name in _values(ContainerKind):
        return None
    pattern = re.compile(r":{3,}[ \t]*" + re.escape(name) + r"(?![\w-])")
    return Problem(f"unknown container '{name}'", suggestion(name, ContainerKind), line, pattern)


def stray_in_columns(first_line: str, line: int | None) -> Problem:
    """A block inside ``:::: columns`` but in no ``::: column``: the formats used to disagree on where
    it goes (the brief made it a column, the deck put it under the columns), so it is an error."""
    text = first_line.strip()
    pattern = re.compile(r"^[ \t]*" + re.escape(text) + r"[ \t]*$", re.MULTILINE) if text else None
    return Problem(
        "a block inside ':::: columns' is not inside a '::: column'",
        "put it inside one of the '::: column' blocks, or after the columns' closing fence",
        line,
        pattern,
    )


def raise_problems(problems: Iterable[Problem], origin: Origin) -> None:
    """Raise every problem at once, each at its template line (or the Markdown's), if there are any."""
    errors = []
    for problem in problems:
        location, where = origin.locate(problem.pattern, problem.markdown_line)
        errors.append(
            TemplateError(f"{where}{problem.message}", location=location, field=None if location else (origin.name or None), hint=problem.hint)
        )
    error = TemplateErrors.of(errors)
    if error is not None:
        raise error
