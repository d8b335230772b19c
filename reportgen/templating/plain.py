"""What templates are given: plain data, never objects with methods.

A template set is untrusted, so the context it renders holds only mappings,
lists, tuples, text, numbers, booleans, ``None`` and dates: nothing a
template could call to reach the file system or the interpreter (a
``pathlib.Path`` in the context once let ``.read_text()`` print any file).
:func:`plain` is the one place model objects become such data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from pydantic import BaseModel

from reportgen.templating.escape import Markdown

PLAIN_TYPES: tuple[type, ...] = (dict, list, tuple, str, int, float, bool, type(None), dt.date, Markdown)
"""Every type a template context may hold (``bool`` and ``Markdown`` are listed for the test that walks it)."""


def plain(value: Any) -> Any:
    """*value* as plain data: models and dataclasses become dicts of their fields, in field order.

    A model's fields marked ``exclude`` (the theme's resolved file paths) are left out; anything that
    is not data (a ``Path``, a function) is a programming error here, so it raises instead of slipping
    through.
    """
    if value is None or isinstance(value, (bool, int, float, Markdown, dt.date)):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {_key(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(plain(item) for item in value)
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        return {name: plain(getattr(value, name)) for name, field in fields.items() if not field.exclude}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    raise TypeError(f"a template context cannot hold a {type(value).__name__} ({value!r})")


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a template context's keys are text, not {type(key).__name__} ({key!r})")
    return str(key)
