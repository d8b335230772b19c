"""Colour maths, format-neutral: WCAG 2 relative luminance, contrast ratio, and which text colour is readable.

A background is described by its *luminance samples* (a solid fill: one; a
gradient: one per stop; a picture: its average luminance within the text's
area) and text is checked at the worst of them, so a gradient from white to
navy fails dark text because of the navy end.

Example::

    >>> from reportgen.colour import luminance, readable
    >>> verdict = readable("5F6B7A", [luminance("303030")], large=False, dark_hex="000000", light_hex="FFFFFF")
    >>> verdict.colour, round(verdict.ratio, 1), verdict.warning
    ('FFFFFF', 13.2, None)

Colours are hex strings, with or without a leading ``#``; the chosen colour is
returned exactly as it was given. Renderers decide what a warning is attached
to (its file, line and field); this module only words it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["BODY_MINIMUM", "LARGE_MINIMUM", "Verdict", "contrast", "contrast_ratio", "is_large", "linear", "luminance", "readable", "rgb"]

BODY_MINIMUM = 4.5
"""WCAG 2 (1.4.3, AA): body text against its background."""
LARGE_MINIMUM = 3.0
"""WCAG 2 (1.4.3, AA): large text, 18 pt and over, or 14 pt and over in bold."""


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """``"#1B365D"`` or ``"1b365d"`` -> ``(27, 54, 93)``; anything else is a ``ValueError``."""
    text = hex_colour.strip().removeprefix("#")
    if len(text) != 6:
        raise ValueError(f"not a six-digit hex colour: {hex_colour!r}")
    try:
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    except ValueError:
        raise ValueError(f"not a six-digit hex colour: {hex_colour!r}") from None


def linear(channel: float) -> float:
    """An sRGB channel (0..1) as linear light, by WCAG 2's formula."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


_LINEAR = tuple(linear(value / 255) for value in range(256))
"""Linear light of every 8-bit channel value (pictures are averaged pixel by pixel)."""


def channel_luminance(red: int, green: int, blue: int) -> float:
    """WCAG 2 relative luminance (0: black, 1: white) of 8-bit channels."""
    return 0.2126 * _LINEAR[red] + 0.7152 * _LINEAR[green] + 0.0722 * _LINEAR[blue]


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of a hex colour (0: black, 1: white)."""
    return channel_luminance(*rgb(hex_colour))


def contrast(first: float, second: float) -> float:
    """The contrast ratio of two luminances, 1 (none) to 21 (black on white)."""
    light, dark = max(first, second), min(first, second)
    return (light + 0.05) / (dark + 0.05)


def contrast_ratio(first_hex: str, second_hex: str) -> float:
    """The contrast ratio of two hex colours."""
    return contrast(luminance(first_hex), luminance(second_hex))


def is_large(size_pt: float, bold: bool) -> bool:
    """Whether text counts as large for WCAG 2: 18 pt and over, or 14 pt and over in bold."""
    return size_pt >= 18 or (bold and size_pt >= 14)


@dataclass(frozen=True)
class Verdict:
    """Which colour text should be drawn in over a background, and how well it reads there."""

    colour: str
    """The text's own colour when it reads well enough, else the scheme's dark or light colour (as given)."""
    ratio: float
    """The contrast of :attr:`colour` with the background at its worst sample."""
    needed: float
    """The ratio the text needs: 4.5, or 3 for large text."""
    warning: str | None = None
    """Why no colour reaches :attr:`needed` (then :attr:`colour` is the best of the three); None when one does."""

    @property
    def passes(self) -> bool:
        return self.ratio >= self.needed


def _worst(hex_colour: str, backgrounds: tuple[float, ...]) -> float:
    own = luminance(hex_colour)
    return min(contrast(own, sample) for sample in backgrounds)


def readable(text_hex: str, background_luminances: Iterable[float], large: bool, dark_hex: str, light_hex: str) -> Verdict:
    """The colour to draw text in over a background given by its luminance samples.

    The text's own colour when its worst contrast reaches 4.5:1 (3:1 for *large* text); else whichever
    of *dark_hex* and *light_hex* (the scheme's dark and light text colours) contrasts more, if that
    one reaches it; else the best of the three, with a warning saying so.
    """
    backgrounds = tuple(background_luminances)
    if not backgrounds:
        raise ValueError("a background needs at least one luminance sample")
    needed = LARGE_MINIMUM if large else BODY_MINIMUM
    own = _worst(text_hex, backgrounds)
    if own >= needed:
        return Verdict(text_hex, own, needed)
    dark, light = _worst(dark_hex, backgrounds), _worst(light_hex, backgrounds)
    best, ratio = (dark_hex, dark) if dark >= light else (light_hex, light)
    if ratio >= needed:
        return Verdict(best, ratio, needed)
    if own >= ratio:
        best, ratio = text_hex, own
    kind = "large text" if large else "text"
    warning = (
        f"{kind} in #{_bare(text_hex)} contrasts {own:.1f}:1 with its background (WCAG asks {needed:g}:1), "
        f"and neither the dark #{_bare(dark_hex)} ({dark:.1f}:1) nor the light #{_bare(light_hex)} ({light:.1f}:1) reaches it; "
        f"using #{_bare(best)}"
    )
    return Verdict(best, ratio, needed, warning)


def _bare(hex_colour: str) -> str:
    return hex_colour.strip().removeprefix("#").upper()
