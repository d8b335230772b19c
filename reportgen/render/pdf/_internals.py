"""Every use of reportlab's private internals, each with its reason, in one place.

pyproject.toml pins reportlab below the next minor release after the one these
were checked against; ``tests/render/test_internals.py`` fails loudly if one of
them changes.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame

TESTED_VERSIONS = ("5.1",)
"""reportlab releases these were checked against (major.minor)."""


class LayoutOnlyFrame(Frame):
    """A frame that lays flowables out without drawing them on a layout-only canvas.

    The brief is laid out twice (the first pass finds the page numbers the
    contents and "page X of Y" need); drawing nothing on the first pass halves
    its cost. Platypus has no public hook between placing a flowable and
    drawing it, so this overrides ``Frame._add``, reportlab's private method
    that does both.
    """

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        if not getattr(canv, "layout_only", False):
            return super()._add(flowable, canv, trySplit)
        try:  # shadow the method for this one placement (object.__setattr__: some classes validate setattr)
            object.__setattr__(flowable, "drawOn", _no_draw)
        except (AttributeError, TypeError):  # no instance dict: just draw it
            return super()._add(flowable, canv, trySplit)
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            object.__delattr__(flowable, "drawOn")

    add = _add


def _no_draw(*args: object, **kwargs: object) -> None:
    pass


def register_fresh(font: TTFont) -> None:
    """Register *font*, first unregistering an older font with the same face (PostScript) name.

    reportlab files dynamic fonts by face name too: registering a second subset of one font (another
    build's characters) under a new name silently hands back the first one, whose glyphs are not
    the new build's. Its public ``unregister`` forgets a font; finding the older one takes
    ``pdfmetrics._dynFaceNames``, the private table that does the filing.
    """
    older = pdfmetrics._dynFaceNames.get(font.face.name)
    if older is not None and older is not font:
        older.unregister()
    pdfmetrics.registerFont(font)


def text_line_y(canvas: Canvas) -> float:
    """The baseline of the paragraph line an ``<onDraw>`` callback fires on.

    The callback is given only the canvas, its kind and its label; reportlab
    keeps the line's position in the canvas's private ``_curr_tx_info`` while
    it runs (its own table of contents reads it there). The right-to-left
    contents page needs the baseline to draw a page number at the line's
    other end.
    """
    info: dict[str, float] = canvas._curr_tx_info
    return info["cur_y"]
