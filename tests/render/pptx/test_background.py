"""The effective background of a layout: solid, mapped, gradient, picture, bgRef, and what falls back to bg1."""

from __future__ import annotations

import io

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation

from reportgen.colour import luminance, readable
from reportgen.render.pptx import _internals
from reportgen.render.pptx.background import background, dark_and_light
from reportgen.render.pptx.drawing_colour import resolve
from reportgen.render.pptx.master_theme import MasterTheme
from reportgen.slides.units import Box, Emu

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:a="{A}" xmlns:p="{P}" xmlns:r="{R}"'


def _set_bg(proxy, inner: str) -> None:
    """Give a master or layout this ``p:bg`` (replacing its own)."""
    c_sld = _internals.element(proxy).find(f"{{{P}}}cSld")
    for old in c_sld.findall(f"{{{P}}}bg"):
        c_sld.remove(old)
    c_sld.insert(0, etree.fromstring(f"<p:bg {NS}>{inner}</p:bg>"))


def _solid(colour: str) -> str:
    return f"<p:bgPr><a:solidFill>{colour}</a:solidFill><a:effectLst/></p:bgPr>"


def _first_layout():
    prs = Presentation()
    return prs, prs.slide_masters[0].slide_layouts[0]


def test_the_default_master_is_white_through_its_bgref():
    prs, layout = _first_layout()
    found = background(prs, layout)
    assert found.source == "master" and found.samples == (pytest.approx(1.0),)


def test_no_background_anywhere_is_bg1():
    prs, layout = _first_layout()
    c_sld = _internals.element(prs.slide_masters[0]).find(f"{{{P}}}cSld")
    c_sld.remove(c_sld.find(f"{{{P}}}bg"))
    found = background(prs, layout)
    assert found.kind == "none" and found.source == "default" and found.samples == (pytest.approx(1.0),)


def test_a_dark_master_with_its_colour_map_swapped():
    prs, layout = _first_layout()
    master = prs.slide_masters[0]
    colour_map = _internals.element(master).find(f"{{{P}}}clrMap")
    colour_map.set("bg1", "dk1")
    colour_map.set("tx1", "lt1")
    _set_bg(master, _solid('<a:schemeClr val="bg1"/>'))
    found = background(prs, layout)
    assert found.kind == "solid" and found.samples == (pytest.approx(0.0),)
    assert dark_and_light(found.theme) == ("000000", "FFFFFF")
    assert readable("000000", found.samples, False, *dark_and_light(found.theme)).colour == "FFFFFF"


def test_a_layouts_own_background_and_colour_map_override_win():
    prs, layout = _first_layout()
    _set_bg(layout, _solid('<a:schemeClr val="bg1"/>'))
    _internals.element(layout).append(etree.fromstring(
        f'<p:clrMapOvr {NS}><a:overrideClrMapping bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt2" accent1="accent1" accent2="accent2" '
        'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/></p:clrMapOvr>'))
    found = background(prs, layout)
    assert found.source == "layout" and found.samples == (pytest.approx(0.0),)
    assert background(prs, prs.slide_masters[0].slide_layouts[1]).samples == (pytest.approx(1.0),)  # other layouts keep white


def test_a_gradient_gives_every_stop():
    prs, layout = _first_layout()
    stops = "".join(f'<a:gs pos="{pos}"><a:srgbClr val="{hex_}"/></a:gs>' for pos, hex_ in ((0, "FFFFFF"), (50000, "808080"), (100000, "1B365D")))
    _set_bg(prs.slide_masters[0], f'<p:bgPr><a:gradFill><a:gsLst>{stops}</a:gsLst><a:lin ang="0"/></a:gradFill><a:effectLst/></p:bgPr>')
    found = background(prs, layout)
    assert found.kind == "gradient"
    assert found.samples == pytest.approx((1.0, luminance("808080"), luminance("1B365D")))


def test_a_scheme_colour_with_lum_mod_is_darkened():
    prs, layout = _first_layout()
    _set_bg(prs.slide_masters[0], _solid('<a:schemeClr val="bg1"><a:lumMod val="50000"/></a:schemeClr>'))
    assert background(prs, layout).samples == (pytest.approx(luminance("808080"), abs=0.005),)


def test_colour_modifiers():
    def colour(xml: str) -> str:
        tag, rest = xml.split(" ", 1)
        return resolve(etree.fromstring(f'{tag} xmlns:a="{A}" {rest}'), MasterTheme())

    assert colour('<a:schemeClr val="tx1"><a:lumMod val="75000"/><a:lumOff val="25000"/></a:schemeClr>') == "404040"
    assert colour('<a:srgbClr val="000000"><a:tint val="0"/></a:srgbClr>') == "FFFFFF"
    assert colour('<a:srgbClr val="FFFFFF"><a:shade val="0"/></a:srgbClr>') == "000000"
    assert colour('<a:sysClr val="windowText" lastClr="112233"/>') == "112233"


def _picture_master(prs, image: bytes, extra: str = ""):
    master = prs.slide_masters[0]
    part, rel_id = master.part.get_or_add_image_part(io.BytesIO(image))
    _set_bg(master, f'<p:bgPr><a:blipFill><a:blip r:embed="{rel_id}"/>{extra}<a:stretch><a:fillRect/></a:stretch></a:blipFill>'
                    '<a:effectLst/></p:bgPr>')
    return part


def _half_black_png() -> bytes:
    image = Image.new("RGB", (200, 100), "white")
    image.paste((0, 0, 0), (0, 0, 100, 100))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_a_picture_is_averaged_inside_the_region():
    prs, layout = _first_layout()
    _picture_master(prs, _half_black_png())
    width, height = int(prs.slide_width), int(prs.slide_height)
    left = Box(Emu(0), Emu(0), Emu(width // 2), Emu(height))
    right = Box(Emu(width // 2), Emu(height // 4), Emu(width // 2), Emu(height // 2))
    assert background(prs, layout, left).samples == (pytest.approx(0.0, abs=0.01),)
    assert background(prs, layout, right).samples == (pytest.approx(1.0, abs=0.01),)
    whole = background(prs, layout)
    assert whole.kind == "picture" and not whole.fallback and whole.samples == (pytest.approx(0.5, abs=0.02),)


def test_a_cropped_picture_shows_only_its_source_rectangle():
    prs, layout = _first_layout()
    _picture_master(prs, _half_black_png(), '<a:srcRect r="50000"/>')  # only the black half is shown, stretched
    assert background(prs, layout).samples == (pytest.approx(0.0, abs=0.01),)


def test_an_unreadable_picture_falls_back_to_bg1():
    prs, layout = _first_layout()
    part = _picture_master(prs, _half_black_png())
    _internals.set_blob(part, b"\x01\x00\x00\x00" + b"\x00" * 80)  # an EMF-like header: no pixels Pillow can load
    found = background(prs, layout)
    assert found.fallback and found.samples == (pytest.approx(1.0),)


def test_a_bgref_takes_the_themes_background_style_with_its_own_colour_as_phclr():
    prs, layout = _first_layout()
    _set_bg(prs.slide_masters[0], '<p:bgRef idx="1001"><a:schemeClr val="accent1"/></p:bgRef>')
    found = background(prs, layout)
    assert found.kind == "solid"  # the default theme's first background style is a solid phClr
    assert found.samples == (pytest.approx(luminance(found.theme.colour("accent1"))),)
    assert found.samples[0] < 0.5


def test_a_slides_own_background_comes_first():
    prs, layout = _first_layout()
    slide = prs.slides.add_slide(layout)
    assert background(prs, slide).source == "master"
    _set_bg(slide, _solid('<a:srgbClr val="000000"/>'))
    found = background(prs, slide)
    assert found.source == "slide" and found.samples == (pytest.approx(0.0),)
