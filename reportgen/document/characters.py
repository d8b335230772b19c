"""Every character a Document will show, and the languages its spans name: what a renderer must
have fonts for before it draws anything (fonts are subset to what a build uses)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from reportgen.document.model import Document, Run


def texts(document: Document) -> Iterator[str]:
    """Every string the document holds (blocks, figures, information), in no particular order."""
    yield from _strings((document.info, document.blocks, document.figures))


def characters(document: Document) -> frozenset[str]:
    """The characters the document shows."""
    return frozenset("".join(texts(document)))


def span_languages(document: Document) -> frozenset[str]:
    """The language tags inline spans name (``[維護]{lang=zh-Hant}``)."""
    return frozenset(run.lang for run in _runs((document.blocks, document.figures)) if run.lang)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))


def _runs(value: object) -> Iterator[Run]:
    if isinstance(value, Run):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _runs(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _runs(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _runs(getattr(value, item.name))
