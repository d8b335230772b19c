"""Pages: the doc template, the cover and body page templates, and what is drawn on every page.

Every page carries the document's marking top and bottom centre. Body pages
have a running header (title, date) over a hairline and a footer
(organisation, "Page X of Y"); so do the landscape pages a table too wide for
the page is turned onto, along their long edge. The cover has a colour band
and the logo. In a right-to-left brief each of these sits on the other side
(``Styles.sides``).

Two layout passes (``multiBuild``) and no more: the first learns the page
of every heading and the page count, the second prints them (table of
contents, "of Y"). The table of contents is laid out full size in the first
pass already (``StoryBuilder`` fills it with placeholders), so the second pass
paginates exactly like the first. Only the last pass is serialised.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import IndexingFlowable, LayoutError

from reportgen.dates import build_time, format_date
from reportgen.document.model import DocumentInfo
from reportgen.document.text import ellipsize
from reportgen.errors import RenderError
from reportgen.render.pdf._internals import LayoutOnlyFrame
from reportgen.render.pdf._internals_text import SourceCanvas
from reportgen.render.pdf.cover import BODY, COVER, TITLE_AT
from reportgen.render.pdf.inline import text_markup
from reportgen.render.pdf.strings import draw_line
from reportgen.render.pdf.styles import Geometry, Styles
from reportgen.render.pdf.units import Pt, mm
from reportgen.render.pdf.wide import LANDSCAPE

FURNITURE_SIZE = Pt(7.5)
MARKING_SIZE = Pt(7.5)
COVER_MARKING_SIZE = Pt(9.5)
MARKING_TRACKING = Pt(0.8)
COVER_BAND = mm(9)
LOGO_HEIGHT = mm(14)
LOGO_WIDTH = mm(60)


class PageCount(IndexingFlowable):
    """Invisible: counts the pages of one pass so the next can print "of Y"; unsatisfied until stable."""

    def __init__(self) -> None:
        super().__init__()
        self.total: int | None = None
        self._counted = 0

    def beforeBuild(self) -> None:
        self.total, self._counted = self._counted or None, 0

    def isSatisfied(self) -> bool:
        return self._counted == self.total

    def count(self, page: int) -> None:
        self._counted = max(self._counted, page)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def pdf_date(info: DocumentInfo) -> str:
    """The PDF creation date, from :func:`reportgen.dates.build_time`."""
    return build_time(info.date).strftime("D:%Y%m%d%H%M%S+00'00'")


def display_date(info: DocumentInfo) -> str:
    return format_date(info.date, info.language)


class BriefDocTemplate(BaseDocTemplate):
    """The brief's document: page templates, metadata, outline and TOC hooks, page furniture."""

    def __init__(self, buffer: io.BytesIO, info: DocumentInfo, styles: Styles, *, first: str) -> None:
        g = styles.geometry
        self.info = info
        self.styles = styles
        self.pages = PageCount()
        self._date = pdf_date(info)
        self._logo = _logo(styles)
        self._outline_depth = 0
        self._page_of = styles.theme.strings.page_of
        try:
            self._page_of.format(page=1, pages=1)
        except (KeyError, IndexError, ValueError) as exc:
            raise RenderError(f"bad page number format: {exc}", field="theme.strings.page_of") from None
        super().__init__(
            buffer,
            pagesize=(g.page_width, g.page_height),
            leftMargin=g.left, rightMargin=g.right, topMargin=g.top, bottomMargin=g.bottom,
            title=info.title, author=info.author, subject=info.subject or info.subtitle,
            keywords=", ".join(info.keywords), creator="reportgen",
            lang=info.language or None, invariant=1, displayDocTitle=1,
        )
        turned = g.turned()
        templates = {
            COVER: PageTemplate(COVER, [self._frame("cover", g)], onPage=self._draw_cover),
            BODY: PageTemplate(BODY, [self._frame("body", g)], onPage=self._draw_body),
            LANDSCAPE: PageTemplate(LANDSCAPE, [self._frame(LANDSCAPE, turned)], onPage=self._draw_landscape,
                                    pagesize=(turned.page_width, turned.page_height)),
        }
        self.addPageTemplates([templates[first], *(t for k, t in templates.items() if k != first)])

    @staticmethod
    def _frame(name: str, g: Geometry) -> Frame:
        return LayoutOnlyFrame(g.left, g.bottom, g.frame_width, g.frame_height, id=name,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def render(self, story: list[Flowable]) -> None:
        self.passes = 0
        try:
            with _reportlab_settings(useA85=0, shapeChecking=0):
                self.multiBuild([self.pages, *story], canvasmaker=self._canvas)
        except LayoutError as exc:
            raise RenderError(f"cannot lay out the PDF: {' '.join(str(exc).split())[:300]}") from None
        except (OSError, ValueError) as exc:  # e.g. an image that decodes only partly
            raise RenderError(f"cannot draw the PDF: {' '.join(str(exc).split())[:300]}") from None

    def _canvas(self, *args: object, **kwargs: object) -> Canvas:
        self.passes += 1
        kwargs["initialFontName"] = self.styles.fonts.body  # else an unused, unembedded Helvetica is declared
        canv = SourceCanvas(*args, **kwargs)
        canv.setDateFormatter(lambda *_: self._date)
        canv.showOutline()
        # The first pass only learns pages (it is never the last: PageCount is unsatisfied
        # after it) and is never saved, so its flowables are laid out but not drawn.
        canv.layout_only = self.passes == 1
        return canv

    # -- platypus hooks ----------------------------------------------------
    def beforeDocument(self) -> None:
        self._outline_depth = 0

    def afterPage(self) -> None:
        self.pages.count(self.page)

    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "outline", None)
        if entry is None:
            return
        level = min(entry.level, self._outline_depth)  # an outline level may only go one deeper
        self._outline_depth = level + 1
        self.canv.addOutlineEntry(entry.title, entry.key, level=level, closed=False)
        self.notify("TOCEntry", (entry.level, text_markup(entry.title), self.page, entry.key))

    # -- page furniture ----------------------------------------------------
    def _marking(self, canv: Canvas, size: float, top: float, bottom: float, page_width: float) -> None:
        text = " ".join(self.info.marking.split())
        if not text:
            return
        canv.setFont(self.styles.fonts.bold, size)
        canv.setFillColor(self.styles.colours.marking)
        for y in (top, bottom):
            draw_line(canv, page_width / 2, y, text, self.styles.fonts.bold, size, align="centre",
                      rtl=self.styles.sides.mirrored, spacing=MARKING_TRACKING)

    def _draw_body(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._furniture(canv, doc, self.styles.geometry)

    def _draw_landscape(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._furniture(canv, doc, self.styles.geometry.turned())

    def _furniture(self, canv: Canvas, doc: BaseDocTemplate, g: Geometry) -> None:
        """The running header, footer and marking of a body page of geometry *g*."""
        c, f = self.styles.colours, self.styles.fonts
        left, right = g.left, g.page_width - g.right
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.setStrokeColor(c.rule)
        header = g.page_height - g.top + mm(6)
        footer = g.bottom - mm(6)
        canv.line(left, header, right, header)
        canv.line(left, footer, right, footer)
        canv.setFont(f.body, FURNITURE_SIZE)
        canv.setFillColor(c.muted)
        date = display_date(self.info)
        room = g.frame_width - canv.stringWidth(date, f.body, FURNITURE_SIZE) - mm(10)
        title = _fit(canv, self.info.title, f.body, FURNITURE_SIZE, room)
        self._side_string(canv, g, header + 4, title, f.body, start=True)
        self._side_string(canv, g, header + 4, date, f.body, start=False)
        total = self.pages.total or doc.page
        number = self._page_of.format(page=doc.page, pages=total)
        organization = _fit(canv, self.info.organization, f.body, FURNITURE_SIZE, g.frame_width * 0.6)
        self._side_string(canv, g, footer - 10, organization, f.body, start=True)
        canv.setFont(f.bold, FURNITURE_SIZE)
        canv.setFillColor(c.primary)
        self._side_string(canv, g, footer - 10, number, f.bold, start=False)
        self._marking(canv, MARKING_SIZE, g.page_height - g.top * 0.42, g.bottom * 0.3, g.page_width)
        canv.restoreState()

    def _side_string(self, canv: Canvas, g: Geometry, y: float, text: str, font: str, *, start: bool) -> None:
        """*text* in *font* flush with the frame's start side (*start*) or its end side, on the baseline *y*
        (shaped, in visual order, each script in its chain's font)."""
        at_left = start != self.styles.sides.mirrored
        x = g.left if at_left else g.page_width - g.right
        draw_line(canv, x, y, text, font, FURNITURE_SIZE, align="left" if at_left else "right", rtl=self.styles.sides.mirrored)

    def _draw_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        g, c, sides = self.styles.geometry, self.styles.colours, self.styles.sides
        band = sides.start_x(0, g.page_width, COVER_BAND)
        canv.saveState()
        canv.setFillColor(c.primary)
        canv.rect(band, 0, COVER_BAND, g.page_height, stroke=0, fill=1)
        canv.setFillColor(c.accent)
        title_top = g.page_height * (1 - TITLE_AT)
        canv.rect(band, title_top - mm(12), COVER_BAND, mm(12), stroke=0, fill=1)  # level with the title
        if self._logo is not None:
            x = sides.start_x(g.left, g.page_width - g.right, LOGO_WIDTH)
            canv.drawImage(self._logo, x, g.page_height - g.top - LOGO_HEIGHT + mm(4), width=LOGO_WIDTH,
                           height=LOGO_HEIGHT, preserveAspectRatio=True, anchor=sides.anchor, mask="auto")
        self._marking(canv, COVER_MARKING_SIZE, g.page_height - mm(12), mm(10), g.page_width)
        canv.restoreState()


@contextmanager
def _reportlab_settings(**settings: object) -> Iterator[None]:
    """Process-wide reportlab settings for one build, restored afterwards.

    ``useA85=0``: binary page streams (smaller, and no pure-Python ASCII85 pass).
    ``shapeChecking=0``: no attribute validation while charts draw (they are
    built, and so validated, before the build starts).
    """
    saved = {name: getattr(rl_config, name) for name in settings}
    try:
        for name, value in settings.items():
            setattr(rl_config, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(rl_config, name, value)


def _fit(canv: Canvas, text: str, font: str, size: float, width: float) -> str:
    """*text*, cut with an ellipsis if it is wider than *width* (the shared rule)."""
    return ellipsize(text, width, lambda part: canv.stringWidth(part, font, size))


def _logo(styles: Styles) -> ImageReader | None:
    path = styles.theme.logo_path
    if path is None:
        return None
    try:
        reader = ImageReader(str(path))
        reader.getSize()
    except Exception as exc:  # reportlab raises OSError or PIL errors
        raise RenderError(f"cannot read the logo '{path}': {exc}", field="theme.logo") from None
    return reader


def build_pdf(story: list[Flowable], info: DocumentInfo, styles: Styles, *, first: str) -> bytes:
    """Lays out *story* and returns the finished PDF."""
    buffer = io.BytesIO()
    BriefDocTemplate(buffer, info, styles, first=first).render(story)
    return buffer.getvalue()
