"""The one place the brief's direction is decided, and the flowables that follow it."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.pdfgen.canvas import Canvas

from reportgen.render.pdf.contents import StartEdgeContents, contents_table
from reportgen.render.pdf.flow import Contents, Para, RightBulletPara, list_item
from reportgen.render.pdf.sides import Sides
from reportgen.render.pdf.styles import LIST_INDENT, TOC_NUMBER_ROOM, Styles
from reportgen.theme import Theme

LTR, RTL = Sides(), Sides(mirrored=True)


def test_the_start_side_is_the_left_unless_mirrored():
    assert (LTR.alignment, LTR.h_align, LTR.start_rule, LTR.anchor) == (TA_LEFT, "LEFT", "LINEBEFORE", "w")
    assert (RTL.alignment, RTL.h_align, RTL.start_rule, RTL.anchor) == (TA_RIGHT, "RIGHT", "LINEAFTER", "e")


def test_indents_are_measured_from_the_start_side():
    assert LTR.indents(start=14, end=36) == {"leftIndent": 14, "rightIndent": 36}
    assert RTL.indents(start=14, end=36) == {"leftIndent": 36, "rightIndent": 14}


def test_mirrored_order_and_positions():
    assert RTL.in_reading_order([1, 2, 3]) == [3, 2, 1] and LTR.in_reading_order((1, 2, 3)) == [1, 2, 3]
    assert (LTR.start_x(10, 100, 30), RTL.start_x(10, 100, 30)) == (10, 70)
    assert (LTR.end_x(10, 100, 30), RTL.end_x(10, 100, 30)) == (70, 10)


def test_a_right_to_left_language_mirrors_the_styles():
    rtl, ltr = Styles.from_theme(Theme(), language="he"), Styles.from_theme(Theme(), language="en")
    assert rtl.sides.mirrored and not ltr.sides.mirrored
    assert rtl["body"].alignment == TA_RIGHT and rtl["h1"].alignment == TA_RIGHT and rtl["caption"].alignment == TA_RIGHT
    assert (rtl["toc1"].leftIndent, rtl["toc1"].rightIndent) == (TOC_NUMBER_ROOM, LIST_INDENT + 4)
    assert (ltr["toc1"].leftIndent, ltr["toc1"].rightIndent) == (LIST_INDENT + 4, TOC_NUMBER_ROOM)
    bullet = rtl.bullet(1, ordered=False)
    assert (bullet.leftIndent, bullet.rightIndent, bullet.bulletIndent) == (0, 2 * LIST_INDENT, LIST_INDENT)


def test_the_contents_numbers_go_to_the_end_side():
    assert isinstance(contents_table(Styles.from_theme(Theme(), language="ar")), StartEdgeContents)
    assert type(contents_table(Styles.from_theme(Theme(), language="en"))) is Contents


def test_a_mirrored_list_item_draws_its_bullet_at_the_right_and_keeps_it_on_its_first_part():
    style = Styles.from_theme(Theme(), language="ar").bullet(0, ordered=True)
    assert type(list_item("text", style, "1.", LTR)) is Para and list_item("text", style, "1.", LTR).bulletText == "1."
    item = list_item(" ".join(["word"] * 200), style, "7.", RTL)
    assert isinstance(item, RightBulletPara) and item.bulletText is None and item.right_bullet == "7."
    item.wrap(200, 1000)
    first, rest = item.split(200, 60)
    assert (first.right_bullet, rest.right_bullet) == ("7.", None)
    canvas = Canvas("unused.pdf")
    first.wrap(200, 60)
    first.drawOn(canvas, 0, 0)
    stream = canvas.getCurrentPageContent()
    assert "(7.) Tj" in stream
    x = float(stream.split("(7.) Tj")[0].rsplit("BT", 1)[1].split()[4])
    width = canvas.stringWidth("7.", style.bulletFontName, style.bulletFontSize)
    assert abs(x + width - 200) < 0.01  # flush with the right edge at bulletIndent 0


def test_a_mirrored_table_reverses_its_columns_and_their_widths():
    from reportgen.render.pdf.tables import data_table

    header, rows = ["First", "A much longer second heading"], [["1", "two words"]]
    plain = [header, *rows]
    ltr = data_table(header, rows, plain, Styles.from_theme(Theme(), language="en"), 400)
    rtl = data_table(header, rows, plain, Styles.from_theme(Theme(), language="ur"), 400)
    assert [p.text for p in rtl._cellvalues[0]] == [p.text for p in reversed(ltr._cellvalues[0])]
    assert list(rtl._colWidths) == list(reversed(ltr._colWidths)) and rtl._colWidths[0] != rtl._colWidths[1]
    assert (ltr.hAlign, rtl.hAlign) == ("LEFT", "RIGHT")
    assert rtl._cellvalues[1][-1].style.alignment == TA_RIGHT
