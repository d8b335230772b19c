"""Document blocks -> flowables: headings with outline entries, lists, containers, figures."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.platypus import KeepTogether, Paragraph, Table
from reportlab.platypus.tableofcontents import TableOfContents

from reportgen.document.model import (
    BulletList,
    Container,
    Document,
    DocumentInfo,
    FigureRef,
    Heading,
    ListItem,
    Run,
)
from reportgen.document.model import Paragraph as ParagraphBlock
from reportgen.errors import RenderError
from reportgen.render.pdf.keep import KeptPair
from reportgen.render.pdf.story import SectionHeading, StoryBuilder
from reportgen.render.pdf.styles import BULLET_GLYPHS, Styles
from reportgen.theme import Theme

STYLES = Styles.from_theme(Theme())


def r(text: str) -> tuple[Run, ...]:
    return (Run(text),)


def build(*blocks: object) -> tuple[list, StoryBuilder]:
    builder = StoryBuilder(Document(DocumentInfo("T", date=dt.date(2025, 1, 1)), tuple(blocks)), STYLES)
    return builder.build(), builder


def texts(flowables: list) -> list[str]:
    return [f.getPlainText() for f in flowables if isinstance(f, Paragraph)]


def test_top_level_headings_carry_outline_entries() -> None:
    story, builder = build(Heading(1, r("1. One")), Heading(2, r("1.1 Sub")), Heading(3, r("Minor")))
    assert [(e.level, e.title) for e in builder.entries] == [(0, "1. One"), (1, "1.1 Sub")]
    assert [f.outline for f in story] == [builder.entries[0], builder.entries[1], None]
    assert all(isinstance(f, SectionHeading) for f in story)
    assert story[0].bar is not None and story[1].bar is None
    assert '<a name="section-1"/>' in story[0].text


def test_headings_inside_a_box_are_not_in_the_outline() -> None:
    _, builder = build(Container("box", "Bottom line", (Heading(2, r("Inner")),)))
    assert builder.entries == []


def test_nested_bullets_hang_with_a_glyph_per_level() -> None:
    inner = BulletList((ListItem(r("c")),))
    middle = BulletList((ListItem(r("b"), inner),))
    story, _ = build(BulletList((ListItem(r("a"), middle), ListItem(r("d")))))
    assert texts(story) == ["a", "b", "c", "d"]
    assert [p.bulletText for p in story] == [BULLET_GLYPHS[0], BULLET_GLYPHS[1], BULLET_GLYPHS[2], BULLET_GLYPHS[0]]
    assert [p.style.leftIndent for p in story] == sorted(p.style.leftIndent for p in story[:3]) + [story[0].style.leftIndent]
    assert story[-1].spaceAfter == STYLES["body"].spaceAfter  # the list ends with paragraph spacing


def test_ordered_lists_are_numbered() -> None:
    story, _ = build(BulletList(tuple(ListItem(r(t)) for t in "abc"), ordered=True))
    assert [p.bulletText for p in story] == ["1.", "2.", "3."]


def test_notes_are_dropped_and_unknown_containers_render_plainly() -> None:
    story, _ = build(Container("notes", "", (ParagraphBlock(r("secret")),)),
                     Container("sidebar", "x", (ParagraphBlock(r("shown")),)))
    assert texts(story) == ["shown"]


def test_lead_paragraphs_use_the_lead_style() -> None:
    story, _ = build(Container("lead", "", (ParagraphBlock(r("Takeaway.")),)))
    assert story[0].style is STYLES["lead"]


def test_box_is_a_shaded_panel_kept_together() -> None:
    story, _ = build(Container("box", "Bottom line up front", (ParagraphBlock(r("Point.")),)))
    assert len(story) == 1 and isinstance(story[0], KeepTogether)
    table = story[0]._content[0]
    assert isinstance(table, Table)
    (pair,) = table._cellvalues[0][0]  # the title kept with the body's first flowable
    assert isinstance(pair, KeptPair)
    title, point = pair.head, pair.body
    assert (title.text, point.getPlainText()) == ("Bottom line up front", "Point.")
    assert title.style.textTransform == "uppercase"  # set as a label, text kept as written
    assert ("BACKGROUND", (0, 0), (-1, -1), STYLES.colours.box_fill) in table._bkgrndcmds


def test_columns_become_cells_side_by_side() -> None:
    story, _ = build(Container("columns", "", (
        Container("column", "Left", (ParagraphBlock(r("l")),)),
        Container("column", "Right", (ParagraphBlock(r("r")),)),
    )))
    table = story[0]
    assert len(table._cellvalues) == 1 and len(table._cellvalues[0]) == 2
    assert [texts(cell) for cell in table._cellvalues[0]] == [["Left", "l"], ["Right", "r"]]
    assert sum(table._colWidths) == pytest.approx(STYLES.geometry.frame_width)


def test_toc_is_prefilled_with_every_top_level_heading() -> None:
    story, _ = build(Container("toc", "Contents", ()), Heading(1, r("1. One")), Heading(2, r("1.1 <Sub>")))
    toc = next(f for f in story if isinstance(f, TableOfContents))
    assert toc._entries == [(0, "1. One", 0, "section-1"), (1, "1.1 &lt;Sub&gt;", 0, "section-2")]
    assert story[0].getPlainText() == "Contents"


def test_unknown_figure_is_a_render_error() -> None:
    with pytest.raises(RenderError):
        build(FigureRef("nope"))
