"""How large a value a template may make, checked before the work is done.

A template can ask for ``9 ** 99999999`` or ``'ab' * 2000000000`` in a few
characters; Python would compute it in C, where no time limit can interrupt
it, or fill memory first. Every operation that can make a value much larger
than its inputs is checked here against three bounds: integers of at most
:data:`MAX_INT_DIGITS` digits, texts of at most :data:`MAX_TEXT_CHARS`
characters (the output bound), lists of at most :data:`MAX_LIST_ITEMS` items.
What still slips through (a slow call on values within the bounds) is ended
by the forked child's CPU and memory limits (:mod:`reportgen.templating.env`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping, MappingView
from functools import lru_cache
from typing import Any, cast

from jinja2.exceptions import SecurityError

MAX_INT_DIGITS = 4_300
"""Python's own limit for turning an integer into text."""
MAX_TEXT_CHARS = 20_000_000
"""The same as the bound on a template's output."""
MAX_LIST_ITEMS = 1_000_000

_LOG10_2 = math.log10(2)
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


class Refused(SecurityError):
    """Something a template may not do or make; reported as one line with the template's file and line."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def too_long_text(what: str) -> Refused:
    return Refused(f"the template makes a text of more than {MAX_TEXT_CHARS:,} characters ({what})")


def too_long_list(what: str) -> Refused:
    return Refused(f"the template makes a list of more than {MAX_LIST_ITEMS:,} items ({what})")


def too_large_number(what: str) -> Refused:
    return Refused(f"the template computes a number of more than {MAX_INT_DIGITS:,} digits ({what})")


def check_text_size(size: int, what: str) -> None:
    if size > MAX_TEXT_CHARS:
        raise too_long_text(what)


def check_list_size(size: int, what: str) -> None:
    if size > MAX_LIST_ITEMS:
        raise too_long_list(what)


def check_result(value: Any, what: str) -> Any:
    """*value*, if it is within the bounds (the check after an operation that grows at most a few times over)."""
    if isinstance(value, str):
        check_text_size(len(value), what)
    elif isinstance(value, (list, tuple)):
        check_list_size(len(value), what)
    elif isinstance(value, int) and _over_digits(value):
        raise too_large_number(what)
    return value


def _digits(value: int) -> int:
    """Decimal digits of *value*, estimated from its bit length (at most one too many)."""
    return int(abs(value).bit_length() * _LOG10_2) + 1


@lru_cache(maxsize=4)
def _first_too_large(digits: int) -> int:
    return 10**digits


def _over_digits(value: int) -> bool:
    return _digits(value) > MAX_INT_DIGITS and abs(value) >= _first_too_large(MAX_INT_DIGITS)


def show(value: Any) -> str:
    """An operand as an error message names it: short values as written, long ones by their size."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return str(value) if _digits(value) <= 24 else f"a number of about {_digits(value):,} digits"
    if isinstance(value, str):
        return repr(value) if len(value) <= 24 else f"a text of {len(value):,} characters"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value):,} item{'' if len(value) == 1 else 's'}"
    return type(value).__name__


# -- operators --------------------------------------------------------------


def binop(operator: str, left: Any, right: Any, compute: Callable[[Any, Any], Any]) -> Any:
    """``left <operator> right`` unless its result would be out of bounds."""
    what = f"{show(left)} {operator} {show(right)}"
    if operator == "**":
        _check_power(left, right, what)
    elif operator == "*":
        _check_product(left, right, what)
    elif operator == "+":
        _check_sum(left, right, what)
    elif operator == "%" and isinstance(left, str):
        return percent(left, right)
    return check_result(compute(left, right), what)


def _is_int(value: Any) -> bool:
    return isinstance(value, int)


def _check_power(base: Any, exponent: Any, what: str) -> None:
    growing = _is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1
    if growing and exponent * math.log10(abs(base)) > MAX_INT_DIGITS + 1:
        raise too_large_number(what)


def _check_product(left: Any, right: Any, what: str) -> None:
    if _is_int(left) and _is_int(right):
        if left and right and _digits(left) + _digits(right) - 1 > MAX_INT_DIGITS + 1:
            raise too_large_number(what)
        return
    sequence, times = (left, right) if _is_int(right) else (right, left)
    if not _is_int(times) or times <= 0:
        return
    if isinstance(sequence, str):
        check_text_size(len(sequence) * times, what)
    elif isinstance(sequence, (list, tuple)):
        check_list_size(len(sequence) * times, what)


def _check_sum(left: Any, right: Any, what: str) -> None:
    if isinstance(left, str) and isinstance(right, str):
        check_text_size(len(left) + len(right), what)
    elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        check_list_size(len(left) + len(right), what)


def replace(text: str, old: Any, new: Any, count: Any = -1) -> str:
    """``text.replace(old, new, count)``, refused first if the result would be out of bounds."""
    if isinstance(old, str) and isinstance(new, str) and isinstance(count, int):
        found = len(text) + 1 if not old else text.count(old)
        if count >= 0:
            found = min(found, count)
        check_text_size(len(text) + found * (len(new) - len(old)), f"str.replace(.., {show(new)})")
    return text.replace(old, new, count)


# -- text of values -----------------------------------------------------------

_CONTAINERS = (list, tuple, dict, MappingView)
"""What prints as the text of everything it holds (a dict's ``values()`` too)."""


def text_size(value: Any, limit: int) -> int:
    """About how long ``str(value)`` is, counting no further than just past *limit*.

    Exact enough for plain data; it matters for lists that hold one long text many times over,
    which take little memory but print as a vast text.
    """
    on_path: set[int] = set()

    def size(item: Any, budget: int) -> int:
        if isinstance(item, str):
            return len(item) + 2
        if isinstance(item, _CONTAINERS):
            if id(item) in on_path:
                return 5
            on_path.add(id(item))
            total = 2
            parts: Iterable[object] = item.items() if isinstance(item, dict) else cast("Iterable[object]", item)
            for part in parts:
                total += size(part, budget - total) + 2
                if total > budget:
                    break
            on_path.discard(id(item))
            return total
        if isinstance(item, int):
            return _digits(item) + 1
        return 32

    return size(value, limit)


def text_of(value: Any, what: str) -> str:
    """``str(value)``, refused first if that text would be out of bounds."""
    if isinstance(value, str):
        return value
    if isinstance(value, _CONTAINERS) and text_size(value, MAX_TEXT_CHARS) > MAX_TEXT_CHARS:
        raise too_long_text(what)
    return str(value)


def join_texts(parts: Iterable[Any], separator: str = "", what: str = "~") -> str:
    """The parts' texts joined, refused once their total passes the bound."""
    texts = []
    total = 0
    for part in items_of(parts, what):
        text = text_of(part, what)
        total += len(text) + len(separator)
        check_text_size(total - len(separator), what)
        texts.append(text)
    return separator.join(texts)


def items_of(values: Iterable[Any], what: str) -> list[Any] | tuple[Any, ...]:
    """*values* as a list, taking no more than the bound allows."""
    if isinstance(values, (list, tuple)):
        check_list_size(len(values), what)
        return values
    items = list(itertools.islice(values, MAX_LIST_ITEMS + 1))
    check_list_size(len(items), what)
    return items


# -- printf-style formatting ---------------------------------------------------------

_CONVERSION = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d+))?[hlL]?(?P<type>[diouxXeEfFgGcrsa%])"
)


def percent(template: str, arguments: Any) -> str:
    """``template % arguments`` (the ``%`` operator and the ``format`` filter), refused first if the
    widths, precisions and values would make it out of bounds."""
    what = f"{show(template)} % ..."
    values = arguments if isinstance(arguments, tuple) else (arguments,)
    mapping = arguments if isinstance(arguments, Mapping) else None
    position = 0

    def take() -> Any:
        nonlocal position
        position += 1
        return values[position - 1] if position <= len(values) else None

    size = len(template)
    for match in _CONVERSION.finditer(template):
        size -= len(match[0]) - (match["type"] == "%")
        if match["type"] == "%":
            continue
        width = take() if match["width"] == "*" else int(match["width"] or 0)
        precision = take() if match["precision"] == "*" else (int(match["precision"]) if match["precision"] else None)
        value = mapping.get(match["key"]) if mapping is not None and match["key"] is not None else take()
        if not _is_int(width) or not (precision is None or _is_int(precision)):
            break  # Python refuses these itself
        size += max(width, _formatted_size(value, match["type"], precision))
        check_text_size(size, what)
    return check_result(template % arguments, what)


def _formatted_size(value: Any, kind: str, precision: int | None) -> int:
    if kind in "sra":
        shown = len(value) if isinstance(value, str) and kind == "s" else text_size(value, MAX_TEXT_CHARS)
        return shown if precision is None else min(shown, precision + 2)
    digits = _digits(value) if _is_int(value) else 330
    return digits + (precision or 0) + 8


def check_width(width: Any, what: str) -> None:
    """A width or precision asked for in a format specification or a padding method."""
    if _is_int(width):
        check_text_size(width, what)


def line_count(text: str) -> int:
    """At most how many lines *text* has (each break character counted as one)."""
    return sum(text.count(mark) for mark in _LINE_BREAKS) + 1
