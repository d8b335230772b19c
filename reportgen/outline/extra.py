"""``extra:``: fields of an organisation's own, carried to the templates untouched.

An outline's parts are strict (a misspelt key is an error), so a template
author who needs a field reportgen does not know (an owner, a confidence
level) writes it under ``extra``. The values are plain data: text, numbers,
booleans, dates, lists and mappings, bounded so that a template set can rely
on them and a hostile file cannot make them huge.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from reportgen.links import link_problem, links_in

MAX_DEPTH = 5
"""Levels of lists and mappings, ``extra`` itself the first."""
MAX_KEYS = 200
MAX_TEXT = 10_000
MAX_ITEMS = 1_000
"""Items in one list."""

_SCALARS = (str, bool, int, float, dt.date, type(None))


_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _typed(value: Any) -> Any:
    """The YAML's text read as YAML's core schema reads a plain scalar: numbers, dates, true and false.

    The file reader keeps every scalar as its text (so that ``no`` stays text in a title); here,
    where the templates may do arithmetic or format a date, the values are what they look like.
    """
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if not isinstance(value, str):
        return value
    if value in ("true", "false"):
        return value == "true"
    if _NUMBER.fullmatch(value):
        number = float(value)
        return int(value) if value.lstrip("+-").isdigit() else number
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _check(value: dict[str, Any]) -> dict[str, Any]:
    _walk(value, (), 1)
    return value


def _walk(value: Any, at: tuple[str | int, ...], depth: int) -> None:
    if isinstance(value, dict):
        _container(depth, at, len(value), MAX_KEYS, "keys")
        for key, item in value.items():
            if not isinstance(key, str):
                raise _refused("extra_key", at, "has a key that is not text ({key!r})", key=key)
            _walk(item, (*at, key), depth + 1)
    elif isinstance(value, list):
        _container(depth, at, len(value), MAX_ITEMS, "items")
        for index, item in enumerate(value):
            _walk(item, (*at, index), depth + 1)
    elif isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise _refused("extra_text", at, "is {n} characters long; the most is {limit}", n=f"{len(value):,}", limit=f"{MAX_TEXT:,}")
        for target in links_in(value):
            problem = link_problem(target)
            if problem:
                raise _refused("extra_link", at, "links to {problem}", problem=problem)
    elif isinstance(value, float) and not math.isfinite(value):
        raise _refused("extra_number", at, "is {value}, not a finite number", value=value)
    elif not isinstance(value, _SCALARS):
        raise _refused("extra_type", at, "holds {held}, not plain data", held=type(value).__name__)


def _container(depth: int, at: tuple[str | int, ...], size: int, limit: int, what: str) -> None:
    if depth > MAX_DEPTH:
        raise _refused("extra_depth", at, "is nested more than {limit} levels deep", limit=MAX_DEPTH)
    if size > limit:
        raise _refused("extra_size", at, "has {n} {what}; the most is {limit}", n=f"{size:,}", what=what, limit=f"{limit:,}")


def _refused(kind: str, at: tuple[str | int, ...], message: str, **context: Any) -> PydanticCustomError:
    """An error about the value at *at* inside ``extra`` (the messages place it there: ``inside``)."""
    return PydanticCustomError(kind, message, {**context, "inside": at})


Extra = Annotated[
    dict[str, Any],
    BeforeValidator(_typed),
    AfterValidator(_check),
    Field(
        default_factory=dict,
        description=(
            "Fields of your own for your templates (section.extra.owner): text, numbers, dates, lists and mappings,"
            f" at most {MAX_DEPTH} levels deep, {MAX_KEYS} keys a mapping and {MAX_TEXT:,} characters a text."
        ),
    ),
]

HINTS = {
    "extra_key": "quote the key so that it is text",
    "extra_text": f"shorten it to at most {MAX_TEXT:,} characters",
    "extra_link": "change the link, or write the address as plain text",
    "extra_number": "write an ordinary number",
    "extra_type": "write text, a number, a date, a list or a mapping",
    "extra_depth": f"flatten it to at most {MAX_DEPTH} levels",
    "extra_size": "keep only what the templates use, or split it into parts",
}
"""The fix for each of this module's errors (:mod:`reportgen.outline.messages`)."""
