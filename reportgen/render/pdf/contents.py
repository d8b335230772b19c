"""The contents page's table: one line per heading, its page number at the line's end side.

reportlab's :class:`TableOfContents` draws each page number from a callback
the entry's paragraph fires where its text ends, flush with the right edge.
In a right-to-left brief the titles are set flush right and the numbers go at
the left edge, as in a printed Arabic or Hebrew contents page:
:class:`StartEdgeContents` replaces that one callback and nothing else. The
default theme draws no dot leaders (``dotsMinLevel=-1``) in either direction.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.tableofcontents import TableOfContents

from reportgen.render.pdf._internals import text_line_y
from reportgen.render.pdf.flow import Contents
from reportgen.render.pdf.styles import Styles

ENTRY_END = "drawTOCEntryEnd"
"""The name of the callback reportlab's entries fire (their ``<onDraw name=...>``)."""


class StartEdgeContents(Contents):
    """A table of contents whose page numbers sit at the left edge (the end of a right-to-left line)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self.canv.setNamedCB(ENTRY_END, self._draw_number)  # replaces the one the base class just set
        return size

    def _draw_number(self, canvas: Canvas, kind: str, label: str) -> None:
        page, level = label.split(",")[:2]  # "page,level,key"
        style = self.getLevelStyle(int(level))
        number = str(self.formatter(int(page)) if self.formatter else int(page))
        canvas.saveState()
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawString(0, text_line_y(canvas), number)
        canvas.restoreState()


def contents_table(styles: Styles) -> TableOfContents:
    """The contents table in the theme's contents styles, numbers at the end side of each line."""
    kind = StartEdgeContents if styles.sides.mirrored else Contents
    return kind(
        levelStyles=[styles["toc0"], styles["toc1"]],
        dotsMinLevel=-1,
        tableStyle=styles.table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]),
    )
