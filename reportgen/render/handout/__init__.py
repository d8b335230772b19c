"""The audience's handout (``handout.pdf``): the deck's slides, several a page, with ruled space for notes.

Pictures come from the deck's own slide plans (:mod:`reportgen.render.kit.sheet`),
so the handout always shows the slides the deck has. The theme's ``handout``
keys choose how many slides a page (:mod:`.grid` places them) and whether a
closing page gives the bottom line and the sources (:mod:`.closing`).
"""

from __future__ import annotations

from reportgen.document.model import Document
from reportgen.render.handout import closing
from reportgen.render.handout.grid import Area, cells, pages
from reportgen.render.kit.sheet import RULE, Sheet, open_sheet
from reportgen.render.pdf.page import display_date
from reportgen.theme import Theme

SUBJECT = "Handout"
HEADER_ROOM = 6.0
"""Below the header's rule, before the first slide."""


def render(document: Document, theme: Theme) -> bytes:
    options = theme.handout
    with open_sheet(document, theme, SUBJECT) as sheet:
        count = len(sheet.drawing.plans)
        total = pages(count, options.per_page, closing=options.closing_page)
        area = Area(sheet.left, sheet.bottom, sheet.right, sheet.top - HEADER_ROOM)
        places = cells(options.per_page, area, sheet.aspect, mirrored=sheet.styles.sides.mirrored)
        date = display_date(document.info)
        for page, first in enumerate(range(0, count, options.per_page), start=1):
            sheet.header(date)
            for index, place in zip(range(first, count), places, strict=False):
                sheet.slide(index, place.x, place.y, place.width)
                _rule(sheet, place.rules.x0, place.rules.x1, place.rules.ys)
            sheet.footer(page, total)
            sheet.next_page()
        if options.closing_page:
            sheet.header(date)
            closing.draw(sheet, area)
            sheet.footer(total, total)
            sheet.next_page()
        return sheet.finish()


def _rule(sheet: Sheet, x0: float, x1: float, ys: tuple[float, ...]) -> None:
    """Hairlines in the theme's rule colour."""
    c = sheet.canvas
    c.saveState()
    c.setStrokeColor(sheet.colour("rule"))
    c.setLineWidth(RULE)
    for y in ys:
        c.line(x0, y, x1, y)
    c.restoreState()
