"""The Jinja2 environment an untrusted template set runs in: an allow-list, not a deny-list.

Jinja's own ``SandboxedEnvironment`` refuses private attributes and lets
everything else through. This one lets a template use only what is listed
(:mod:`methods`, :mod:`filters`) and bounds what can grow (:mod:`bounds`):

- ``x.name`` reads data: a mapping's key (a key wins over a method of the
  same name, so ``series.values`` is the numbers), a loop's ``index``, a
  date's ``year``; nothing else;
- ``x.name(...)`` calls a method: compiled to ``environment.method(x, "name")``
  by :class:`_Generator`, which finds it in the allow-list or refuses it by
  name ("templates may not call str.format_map"). Plain data holds no
  callables, so ``glossary.items()`` is always the method;
- ``+ - * ** %`` and ``~`` check the size of their result before computing it;
- nothing is evaluated while a template compiles (``optimized=False``), because
  compiling happens in the build's own process, outside the forked child's
  limits (:mod:`reportgen.templating.env`).
"""

from __future__ import annotations

from functools import partial
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, TemplateReference, Undefined
from jinja2.sandbox import SandboxedEnvironment, safe_range
from jinja2.utils import Cycler, Joiner, Namespace

from reportgen.templating import bounds, methods
from reportgen.templating.bounds import Refused
from reportgen.templating.filters import FILTERS, TESTS

GLOBALS: dict[str, Any] = {"range": safe_range, "dict": dict, "namespace": Namespace, "cycler": Cycler, "joiner": Joiner}
"""The names every template has besides the context (Jinja's ``lipsum`` is left out: it writes any amount of text)."""

_CALLABLE_GLOBALS = frozenset(id(value) for value in GLOBALS.values())


class MissingField(jinja2.UndefinedError):
    """A mapping has no such key: carries the mapping and the name, so the message can say where and
    suggest the closest key."""

    def __init__(self, message: str | None = None, *, mapping: dict[str, Any], name: str) -> None:
        super().__init__(message)
        self.mapping = mapping
        self.name = name


class _Generator(CodeGenerator):
    """Jinja's code generator, with ``x.name(...)`` looking *name* up as a method and ``~`` bounded."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._callees: set[int] = set()

    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        if type(node.node) is nodes.Getattr and node.node.ctx == "load":
            self._callees.add(id(node.node))
        super().visit_Call(node, frame, forward_caller=forward_caller)

    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        if id(node) not in self._callees:
            super().visit_Getattr(node, frame)
            return
        self.write("environment.method(")
        self.visit(node.node, frame)
        self.write(f", {node.attr!r})")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_texts((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")


class Sandbox(SandboxedEnvironment):
    """The environment for template sets: listed filters, tests, globals and methods only; bounded values."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"+", "-", "*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(optimized=False, undefined=jinja2.StrictUndefined, **options)
        self.globals = dict(GLOBALS)
        self.filters = dict(FILTERS)
        self.tests = dict(TESTS)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Whether a template may read ``obj.attr``: a mapping's key, or a listed data attribute."""
        if isinstance(obj, dict):
            return attr in obj
        return methods.data_attribute(obj, attr)[0]

    def is_safe_callable(self, obj: Any) -> bool:
        """Whether a template may call *obj*: listed methods, macros, blocks, loops, joiners and globals."""
        return isinstance(obj, methods.CALLABLE_TYPES) or id(obj) in _CALLABLE_GLOBALS

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` read as data (a call goes to :meth:`method` instead)."""
        if isinstance(obj, dict):
            if attribute in obj:
                return obj[attribute]
            if attribute in methods.DICT_METHODS:
                raise Refused(f"templates may use dict.{attribute} only as a call: {attribute}()", hint=methods.HINT)
            # Jinja calls *exc* with the message; annotated as a class, a partial of one does the same
            missing = partial(MissingField, mapping=obj, name=attribute)
            return self.undefined(obj=obj, name=attribute, exc=missing)  # type: ignore[arg-type]
        found, value = methods.data_attribute(obj, attribute)
        if found:
            return value
        if isinstance(obj, Undefined):
            return getattr(obj, attribute)
        if isinstance(obj, TemplateReference):
            return methods.block(self, obj, attribute)
        if methods.permits(obj, attribute):
            raise Refused(f"templates may use {methods.owner(obj)}.{attribute} only as a call: {attribute}(...)", hint=methods.HINT)
        if hasattr(obj, attribute):
            raise Refused(f"templates may not use {methods.owner(obj)}.{attribute}", hint=methods.HINT)
        return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``obj[argument]``: an item of a mapping or sequence, else the data attribute of that name."""
        if isinstance(obj, (dict, list, tuple, str)):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                pass
        elif isinstance(obj, Undefined):
            return obj[argument]
        if isinstance(argument, str):
            return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=argument)

    def method(self, obj: Any, name: str) -> Any:
        """What ``obj.name(...)`` calls (the code generator sends every such call here)."""
        return methods.method(self, obj, name)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call *obj* for a template, if it is something templates may call."""
        if not self.is_safe_callable(obj):
            raise Refused(f"templates may not call {_called(obj)}", hint=methods.HINT)
        return context.call(obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return bounds.binop(operator, left, right, self.binop_table[operator])

    def join_texts(self, parts: tuple[Any, ...]) -> str:
        """The ``~`` operator: its parts as text, joined, refused if the result would be out of bounds."""
        return bounds.join_texts(parts)


def _called(obj: Any) -> str:
    """An uncallable or refused callee as a message names it."""
    if isinstance(obj, (str, int, float, list, tuple, dict)) or obj is None:
        return f"a {methods.owner(obj)} value"
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    return f"{methods.owner(obj)} {name}" if name else methods.owner(obj)
