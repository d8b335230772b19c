"""One rule for tables in every format: cell padding and how columns share the width.

The brief's rule (it came first and reads well in print): cells are padded
6 pt either side, 3.5 pt above and 4.5 pt below; columns share the width like a
browser's automatic table layout. Renderers measure text with their own
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
    If the minimums alone are too wide, they shrink in proportion (the renderer breaks words)."""
    total_min = sum(minimum)
    if total_min >= available:
        return [width * available / total_min for width in minimum]
    total_natural = sum(natural)
    if total_natural <= available:
        return [width * available / total_natural for width in natural]
    wants = [max(0.0, n - m) for n, m in zip(natural, minimum, strict=True)]
    spare = available - total_min
    total_wants = sum(wants) or 1.0
    return [m + spare * w / total_wants for m, w in zip(minimum, wants, strict=True)]
