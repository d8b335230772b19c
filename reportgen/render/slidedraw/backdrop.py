"""A slide's background on a canvas: the colour (or PNG or JPEG picture) its layout or master fills it with.

:func:`reportgen.render.pptx.background.background` says which ``p:bg`` is in
force and gives the master's theme with the colour map in force; this module
only turns that fill into paint. A gradient is drawn as its first stop, a
pattern as its background colour, and a picture that is not PNG or JPEG (EMF,
WMF) as the background colour ``bg1``, as docs/templates.md says.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from lxml import etree
from PIL import Image
from reportlab.lib.utils import ImageReader

from reportgen.render.pptx import _internals
from reportgen.render.pptx.background import background
from reportgen.render.pptx.drawing_colour import first_colour, resolve
from reportgen.render.pptx.master_theme import MasterTheme
from reportgen.render.pptx.xml import qn
from reportgen.render.slidedraw.space import Place

_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_PICTURES = ("PNG", "JPEG")


@dataclass(frozen=True)
class Backdrop:
    colour: str
    """Hex without '#'."""
    picture: bytes | None
    """PNG or JPEG bytes stretched over the slide."""
    theme: MasterTheme
    """The master's theme with the colour map in force (what scheme colours on the slide mean)."""


def backdrop(prs: Any, slide_layout: Any) -> Backdrop:
    """The background of slides on *slide_layout* of *prs*."""
    found = background(prs, slide_layout)
    bg1 = found.theme.colour("bg1")
    for proxy in (slide_layout, slide_layout.slide_master):
        bg = _internals.element(proxy).find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if bg is not None:
            return _paint(bg, proxy.part, found.theme, bg1)
    return Backdrop(bg1, None, found.theme)


def _paint(bg: etree._Element, part: Any, theme: MasterTheme, bg1: str) -> Backdrop:
    reference = bg.find(qn("p:bgRef"))
    if reference is not None:
        colour = first_colour(reference)
        return Backdrop(resolve(colour, theme) if colour is not None else bg1, None, theme)
    properties = bg.find(qn("p:bgPr"))
    fill = properties[0] if properties is not None and len(properties) else None
    if fill is None:
        return Backdrop(bg1, None, theme)
    name = etree.QName(fill).localname
    if name == "blipFill":
        return Backdrop(bg1, _picture(fill, part), theme)
    source = fill.find(qn("a:bgClr")) if name == "pattFill" else fill.find(f".//{qn('a:gs')}") if name == "gradFill" else fill
    colour = first_colour(source) if source is not None else None
    return Backdrop(resolve(colour, theme) if colour is not None else bg1, None, theme)


def _picture(fill: etree._Element, part: Any) -> bytes | None:
    blip = fill.find(qn("a:blip"))
    try:
        blob: bytes = part.related_part(blip.get(_R_EMBED)).blob
        with Image.open(io.BytesIO(blob)) as image:
            kind = image.format
    except Exception:  # noqa: BLE001 - vector pictures and broken bytes alike are drawn as the colour
        return None
    return blob if kind in _PICTURES else None


def draw_backdrop(canvas, place: Place, found: Backdrop, width: int) -> None:
    """Fill the slide (*width* EMU wide) with *found*."""
    x, y, w, h = place.px(0), place.py(place.height), place.length(width), place.length(place.height)
    canvas.setFillColor("#" + found.colour)
    canvas.rect(x, y, w, h, stroke=0, fill=1)
    if found.picture is not None:
        canvas.drawImage(ImageReader(io.BytesIO(found.picture)), x, y, w, h, mask="auto")
