"""The paper the meeting kit prints on: the brief's page size, margins, fonts and colours, and the slides' pictures.

Both kit formats (``notes``, ``handout``) are PDFs drawn page by page on one
reportlab canvas. :func:`open_sheet` sets that canvas up once, as the brief
sets up its own: its fonts registered for the document's characters (so any
script draws, through the brief's per-script fallback), reproducible metadata
(:func:`reportgen.render.pdf.page.pdf_date`), and the deck's slide plans with
their vector pictures (:mod:`reportgen.render.slidedraw`), so a page never
shows a slide the deck does not have.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reportgen.document.characters import characters
from reportgen.document.model import Document
from reportgen.render.pdf import fonts
from reportgen.render.pdf.inline import text_markup
from reportgen.render.pdf.page import pdf_date
from reportgen.render.pdf.styles import Styles
from reportgen.render.slidedraw import DeckDrawing, deck_drawing
from reportgen.theme import Theme

RULE = 0.5
"""Hairlines: frames around pictures, ruled lines, the header's rule."""


@dataclass
class Sheet:
    """One kit PDF being drawn: its canvas, the page's geometry, the brief's styles and the deck's pictures."""

    canvas: Canvas
    styles: Styles
    drawing: DeckDrawing
    document: Document
    buffer: io.BytesIO

    @property
    def width(self) -> float:
        return self.styles.geometry.page_width

    @property
    def height(self) -> float:
        return self.styles.geometry.page_height

    @property
    def left(self) -> float:
        return self.styles.geometry.left

    @property
    def right(self) -> float:
        """The right margin's x."""
        return self.width - self.styles.geometry.right

    @property
    def top(self) -> float:
        """The top margin's y, below the header."""
        return self.height - self.styles.geometry.top

    @property
    def bottom(self) -> float:
        return self.styles.geometry.bottom

    @property
    def aspect(self) -> float:
        """The slide's height over its width."""
        return self.drawing.height / self.drawing.width

    def colour(self, name: str) -> Color:
        """One of the brief's colours (``text``, ``muted``, ``rule``, ``primary``...)."""
        found: Color = getattr(self.styles.colours, name)
        return found

    def slide(self, index: int, x: float, y: float, width: float) -> None:
        """Slide *index*'s picture with its lower-left corner at (*x*, *y*), *width* wide, in a hairline frame."""
        self.drawing.draw(self.canvas, index, x, y, width)
        self.canvas.saveState()
        self.canvas.setStrokeColor(self.colour("rule"))
        self.canvas.setLineWidth(RULE)
        self.canvas.rect(x, y, width, width * self.aspect, stroke=1, fill=0)
        self.canvas.restoreState()

    def text(self, text: str, style: str, *, size: float | None = None, colour: Color | None = None) -> Paragraph:
        """*text* (plain, one paragraph) as a paragraph in the brief's style *style* (``body``, ``lead``, ``h1``..``h3``,
        ``caption``, ``source``), at *size* if given, each character in its script's font."""
        base = self.styles[style]
        changes: dict[str, object] = {}
        if size is not None:
            changes.update(fontSize=size, leading=size * base.leading / base.fontSize)
        if colour is not None:
            changes["textColor"] = colour
        chosen = base.clone(f"{base.name}-kit-{size}-{colour}", **changes) if changes else base
        return Paragraph(text_markup(text, lang=self.document.info.language), chosen)

    def header(self, right: str) -> None:
        """The talk's title at the top left, *right* (what this page is) at the top right, a rule under them
        (mirrored on a right-to-left page: the title at the right)."""
        c = self.canvas
        y = self.height - self.styles.geometry.top / 2
        span = self.right - self.left
        start_right = self.styles.sides.mirrored
        self._line(self.document.info.title, span * 0.65, self.right if start_right else self.left, y, flush_right=start_right)
        self._line(right, span * 0.3, self.left if start_right else self.right, y, flush_right=not start_right)
        c.saveState()
        c.setStrokeColor(self.colour("rule"))
        c.setLineWidth(RULE)
        c.line(self.left, y - 4, self.right, y - 4)
        c.restoreState()

    def footer(self, page: int, pages: int) -> None:
        """The theme's "page x of y" at the foot of the page, centred."""
        text = self.styles.theme.strings.page_of.format(page=page, pages=pages)
        para = self.text(text, "source", colour=self.colour("muted"))
        para.wrap(self.right - self.left, self.bottom)
        width = _drawn_width(para, self.right - self.left)
        para.wrap(width, self.bottom)
        para.drawOn(self.canvas, (self.width - width) / 2, self.bottom / 2)

    def _line(self, text: str, room: float, x: float, y: float, *, flush_right: bool) -> None:
        """*text* in the header at most *room* wide, starting at *x* or (*flush_right*) ending there.
        Wrapped again to its own width, so the style's alignment cannot move it."""
        para = self.text(text, "source", colour=self.colour("muted"))
        para.wrap(room, self.styles.geometry.top)
        width = _drawn_width(para, room)
        para.wrap(width, self.styles.geometry.top)
        para.drawOn(self.canvas, x - width if flush_right else x, y)

    def next_page(self) -> None:
        self.canvas.showPage()

    def finish(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()


@contextmanager
def open_sheet(document: Document, theme: Theme, subject: str) -> Iterator[Sheet]:
    """A :class:`Sheet` for *document* (the deck's Document) in *theme*; *subject*: what the PDF is (its metadata)."""
    fonts.register(theme)
    book = fonts.FontBook(theme, document.info.language, characters(document) | _words(theme))
    styles = Styles.from_theme(theme, language=document.info.language)
    buffer = io.BytesIO()
    g = styles.geometry
    canvas = Canvas(buffer, pagesize=(g.page_width, g.page_height), invariant=1, pageCompression=1, lang=document.info.language or None)
    info = document.info
    canvas.setTitle(f"{info.title} · {subject}")
    canvas.setAuthor(info.author)
    canvas.setSubject(subject)
    canvas.setCreator("reportgen")
    canvas.setDateFormatter(lambda *_: pdf_date(info))
    with fonts.fallback(book, styles.fonts.body), fonts.graphics_default(styles.fonts.body):
        yield Sheet(canvas, styles, deck_drawing(document, theme), document, buffer)


def _drawn_width(para: Paragraph, room: float) -> float:
    """How wide a wrapped one-line *para* is drawn (its ``minWidth`` is only its longest word's width)."""
    return min(room, max(para.getActualLineWidths0(), default=room) + 0.01)


def _words(theme: Theme) -> frozenset[str]:
    """The characters of the words the kit draws itself (the theme's strings, numbers, the clock)."""
    return frozenset("".join(str(value) for value in theme.strings.model_dump().values()) + "0123456789.,:;%-+()/· ")
