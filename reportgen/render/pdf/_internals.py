"""Every use of reportlab's private internals, each with its reason, in one place.

pyproject.toml pins reportlab below the next minor release after the one these
were checked against; ``tests/render/test_internals.py`` fails loudly if one of
them changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame
from reportlab.platypus import paragraph as _paragraph

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


def register_fresh(font: TTFont) -> str:
    """Register *font* and return the name to use it by, even when a font of the same face is registered.

    reportlab files dynamic fonts by face (PostScript) name too: registering a second subset of one
    font (another build's characters) under a new name silently hands back the first one, whose
    glyphs are not this build's. When the face name is taken by the same file, the new name is filed
    under that font; when by another file, this one's face is given a name of its own (its file's stem) first.
    ``pdfmetrics._dynFaceNames`` is the private table that does the filing.
    """
    older = pdfmetrics._dynFaceNames.get(font.face.name)
    if older is not None and older is not font and getattr(older.face, "filename", None) != font.face.filename:
        font.face.name = font.face.name + b"-" + Path(font.face.filename).stem[-8:].encode("ascii", "replace")
    pdfmetrics.registerFont(font)  # a font of the same file: reportlab files the new name under the older font
    return str(font.fontName)


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

# Line breaking (render/pdf/linebreak.py). Platypus breaks a paragraph at
# spaces only, or, with wordWrap="CJK", anywhere and without shaping. A
# paragraph's "frag words" (``[width, (frag, text), ...]`` lists) are the unit
# it breaks between: a word that is an ``_HSFrag`` is followed by a space, a
# plain list is joined to the next word with none. Handing Paragraph frag words
# cut at the break opportunities reportgen finds is the only way to add breaks
# that draw nothing (a zero-width space would be drawn as a space). The
# helpers that make and recognise frag words are private; these wrap them.


def frag_words(frags: list[Any], max_width: float) -> list[list[Any]]:
    """A paragraph's parsed frags as frag words (``paragraph._getFragWords``)."""
    return cast("list[list[Any]]", _paragraph._getFragWords(frags, max_width))


def are_frag_words(frags: list[Any]) -> bool:
    """*frags* are frag words already (a paragraph made by splitting another; ``_processed_frags``)."""
    return bool(_paragraph._processed_frags(frags))


def followed_by_space(word: list[Any]) -> bool:
    """The frag word is followed by a space (an ``_HSFrag``)."""
    return isinstance(word, _paragraph._HSFrag)


def is_plain_word(word: list[Any]) -> bool:
    """A frag word of text only: not a soft-hyphenated, split or injected word (those are reportlab's to break)."""
    if type(word) not in (list, _paragraph._HSFrag):
        return False
    return all(getattr(frag, "_fkind", None) == _paragraph._FK_TEXT and not hasattr(frag, "cbDefn") for frag, _ in word[1:])


def make_frag_word(width: float, parts: list[tuple[Any, str]], *, space_after: bool) -> list[Any]:
    """A frag word of *parts* ``(frag, text)`` measuring *width*, followed by a space or joined to the next word."""
    kind = _paragraph._HSFrag if space_after else list
    return cast("list[Any]", kind([width, *parts]))


def current_font(canvas: Canvas) -> tuple[str, float]:
    """The canvas's font and size now (``Canvas._fontname``, ``_fontsize``): a line drawn in pieces sets a
    font only where it changes, so a line in one font writes the same operators as one ``drawString``."""
    return str(canvas._fontname), float(canvas._fontsize)
