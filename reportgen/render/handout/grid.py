"""Where each slide and its ruled lines go on a handout page: plain geometry in points, decided before drawing.

Every layout is a grid of equal columns and equal rows inside the page's
margins, one gutter apart. Within a cell the slide keeps the deck's aspect
ratio and takes the largest size that leaves the layout's writing space: beside
the slide for three a page, below it for the others (the rest of the cell for
one or two, a few lines for four or six). What a cell holds is centred in its
row, so the page's top and bottom margins match.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

GUTTER = 18.0
"""Between columns, between a slide and its ruled lines, and the least between rows."""
PITCH = 20.0
"""The distance between ruled lines: room for handwriting."""
SLIDE_SHARE = 0.55
"""Of a three-a-page row's width, what the slide may take (the rest, less a gutter, is ruled)."""


@dataclass(frozen=True)
class Area:
    """The part of the page the grid fills (left, bottom, right, top)."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True)
class Spec:
    """One layout: columns and rows, whether lines go beside the slide, and how many lines (None: fill the cell)."""

    columns: int
    rows: int
    beside: bool
    lines: int | None
    least_lines: int = 0
    """For layouts that fill the cell: the lines the slide must leave room for."""


SPECS: dict[int, Spec] = {
    1: Spec(1, 1, beside=False, lines=None, least_lines=8),
    2: Spec(1, 2, beside=False, lines=None, least_lines=3),
    3: Spec(1, 3, beside=True, lines=None),
    4: Spec(2, 2, beside=False, lines=5),
    6: Spec(2, 3, beside=False, lines=3),
}


@dataclass(frozen=True)
class Rules:
    """Ruled lines from *x0* to *x1* at each y, top first."""

    x0: float
    x1: float
    ys: tuple[float, ...]


@dataclass(frozen=True)
class Cell:
    """One slide's place: its picture's lower-left corner and size, and its ruled lines."""

    x: float
    y: float
    width: float
    height: float
    rules: Rules

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


def pages(slides: int, per_page: int, *, closing: bool = False) -> int:
    """How many pages the handout has: ``ceil(slides / per_page)``, plus the closing page if asked for."""
    return ceil(slides / per_page) + (1 if closing else 0)


def cells(per_page: int, area: Area, aspect: float, *, mirrored: bool = False) -> tuple[Cell, ...]:
    """The *per_page* places on a page, in reading order; *aspect* is the slide's height over its width.

    *mirrored* (a right-to-left language) puts a three-a-page slide on the right and fills columns from the right."""
    spec = SPECS[per_page]
    column = (area.width - (spec.columns - 1) * GUTTER) / spec.columns
    row = (area.height - (spec.rows - 1) * GUTTER) / spec.rows
    width, used = _slide_size(spec, column, row, aspect)
    placed: list[Cell] = []
    for r in range(spec.rows):
        top = area.top - r * (row + GUTTER) - (row - used) / 2
        bottom = top - used
        for c in range(spec.columns):
            start = area.left + (spec.columns - 1 - c if mirrored else c) * (column + GUTTER)
            placed.append(_cell(spec, start, column, top, bottom, width, aspect, mirrored))
    return tuple(placed)


def _slide_size(spec: Spec, column: float, row: float, aspect: float) -> tuple[float, float]:
    """The slide's width in each cell, and the height each row's content takes."""
    if spec.beside:
        width = min((column - GUTTER) * SLIDE_SHARE, row / aspect)
        return width, width * aspect
    if spec.lines is None:
        width = min(column, (row - _writing(spec.least_lines)) / aspect)
        return width, row
    width = min(column, (row - _writing(spec.lines)) / aspect)
    return width, width * aspect + _writing(spec.lines)


def _writing(lines: int) -> float:
    """The height a slide's few ruled lines take below it."""
    return GUTTER + (lines - 1) * PITCH if lines else 0.0


def _cell(spec: Spec, start: float, column: float, top: float, bottom: float, width: float, aspect: float, mirrored: bool) -> Cell:
    height = width * aspect
    if spec.beside:
        x = start + column - width if mirrored else start
        lines_from, lines_to = (start, x - GUTTER) if mirrored else (x + width + GUTTER, start + column)
        count = int(height // PITCH)
        ys = tuple(top - height + k * PITCH for k in reversed(range(count)))
        return Cell(x, top - height, width, height, Rules(lines_from, lines_to, ys))
    x = start + (column - width) / 2
    first = top - height - GUTTER
    count = int((first - bottom) // PITCH) + 1 if first >= bottom else 0
    if spec.lines is not None:
        count = min(count, spec.lines)
    ys = tuple(first - k * PITCH for k in range(count))
    return Cell(x, top - height, width, height, Rules(x, x + width, ys))
