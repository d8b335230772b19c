"""One rule for tables in every format: cell padding and how columns share the width.

The brief's rule (it came first and reads well in print): cells are padded
6 pt either side, 3.5 pt above and 4.5 pt below; columns share the width like a
browser's automatic table layout, except that a short column never wraps. Renderers measure text with their own
metrics (reportlab's, or the deck's estimate of PowerPoint's) and pass the
measurements here. Lengths are points.
"""

from __future__ import annotations

from collections.abc import Sequence

CELL_PAD_X = 6.0
CELL_PAD_TOP = 3.5
CELL_PAD_BOTTOM = 4.5


def share_widths(minimum: Sequence[float], natural: Sequence[float], available: float) -> list[float]:
    """Column widths that fill *available*: every column its *minimum* (longest word plus padding);
    then, if all *natural* widths (longest line plus padding) fit, each in proportion to it;
    otherwise the space beyond the minimums in proportion to how much more each would like.
    If the minimums alone are too wide, they shrink in proportion (the renderer breaks words).

    A column whose natural width is no more than an even share of the table (a number, a short
    label such as "Issue 1") keeps its natural width before the others share the rest: shared in
    proportion, its few points of want would leave it a hair too narrow and wrap it."""
    total_min = sum(minimum)
    if total_min >= available:
        return [width * available / total_min for width in minimum]
    if sum(natural) <= available:
        return [width * available / sum(natural) for width in natural]
    narrow = _narrow(minimum, natural, available)
    wide = [index for index in range(len(natural)) if index not in narrow]
    spare = available - sum(natural[i] for i in narrow) - sum(minimum[i] for i in wide)
    wants = {i: max(0.0, natural[i] - minimum[i]) for i in wide}
    total_wants = sum(wants.values()) or 1.0
    return [natural[i] if i in narrow else minimum[i] + spare * wants[i] / total_wants for i in range(len(natural))]


def _narrow(minimum: Sequence[float], natural: Sequence[float], available: float) -> set[int]:
    """The columns set at their natural width: each no wider than an even share of what the columns
    not yet set leave, as long as the others' minimums still fit."""
    narrow: set[int] = set()
    while True:
        rest = [i for i in range(len(natural)) if i not in narrow]
        room = available - sum(natural[i] for i in narrow)
        more = {i for i in rest if natural[i] <= room / len(rest)}
        if not more or len(more) == len(rest):
            return narrow
        if sum(natural[i] for i in more) + sum(minimum[i] for i in rest if i not in more) > room:
            return narrow
        narrow |= more
