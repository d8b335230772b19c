"""Lengths as types.

Every length in a slide plan is a :class:`Length`: an ``int`` of EMU (914,400
per inch, 12,700 per point) with ``.pt`` and ``.inches`` views, which
python-pptx takes as it is. ``Pt(12)`` and ``Inches(1)`` make one; arithmetic
on two lengths gives a plain ``int``, so results that are stored are wrapped in
``Emu(...)`` again. Font metrics are floats in points only inside
:mod:`reportgen.slides.fit`, and turn into lengths with :func:`from_pt` as soon
as they leave it. (Our own type, not python-pptx's, so that planning slides
never imports the deck writer.)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Box", "Emu", "Inches", "Length", "Pt", "from_pt", "EMU_PER_PT"]

EMU_PER_PT = 12700
EMU_PER_INCH = 914400


class Length(int):
    """A length in EMU."""

    @property
    def pt(self) -> float:
        return self / EMU_PER_PT

    @property
    def inches(self) -> float:
        return self / EMU_PER_INCH

    @property
    def emu(self) -> int:
        return int(self)


def Emu(value: float) -> Length:  # noqa: N802 - reads like the unit, as in python-pptx
    return Length(int(value))


def Pt(points: float) -> Length:  # noqa: N802
    return Length(int(points * EMU_PER_PT))


def Inches(inches: float) -> Length:  # noqa: N802
    return Length(int(inches * EMU_PER_INCH))


def from_pt(points: float) -> Length:
    """A float number of points (a font metric) as a length."""
    return Emu(round(points * EMU_PER_PT))


def half_pt(length: float) -> Length:
    """*length* rounded down to a whole half point (font sizes are stored in 1/100 pt)."""
    return Emu(int(length) // 6350 * 6350)


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide: left, top, width, height."""

    x: Length
    y: Length
    w: Length
    h: Length

    @property
    def right(self) -> Length:
        return Emu(self.x + self.w)

    @property
    def bottom(self) -> Length:
        return Emu(self.y + self.h)

    def inset(self, left: int = 0, top: int = 0, right: int = 0, bottom: int = 0) -> Box:
        return Box(Emu(self.x + left), Emu(self.y + top), Emu(max(0, self.w - left - right)), Emu(max(0, self.h - top - bottom)))

    def take_top(self, height: int, gap: int = 0) -> tuple[Box, Box]:
        """Split into a band of *height* at the top and the rest below it (after *gap*)."""
        height = min(int(height), int(self.h))
        top = Box(self.x, self.y, self.w, Emu(height))
        rest_y = min(self.bottom, self.y + height + gap)
        return top, Box(self.x, Emu(rest_y), self.w, Emu(self.bottom - rest_y))

    def take_bottom(self, height: int, gap: int = 0) -> tuple[Box, Box]:
        """Split into the rest above (ending *gap* before the band) and a band of *height* at the bottom."""
        height = min(int(height), int(self.h))
        band = Box(self.x, Emu(self.bottom - height), self.w, Emu(height))
        rest_h = max(0, self.h - height - gap)
        return Box(self.x, self.y, self.w, Emu(rest_h)), band

    def split_columns(self, fraction: float, gap: int) -> tuple[Box, Box]:
        """Two columns side by side; the left one takes *fraction* of the width less half the gap."""
        left_w = int((self.w - gap) * fraction)
        left = Box(self.x, self.y, Emu(left_w), self.h)
        right = Box(Emu(self.x + left_w + gap), self.y, Emu(self.w - left_w - gap), self.h)
        return left, right

    def scaled_x(self, factor: float) -> Box:
        return Box(Emu(round(self.x * factor)), self.y, Emu(round(self.w * factor)), self.h)
