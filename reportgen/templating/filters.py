"""The filters and tests templates may use: reportgen's own, and a listed part of Jinja's.

Jinja's filters that can make a value much larger than their input
(``center``, ``indent``, ``wordwrap``, ``join``, ``batch``, ``slice``,
``replace``, ``format``...) are replaced by versions that check the result's
size first; every other filter's result is checked after. Filters for HTML,
for debugging and for randomness are not offered. docs/templates.md lists
these names and a test keeps the list in step.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from jinja2 import filters as jinja_filters
from jinja2 import pass_environment
from jinja2 import tests as jinja_tests
from jinja2.exceptions import FilterArgumentError

from reportgen.dates import format_date
from reportgen.templating import bounds, escape
from reportgen.templating.bounds import Refused


def _url(value: object) -> escape.Markdown:
    """A URL made safe for a Markdown link destination."""
    return escape.Markdown(quote(str(value).strip(), safe=":/?#[]@!$&'*+,;=%~-._"))


OWN_FILTERS: dict[str, Callable[..., Any]] = {
    "md": escape.inline,
    "paragraphs": escape.paragraphs,
    "bullets": escape.bullets,
    "citation": escape.citation,
    "cite": escape.cite,
    "plain": escape.plain,
    "date": format_date,
    "url": _url,
}

_JINJA_AS_IS = (
    "abs", "capitalize", "count", "d", "default", "dictsort", "filesizeformat", "first", "float", "groupby",
    "int", "items", "last", "length", "lower", "map", "max", "min", "reject", "rejectattr", "reverse",
    "round", "select", "selectattr", "sort", "title", "trim", "truncate", "unique", "upper", "urlencode",
    "wordcount",
)
"""Jinja filters whose result is at most a few times their input: checked after they run."""


def _checked(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps Jinja's pass_environment / pass_context mark
    def call(*args: Any, **kwargs: Any) -> Any:
        return bounds.check_result(function(*args, **kwargs), f"the {name} filter")

    return call


def _center(value: Any, width: Any = 80) -> str:
    bounds.check_width(width, f"center({bounds.show(width)})")
    return jinja_filters.do_center(value, width)


def _indent(text: Any, width: Any = 4, first: bool = False, blank: bool = False) -> str:
    text = str(text)
    step = len(width) if isinstance(width, str) else width
    if isinstance(step, int):
        bounds.check_text_size(len(text) + bounds.line_count(text) * step, f"indent({bounds.show(width)})")
    return jinja_filters.do_indent(text, width, first, blank)


@pass_environment
def _wordwrap(env: Any, text: Any, width: Any = 79, break_long_words: bool = True, wrapstring: Any = None,
              break_on_hyphens: bool = True) -> str:
    text = str(text)
    joint = env.newline_sequence if wrapstring is None else str(wrapstring)
    if isinstance(width, int) and width > 0:
        lines = len(text) // width + bounds.line_count(text)
        bounds.check_text_size(len(text) + lines * len(joint), f"wordwrap({width})")
    return jinja_filters.do_wordwrap(env, text, width, break_long_words, wrapstring, break_on_hyphens)


@pass_environment
def _join(env: Any, value: Any, d: Any = "", attribute: Any = None) -> str:
    items = bounds.items_of(value, "the join filter")
    if attribute is not None:
        getter = jinja_filters.make_attrgetter(env, attribute)
        items = [getter(item) for item in items]
    return bounds.join_texts(items, str(d), "the join filter")


def _batch(value: Any, linecount: Any, fill_with: Any = None) -> Any:
    if fill_with is not None and isinstance(linecount, int):
        bounds.check_list_size(linecount, f"batch({linecount}, ...)")
    return jinja_filters.do_batch(value, linecount, fill_with)


def _slice(value: Any, slices: Any, fill_with: Any = None) -> Any:
    if isinstance(slices, int):
        bounds.check_list_size(slices, f"slice({slices})")
    return jinja_filters.do_slice(value, slices, fill_with)


def _replace_filter(text: Any, old: Any, new: Any, count: Any = None) -> str:
    return bounds.replace(str(text), str(old), str(new), -1 if count is None else count)


def _format_filter(value: Any, *args: Any, **kwargs: Any) -> str:
    if args and kwargs:
        raise FilterArgumentError("can't handle positional and keyword arguments at the same time")
    return bounds.percent(str(value), kwargs or args)


def _string(value: Any) -> str:
    return bounds.text_of(value, "the string filter")


def _list(value: Any) -> list[Any]:
    return list(bounds.items_of(value, "the list filter"))


@pass_environment
def _sum(env: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
    items = bounds.items_of(iterable, "the sum filter")
    if attribute is not None:
        getter = jinja_filters.make_attrgetter(env, attribute)
        items = [getter(item) for item in items]
    if not all(isinstance(item, (int, float)) for item in (start, *items)):
        raise Refused("the sum filter adds numbers only")
    return bounds.check_result(sum(items, start), "the sum filter")


JINJA_FILTERS: dict[str, Callable[..., Any]] = {
    **{name: _checked(name, jinja_filters.FILTERS[name]) for name in _JINJA_AS_IS},
    "center": _center,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "join": _join,
    "batch": _batch,
    "slice": _slice,
    "replace": _replace_filter,
    "format": _format_filter,
    "string": _string,
    "list": _list,
    "sum": _sum,
}

FILTERS: dict[str, Callable[..., Any]] = {**JINJA_FILTERS, **OWN_FILTERS}
"""Every filter a template may use."""

REFUSED_FILTERS = frozenset(jinja_filters.FILTERS) - frozenset(FILTERS)
"""Jinja's filters that templates here may not use (HTML, debugging output, randomness, raw attribute access)."""

TESTS: dict[str, Any] = {
    name: jinja_tests.TESTS[name]
    for name in (
        "boolean", "defined", "divisibleby", "eq", "equalto", "even", "false", "float", "ge", "greaterthan",
        "gt", "in", "integer", "iterable", "le", "lessthan", "lower", "lt", "mapping", "ne", "none", "number",
        "odd", "sameas", "sequence", "string", "true", "undefined", "upper",
        "==", "!=", ">", ">=", "<", "<=",
    )
}
"""Every test (``x is defined``) a template may use: each answers yes or no about a value."""
