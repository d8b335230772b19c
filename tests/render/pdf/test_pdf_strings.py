from __future__ import annotations

from reportgen.render.pdf.strings import drawn


def test_latin_cjk_and_empty_strings_are_drawn_as_they_are():
    for text in ("Page 1 of 3", "日本の防衛", ""):
        assert drawn(text, "Helvetica", 8) is text


def test_a_font_reportlab_cannot_shape_draws_the_text_unshaped():
    assert drawn("हिन्दी", "Helvetica", 8) == "हिन्दी"
