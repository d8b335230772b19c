"""Pydantic's errors in the project's words: one table from error type to the message and the fix.

Every error type the outline's models can raise is in :data:`MESSAGES`, the
models' own (``series_length`` and the like) too: they get their fix here, and
those whose message depends on counts are worded here. A type missing from the
table still reads in plain words (:func:`wording`), never in pydantic's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic_core import ErrorDetails, core_schema

from reportgen.outline.extra import HINTS as EXTRA_HINTS
from reportgen.outline.vocabulary import closest_figure_type, closest_language, figure_types

NOUNS: dict[str, tuple[str, str]] = {
    "points": ("point", "points"),
    "sections": ("section", "sections"),
    "figures": ("figure", "figures"),
    "sources": ("source", "sources"),
    "keywords": ("keyword", "keywords"),
    "summary": ("item", "items"),
    "categories": ("category", "categories"),
    "series": ("series", "series"),
    "values": ("number", "numbers"),
    "columns": ("column", "columns"),
    "rows": ("row", "rows"),
    "source": ("source id", "source ids"),
    "chart": ("colour", "colours"),
}
"""What the items of each list are called (singular, plural); other lists hold "items"."""

SHAPES: dict[str, tuple[str, str]] = {
    "Meta": ("a mapping of the document's details (title:, author:, date: ...)", "title"),
    "Point": ("a point: text, or a mapping with 'text:' (and 'points:' or 'source:')", "text"),
    "Section": ("a section: a mapping with 'id:', 'title:' and its points", "id"),
    "Series": ("a series: a mapping with 'name:' and 'values:'", "name"),
    "Source": ("a source: a mapping with 'id:' and 'title:'", "id"),
    "figures": ("a figure: a mapping with 'id:', 'type:' and 'title:'", "id"),
    "FontFaces": ("a font family's files: a mapping with 'regular:' (and 'bold:', 'italic:', 'bold_italic:')", "regular"),
    "LanguageStrings": ("the words of one language: a mapping of 'strings' keys", "contents"),
}
"""What a mapping in the outline looks like, and the key it usually starts with, by model (or by the
list that holds it)."""


@dataclass(frozen=True)
class Problem:
    """One pydantic error, with what its wording needs to know."""

    kind: str
    path: tuple[str | int, ...]
    """Where it is in the data (see :mod:`reportgen.outline.locate`)."""
    value: Any
    context: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    """Pydantic's message: already in our words for the model's own error types, never shown otherwise."""
    known_keys: tuple[str, ...] = ()
    """The keys the model holding the error accepts."""
    at_key: bool = False
    """The error is about the last key itself (a glossary term), not its value."""

    @property
    def field(self) -> str:
        """The key the value sits under (for a list item, the list's key)."""
        return next((str(part) for part in reversed(self.path) if isinstance(part, str)), "")

    @property
    def is_item(self) -> bool:
        return bool(self.path) and isinstance(self.path[-1], int)

    def nouns(self) -> tuple[str, str]:
        """What this list's items are called; a table row is a list of cells."""
        if self.is_item and self.field == "rows":
            return ("cell", "cells")
        return NOUNS.get(self.field, ("item", "items"))


@dataclass(frozen=True)
class Wording:
    message: str
    hint: str | None = None
    inside: tuple[str | int, ...] = ()
    """Where inside the value the error really is (a figure's ``("type",)``, a table's ``("rows", 2)``)."""
    meant: str | None = None
    """For an unknown key, the known key it is a near miss of."""


def _empty(value: Any) -> bool:
    """Nothing written after the key: YAML's null, or no text at all."""
    return value is None or (isinstance(value, str) and not value.strip())


def _kind(value: Any) -> str:
    """How a message names what the user gave instead."""
    if _empty(value):
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a number"


def _count(number: int, nouns: tuple[str, str]) -> str:
    if number == 0:
        return f"no {nouns[1]}"
    return f"{number} {nouns[0] if number == 1 else nouns[1]}"


def _missing(problem: Problem) -> Wording:
    return Wording("required field is missing", f"add '{problem.field}:'")


def _unknown_key(problem: Problem) -> Wording:
    key = problem.field
    close = difflib.get_close_matches(key, problem.known_keys, n=1, cutoff=0.6)
    if close:
        return Wording(f"unknown key '{key}'", f"did you mean '{close[0]}'?", meant=close[0])
    return Wording(f"unknown key '{key}'", f"known keys: {', '.join(problem.known_keys)}" if problem.known_keys else None)


def _text(problem: Problem) -> Wording:
    if problem.value is None:
        return Wording("must not be empty", f"write the text after '{'-' if problem.is_item else problem.field + ':'}'")
    if isinstance(problem.value, dict):
        return Wording("must be text, not a mapping", "put text that contains ': ' in quotes")
    if isinstance(problem.value, list):
        return Wording("must be text, not a list", "put text that starts with '[' or '-' in quotes")
    return Wording(f"must be text, not {_kind(problem.value)}")


def _too_short(problem: Problem) -> Wording:
    if isinstance(problem.value, str):
        if problem.at_key:
            return Wording("a term must not be empty", "write the term before the ':'")
        if problem.is_item:
            return Wording("must not be empty", "write its text, or remove the empty item")
        return Wording("must not be empty", f"write the {problem.field} after '{problem.field}:'")
    least = int(problem.context.get("min_length", 1))
    nouns = problem.nouns()
    have = problem.context.get("actual_length", len(problem.value) if isinstance(problem.value, list) else 0)
    return Wording(
        f"has {_count(int(have), nouns)}; at least {least} {'is' if least == 1 else 'are'} needed",
        f"add {'one' if least == 1 else least} {nouns[0] if least == 1 else nouns[1]}",
    )


def _too_long(problem: Problem) -> Wording:
    most = int(problem.context.get("max_length", 0))
    have = int(problem.context.get("actual_length", len(problem.value) if isinstance(problem.value, list) else 0))
    hint = f"remove {have - most}"
    if problem.field == "summary":
        hint = f"keep the {most} judgments that matter most; the rest belong in the sections"
    return Wording(f"has {_count(have, problem.nouns())}; at most {most} are allowed", hint)


COLOUR_PATTERN = "^#[0-9A-Fa-f]{6}$"
"""The pattern of a theme's colours (``reportgen.theme.common.Colour``)."""


def _pattern(problem: Problem) -> Wording:
    value = str(problem.value)
    if problem.context.get("pattern") == COLOUR_PATTERN:
        return Wording(f"must be a colour written as #RRGGBB, not '{value}'", "e.g. '#1B365D', in quotes")
    if problem.field == "language":
        closest = closest_language(value)
        hint = f"did you mean '{closest}'?" if closest else "write a BCP 47 tag: a language, then an optional script and region"
        return Wording(f"must be a language tag such as 'en' or 'ja-JP' (BCP 47), not '{value}'", hint)
    what = "source id" if problem.field == "source" else "id"
    usable = re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-_")
    hint = "use letters, digits, '-' and '_', starting with a letter or digit"
    return Wording(f"'{value}' is not a valid {what}", f"{hint}, e.g. '{usable}'" if usable else hint)


def _list(problem: Problem) -> Wording:
    singular, plural = problem.nouns()
    if problem.field == "source" and not problem.is_item:
        return Wording(f"must be a source id or a list of them, not {_kind(problem.value)}", "write 'source: ID' or 'source: [ID, ID]'")
    if _empty(problem.value):
        return Wording(f"must be a list of {plural}, not empty", f"add '- ...' lines under it, or leave '{problem.field}:' out")
    if isinstance(problem.value, dict):
        return Wording(f"must be a list of {plural}, not a mapping", f"start each {singular} with '- '")
    if isinstance(problem.value, str) and problem.field == "rows":
        return Wording(f"must be a list of {plural}, not text", "write the cells in brackets: [a, b, c]")
    return Wording(
        f"must be a list of {plural}, not {_kind(problem.value)}",
        f"write each {singular} on its own line, starting with '- ', or in brackets: [a, b]",
    )


def _mapping(problem: Problem) -> Wording:
    if problem.field != "glossary":
        return Wording(f"must be a mapping of keys, not {_kind(problem.value)}", "write it as 'key: value' lines under it")
    if _empty(problem.value):
        return Wording("must be a mapping of term: meaning, not empty", "add 'TERM: meaning' lines under it, or leave the key out")
    return Wording(
        f"must be a mapping of term: meaning, not {_kind(problem.value)}",
        "write each entry as 'TERM: meaning' on its own line, without '- '",
    )


def _model(problem: Problem) -> Wording:
    name = str(problem.context.get("class_name") or "")
    shape, first = SHAPES.get(name) or SHAPES.get(problem.field) or ("a mapping of keys", "")
    hint = f"start it with one of its keys, e.g. '{first}: ...'" if first else "write it as 'key: value' lines"
    if name == "Point" and isinstance(problem.value, list):
        hint = "to nest points, write the point above as 'text: ...' with 'points:' under it"
    elif name == "Point":
        hint = "write the point as text, or as 'text: ...'"
    return Wording(f"must be {shape}, not {_kind(problem.value)}", hint)


def _number(problem: Problem) -> Wording:
    if isinstance(problem.value, str) and not _empty(problem.value):
        return Wording(f"must be a number, got {problem.value!r}", "write digits only, such as 12.5: no units or thousands separators")
    return Wording(f"must be a number, not {_kind(problem.value)}", "write digits only, such as 12.5")


def _date(problem: Problem) -> Wording:
    if not isinstance(problem.value, str) or _empty(problem.value):
        return Wording(f"must be a date written as YYYY-MM-DD, not {_kind(problem.value)}", "e.g. 2025-01-15")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", problem.value.strip()):
        return Wording(f"must be a date written as YYYY-MM-DD, got {problem.value!r}", "that day does not exist")
    return Wording(f"must be a date written as YYYY-MM-DD, got {problem.value!r}", "e.g. 2025-01-15")


def _figure_types_hint(given: Any) -> str:
    closest = closest_figure_type(given) if isinstance(given, str) else None
    if closest:
        return f"did you mean '{closest}'?"
    types = figure_types()
    return f"use {', '.join(types[:-1])} or {types[-1]}"


def _figure_tag(problem: Problem) -> Wording:
    given = problem.value.get("type") if isinstance(problem.value, dict) else problem.context.get("tag")
    if _empty(given):
        return Wording("the figure's type is empty", _figure_types_hint(None), inside=("type",))
    if not isinstance(given, str):
        return Wording(f"the figure's type must be one word, not {_kind(given)}", _figure_types_hint(None), inside=("type",))
    return Wording(f"unknown figure type {given!r}", _figure_types_hint(given), inside=("type",))


def _figure_untyped(problem: Problem) -> Wording:
    return Wording("a figure needs a 'type'", f"add 'type:' with {_figure_types_hint(None).removeprefix('use ')}")


def _literal(problem: Problem) -> Wording:
    expected = str(problem.context.get("expected", ""))
    allowed = re.findall(r"'([^']*)'", expected) or re.findall(r"-?\d+(?:\.\d+)?", expected)  # text choices are quoted, numbers not
    if problem.field == "type":
        return Wording(f"unknown figure type {problem.value!r}", _figure_types_hint(problem.value))
    close = difflib.get_close_matches(str(problem.value).lower(), allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(allowed)}"
    return Wording(f"{problem.value!r} is not allowed here", hint)


def _bound(word: str, key: str) -> Callable[[Problem], Wording]:
    """A number past a limit: *key* is the limit's name in pydantic's context (``ge``, ``le``...)."""

    def worded(problem: Problem) -> Wording:
        limit = problem.context.get(key)
        shown = f"{limit:g}" if isinstance(limit, (int, float)) else str(limit)
        return Wording(f"must be {word} {shown}, not {problem.value}")

    return worded


def _validator(problem: Problem) -> Wording:
    """A model's own check, raised as a ``ValueError`` in our words (pydantic prefixes them; the prefix goes)."""
    error = problem.context.get("error")
    hint = "e.g. 'Page {page} of {pages}'" if problem.field == "page_of" else None
    return Wording(str(error) if error is not None else problem.text.removeprefix("Value error, "), hint)


def _ours(hint: str) -> Callable[[Problem], Wording]:
    """An error the model raises in our own words (:mod:`reportgen.outline.model`), with its fix."""
    return lambda problem: Wording(problem.text, hint)


def _inside_extra(hint: str) -> Callable[[Problem], Wording]:
    """An ``extra:`` value refused (:mod:`reportgen.outline.extra`), placed at the value itself."""
    return lambda problem: Wording(problem.text, hint, inside=tuple(problem.context.get("inside", ())))


def _there_are(number: int, nouns: tuple[str, str]) -> str:
    """``is 1 column`` or ``are 3 columns``, to follow "but there"."""
    return f"is 1 {nouns[0]}" if number == 1 else f"are {number} {nouns[1]}"


def _series_length(problem: Problem) -> Wording:
    ctx = problem.context
    return Wording(
        f"series '{ctx['name']}' has {_count(ctx['n'], ('value', 'values'))} but there {_there_are(ctx['m'], ('category', 'categories'))}",
        "give each series one value per category",
        inside=("series", ctx["index"]),
    )


def _pie_negative(problem: Problem) -> Wording:
    return Wording(problem.text, "use a bar chart for values below zero", inside=("series", problem.context["index"]))


def _row_length(problem: Problem) -> Wording:
    ctx = problem.context
    return Wording(
        f"row {ctx['index'] + 1} has {_count(ctx['n'], ('cell', 'cells'))} but there {_there_are(ctx['m'], ('column', 'columns'))}",
        "give each row one cell per column",
        inside=("rows", ctx["index"]),
    )


MESSAGES: dict[str, Callable[[Problem], Wording]] = {
    "missing": _missing,
    "extra_forbidden": _unknown_key,
    "string_type": _text,
    "too_short": _too_short,
    "too_long": _too_long,
    "string_pattern_mismatch": _pattern,
    "list_type": _list,
    "dict_type": _mapping,
    "model_type": _model,
    "model_attributes_type": _model,
    "float_parsing": _number,
    "float_type": _number,
    "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date,
    "date_type": _date,
    "union_tag_invalid": _figure_tag,
    "union_tag_not_found": _figure_untyped,
    "literal_error": _literal,
    "greater_than_equal": _bound("at least", "ge"),
    "less_than_equal": _bound("at most", "le"),
    "greater_than": _bound("more than", "gt"),
    "less_than": _bound("less than", "lt"),
    "value_error": _validator,
    "not_finite": _ours("write an ordinary number; a value as large as 1e999 counts as infinite"),
    "series_length": _series_length,
    "row_length": _row_length,
    "pie_negative": _pie_negative,
    "pie_series": _ours("use a bar or line chart to compare several series"),
    **{kind: _inside_extra(hint) for kind, hint in EXTRA_HINTS.items()},
}
"""Error type -> its wording: the types pydantic raises for the outline's and the theme's models, then the
models' own."""


def wording(problem: Problem) -> Wording:
    """The message and fix for *problem*."""
    worded = MESSAGES.get(problem.kind)
    if worded is not None:
        return worded(problem)
    if _is_pydantics(problem.kind):
        return Wording(f"reportgen cannot use {_kind(problem.value)} here")
    return Wording(problem.text)


def _is_pydantics(kind: str) -> bool:
    """Whether *kind* is one of pydantic's error types (whose messages are not ours), not one we raised."""
    return kind in get_args(core_schema.ErrorType)


def problem_of(error: ErrorDetails, path: tuple[str | int, ...], known_keys: tuple[str, ...], at_key: bool) -> Problem:
    return Problem(
        kind=error["type"],
        path=path,
        value=error.get("input"),
        context=dict(error.get("ctx") or {}),
        text=error["msg"],
        known_keys=known_keys,
        at_key=at_key,
    )
