"""Every character a Document will show, and the languages its spans name: what a renderer must
have fonts for before it draws anything (fonts are subset to what a build uses)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from reportgen.document.model import Document, Run


def texts(document: Document) -> Iterator[str]:
    """Every string the document holds (blocks, figures, information), in no particular order."""
    return (value for value in _walk((document.info, document.blocks, document.figures)) if isinstance(value, str))


def characters(document: Document) -> frozenset[str]:
    """The characters the document shows."""
    return frozenset("".join(texts(document)))


def span_languages(document: Document) -> frozenset[str]:
    """The language tags inline spans name (``[維護]{lang=zh-Hant}``)."""
    return frozenset(value.lang for value in _walk((document.blocks, document.figures)) if isinstance(value, Run) and value.lang)


def _walk(value: object) -> Iterator[object]:
    """*value* and everything inside it: mapping values, sequence items, dataclass fields, depth first."""
    yield value
    if isinstance(value, dict):
        children: Iterable[object] = value.values()
    elif isinstance(value, (tuple, list)):
        children = value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        children = (getattr(value, item.name) for item in dataclasses.fields(value))
    else:
        return
    for child in children:
        yield from _walk(child)
