"""A chart palette made from a set's primary and accent whose colours can be told apart at a glance.

Tints and shades of one hue all read as that hue, so after the two named
colours the palette takes the hue wheel turned from the primary, at a
lightness a bar shows well on white paper, keeping each candidate only if it
is at least :data:`DISTINCT` apart (CIE76 colour difference, in CIELAB) from
every colour already chosen.
"""

from __future__ import annotations

import colorsys

from reportgen.colour import contrast_ratio, linear, rgb

DISTINCT = 25.0
"""CIE76 ΔE between two series colours: about what is told apart at a glance."""
ON_PAPER = 1.8
"""The least contrast with white of a series colour that is not one the set named (a bar must show)."""
TURNS = (180, 120, 240, 60, 300, 150, 210, 90, 270, 30, 330)
"""Hue turns from the primary, in degrees, most different first."""
SIZE = 6
MUTED = 0.42
"""The saturation of the turned hues: muted, as a printed brief's charts are."""


def lab(hex_colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB hex colour."""
    r, g, b = (linear(channel / 255) for channel in rgb(hex_colour))
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(first: str, second: str) -> float:
    """CIE76 colour difference of two hex colours."""
    return sum((a - b) ** 2 for a, b in zip(lab(first), lab(second), strict=True)) ** 0.5


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(channel * 255):02X}" for channel in (red, green, blue))


def _candidates(primary: str) -> list[str]:
    hue, _, _ = colorsys.rgb_to_hls(*(channel / 255 for channel in rgb(primary)))
    out = []
    for shade in (0.42, 0.3, 0.55):
        for turn in TURNS:
            out.append(_hex(*colorsys.hls_to_rgb((hue + turn / 360) % 1, shade, MUTED)))
    return out


def palette(primary: str, accent: str) -> list[str]:
    """Six series colours: *primary*, *accent* (if it differs), then turned hues each distinct from those before."""
    chosen = list(dict.fromkeys([primary.upper(), accent.upper()]))
    for threshold in (DISTINCT, DISTINCT * 0.6, 0.0):
        for candidate in _candidates(primary):
            if len(chosen) == SIZE:
                return chosen
            far = all(difference(candidate, other) >= threshold for other in chosen)
            if far and candidate not in chosen and contrast_ratio(candidate, "#FFFFFF") >= ON_PAPER:
                chosen.append(candidate)
    return chosen
