"""A DrawingML colour element (``a:srgbClr``, ``a:schemeClr``...) as the hex colour PowerPoint draws.

Scheme colours go through the theme's colour map (:meth:`MasterTheme.colour`);
``phClr`` is the colour a style reference passes in. The modifiers are applied
in document order as LibreOffice does: ``lumMod``/``lumOff`` on the HSL
lightness, ``tint`` (towards white) and ``shade`` (towards black) in linear
RGB. Alpha is ignored: a background is drawn over nothing.
"""

from __future__ import annotations

import colorsys

from lxml import etree

from reportgen.colour import linear, rgb
from reportgen.render.pptx.master_theme import MasterTheme
from reportgen.render.pptx.xml import qn

COLOUR_TAGS = frozenset(qn(f"a:{tag}") for tag in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr"))
_PRESETS = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "blue": "0000FF", "yellow": "FFFF00",
            "gray": "808080", "grey": "808080", "darkGray": "A9A9A9", "lightGray": "D3D3D3", "navy": "000080", "silver": "C0C0C0"}
"""The preset colours masters actually use; any other preset reads as black."""


def first_colour(parent: etree._Element | None) -> etree._Element | None:
    """The first colour element directly inside *parent* (a fill, a gradient stop, a style reference)."""
    if parent is None:
        return None
    return next((child for child in parent if child.tag in COLOUR_TAGS), None)


def resolve(element: etree._Element, theme: MasterTheme, placeholder: str | None = None) -> str:
    """The hex (upper case, no ``#``) a colour element draws; *placeholder* is what ``phClr`` stands for."""
    tag = etree.QName(element).localname
    value = str(element.get("val") or "")
    if tag == "srgbClr":
        base = value.upper()
    elif tag == "schemeClr":
        base = placeholder if value == "phClr" and placeholder else theme.colour("bg1" if value == "phClr" else value)
    elif tag == "sysClr":
        base = str(element.get("lastClr") or ("FFFFFF" if value == "window" else "000000")).upper()
    elif tag == "prstClr":
        base = _PRESETS.get(value, "000000")
    elif tag == "scrgbClr":
        base = _hex_from_linear(*(_fraction(element, name) for name in ("r", "g", "b")))
    else:
        hue = int(element.get("hue") or 0) / 21600000
        base = _hex(*colorsys.hls_to_rgb(hue, _fraction(element, "lum"), _fraction(element, "sat")))
    try:
        rgb(base)
    except ValueError:
        base = "000000"
    return _modified(base, element)


def _fraction(element: etree._Element, name: str) -> float:
    """A DrawingML percentage attribute (100000 = 100 %) as a fraction."""
    return int(str(element.get(name) or 0)) / 100000


def _modified(base: str, element: etree._Element) -> str:
    red, green, blue = (channel / 255 for channel in rgb(base))
    for modifier in element:
        name = etree.QName(modifier).localname
        amount = _fraction(modifier, "val")
        if name in ("lumMod", "lumOff"):
            hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
            light = min(1.0, max(0.0, light * amount if name == "lumMod" else light + amount))
            red, green, blue = colorsys.hls_to_rgb(hue, light, sat)
        elif name in ("tint", "shade"):
            lin = [linear(channel) for channel in (red, green, blue)]
            lin = [1 - (1 - c) * amount for c in lin] if name == "tint" else [c * amount for c in lin]
            red, green, blue = (channel / 255 for channel in rgb(_hex_from_linear(*lin)))
    return _hex(red, green, blue)


def _hex(red: float, green: float, blue: float) -> str:
    return "".join(f"{round(min(1.0, max(0.0, channel)) * 255):02X}" for channel in (red, green, blue))


def _hex_from_linear(red: float, green: float, blue: float) -> str:
    def encode(channel: float) -> float:
        channel = min(1.0, max(0.0, channel))
        return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055

    return _hex(encode(red), encode(green), encode(blue))
