"""On a corporate master the deck leaves the look to it: faces, text colours, bullets and sizes, unless the set names them."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from reportgen.errors import RenderError
from reportgen.render.pptx import render_pptx
from reportgen.render.pptx.master import open_master
from reportgen.theme import Theme

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}


def _master(path: Path, fonts: tuple[str, str] | None = None, masters: int = 1) -> Path:
    deck = Presentation()
    if fonts is not None:
        theme_part = next(rel.target_part for rel in deck.slide_master.part.rels.values() if rel.reltype.endswith("/theme"))
        root = etree.fromstring(theme_part.blob)
        for tag, face in zip(("majorFont", "minorFont"), fonts, strict=True):
            root.find(f".//{{{A}}}{tag}/{{{A}}}latin").set("typeface", face)
        theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    deck.save(path)
    return path


def _slides(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted((n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)), key=lambda n: int(re.findall(r"\d+", n)[0]))
        return [etree.fromstring(z.read(n)) for n in names]


def _placeholder_runs(slide: etree._Element) -> list[etree._Element]:
    return slide.xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph]//a:rPr", namespaces=NS)


def test_placeholder_text_names_no_face_colour_or_inherited_size(tmp_path, normal):
    data = render_pptx(normal, Theme().model_copy(update={"reference_pptx": _master(tmp_path / "m.pptx")}))
    slides = _slides(data)
    runs = [r for s in slides for r in _placeholder_runs(s)]
    assert len(runs) > 20
    for run in runs:
        assert not run.xpath("a:latin | a:ea | a:cs", namespaces=NS), etree.tostring(run)
        fill = run.xpath("a:solidFill/a:srgbClr/@val", namespaces=NS)
        assert fill in ([], ["000000"]), etree.tostring(run)  # only where a layout's own grey fails contrast: its tx1
    bullets = [r for s in slides for r in s.xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph[@type='title' or @idx='1']]//a:rPr", namespaces=NS)
               if s.xpath("boolean(.//p:sp/p:nvSpPr/p:nvPr/p:ph[@type='title'])", namespaces=NS)]
    assert bullets and not any(r.find(f"{{{A}}}solidFill") is not None for r in bullets[:10])
    titles = [r for s in slides for r in s.xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph[@type='title']]//a:rPr", namespaces=NS)]
    assert titles and all(r.get("sz") is None or int(r.get("sz")) < 4400 for r in titles)  # only a size the fitter lowered is written
    assert any(r.get("sz") is None for r in titles)
    bodies = [s.xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph[@idx='1']]//a:pPr", namespaces=NS) for s in slides]
    assert not any(p.xpath("a:buChar | a:buClr | a:buFont", namespaces=NS) for ps in bodies for p in ps)  # the master's bullets


def test_what_the_set_names_wins_over_the_master(tmp_path, normal, theme):
    named = theme.model_validate({"colours": {"primary": "#123456"}, "deck": {"fonts": {"latin": "Georgia"}, "sizes": {"title": 28}}})
    data = render_pptx(normal, named.model_copy(update={"reference_pptx": _master(tmp_path / "m.pptx")}))
    titles = [r for s in _slides(data) for r in s.xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph[@type='title']]//a:rPr", namespaces=NS)]
    assert titles
    for run in titles:
        assert run.find(f"{{{A}}}solidFill/{{{A}}}srgbClr").get("val") == "123456"
        assert run.find(f"{{{A}}}latin").get("typeface") == "Georgia"
        assert int(run.get("sz")) <= round(28 * 4 / 3 * 100)  # the title slide's title is a third larger


def test_without_a_master_every_run_is_explicit(normal, theme):
    runs = [r for s in _slides(render_pptx(normal, theme)) for r in _placeholder_runs(s)]
    assert runs and all(r.get("sz") and r.find(f"{{{A}}}latin") is not None and r.find(f"{{{A}}}solidFill") is not None for r in runs)


def test_the_master_s_text_styles_are_what_the_fitter_measures(tmp_path, theme):
    master = open_master(theme.model_copy(update={"reference_pptx": _master(tmp_path / "m.pptx", ("Caladea", "Carlito"))}))
    inherited = master.frame("bullets").inherited
    assert inherited is not None
    assert (inherited.title_size, inherited.body_size, inherited.title_face, inherited.body_face) == (44.0, 32.0, "Caladea", "Carlito")
    assert open_master(theme).frame("bullets").inherited is None


def test_furniture_goes_into_the_master_s_placeholders(tmp_path, normal, theme):
    data = render_pptx(normal, Theme().model_copy(update={"reference_pptx": _master(tmp_path / "m.pptx")}))
    second = _slides(data)[1]
    number = second.xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph[@type='sldNum']]//a:fld[@type='slidenum']", namespaces=NS)
    assert len(number) == 1
    assert not second.xpath(".//p:sp[not(p:nvSpPr/p:nvPr/p:ph)][p:nvSpPr/p:cNvPr[@name='Slide Number']]", namespaces=NS)


def test_a_face_viewers_lack_and_no_file_measures_is_named_in_warnings(tmp_path, normal, theme):
    path = _master(tmp_path / "m.pptx", ("Lexend Deca", "Lexend Deca"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_pptx(normal, theme.model_copy(update={"reference_pptx": path}))
    texts = [str(w.message) for w in caught]
    assert any("'Lexend Deca', which most viewers lack" in t for t in texts)
    assert any("no file of the font 'Lexend Deca'" in t and "DejaVu Sans" in t for t in texts)


def test_deck_master_chooses_a_master_and_an_unknown_one_is_one_error(tmp_path, normal, theme):
    path = _master(tmp_path / "m.pptx")
    with pytest.raises(RenderError) as raised:
        open_master(theme.model_validate({"deck": {"master": "Brand"}}).model_copy(update={"reference_pptx": path}))
    assert "deck.master is 'Brand'" in str(raised.value) and "1 'Office Theme'" in str(raised.value)
    chosen = open_master(theme.model_validate({"deck": {"master": 1}}).model_copy(update={"reference_pptx": path}))
    assert chosen.index == 0 and chosen.layouts


@pytest.mark.parametrize(("choice", "expected"), [("auto", "title slides only"), ("always", "every slide"), ("never", "none")])
def test_the_logo_leaves_the_master_s_date_placeholder_alone_unless_asked(tmp_path, normal, choice, expected):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (0, 107, 63)).save(logo)
    theme = Theme.model_validate({"deck": {"logo": choice}}).model_copy(update={"logo_path": logo, "reference_pptx": _master(tmp_path / "m.pptx")})
    slides = Presentation(io.BytesIO(render_pptx(normal, theme))).slides
    with_logo = [any(shape.name == "Logo" for shape in slide.shapes) for slide in slides]
    titles = [slide.slide_layout.name == "Title Slide" for slide in slides]
    wanted = {"title slides only": titles, "every slide": [True] * len(titles), "none": [False] * len(titles)}[expected]
    assert with_logo == wanted


def test_a_named_colour_that_does_not_read_on_a_dark_master_becomes_the_scheme_s_light_one(tmp_path, normal):
    from support import masters

    named = Theme.model_validate({"colours": {"text": "#1F2328", "primary": "#1B365D"}})
    data = render_pptx(normal, named.model_copy(update={"reference_pptx": masters.dark(tmp_path / "dark.pptx")}))
    fills = {el.get("val") for s in _slides(data) for el in s.xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph]//a:rPr/a:solidFill/a:srgbClr", namespaces=NS)}
    assert fills == {"F5F5F5"}  # neither the named navy nor near-black reads on #1E1E2E


def test_contrast_keeps_colours_that_read(tmp_path, normal):
    named = Theme.model_validate({"colours": {"text": "#1F2328"}})
    data = render_pptx(normal, named.model_copy(update={"reference_pptx": _master(tmp_path / "m.pptx")}))
    fills = {el.get("val") for s in _slides(data) for el in s.xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph[@idx='1']]//a:rPr/a:solidFill/a:srgbClr", namespaces=NS)}
    assert fills == {"1F2328"}


def test_a_placeholder_s_own_grey_is_checked_too_on_a_photographic_master(tmp_path, normal):
    from support import masters

    data = render_pptx(normal, Theme().model_copy(update={"reference_pptx": masters.photographic(tmp_path / "photo.pptx")}))
    subtitle = _slides(data)[0].xpath(".//p:sp[p:nvSpPr/p:nvPr/p:ph[@type='subTitle']]//a:rPr/a:solidFill/a:srgbClr", namespaces=NS)
    assert subtitle and {el.get("val") for el in subtitle} == {"000000"}  # the layout's 75% grey does not read on mid-grey


def test_charts_on_a_master_name_no_face_of_their_own(tmp_path, figures):
    data = render_pptx(figures, Theme().model_copy(update={"reference_pptx": _master(tmp_path / "m.pptx", ("Caladea", "Carlito"))}))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        charts = [z.read(n) for n in z.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)]
    assert charts and not any(b"<a:latin" in chart for chart in charts)
    assert b'<a:latin typeface="Arial"' in next(
        z.read(n) for z in [zipfile.ZipFile(io.BytesIO(render_pptx(figures, Theme())))] for n in z.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n))
