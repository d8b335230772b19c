"""The paragraph flowable every module here uses.

Platypus measures a paragraph many times: once per layout pass, again when
keep-together groups and table cells are measured, again when a table splits.
Line breaking depends only on the available width (the style is fixed), so
:class:`Para` breaks its lines once per width and answers later measurements
from that. Splitting a paragraph makes new paragraphs, which measure afresh.

It also breaks lines where each script allows (:mod:`render.pdf.linebreak`):
the words are cut at those places once, and words too long for a width are
cut between grapheme clusters when the paragraph is broken at that width.

A paragraph with text in a script that needs shaping (:func:`reportgen.scripts.needs_shaping`)
is set with a copy of its style that turns HarfBuzz shaping on; other paragraphs keep
their style, so Latin text is not kerned differently. A paragraph with right-to-left
text, or whose style's base direction is right to left (:func:`set_right_to_left`),
has each line's words put in visual order when drawn, after line breaking.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from reportgen.render.pdf import _internals_lines, _internals_text
from reportgen.render.pdf.bidi import needs_reordering
from reportgen.render.pdf.fonts import segments
from reportgen.render.pdf.linebreak import FragWord, break_words, cut_long_words
from reportgen.render.pdf.sides import Sides
from reportgen.scripts import needs_shaping

_internals_text.install()

_RTL = "reportgen_right_to_left"
_REORDER = "reportgen_reorder"
_derived: dict[tuple[int, bool, bool], ParagraphStyle] = {}


def set_right_to_left(style: ParagraphStyle, rtl: bool = True) -> None:
    """Make *style*, and every style derived from it afterwards or before, of base direction right to left."""
    setattr(style, _RTL, rtl)


def right_to_left(style: ParagraphStyle) -> bool:
    """The base direction of *style*: its own, else its parent's (reportlab copies only its own keys to children)."""
    current: ParagraphStyle | None = style
    while current is not None:
        if _RTL in current.__dict__:
            return bool(current.__dict__[_RTL])
        current = current.parent
    return False


def reorders(style: ParagraphStyle) -> bool:
    """Whether paragraphs of *style* (one :func:`text_style` made) have their lines put in visual order."""
    return bool(getattr(style, _REORDER, False))


def text_style(style: ParagraphStyle, text: str) -> ParagraphStyle:
    """*style*, or a copy that shapes and/or reorders, as *text* needs."""
    if getattr(style, _REORDER, None) is not None:  # a copy made here already (a split paragraph's)
        return style
    shape = needs_shaping(text)
    reorder = needs_reordering(text, rtl=right_to_left(style)) if shape or right_to_left(style) else False
    if not shape and not reorder:
        return style
    key = (id(style), shape, reorder)
    derived = _derived.get(key)
    if derived is None or derived.parent is not style:
        derived = ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=int(shape) or style.shaping)
        setattr(derived, _REORDER, reorder)
        _derived[key] = derived
    return derived


class Para(Paragraph):
    frags: list[Any]
    blPara: Any  # reportlab's broken lines, set by wrap()
    _measured: tuple[float, tuple[float, float]] | None = None
    _words: list[FragWord] | None = None
    _words_found = False

    def breakLines(self, width: float | list[float] | tuple[float, ...]) -> Any:
        widest = max(width) if isinstance(width, (list, tuple)) else width
        if not self._words_found:
            self._words_found = True
            self._words = break_words(self.frags, widest)
        if self._words is not None:
            self.frags = cut_long_words(self._words, widest)
        return super().breakLines(width)

    def __init__(self, text: str | None, style: ParagraphStyle | None = None, *args: Any, **kwargs: Any) -> None:
        if style is not None and text:
            style = text_style(style, text)
        super().__init__(text, style, *args, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # (a failed split throws the line breaks away: measure again then)
        if self._measured is not None and self._measured[0] == availWidth and "blPara" in self.__dict__:
            return self._measured[1]
        size = super().wrap(availWidth, availHeight)
        self._measured = (availWidth, size)
        return size

    def beginText(self, x: float, y: float) -> Any:  # noqa: N802 - reportlab's name
        if getattr(self.style, _REORDER, None) is None:
            return super().beginText(x, y)
        return _internals_text.SourceTextObject(self.canv, x, y)

    def drawPara(self, debug: int = 0) -> Any:  # noqa: N802 - reportlab's name
        if not reorders(self.style):
            return super().drawPara(debug)
        logical = self.blPara
        self.blPara = _internals_lines.visual_lines(logical, rtl=right_to_left(self.style))
        try:
            return super().drawPara(debug)
        finally:
            self.blPara = logical


class Contents(TableOfContents):
    """The table of contents, its entries set as :class:`Para` (shaped and reordered as they need)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        with _internals_text.contents_paragraphs(Para):
            return super().wrap(availWidth, availHeight)


class RightBulletPara(Para):
    """A list item of a right-to-left brief, its bullet or number hanging at the right.

    reportlab hangs bullets on the right only on its own right-to-left path
    (``wordWrap="RTL"``), which needs a bidi package that is not published. So
    the item is set as a plain paragraph (the style's ``rightIndent`` makes the
    room) and this draws the bullet ``bulletIndent`` from the right edge, on the
    first line's baseline, where reportlab puts it (``paraFontSizeHeightOffset``).
    """

    right_bullet: str | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Paragraph]:
        parts: list[Paragraph] = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], RightBulletPara):
            parts[0].right_bullet = self.right_bullet  # the bullet stays with the item's first line
        return parts

    def draw(self) -> None:
        super().draw()
        if not self.right_bullet:
            return
        style, canv = self.style, self.canv
        # a bullet the body font lacks (an Arabic face has no U+2022) takes the fallback font, as text does
        pieces = [(text, font or style.bulletFontName) for text, font in segments(self.right_bullet)]
        x = self.width - style.bulletIndent - sum(stringWidth(t, f, style.bulletFontSize) for t, f in pieces)
        baseline = self.height - style.fontSize + getattr(style, "bulletOffsetY", 0)
        canv.saveState()
        canv.setFillColor(getattr(style, "bulletColor", style.textColor))
        for text, font in pieces:
            canv.setFont(font, style.bulletFontSize)
            canv.drawString(x, baseline, text)
            x += stringWidth(text, font, style.bulletFontSize)
        canv.restoreState()


def list_item(markup: str, style: ParagraphStyle, bullet: str, sides: Sides) -> Para:
    """A list item with its hanging *bullet* at the start side of the line."""
    if not sides.mirrored:
        return Para(markup, style, bulletText=bullet)
    item = RightBulletPara(markup, style)
    item.right_bullet = bullet
    return item
