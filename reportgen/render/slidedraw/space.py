"""Slide coordinates (EMU, y down) mapped onto a canvas (points, y up)."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.slides.units import Box


@dataclass(frozen=True)
class Place:
    """Where one slide lies on the canvas: its lower-left corner and the points per EMU."""

    x: float
    y: float
    scale: float
    height: int
    """The slide's height in EMU."""

    def px(self, emu: float) -> float:
        return self.x + emu * self.scale

    def py(self, emu: float) -> float:
        """The canvas y of a slide y (measured down from the slide's top)."""
        return self.y + (self.height - emu) * self.scale

    def length(self, emu: float) -> float:
        return emu * self.scale

    def rect(self, box: Box) -> tuple[float, float, float, float]:
        """*box* as the canvas's (x, y, width, height), y at its bottom edge."""
        return self.px(box.x), self.py(box.bottom), self.length(box.w), self.length(box.h)
