"""The effective background of a slide, layout or master, as luminance samples for :func:`reportgen.colour.readable`.

The nearest ``p:bg`` wins: the slide's, else its layout's, else the master's;
with none, the background is ``bg1``. A ``p:bgPr`` fill is read directly; a
``p:bgRef`` picks the theme's background fill style (``idx`` 1001 and up:
``a:bgFillStyleLst``; 1 to 999: ``a:fillStyleLst``) with its own colour as
``phClr``. Scheme colours go through the colour map in force: the nearest
``p:clrMapOvr`` with an ``a:overrideClrMapping``, else the master's ``p:clrMap``.

What each fill gives: a solid fill one sample; a gradient one per stop; a
pattern its two colours; a picture the average luminance of its pixels inside
the region (slide coordinates scaled to the image, honouring ``a:srcRect`` and
``a:stretch/a:fillRect``; a tiled picture is averaged whole). A picture that
cannot be read as pixels (EMF, WMF, broken bytes) falls back to ``bg1``, and
:attr:`Background.fallback` says so.

Example::

    from reportgen.colour import readable
    from reportgen.render.pptx.background import background, dark_and_light

    found = background(prs, slide_layout, Box(Emu(0), Emu(0), Emu(4572000), Emu(914400)))
    dark, light = dark_and_light(found.theme)
    verdict = readable("5F6B7A", found.samples, large=False, dark_hex=dark, light_hex=light)
    # verdict.colour: what to draw the text in; verdict.warning: None, or why nothing reads
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from lxml import etree
from PIL import Image

from reportgen.colour import channel_luminance, luminance
from reportgen.render.pptx import _internals
from reportgen.render.pptx.drawing_colour import first_colour, resolve
from reportgen.render.pptx.master_theme import DEFAULT_MAP, MasterTheme, read_theme
from reportgen.render.pptx.xml import qn
from reportgen.slides.units import Box, Emu

__all__ = ["Background", "background", "dark_and_light"]

_KEPT = 512
"""A decoded picture is kept at most this many pixels a side (enough to tell a text area's part of a photograph)."""
_SAMPLE = 64
"""A picture's region is shrunk to at most this many pixels a side before it is averaged."""
_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


@dataclass(frozen=True)
class Background:
    """A background as contrast checks need it."""

    samples: tuple[float, ...]
    """WCAG relative luminances; text is checked at the worst of them."""
    kind: str
    """``solid``, ``gradient``, ``pattern``, ``picture`` or ``none`` (bg1: no fill, or nothing readable)."""
    source: str
    """Where the ``p:bg`` was: ``slide``, ``layout``, ``master``, or ``default``."""
    theme: MasterTheme
    """The master's theme with the colour map in force (``theme.colour("tx1")``)."""
    fallback: bool = False
    """A picture could not be read, so bg1 stands in for it."""


def dark_and_light(theme: MasterTheme) -> tuple[str, str]:
    """The scheme's dark and light text colours (``tx1`` and ``bg1`` through the colour map), darker first."""
    pair = sorted((theme.colour("tx1"), theme.colour("bg1")), key=luminance)
    return pair[0], pair[1]


def background(prs: Any, owner: Any, region: Box | None = None) -> Background:
    """The effective background of *owner* (a slide, slide layout or slide master of *prs*) inside *region*
    (EMU, slide coordinates; None: the whole slide)."""
    chain = _chain(owner)
    master = chain[-1][1]
    index = next(i for i, candidate in enumerate(prs.slide_masters) if _internals.element(candidate) is _internals.element(master))
    own = read_theme(prs, index)
    theme = replace(own, colour_map=_colour_map(chain, own.colour_map))
    size = (int(prs.slide_width), int(prs.slide_height))
    area = region or Box(Emu(0), Emu(0), Emu(size[0]), Emu(size[1]))
    for source, proxy in chain:
        bg = _internals.element(proxy).find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if bg is None:
            continue
        found = _read_bg(bg, theme, proxy.part, master, area, size)
        if found is not None:
            kind, samples, fallback = found
            return Background(samples, kind, source, theme, fallback)
    return Background((luminance(theme.colour("bg1")),), "none", "default", theme)


def _chain(owner: Any) -> list[tuple[str, Any]]:
    """(kind, proxy) from *owner* up to its master."""
    chain: list[tuple[str, Any]] = []
    if hasattr(owner, "slide_layout"):
        chain.append(("slide", owner))
        owner = owner.slide_layout
    if hasattr(owner, "slide_master"):
        chain.append(("layout", owner))
        owner = owner.slide_master
    chain.append(("master", owner))
    return chain


def _colour_map(chain: list[tuple[str, Any]], master_map: dict[str, str]) -> dict[str, str]:
    for _, proxy in chain[:-1]:
        override = _internals.element(proxy).find(f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}")
        if override is not None:
            return {**master_map, **{key: value for key, value in override.attrib.items() if key in DEFAULT_MAP}}
    return master_map


Reading = tuple[str, tuple[float, ...], bool]


def _read_bg(bg: etree._Element, theme: MasterTheme, part: Any, master: Any, area: Box, size: tuple[int, int]) -> Reading | None:
    properties = bg.find(qn("p:bgPr"))
    if properties is not None:
        fill = next((child for child in properties if child.tag != qn("a:effectLst") and child.tag != qn("a:extLst")), None)
        return _fill(fill, theme, None, part, area, size)
    reference = bg.find(qn("p:bgRef"))
    if reference is None:
        return None
    colour_element = first_colour(reference)
    placeholder = resolve(colour_element, theme) if colour_element is not None else None
    style, theme_part = _style(master, int(reference.get("idx") or 0))
    if style is None:
        samples = (luminance(placeholder),) if placeholder else (luminance(theme.colour("bg1")),)
        return ("solid" if placeholder else "none"), samples, False
    return _fill(style, theme, placeholder, theme_part, area, size)


def _style(master: Any, idx: int) -> tuple[etree._Element | None, Any]:
    """The theme's fill style a ``p:bgRef idx`` names, and the theme part (whose relationships a picture uses)."""
    theme_part = next((rel.target_part for rel in master.part.rels.values() if rel.reltype.endswith("/theme")), None)
    if theme_part is None or idx == 0:
        return None, theme_part
    root = etree.fromstring(theme_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    listing, position = ("a:bgFillStyleLst", idx - 1001) if idx > 1000 else ("a:fillStyleLst", idx - 1)
    styles = root.find(f".//{qn('a:fmtScheme')}/{qn(listing)}")
    if styles is None or not 0 <= position < len(styles):
        return None, theme_part
    return styles[position], theme_part


def _fill(fill: etree._Element | None, theme: MasterTheme, placeholder: str | None, part: Any, area: Box, size: tuple[int, int]) -> Reading:
    bg1 = (luminance(theme.colour("bg1")),)
    if fill is None:
        return "none", bg1, False
    name = etree.QName(fill).localname
    if name == "solidFill":
        element = first_colour(fill)
        return "solid", ((luminance(resolve(element, theme, placeholder)),) if element is not None else bg1), False
    if name == "gradFill":
        stops = [first_colour(stop) for stop in fill.iter(qn("a:gs"))]
        samples = tuple(luminance(resolve(stop, theme, placeholder)) for stop in stops if stop is not None)
        return "gradient", samples or bg1, False
    if name == "pattFill":
        colours = [first_colour(fill.find(qn(f"a:{tag}"))) for tag in ("fgClr", "bgClr")]
        samples = tuple(luminance(resolve(colour, theme, placeholder)) for colour in colours if colour is not None)
        return "pattern", samples or bg1, False
    if name == "blipFill":
        average = _picture(fill, theme, part, area, size)
        return ("picture", (average,), False) if average is not None else ("picture", bg1, True)
    return "none", bg1, False


def _picture(fill: etree._Element, theme: MasterTheme, part: Any, area: Box, size: tuple[int, int]) -> float | None:
    """The average luminance of a picture fill's pixels inside *area*, or None when it has no readable pixels."""
    blip = fill.find(qn("a:blip"))
    rel_id = blip.get(_R_EMBED) if blip is not None else None
    try:
        blob = part.related_part(rel_id).blob
    except (KeyError, AttributeError):
        return None
    canvas = _pixels(blob, theme.colour("bg1"))
    if canvas is None:
        return None
    box = _crop_box(fill, canvas.size, area, size)
    if box is None:
        return luminance(theme.colour("bg1"))
    region = canvas.crop(box)
    region.thumbnail((_SAMPLE, _SAMPLE), Image.Resampling.BOX)
    data = region.tobytes()
    values = [channel_luminance(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]
    return sum(values) / len(values)


@lru_cache(maxsize=8)
def _pixels(blob: bytes, bg1: str) -> Image.Image | None:
    """A picture's pixels over bg1 (for transparency), shrunk to :data:`_KEPT` a side: decoded once per
    picture, however many text areas are checked over it. None when Pillow cannot load it (EMF, WMF, broken)."""
    try:
        image = Image.open(io.BytesIO(blob))
        image.load()
        pixels = image.convert("RGBA")
    except Exception:  # noqa: BLE001 - vector pictures and broken bytes alike fall back to bg1
        return None
    pixels.thumbnail((_KEPT, _KEPT), Image.Resampling.BOX)
    canvas = Image.new("RGBA", pixels.size, "#" + bg1)
    canvas.alpha_composite(pixels)
    return canvas.convert("RGB")


def _insets(element: etree._Element | None) -> tuple[float, float, float, float]:
    """A ``srcRect``/``fillRect``'s l, t, r, b as fractions (100000 = the whole side)."""
    if element is None:
        return 0.0, 0.0, 0.0, 0.0
    left, top, right, bottom = (int(str(element.get(side) or 0)) / 100000 for side in ("l", "t", "r", "b"))
    return left, top, right, bottom


def _crop_box(fill: etree._Element, pixels: tuple[int, int], area: Box, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The pixel box of the image that *area* of the slide shows, or None when the area misses the picture."""
    width, height = pixels
    src_l, src_t, src_r, src_b = _insets(fill.find(qn("a:srcRect")))
    if fill.find(qn("a:tile")) is not None:
        return 0, 0, width, height
    fill_l, fill_t, fill_r, fill_b = _insets(fill.find(f"{qn('a:stretch')}/{qn('a:fillRect')}"))
    slide_w, slide_h = size
    # Where the picture sits on the slide (fractions of it), and which part of the image shows there.
    shown_x0, shown_x1, shown_y0, shown_y1 = fill_l, 1 - fill_r, fill_t, 1 - fill_b
    image_x0, image_x1, image_y0, image_y1 = src_l, 1 - src_r, src_t, 1 - src_b
    if shown_x1 <= shown_x0 or shown_y1 <= shown_y0:
        return None

    def to_image(value: float, lo: float, hi: float, image_lo: float, image_hi: float) -> float:
        clamped = min(hi, max(lo, value))
        return image_lo + (clamped - lo) / (hi - lo) * (image_hi - image_lo)

    x0 = to_image(area.x / slide_w, shown_x0, shown_x1, image_x0, image_x1)
    x1 = to_image(area.right / slide_w, shown_x0, shown_x1, image_x0, image_x1)
    y0 = to_image(area.y / slide_h, shown_y0, shown_y1, image_y0, image_y1)
    y1 = to_image(area.bottom / slide_h, shown_y0, shown_y1, image_y0, image_y1)
    left, right = sorted((round(min(1.0, max(0.0, x0)) * width), round(min(1.0, max(0.0, x1)) * width)))
    top, bottom = sorted((round(min(1.0, max(0.0, y0)) * height), round(min(1.0, max(0.0, y1)) * height)))
    if right <= left or bottom <= top:
        return None
    return left, top, right, bottom
