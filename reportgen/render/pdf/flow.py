"""The paragraph flowable every module here uses.

Platypus measures a paragraph many times: once per layout pass, again when
keep-together groups and table cells are measured, again when a table splits.
Line breaking depends only on the available width (the style is fixed), so
:class:`Para` breaks its lines once per width and answers later measurements
from that. Splitting a paragraph makes new paragraphs, which measure afresh.

It also breaks lines where each script allows (:mod:`render.pdf.linebreak`):
the words are cut at those places once, and words too long for a width are
cut between grapheme clusters when the paragraph is broken at that width.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from reportgen.render.pdf.fonts import segments
from reportgen.render.pdf.linebreak import FragWord, break_words, cut_long_words
from reportgen.render.pdf.sides import Sides


class Para(Paragraph):
    frags: list[Any]
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

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # (a failed split throws the line breaks away: measure again then)
        if self._measured is not None and self._measured[0] == availWidth and "blPara" in self.__dict__:
            return self._measured[1]
        size = super().wrap(availWidth, availHeight)
        self._measured = (availWidth, size)
        return size


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
