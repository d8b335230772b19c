from __future__ import annotations

import pytest

from reportgen.render.pdf.strings import drawn


def test_latin_cjk_and_empty_strings_are_drawn_as_they_are():
    for text in ("Page 1 of 3", "日本の防衛", ""):
        assert drawn(text, "Helvetica", 8) is text


def test_a_font_reportlab_cannot_shape_draws_the_text_unshaped():
    assert drawn("हिन्दी", "Helvetica", 8) == "हिन्दी"


def _arabic_book():
    from reportgen.render.pdf.fontbook import FontBook
    from reportgen.theme import Theme
    from support.tools import require_font

    require_font("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf")
    return FontBook(Theme(), "ar", frozenset("UNCLASSIFIED // للتدريب 15 يناير 2025"))


def test_a_line_in_two_scripts_is_drawn_in_two_fonts_right_to_left():
    from reportgen.render.pdf.fonts import fallback
    from reportgen.render.pdf.strings import pieces

    with fallback(_arabic_book(), "Helvetica"):
        drawn_pieces = pieces("UNCLASSIFIED // للتدريب", "Helvetica", 9, rtl=True)
    fonts = [piece.font for piece in drawn_pieces if piece.text.strip()]
    assert fonts[0] != "Helvetica" and fonts[-1] == "Helvetica"  # the Arabic word leftmost: the line reads from the right
    assert drawn_pieces[-1].text == "UNCLASSIFIED"
    assert all(piece.width > 0 for piece in drawn_pieces)


def test_spaces_survive_between_digits_and_an_arabic_word():
    from reportgen.render.pdf.fonts import fallback
    from reportgen.render.pdf.strings import pieces

    with fallback(_arabic_book(), "Helvetica"):
        drawn_pieces = pieces("15 يناير 2025", "Helvetica", 9, rtl=True)
    texts = [piece.text for piece in drawn_pieces]
    assert texts[0] == "2025" and texts[-1] == "15"
    assert texts.count(" ") == 2


def test_a_centred_tracked_line_is_centred_on_its_letters():
    import io
    import re

    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from reportgen.render.pdf.strings import draw_line

    canvas = Canvas(io.BytesIO(), pageCompression=0)
    draw_line(canvas, 100, 10, "AB", "Helvetica", 10, align="centre", spacing=1)
    canvas.showPage()
    x = float(re.search(rb"BT 1 0 0 1 ([\d.]+) 10 Tm", canvas.getpdfdata()).group(1))
    assert x == pytest.approx(100 - (stringWidth("AB", "Helvetica", 10) + 1) / 2, abs=1e-3)  # one gap tracked, not two
