"""Which sources the outline cites, in the order a reader meets them, and their short forms.

Citations are numbered here, once, from the outline's reading order: each
section's points (sub-points after their point), then its figures (a
figure's own sources, then its table rows'). The default templates write the
brief in that order, so the numbers run 1, 2, 3 down the page; the brief,
the Sources list and the deck all take their numbers from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen.outline.model import Outline, Point, Source, TableFigure

_YEAR = re.compile(r"\b(\d{4})\b")


def citation_numbers(outline: Outline) -> dict[str, int]:
    """Each cited source's number, in order of first citation; sources never cited are not in it."""
    numbers: dict[str, int] = {}
    for ident in _citations(outline):
        numbers.setdefault(ident, len(numbers) + 1)
    return numbers


def _citations(outline: Outline) -> Iterator[str]:
    for section in outline.sections:
        yield from _point_citations(section.points)
        for figure in section.figures:
            yield from figure.source
            if isinstance(figure, TableFigure):
                for row in figure.rows:
                    yield from row.source


def _point_citations(points: list[Point]) -> Iterator[str]:
    for point in points:
        yield from point.source
        yield from _point_citations(point.points)


def short_form(source: Source) -> str:
    """How a slide names *source*: its ``short``, else its publisher (or author, or title) and year (``Kyodo News 2023``)."""
    if source.short:
        return source.short
    who = source.publisher or source.author or source.title
    year = _YEAR.search(source.date)
    return f"{who} {year.group(1)}" if year else who
