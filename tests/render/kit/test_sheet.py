"""The kit sheet's furniture: a header or footer is placed by the width its words take, in either direction."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from reportgen.render.kit.sheet import _drawn_width


def test_a_short_line_is_wrapped_to_its_own_width_whatever_its_alignment():
    for alignment in (TA_LEFT, TA_RIGHT):
        para = Paragraph("Slide 16 of 16", ParagraphStyle("s", fontName="Helvetica", fontSize=8, leading=10, alignment=alignment))
        para.wrap(200, 50)
        taken = _drawn_width(para, 200)
        assert abs(taken - stringWidth("Slide 16 of 16", "Helvetica", 8)) <= 0.02
        para.wrap(taken, 50)
        assert len(para.blPara.lines) == 1  # still one line at that width


def test_a_long_text_breaks_where_it_would_have_in_the_width_given():
    style = ParagraphStyle("s", fontName="Helvetica", fontSize=8, leading=10)
    given = Paragraph("word " * 40, style)
    given.wrap(120, 500)
    para = Paragraph("word " * 40, style)
    para.wrap(120, 500)
    assert _drawn_width(para, 120) <= 120
    assert len(para.blPara.lines) == len(given.blPara.lines) > 1
