"""Charts and tables on a corporate master take its theme colours where the set names none."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from reportgen.render.pptx import render_pptx
from reportgen.render.pptx.figure_colours import FigureColours, Paint, paint_runs
from reportgen.theme.model import Colours
from support.themed_masters import themed_master

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"a": A, "c": "http://schemas.openxmlformats.org/drawingml/2006/chart", "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def _parts(data: bytes, prefix: str) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [etree.fromstring(z.read(name)) for name in sorted(z.namelist()) if name.startswith(prefix) and name.endswith(".xml")]


def _table(data: bytes) -> etree._Element:
    return next(tbl for slide in _parts(data, "ppt/slides/slide") for tbl in slide.iter(f"{{{A}}}tbl"))


def _fill(tc: etree._Element) -> str:
    """A cell's fill as ``scheme:accent1/20000/80000`` or ``rgb:FFFFFF``."""
    colour = tc.find("a:tcPr/a:solidFill", NS)[0]
    if colour.tag == f"{{{A}}}srgbClr":
        return "rgb:" + colour.get("val")
    mods = [el.get("val") for el in colour]
    return "/".join(["scheme:" + colour.get("val"), *mods])


def _named(theme, **colours):
    return theme.model_copy(update={"colours": Colours.model_validate(colours)})


def test_without_a_corporate_master_every_colour_is_the_sets_hex(theme):
    paints = FigureColours.of(theme, corporate=False)
    assert paints.series == tuple(Paint(rgb=c.lstrip("#")) for c in theme.colours.chart)
    assert paints.text == Paint(rgb=theme.colours.text.lstrip("#")) and paints.header_fill == Paint(rgb=theme.colours.table_header_fill.lstrip("#"))
    assert not paints.corporate


def test_on_a_corporate_master_unnamed_colours_are_the_themes(theme):
    paints = FigureColours.of(theme, corporate=True)
    assert [p.scheme for p in paints.series] == [f"accent{i}" for i in range(1, 7)]
    assert paints.text is None and paints.muted is None  # chart text inherits tx1
    assert (paints.header_fill.scheme, paints.header_text.scheme, paints.cell_fill.scheme) == ("accent1", "bg1", "bg1")
    assert (paints.stripe.scheme, paints.stripe.lum_mod, paints.stripe.lum_off) == ("accent1", 20000, 80000)
    assert paints.rule.scheme == "tx1" and not paints.rule.rgb


def test_on_a_corporate_master_what_the_set_names_still_wins(theme):
    paints = FigureColours.of(_named(theme, chart=["#112233", "#445566"], muted="#777777", table_header_fill="#990000"), corporate=True)
    assert paints.series == (Paint(rgb="112233"), Paint(rgb="445566"))
    assert paints.muted == Paint(rgb="777777") and paints.text is None
    assert paints.header_fill == Paint(rgb="990000") and paints.header_text.scheme == "bg1"


def test_paint_runs_replaces_a_runs_fill_in_schema_order():
    body = etree.fromstring(f'<a:txBody xmlns:a="{A}"><a:p><a:r><a:rPr><a:ln/><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
                            '<a:latin typeface="Arial"/></a:rPr><a:t>x</a:t></a:r><a:r><a:rPr/><a:t>y</a:t></a:r></a:p></a:txBody>')
    paint_runs(body, Paint(scheme="bg1"))
    first, second = body.iter(f"{{{A}}}rPr")
    assert [etree.QName(el).localname for el in first] == ["ln", "solidFill", "latin"]
    assert [el.get("val") for el in body.iterfind(".//a:solidFill/*", NS)] == ["bg1", "bg1"]
    assert len(second) == 1


@pytest.fixture(scope="module")
def corporate_deck(normal, theme, tmp_path_factory) -> bytes:
    master = themed_master(tmp_path_factory.mktemp("brand") / "reference.pptx")
    return render_pptx(normal, theme.model_copy(update={"reference_pptx": master}))


def test_chart_series_are_the_masters_accents_and_its_text_names_no_colour(corporate_deck):
    (chart,) = _parts(corporate_deck, "ppt/charts/chart")
    fills = chart.xpath("//c:ser/c:spPr/a:solidFill/a:schemeClr/@val", namespaces=NS)
    assert fills and fills[0] == "accent1"
    assert not chart.xpath("//c:txPr//a:srgbClr | //c:dLbls//a:srgbClr | //c:ser//a:srgbClr", namespaces=NS)
    gridline = chart.xpath("//c:majorGridlines//a:schemeClr", namespaces=NS)[0]
    assert gridline.get("val") == "tx1" and [m.get("val") for m in gridline] == ["15000", "85000"]


def test_table_header_is_accent1_with_bg1_text_and_stripes_a_tint_of_accent1(corporate_deck):
    table = _table(corporate_deck)
    header, first, second = table.findall("a:tr", NS)[:3]
    assert {_fill(tc) for tc in header.findall("a:tc", NS)} == {"scheme:accent1"}
    assert {_fill(tc) for tc in first.findall("a:tc", NS)} == {"scheme:bg1"}
    assert {_fill(tc) for tc in second.findall("a:tc", NS)} == {"scheme:accent1/20000/80000"}
    assert set(header.xpath(".//a:rPr/a:solidFill/*/@val", namespaces=NS)) == {"bg1"}
    assert set(first.xpath(".//a:rPr/a:solidFill/*/@val", namespaces=NS)) == {"tx1"}
    assert set(table.xpath(".//a:lnT/a:solidFill/a:schemeClr/@val", namespaces=NS)) == {"tx1"}
    assert not table.xpath(".//a:srgbClr", namespaces=NS)


def test_chart_colours_the_set_names_are_kept_on_a_corporate_master(normal, theme, tmp_path):
    named = _named(theme, chart=["#112233"], text="#202020").model_copy(update={"reference_pptx": themed_master(tmp_path / "reference.pptx")})
    (chart,) = _parts(render_pptx(normal, named), "ppt/charts/chart")
    assert chart.xpath("//c:ser/c:spPr/a:solidFill/a:srgbClr/@val", namespaces=NS) == ["112233"]
    assert set(chart.xpath("//c:txPr//a:solidFill/a:srgbClr/@val", namespaces=NS)) == {"202020"}
