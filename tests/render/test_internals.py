"""The private internals of python-pptx and reportlab that the renderers use still exist and still behave.

When one of these fails after an upgrade, the message names the function in
``render/pptx/_internals.py`` or ``render/pdf/_internals.py`` to mend, and the
version pins in pyproject.toml are what kept the upgrade out until then.
"""

from __future__ import annotations

import io

import pptx
import pytest
import reportlab
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reportgen.render.pdf import _internals as pdf_internals
from reportgen.render.pdf._internals import register_fresh
from reportgen.render.pptx import _internals as pptx_internals


def minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def test_the_installed_versions_are_ones_the_internals_were_checked_against():
    assert minor(pptx.__version__) in pptx_internals.TESTED_VERSIONS
    assert minor(reportlab.Version) in pdf_internals.TESTED_VERSIONS


def test_python_pptx_internals():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    assert pptx_internals.element(slide).tag.endswith("}sld")
    ids = pptx_internals.slide_id_list(prs)
    assert ids.tag.endswith("}sldIdLst") and len(ids) == 1
    assert pptx_internals.shape_tree(slide.shapes).tag.endswith("}spTree")
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    assert pptx_internals.text_body(box.text_frame).tag.endswith("}txBody")
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", (1, 2))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(4), Inches(3), data).chart
    assert pptx_internals.chart_space(chart).tag.endswith("}chartSpace")
    other = prs.slides.add_slide(prs.slide_layouts[5])
    rel_id = pptx_internals.add_relationship(prs.part.rels, RT.SLIDE, other.part)
    pptx_internals.add_slide_id(ids, 9999, rel_id)
    assert ids[-1].get("id") == "9999" and ids[-1].get(etree.QName(ids[-1].nsmap["r"], "id").text) == rel_id
    assert pptx_internals.has_rels(slide.part)
    assert b"relationships" in pptx_internals.package_rels_xml(prs.part.package)
    content_types = pptx_internals.content_types_xml(list(prs.part.package.iter_parts()))
    assert content_types.tag.endswith("}Types")


class Counting(Paragraph):
    drawn = 0

    def drawOn(self, *args, **kwargs):  # noqa: N802 - reportlab's name
        Counting.drawn += 1
        return super().drawOn(*args, **kwargs)


def test_the_layout_only_frame_places_without_drawing():
    style = getSampleStyleSheet()["Normal"]
    canvas = Canvas(io.BytesIO())
    frame = pdf_internals.LayoutOnlyFrame(0, 0, 300, 300)
    canvas.layout_only = True
    assert frame.add(Counting("laid out", style), canvas) == 1
    assert Counting.drawn == 0
    canvas.layout_only = False
    assert frame.add(Counting("drawn", style), canvas) == 1
    assert Counting.drawn == 1


def test_reportlab_shaping_internals_the_text_layer_relies_on():
    """render/pdf/_internals_text.py: shapeFragWord is a module global in both modules it wraps, ShapeData
    carries clusters and takes attributes, text goes through PDFTextObject._formatText, paragraphs ask
    Paragraph.beginText for their text object, and broken lines clone."""
    import inspect

    from reportlab.pdfbase import ttfonts
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus import paragraph

    from reportgen.render.pdf import _internals_text

    _internals_text.install()
    assert ttfonts.shapeFragWord is paragraph.shapeFragWord is _internals_text.shape_word
    assert "shapeFragWord(_)" in inspect.getsource(paragraph.Paragraph.breakLines)
    data = ttfonts.ShapeData(0, 600, 0, 0, 0, 600)
    data.source = "x"  # noted sources live on the glyph data
    assert {"cluster", "x_offset", "y_offset", "x_advance"} <= set(ttfonts.ShapeData._fields)
    assert "__shapeData__" in inspect.getsource(PDFTextObject._formatText)
    assert "self.beginText(cur_x, cur_y)" in inspect.getsource(paragraph.Paragraph.drawPara)
    assert "def setRise" in inspect.getsource(PDFTextObject) and "self._code[-1]" in inspect.getsource(PDFTextObject.setRise)
    style = getSampleStyleSheet()["Normal"]
    para = Paragraph("two <b>frags</b>", style)
    para.wrap(200, 100)
    line = para.blPara.lines[0]
    assert para.blPara.kind == 1 and line.clone(words=line.words[:1]).words == line.words[:1]
    assert all(hasattr(frag, "clone") and hasattr(frag, "text") for frag in line.words)
    from reportlab.platypus import tableofcontents

    assert tableofcontents.Paragraph is paragraph.Paragraph  # contents_paragraphs swaps this name
    assert "Paragraph(" in inspect.getsource(tableofcontents.TableOfContents.wrap)
    assert ttfonts.makeToUnicodeCMap is _internals_text._to_unicode_cmap
    assert "makeToUnicodeCMap(baseFontName, subset)" in inspect.getsource(ttfonts.TTFont.addObjects)
    assert "<%02X> <%04X>" in inspect.getsource(_internals_text._ORIGINAL_CMAP)  # the lines _to_unicode_cmap rewrites
    word = ttfonts.makeShapedFragWord([0])([1.0])
    assert isinstance(word, ttfonts.ShapedFragWord)
    shaped = ttfonts.ShapedStr("ab", shapeData=[ttfonts.ShapeData(0, 1, 0, 0, 0, 1), ttfonts.ShapeData(1, 2, 0, 0, 0, 2)])
    reversed_ = shaped[::-1]
    assert isinstance(reversed_, ttfonts.ShapedStr) and [sd.cluster for sd in reversed_.__shapeData__] == [1, 0]
    assert isinstance("" + shaped, ttfonts.ShapedStr) and isinstance(shaped + " ", ttfonts.ShapedStr)


def test_harfbuzz_gives_right_to_left_glyphs_in_visual_order_with_falling_clusters():
    """_internals_text flags a run right to left when its clusters fall from first glyph to last."""
    from pathlib import Path

    import pytest
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont, shapeStr

    path = Path("/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf")
    if not path.exists():
        pytest.skip(f"{path} is not installed")
    if "InternalsHebrew" not in pdfmetrics.getRegisteredFontNames():
        register_fresh(TTFont("InternalsHebrew", str(path)))
    shaped = shapeStr("אבג", "InternalsHebrew", 10, force=True)
    assert [data.cluster for data in shaped.__shapeData__] == [2, 1, 0]
    assert str(shaped) == "גבא"


def test_an_on_draw_callback_can_read_the_baseline_of_its_line():
    style = getSampleStyleSheet()["Normal"]
    canvas = Canvas(io.BytesIO())
    seen: list[float] = []
    canvas.setNamedCB("probe", lambda canv, kind, label: seen.append(pdf_internals.text_line_y(canv)))
    paragraph = Paragraph('first line<br/>second<onDraw name="probe" label="x"/>', style)
    _, height = paragraph.wrap(300, 300)
    paragraph.drawOn(canvas, 0, 0)
    assert seen == [pytest.approx(height - style.fontSize - style.leading)]  # the second line's baseline


def test_frag_words_are_lists_reportlab_joins_with_a_space_only_after_a_spaced_word():
    style = getSampleStyleSheet()["Normal"]
    frags = Paragraph("ab cd<b>ef</b>", style).frags
    words = pdf_internals.frag_words(frags, 300)
    assert [[text for _, text in word[1:]] for word in words] == [["ab"], ["cd", "ef"]]
    assert pdf_internals.followed_by_space(words[0]) and not pdf_internals.followed_by_space(words[1])
    assert all(pdf_internals.is_plain_word(word) for word in words)
    assert not pdf_internals.are_frag_words(frags) and pdf_internals.are_frag_words(words)
    (cd_frag, cd), (ef_frag, ef) = words[1][1:]
    head = pdf_internals.make_frag_word(stringWidth(cd, cd_frag.fontName, cd_frag.fontSize), [(cd_frag, cd)], space_after=False)
    tail = pdf_internals.make_frag_word(stringWidth(ef, ef_frag.fontName, ef_frag.fontSize), [(ef_frag, ef)], space_after=False)
    para = Paragraph("", style)
    para.frags = [words[0], head, tail]
    para.wrap(300, 100)
    assert "".join(frag.text for frag in para.blPara.lines[0].words) == "ab cdef"
    para.frags = [words[0], head, tail]
    para.wrap(words[0][0] + head[0] + 5, 100)
    assert ["".join(frag.text for frag in line.words).strip() for line in para.blPara.lines] == ["ab cd", "ef"]
