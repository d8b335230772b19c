"""Fitting notes to their room: the reading size, and page breaks that split a paragraph where it crosses the foot."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from reportgen.render.notes.fit import SMALLEST, reading_size, stack_height, take

STYLE = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, spaceAfter=6)
WORDS = "The presenter reads this sentence aloud to the room. " * 8


def paragraphs(count: int) -> list[Paragraph]:
    return [Paragraph(WORDS, STYLE) for _ in range(count)]


def words(paragraph: Paragraph) -> str:
    paragraph.wrap(300, 1e6)
    return "".join(word for line in paragraph.blPara.lines for word in line[1])


def test_the_largest_size_that_fits_is_chosen():
    height_at = lambda size: size * 20  # noqa: E731 - a stand-in for measured notes
    assert reading_size(height_at, room=280, largest=14) == 14
    assert reading_size(height_at, room=250, largest=14) == 12.5
    assert reading_size(height_at, room=100, largest=14) == SMALLEST


def test_the_stack_counts_the_space_between_paragraphs_not_after_the_last():
    one = stack_height(paragraphs(1), 300)
    assert stack_height(paragraphs(3), 300) == 3 * one + 2 * STYLE.spaceAfter


def test_what_fits_is_taken_and_a_paragraph_across_the_foot_is_split():
    one = stack_height(paragraphs(1), 300)
    placed, rest = take(paragraphs(3), 300, room=2 * one + 2 * STYLE.spaceAfter + 3 * STYLE.leading)
    assert len(placed) == 3 and len(rest) == 1  # two whole, the third's first three lines, the rest of it left
    assert placed[2].wrap(300, 1e6)[1] == 3 * STYLE.leading
    assert "".join(words(part) for part in [*placed, *rest]) == "".join(WORDS.split()) * 3


def test_everything_fits_when_there_is_room_and_a_page_is_never_empty():
    placed, rest = take(paragraphs(2), 300, room=1e6)
    assert len(placed) == 2 and rest == []
    placed, rest = take(paragraphs(2), 300, room=1)
    assert len(placed) == 1 and len(rest) == 1
