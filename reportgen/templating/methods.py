"""The methods and attributes a template may use: an explicit list per type, nothing else.

Templates see plain data (:mod:`reportgen.templating.plain`) and Jinja's own
loop, namespace and macro objects. Their methods that cannot grow a value
without bound are called as they are; those that can (``center``,
``replace``, ``join``, ``format``...) are checked first (:mod:`bounds`).
docs/templates.md lists the same names, and a test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from jinja2.environment import TemplateModule
from jinja2.runtime import (
    BlockReference,
    LoopContext,
    Macro,
    TemplateReference,
    Undefined,
)
from jinja2.sandbox import SandboxedFormatter
from jinja2.utils import Cycler, Joiner, Namespace

from reportgen.templating import bounds
from reportgen.templating.bounds import Refused

HINT = "docs/templates.md lists what templates may use"


class Permitted:
    """A method a template may call, bound to its object: the sandbox calls nothing that is not one of
    these, a macro, or one of the listed globals."""

    __slots__ = ("args", "function")

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self.function = function
        self.args = args

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.function(*self.args, *args, **kwargs)


def _result_checked(method: Callable[..., Any]) -> Callable[..., Any]:
    """A method that grows its text a few times at most (``upper`` of ``ß`` is ``SS``): checked after."""
    name = f"str.{method.__name__}"
    return lambda text, *args, **kwargs: bounds.check_result(method(text, *args, **kwargs), name)


def _padded(method: Callable[..., Any]) -> Callable[..., Any]:
    name = f"str.{method.__name__}"

    def call(text: str, width: Any, *args: Any) -> str:
        bounds.check_width(width, f"{name}({bounds.show(width)})")
        return method(text, width, *args)

    return call


def _expandtabs(text: str, tabsize: Any = 8) -> str:
    if isinstance(tabsize, int):
        bounds.check_text_size(len(text) + text.count("\t") * tabsize, f"str.expandtabs({tabsize})")
    return text.expandtabs(tabsize)


def _join(separator: str, parts: Any) -> str:
    items = bounds.items_of(parts, "str.join")
    size = sum(len(item) for item in items if isinstance(item, str)) + len(separator) * max(len(items) - 1, 0)
    bounds.check_text_size(size, "str.join")
    return separator.join(items)


def _splitter(method: Callable[..., list[str]]) -> Callable[..., list[str]]:
    """``split``/``rsplit`` asked for at most one piece more than a list may hold: more pieces than that is too many."""
    name = f"str.{method.__name__}"

    def call(text: str, sep: Any = None, maxsplit: Any = -1) -> list[str]:
        limit = bounds.MAX_LIST_ITEMS
        wanted = maxsplit if isinstance(maxsplit, int) and 0 <= maxsplit < limit else limit
        pieces = method(text, sep, wanted)
        bounds.check_list_size(len(pieces), name)
        return pieces

    return call


def _splitlines(text: str, keepends: Any = False) -> list[str]:
    bounds.check_list_size(bounds.line_count(text), "str.splitlines")
    return text.splitlines(keepends)


def _strftime(day: dt.date, pattern: Any) -> str:
    if isinstance(pattern, str):
        bounds.check_text_size(len(pattern) * 32, "date.strftime")
    return day.strftime(pattern)


def _append(items: list[Any], item: Any) -> None:
    bounds.check_list_size(len(items) + 1, "list.append")
    items.append(item)


class BoundedFormatter(SandboxedFormatter):
    """``str.format`` with each field's width and precision checked before it is formatted, and the
    text checked as it grows; field lookups (``{0.title}``) go through the sandbox."""

    _SPEC = re.compile(r"^(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?[a-zA-Z%]?$")

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        self.size = 0

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion is not None:
            bounds.check_text_size(bounds.text_size(value, bounds.MAX_TEXT_CHARS), "str.format")
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        match = self._SPEC.match(format_spec)
        if match:
            for number in (match["width"], match["precision"]):
                if number:
                    bounds.check_width(int(number), f"str.format with '{format_spec[:24]}'")
        text = super().format_field(value, format_spec) if format_spec else bounds.text_of(value, "str.format")
        self.size += len(text)
        bounds.check_text_size(self.size, "str.format")
        return text


def _format(env: Any) -> Callable[..., str]:
    def call(template: str, *args: Any, **kwargs: Any) -> str:
        return bounds.check_result(BoundedFormatter(env).vformat(template, args, kwargs), "str.format")

    return call


_STR_AS_IS = (
    "count", "endswith", "find", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
    "islower", "isnumeric", "isspace", "istitle", "isupper", "partition", "removeprefix", "removesuffix",
    "rfind", "rindex", "rpartition", "startswith",
)
"""These return a number, a truth value, a part of the text or a tuple of three."""
_STR_GROWING_A_LITTLE = ("capitalize", "casefold", "lower", "lstrip", "rstrip", "strip", "swapcase", "title", "upper")

STR_METHODS: dict[str, Callable[..., Any]] = {
    **{name: getattr(str, name) for name in _STR_AS_IS},
    **{name: _result_checked(getattr(str, name)) for name in _STR_GROWING_A_LITTLE},
    **{name: _padded(getattr(str, name)) for name in ("center", "ljust", "rjust", "zfill")},
    "replace": bounds.replace,
    "expandtabs": _expandtabs,
    "join": _join,
    "split": _splitter(str.split),
    "rsplit": _splitter(str.rsplit),
    "splitlines": _splitlines,
}
"""Text methods, ``format`` aside (it needs the sandbox to look up fields)."""

DICT_METHODS: dict[str, Callable[..., Any]] = {"items": dict.items, "keys": dict.keys, "values": dict.values, "get": dict.get}
LIST_METHODS: dict[str, Callable[..., Any]] = {"append": _append, "count": list.count, "index": list.index}
TUPLE_METHODS: dict[str, Callable[..., Any]] = {"count": tuple.count, "index": tuple.index}
DATE_METHODS: dict[str, Callable[..., Any]] = {
    "isoformat": dt.date.isoformat,
    "weekday": dt.date.weekday,
    "isoweekday": dt.date.isoweekday,
    "strftime": _strftime,
}
LOOP_METHODS: dict[str, Callable[..., Any]] = {"cycle": LoopContext.cycle, "changed": LoopContext.changed}
CYCLER_METHODS: dict[str, Callable[..., Any]] = {"next": Cycler.next, "reset": Cycler.reset}

LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0", "previtem", "nextitem"})
DATE_ATTRIBUTES = frozenset({"year", "month", "day"})

CALLABLE_TYPES = (Permitted, Macro, LoopContext, Joiner, BlockReference, Undefined)
"""Objects a template may call: permitted methods, macros (``caller`` too), a recursive ``loop``, a
``joiner``, a block (``super()``, ``self.name()``), and undefined names (which fail with their message)."""


def method(env: Any, obj: Any, name: str) -> Any:
    """What ``obj.name(...)`` calls: a permitted method, or (for objects holding named values) that value."""
    if isinstance(obj, Undefined):
        return getattr(obj, name)
    table = _methods_of(obj)
    if table is not None:
        if name == "format" and isinstance(obj, str):
            return Permitted(_format(env), obj)
        if name in table:
            return Permitted(table[name], obj)
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        raise refused_call(obj, name)
    if isinstance(obj, (Namespace, TemplateModule)):
        found, value = data_attribute(obj, name)
        return value if found else env.undefined(obj=obj, name=name)
    if isinstance(obj, TemplateReference):
        return block(env, obj, name)
    raise refused_call(obj, name)


def block(env: Any, template: TemplateReference, name: str) -> Any:
    """``self.name``: the template's block of that name."""
    try:
        return template[name]
    except KeyError:
        return env.undefined(obj=template, name=name)


def _methods_of(obj: Any) -> Mapping[str, Callable[..., Any]] | None:
    if isinstance(obj, str):
        return STR_METHODS
    if isinstance(obj, dict):
        return DICT_METHODS
    if isinstance(obj, list):
        return LIST_METHODS
    if isinstance(obj, tuple):
        return TUPLE_METHODS
    if isinstance(obj, dt.date):
        return DATE_METHODS
    if isinstance(obj, LoopContext):
        return LOOP_METHODS
    if isinstance(obj, Cycler):
        return CYCLER_METHODS
    return None


def data_attribute(obj: Any, name: str) -> tuple[bool, Any]:
    """``(True, value)`` for an attribute a template may read without calling it, else ``(False, None)``."""
    if isinstance(obj, LoopContext) and name in LOOP_ATTRIBUTES:
        return True, getattr(obj, name)
    if isinstance(obj, dt.date) and name in DATE_ATTRIBUTES:
        return True, getattr(obj, name)
    if isinstance(obj, Cycler) and name == "current":
        return True, obj.current
    if isinstance(obj, (Namespace, TemplateModule)) and not name.startswith("_"):
        try:
            return True, getattr(obj, name)
        except AttributeError:
            return False, None
    return False, None


def permits(obj: Any, name: str) -> bool:
    """Whether a template may call ``obj.name(...)`` (for the message when it reads it without a call)."""
    table = _methods_of(obj)
    return table is not None and (name in table or (name == "format" and isinstance(obj, str)))


def refused_call(obj: Any, name: str) -> Refused:
    return Refused(f"templates may not call {owner(obj)}.{name}", hint=HINT)


def owner(obj: Any) -> str:
    """How a message names an object's type: ``str``, ``dict``, ``date``, or the class's own name."""
    if isinstance(obj, str):
        return "str"
    if isinstance(obj, dt.date):
        return "date"
    return type(obj).__name__
