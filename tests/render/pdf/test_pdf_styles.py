"""Theme -> fonts, paragraph styles and page geometry."""

from __future__ import annotations

import pytest

from reportgen.errors import RenderError
from reportgen.render.pdf.styles import BULLET_GLYPHS, Styles, font_variant
from reportgen.render.pdf.units import PAGE_SIZES, Pt, mm
from reportgen.theme import Theme
from reportgen.theme.brief import BriefFonts, BriefOptions, Page


@pytest.mark.parametrize(
    ("font", "bold", "italic", "expected"),
    [
        ("Helvetica", True, False, "Helvetica-Bold"),
        ("Helvetica", False, True, "Helvetica-Oblique"),
        ("Helvetica", True, True, "Helvetica-BoldOblique"),
        ("Times-Roman", True, False, "Times-Bold"),
        ("Times-Roman", False, True, "Times-Italic"),
        ("Times-Roman", True, True, "Times-BoldItalic"),
        ("Courier", True, True, "Courier-BoldOblique"),
        ("Helvetica-Bold", None, True, "Helvetica-BoldOblique"),
        ("Times-Italic", False, None, "Times-Italic"),
        ("Helvetica-BoldOblique", False, False, "Helvetica"),
    ],
)
def test_font_variants(font: str, bold: bool | None, italic: bool | None, expected: str) -> None:
    assert font_variant(font, bold=bold, italic=italic) == expected


def test_font_without_family_is_kept() -> None:
    assert font_variant("Symbol", bold=True) == "Symbol"


def test_fonts_come_from_the_theme() -> None:
    styles = Styles.from_theme(Theme(brief=BriefOptions(fonts=BriefFonts(body="Times-Roman", heading="Times-Bold", mono="Courier"))))
    assert (styles.fonts.body, styles.fonts.bold, styles.fonts.italic) == ("Times-Roman", "Times-Bold", "Times-Italic")
    assert styles["h1"].fontName == "Times-Bold"
    assert styles["table_header"].fontName == "Times-Bold"
    assert styles["quote"].fontName == "Times-Italic"


def test_unknown_font_is_a_render_error_naming_the_field() -> None:
    with pytest.raises(RenderError) as info:
        Styles.from_theme(Theme(brief=BriefOptions(fonts=BriefFonts(body="NoSuchFont"))))
    assert info.value.field == "theme.brief.fonts.body"


def test_units() -> None:
    assert mm(25.4) == pytest.approx(72)
    assert isinstance(mm(10), Pt)
    assert PAGE_SIZES["Letter"] == (612, 792)
    assert PAGE_SIZES["A4"][0] == pytest.approx(595.2756, abs=1e-3)


def test_geometry_from_theme_margins() -> None:
    g = Styles.from_theme(Theme(brief=BriefOptions(page=Page(size="Letter", margin_left_mm=25.4, margin_right_mm=12.7)))).geometry
    assert (g.page_width, g.page_height) == (612, 792)
    assert g.frame_width == pytest.approx(612 - 72 - 36)


def test_body_text_never_leaves_widows_or_orphans_and_headings_keep_with_next() -> None:
    styles = Styles.from_theme(Theme())
    assert styles["body"].allowWidows == 0 and styles["body"].allowOrphans == 0
    for name in ("h1", "h2", "h3", "figure_label"):
        assert styles[name].keepWithNext == 1, name
    assert styles["h1"].fontSize == Theme().brief.sizes.h1
    assert styles["h1"].textColor.hexval().upper() == "0X" + Theme().colours.primary[1:].upper()


def test_bullets_hang_and_step_in_per_level() -> None:
    styles = Styles.from_theme(Theme())
    levels = [styles.bullet(level, ordered=False) for level in range(3)]
    for style in levels:
        assert style.leftIndent - style.bulletIndent >= 12  # text hangs clear of the bullet
    assert levels[0].leftIndent < levels[1].leftIndent < levels[2].leftIndent
    assert levels[1].bulletIndent == levels[0].leftIndent  # a sub-bullet sits under its parent's text
    assert [styles.bullet_text(level, False, 1) for level in range(4)] == [*BULLET_GLYPHS, BULLET_GLYPHS[-1]]
    assert styles.bullet_text(0, True, 12) == "12."
    assert styles.bullet(0, ordered=False) is levels[0]  # cached


@pytest.mark.parametrize(("case", "transform"), [("upper", "uppercase"), ("as_written", "none")])
def test_box_title_case_is_a_theme_key(case: str, transform: str) -> None:
    styles = Styles.from_theme(Theme(brief=BriefOptions(box_title_case=case)))
    assert styles["box_title"].textTransform == transform
