"""Shaped text keeps its source: clusters, ActualText, visual lines (real fonts, shaped by HarfBuzz)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

from reportgen.render.pdf import _internals_text as text_internals
from support.tools import registered_font

NOTO = Path("/usr/share/fonts/truetype/noto")
LATIN = Path(__file__).resolve().parents[3] / "templates/default/assets/fonts/NotoSans-Regular.ttf"
text_internals.install()


font = registered_font


def test_a_reordered_devanagari_cluster_is_marked_with_its_characters_in_logical_order():
    deva = font("TestDeva", NOTO / "NotoSansDevanagari-Regular.ttf")
    shaped = shapeStr("हिन्दी", deva, 12)
    assert isinstance(shaped, ShapedStr)
    assert text_internals.logical_text(shaped) == "हिन्दी"
    actual = [source for _, _, source in text_internals.clusters(shaped) if source]
    assert actual and actual[0] == "हि"  # i-matra drawn first, read after its consonant


def test_an_arabic_word_reads_in_logical_order_and_its_ligature_in_visual_order():
    arabic = font("TestArab", NOTO / "NotoSansArabic-Regular.ttf")
    shaped = shapeStr("الأمن", arabic, 12)
    assert text_internals.logical_text(shaped) == "الأمن"
    actual = [source for _, _, source in text_internals.clusters(shaped) if source]
    assert "أل" in actual  # lam-alef: readers reverse right-to-left text they take to be visual


def test_text_without_noted_sources_is_one_plain_run_and_formats_as_reportlab_does():
    latin = font("TestLatin", LATIN)
    assert text_internals.clusters("plain") == [(0, 5, None)]
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject

    canvas = Canvas(io.BytesIO())
    canvas.setFont(latin, 10)
    ours = text_internals.SourceTextObject(canvas)._formatText("Plain text")
    assert ours == PDFTextObject(canvas)._formatText("Plain text")
    assert "ActualText" not in ours


def test_a_shaped_cluster_is_written_inside_an_actual_text_span():
    deva = font("TestDeva", NOTO / "NotoSansDevanagari-Regular.ttf")
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    canvas.setFont(deva, 10)
    operators = text_internals.SourceTextObject(canvas)._formatText(shapeStr("हिन्दी", deva, 10))
    assert "/Span <</ActualText <FEFF0939093F>>> BDC" in operators
    assert operators.count("BDC") == operators.count("EMC")


def test_a_private_use_code_maps_to_the_characters_its_glyph_stands_for_in_the_to_unicode_map():
    text_internals._PRIVATE_TEXT.setdefault("TestFace", {})[0xE000] = "क्ष"
    cmap = text_internals._to_unicode_cmap("AAAAAA+TestFace", [0x20, 0xE000])
    assert "<00> <0020>" in cmap and "<01> <0915094D0937>" in cmap
    assert text_internals._to_unicode_cmap("AAAAAA+OtherFace", [0xE000]).count("<00> <E000>") == 1
