"""Fitting a slide's notes to the room on its page: the largest reading size that fits, then page breaks.

Both work on reportlab flowables through their own ``wrap`` and ``split``, so
what is measured is exactly what is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

SMALLEST = 10.0
"""Notes never shrink below this (points); longer notes continue on the next page."""
STEP = 0.5


def reading_size(height_at: Callable[[float], float], room: float, largest: float, smallest: float = SMALLEST) -> float:
    """The largest size from *largest* down to *smallest* (in steps of 0.5 pt) whose notes are at most *room* tall;
    *smallest* when none fits (the notes then continue on another page)."""
    size = largest
    while size > smallest:
        if height_at(size) <= room:
            return size
        size = max(smallest, size - STEP)
    return smallest


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """The height of *flowables* set one under another in *width*, with the space between them."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _, height = flowable.wrap(width, 1e6)
        total += height + (flowable.getSpaceAfter() if index < len(flowables) - 1 else 0)
    return total


def take(flowables: Sequence[Flowable], width: float, room: float) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables that fit in *room* (a paragraph split where it crosses the bottom) and those left over.

    At least something is taken when anything is left, so a page never comes out empty.
    """
    placed: list[Flowable] = []
    rest = list(flowables)
    used = 0.0
    while rest:
        flowable = rest[0]
        gap = placed[-1].getSpaceAfter() if placed else 0.0
        _, height = flowable.wrap(width, room)
        if used + gap + height <= room:
            placed.append(rest.pop(0))
            used += gap + height
            continue
        parts = flowable.split(width, room - used - gap)
        if len(parts) >= 2:
            placed.append(parts[0])
            rest[0:1] = parts[1:]
        elif not placed:
            placed.append(rest.pop(0))
        break
    return placed, rest
