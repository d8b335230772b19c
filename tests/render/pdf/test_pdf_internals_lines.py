"""Lines in visual order: words and runs reordered by the bidi algorithm, brackets mirrored (real fonts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

from reportgen.render.pdf import _internals_lines as lines
from reportgen.render.pdf import _internals_text as text_internals
from reportgen.render.pdf.flow import Para, set_right_to_left
from support.tools import registered_font

NOTO = Path("/usr/share/fonts/truetype/noto")
LATIN = Path(__file__).resolve().parents[3] / "templates/default/assets/fonts/NotoSans-Regular.ttf"
text_internals.install()


font = registered_font


def test_a_hebrew_line_is_drawn_right_to_left_word_by_word():
    hebrew = font("TestHebr", NOTO / "NotoSansHebrew-Regular.ttf")
    style = ParagraphStyle("hebrew-test", fontName=hebrew, fontSize=10, leading=12)
    set_right_to_left(style)
    para = Para("ביטחון אזורי", style)
    para.wrap(400, 100)
    logical = text_internals.logical_text
    split = lines._split_words  # str.split would drop the glyph data
    words = [logical(word) for line in para.blPara.lines for frag in line.words for word in split(frag.text) if word != " "]
    visual = lines.visual_lines(para.blPara, rtl=True)
    shown = [logical(word) for line in visual.lines for frag in line.words for word in split(frag.text) if word != " "]
    assert words == ["ביטחון", "אזורי"]  # lines stay in logical order: splits make new paragraphs from them
    assert shown == ["אזורי", "ביטחון"]  # the first word on the right


def test_an_english_sentence_keeps_its_order_around_a_hebrew_phrase():
    hebrew = font("TestHebr", NOTO / "NotoSansHebrew-Regular.ttf")
    tokens = ["one", " ", shapeStr("ביטחון", hebrew, 10), " ", shapeStr("אזורי", hebrew, 10), " ", "two"]
    shown = [text for _, text in lines._in_visual_order([(None, token) for token in tokens], rtl=False)]
    assert [text_internals.logical_text(text) for text in shown] == ["one", " ", "אזורי", " ", "ביטחון", " ", "two"]


def test_shaped_text_for_a_canvas_is_visual_and_plain_text_is_left_alone():
    hebrew = font("TestHebr", NOTO / "NotoSansHebrew-Regular.ttf")
    assert lines.shaped_text("Helvetica text", "Helvetica", 10) == "Helvetica text"
    shown = lines.shaped_text("ביטחון אזורי", hebrew, 10, rtl=True)
    assert isinstance(shown, ShapedStr)
    assert [text_internals.logical_text(word) for word in lines._split_words(shown)] == ["אזורי", " ", "ביטחון"]


def test_brackets_and_a_comma_after_an_arabic_word_stay_on_the_english_side():
    arabic = font("TestArab", NOTO / "NotoSansArabic-Regular.ttf")
    style = ParagraphStyle("mixed-test", fontName=font("TestLatin", LATIN), fontSize=10, leading=12)
    para = Para(f'said (<font face="{arabic}">الأمن</font>), then', style)
    para.wrap(400, 100)
    visual = lines.visual_lines(para.blPara, rtl=False)
    pieces = [lines._split_words(frag.text) for line in visual.lines for frag in line.words]
    shown = [text_internals.logical_text(piece) for group in pieces for piece in group]
    assert "".join(shown) == "said (الأمن), then"  # one Arabic word: nothing to reorder around it


def test_a_bracket_inside_a_right_to_left_run_is_drawn_mirrored_and_reads_as_written():
    from reportlab.lib.abag import ABag

    latin = ABag(fontName=font("TestLatin", LATIN), fontSize=10)
    mirrored = lines._mirrored(latin, "(")
    assert str(mirrored) == ")" and text_internals.clusters(mirrored) == [(0, 1, "(")]
    assert lines._mirrored(latin, "plain") == "plain"


def test_shapeStr_of_one_run_still_returns_its_text():
    hebrew = font("TestHebr", NOTO / "NotoSansHebrew-Regular.ttf")
    assert isinstance(shapeStr("ביטחון", hebrew, 10), ShapedStr)


@pytest.mark.parametrize("rtl", [False, True])
def test_a_line_is_drawn_as_the_bidi_algorithm_displays_it_with_brackets_mirrored(rtl):
    import bidi

    hebrew = font("TestHebr", NOTO / "NotoSansHebrew-Regular.ttf")
    style = ParagraphStyle(f"bidi-{rtl}", fontName=font("TestLatin", LATIN), fontSize=10, leading=12)
    set_right_to_left(style, rtl)
    markup = f'<font face="{hebrew}">א</font> (<font face="{hebrew}">בג</font>), <font face="{hebrew}">דה</font> and 12.'
    para = Para(markup, style)
    para.wrap(400, 100)
    drawn = "".join(str(frag.text) for line in lines.visual_lines(para.blPara, rtl=rtl).lines for frag in line.words)
    expected = bidi.get_display("א (בג), דה and 12.", base_dir="R" if rtl else "L")
    assert drawn == expected.translate(str.maketrans("()", ")("))  # python-bidi's display does not mirror (rule L4)
