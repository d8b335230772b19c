"""Where in the outline's data a pydantic error is, and which model it is in.

A pydantic error location names union members (``figures.0.bar.series``)
and dictionary keys (``glossary.ABC.[key]``) that are not in the data. Walking
the model's types along the location drops those, and tells the wording which
model holds the error (so an unknown key can be matched against that model's
keys).
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from reportgen.outline.model import Outline

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Place:
    path: FieldPath
    """The path in the data (``("sections", 1, "figures", 0, "series")``)."""
    model: type[BaseModel] | None
    """The model whose field, or unknown key, the path ends in."""
    at_key: bool
    """The error is about the last key itself (an unknown key, a glossary term), not its value."""


def place(loc: tuple[Any, ...], root: type[BaseModel] = Outline) -> Place:
    path: list[str | int] = []
    model: type[BaseModel] | None = None
    at_key = False
    annotation: Any = root
    for part in loc:
        if part == "[key]":
            at_key = True
            continue
        annotation = _unwrapped(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
            field = annotation.model_fields.get(str(part))
            path.append(part)
            at_key = field is None
            annotation = field.annotation if field is not None else None
        elif get_origin(annotation) is list:
            path.append(part)
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is dict:
            path.append(part)
            annotation = get_args(annotation)[1]
        elif get_origin(annotation) in (Union, types.UnionType) and _member(annotation, part) is not None:
            annotation = _member(annotation, part)
        else:
            path.append(part)
            annotation = None
    return Place(tuple(path), model, at_key)


def _unwrapped(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _member(union: Any, tag: Any) -> type[BaseModel] | None:
    """The member of a tagged union whose ``Literal`` field holds *tag*."""
    for member in get_args(union):
        if isinstance(member, type) and issubclass(member, BaseModel):
            for field in member.model_fields.values():
                if get_origin(field.annotation) is Literal and tag in get_args(field.annotation):
                    return member
    return None
