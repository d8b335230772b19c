from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from reportgen.render.pdf.flow import Para, reorders, right_to_left, set_right_to_left, text_style


def test_latin_text_keeps_its_style_and_complex_text_gets_a_shaping_copy():
    style = ParagraphStyle("body-test")
    assert text_style(style, "Regional security, 2025") is style
    shaped = text_style(style, "हिन्दी में")
    assert shaped is not style and shaped.shaping == 1 and shaped.parent is style
    assert text_style(style, "क्षेत्रीय") is shaped  # one copy per style
    assert text_style(shaped, "more text") is shaped  # a split paragraph's style stays


def test_right_to_left_text_reorders_and_a_right_to_left_base_is_inherited():
    style = ParagraphStyle("ltr-test")
    assert reorders(text_style(style, "ביטחון"))
    assert not reorders(text_style(style, "हिन्दी"))
    body = ParagraphStyle("rtl-test")
    set_right_to_left(body)
    child = ParagraphStyle("rtl-child", parent=body)
    assert right_to_left(child) and not right_to_left(style)
    latin = text_style(child, "Latin only")
    assert latin is not child and latin.shaping == 0 and reorders(latin)


def test_a_paragraph_of_latin_text_is_a_plain_paragraph():
    style = ParagraphStyle("plain-test")
    assert Para("Plain words", style).style is style
