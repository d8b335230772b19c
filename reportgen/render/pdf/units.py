"""Lengths for the PDF renderer.

reportlab measures everything in PDF points (1/72 inch). Every length this
package computes is a :class:`Pt`, and the only way in from millimetres
(the theme's unit for margins) is :func:`mm`, so a millimetre value can never
reach reportlab unconverted.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm as _POINTS_PER_MM


class Pt(float):
    """A length in PDF points. Arithmetic gives plain floats, which are points too."""

    __slots__ = ()
    # No __repr__/__str__ of its own: reportlab writes some numbers into the PDF with str().


def mm(value: float) -> Pt:
    """*value* millimetres as points."""
    return Pt(value * _POINTS_PER_MM)


PAGE_SIZES: dict[str, tuple[Pt, Pt]] = {
    "A4": (Pt(A4[0]), Pt(A4[1])),
    "Letter": (Pt(LETTER[0]), Pt(LETTER[1])),
}
"""Page width and height for the theme's ``page.size`` names."""
