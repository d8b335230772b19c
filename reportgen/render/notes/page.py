"""A notes page drawn on the kit's sheet: the slide's picture, its clock and a bar of the talk, then the notes.

The first page of a slide shows its picture at the text's full width. A page
that carries on a slide's notes shows a thumbnail at a quarter of that width
beside the clock line, so the presenter turning the page still sees which slide
is up and how far into the talk it is, and the notes get most of the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from reportgen.render.kit.sheet import Sheet
from reportgen.render.notes.script import NoteLine, Span
from reportgen.render.pdf.flow import Para, list_item
from reportgen.render.pdf.inline import text_markup

GAP = 16.0
"""Space between the picture, the clock line and the notes."""
BAR = 3.0
"""The height of the bar that shows the slide's place in the talk."""
THUMBNAIL = 0.25
"""A continuation page's picture, as a share of the text width."""
CLOCK_SIZE = 12.0


@dataclass(frozen=True)
class Layout:
    """Where things go on a notes page, from the sheet's margins and the slide's shape."""

    left: float
    right: float
    top: float
    bottom: float
    aspect: float

    @property
    def width(self) -> float:
        return self.right - self.left

    def picture_width(self, continued: bool) -> float:
        return self.width * (THUMBNAIL if continued else 1.0)

    def clock_width(self, continued: bool) -> float:
        """The clock line's width: the text's, or what the thumbnail leaves beside it."""
        return self.width - self.picture_width(True) - GAP if continued else self.width

    def notes_top(self, continued: bool, clock_height: float) -> float:
        """The top of the notes: below the picture (first page), or below the thumbnail (a continuation)."""
        below = self.top - self.picture_width(continued) * self.aspect - GAP
        return below if continued else below - clock_height - BAR - GAP

    def room(self, continued: bool, clock_height: float) -> float:
        return self.notes_top(continued, clock_height) - self.bottom


def layout_of(sheet: Sheet) -> Layout:
    return Layout(sheet.left, sheet.right, sheet.top, sheet.bottom, sheet.aspect)


def notes_flowables(sheet: Sheet, lines: Sequence[NoteLine], size: float) -> list[Flowable]:
    """*lines* as paragraphs in the brief's body style at *size*, list items hanging from a bullet."""
    styles = sheet.styles
    language = sheet.document.info.language
    body = styles["body"]
    leading = size * 1.4
    plain = ParagraphStyle(f"notes-{size}", parent=body, fontSize=size, leading=leading, spaceAfter=size * 0.6)
    base_item = styles.bullet(0, ordered=False)
    item = ParagraphStyle(
        f"notes-item-{size}", parent=base_item, fontSize=size, leading=leading, bulletFontSize=size,
        spaceBefore=0, spaceAfter=size * 0.4,
    )
    item.bulletColor = sheet.colour("primary")
    out: list[Flowable] = []
    for line in lines:
        markup = text_markup(line.text, lang=language)
        out.append(list_item(markup, item, styles.bullet_text(0, False, 0), styles.sides) if line.item else Para(markup, plain))
    return out


def clock_paragraph(sheet: Sheet, text: str) -> Para:
    style = ParagraphStyle(
        "notes-clock", parent=sheet.styles["h3"], fontSize=CLOCK_SIZE, leading=CLOCK_SIZE * 1.3,
        textColor=sheet.colour("primary"), spaceBefore=0, spaceAfter=0,
    )
    return Para(text_markup(text, lang=sheet.document.info.language), style)


def draw_page(sheet: Sheet, layout: Layout, index: int, span: Span, clock_text: str, notes: Sequence[Flowable], *, continued: bool) -> None:
    """Slide *index*'s picture, its clock line (and bar, on its first page) and *notes*, on the current page."""
    canvas = sheet.canvas
    picture = layout.picture_width(continued)
    picture_height = picture * layout.aspect
    sheet.slide(index, layout.left, layout.top - picture_height, picture)
    clock = clock_paragraph(sheet, clock_text)
    _, height = clock.wrap(layout.clock_width(continued), 1e6)
    if continued:
        clock.drawOn(canvas, layout.left + picture + GAP, layout.top - height)
    else:
        y = layout.top - picture_height - GAP - height
        clock.drawOn(canvas, layout.left, y)
        _draw_bar(sheet, layout, span, y - GAP / 2 - BAR)
    y = layout.notes_top(continued, height)
    for number, flowable in enumerate(notes):
        if number:
            y -= notes[number - 1].getSpaceAfter()
        _, h = flowable.wrap(layout.width, 1e6)
        flowable.drawOn(canvas, layout.left, y - h)
        y -= h


def _draw_bar(sheet: Sheet, layout: Layout, span: Span, y: float) -> None:
    """The whole talk as a hairline track, this slide's share of it as a solid stretch in the theme's colour."""
    canvas = sheet.canvas
    canvas.saveState()
    canvas.setFillColor(sheet.colour("rule"))
    canvas.rect(layout.left, y, layout.width, BAR, stroke=0, fill=1)
    if span.total > 0:
        start = layout.width * span.start / span.total
        share = max(BAR, layout.width * span.seconds / span.total)
        x = layout.right - start - share if sheet.styles.sides.mirrored else layout.left + start
        canvas.setFillColor(sheet.colour("accent"))
        canvas.rect(x, y, share, BAR, stroke=0, fill=1)
    canvas.restoreState()
