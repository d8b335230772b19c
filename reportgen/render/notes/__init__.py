"""The presenter's notes pages (``notes.pdf``): one slide a page, its picture above its time and its notes.

Pages are planned before any is drawn, so each footer can say "page x of y":
for every slide the notes are set at the largest reading size from
:data:`READING` down to 10 pt that fits under the picture (:mod:`fit`); notes
still too long at 10 pt continue on the next page, marked continued in its
header. The pictures come from the deck's own slide plans
(:mod:`reportgen.render.kit.sheet`), so the pages always match the deck.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from reportgen.document.model import Document
from reportgen.render.kit.sheet import Sheet, open_sheet
from reportgen.render.notes.fit import reading_size, stack_height, take
from reportgen.render.notes.page import Layout, clock_paragraph, draw_page, layout_of, notes_flowables
from reportgen.render.notes.script import Span, note_lines, slide_of, spans
from reportgen.theme import Theme

__all__ = ["render"]

READING = 14.0
"""The notes' size when they fit: larger than the brief's body, to be read at arm's length while speaking."""


@dataclass(frozen=True)
class NotesPage:
    """One planned page: which slide, whether it carries on that slide's notes, and the notes it holds."""

    index: int
    continued: bool
    notes: list[Flowable]


def render(document: Document, theme: Theme) -> bytes:
    """The notes pages for the deck of *document*, in *theme*'s look (identical input, identical bytes)."""
    strings = theme.strings
    with open_sheet(document, theme, "Speaker notes") as sheet:
        layout = layout_of(sheet)
        plans = sheet.drawing.plans
        timeline = spans([plan.seconds for plan in plans])
        clocks = [span.line(strings) for span in timeline]
        pages = [page for index in range(len(plans)) for page in _plan_slide(sheet, layout, index, clocks[index])]
        for number, page in enumerate(pages, start=1):
            sheet.header(slide_of(strings, page.index + 1, len(plans), continued=page.continued))
            span: Span = timeline[page.index]
            draw_page(sheet, layout, page.index, span, clocks[page.index], page.notes, continued=page.continued)
            sheet.footer(number, len(pages))
            sheet.next_page()
        return sheet.finish()


def _plan_slide(sheet: Sheet, layout: Layout, index: int, clock_text: str) -> list[NotesPage]:
    """Slide *index*'s pages: one when its notes fit at 10 pt or more, else as many as they fill."""
    lines = note_lines(sheet.drawing.plans[index].notes)
    first_clock = clock_paragraph(sheet, clock_text).wrap(layout.clock_width(False), 1e6)[1]
    later_clock = clock_paragraph(sheet, clock_text).wrap(layout.clock_width(True), 1e6)[1]
    room = layout.room(False, first_clock)
    size = reading_size(lambda s: stack_height(notes_flowables(sheet, lines, s), layout.width), room, READING)
    rest = notes_flowables(sheet, lines, size)
    placed, rest = take(rest, layout.width, room)
    pages = [NotesPage(index, False, placed)]
    while rest:
        placed, rest = take(rest, layout.width, layout.room(True, later_clock))
        pages.append(NotesPage(index, True, placed))
    return pages
