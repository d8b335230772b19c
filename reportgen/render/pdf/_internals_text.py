"""reportlab's private internals for shaped text: shaping by runs, source text per glyph cluster, ActualText.

HarfBuzz shaping (reportlab's ``shapeFragWord``) turns a word into glyphs and
forgets the characters: a glyph with no character of its own (a conjunct, a
positional form, a moved mark) gets a private-use code, and the glyphs of a
cluster come in visual order (a Devanagari i-matra before its consonant,
Arabic right to left). A PDF reader then extracts ``\\ue000`` or the letters
out of order. So:

* :func:`install` replaces ``shapeFragWord`` (a module global of
  ``reportlab.pdfbase.ttfonts`` and, imported by name, of
  ``reportlab.platypus.paragraph``) with :func:`shape_word`, which shapes a
  word one run of one font and one direction at a time and notes on each
  glyph's ``ShapeData`` the source characters of its cluster (``source``; the
  cluster's first glyph carries them, the others ``""``). Unshaped text is
  untouched.
* :class:`SourceTextObject` overrides ``PDFTextObject._formatText`` (the one
  method that writes text operators) to put every cluster whose glyphs do not
  read back as its characters inside ``/Span <</ActualText ...>> BDC ... EMC``
  marked content, which poppler (pdftotext; the one reader tested) extracts
  instead of the glyphs. Text without noted sources goes through reportlab's own code
  unchanged, so unshaped documents are byte-identical.
* ``makeToUnicodeCMap`` (a module global of ``reportlab.pdfbase.ttfonts``) is
  wrapped to map a private-use code to the characters its glyph stands for,
  for readers that ignore ActualText (pypdf): a conjunct or a raised Thai tone
  mark then reads as its letters there too, though a pre-base vowel still
  reads before its consonant.
* :func:`contents_paragraphs` lets the contents (``TableOfContents``, which
  makes its entries with its module's ``Paragraph``) make them with ours.

Putting lines in visual order is :mod:`._internals_lines`'s.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedFragWord, ShapedStr, makeShapedFragWord
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus import tableofcontents

from reportgen.render.pdf.bidi import direction_runs

_ORIGINAL_SHAPE: Callable[..., Any] = ttfonts.shapeFragWord
_ORIGINAL_CMAP: Callable[..., Any] = ttfonts.makeToUnicodeCMap


def shape_word(word: Any, *args: Any, **kwargs: Any) -> Any:
    """reportlab's ``shapeFragWord``, one run of one font and one direction at a time, sources noted.

    reportlab shapes a whole word with its first fragment's font (a word whose comma is in
    another font gets that font's glyph numbers read in the wrong font) and in one direction (an
    Arabic word's closing bracket and comma would be drawn on its left in an English sentence).
    """
    if isinstance(word, ShapedFragWord):
        return word
    runs = _runs(word)
    if len(runs) == 1:
        return _shape_run(word, *args, **kwargs)
    items: list[Any] = []
    width, changed = 0.0, False
    for run in runs:
        shaped = _shape_run(run, *args, **kwargs)
        changed = changed or shaped is not run
        width += shaped[0]
        items.extend(shaped[1:])
    return makeShapedFragWord(word)([width, *items]) if changed else word


_run_ids = itertools.count(1)


def _shape_run(word: Any, *args: Any, **kwargs: Any) -> Any:
    shaped = _ORIGINAL_SHAPE(word, *args, **kwargs)
    if shaped is not word:
        _mend_anchors(shaped)
        _note_sources(word, shaped, next(_run_ids))
    return shaped


def _runs(word: Sequence[Any]) -> list[list[Any]]:
    """*word* (``[width, (frag, text), ...]``) as words of one fragment and one direction each
    (:func:`~reportgen.render.pdf.bidi.direction_runs`); anchors go with the run after them."""
    runs: list[list[Any]] = []
    pending: list[Any] = []
    for item in word[1:]:
        frag, text = item
        if hasattr(frag, "cbDefn") or not text:
            pending.append(item)
            continue
        for piece in direction_runs(text):
            runs.append([stringWidth(piece, frag.fontName, frag.fontSize), *pending, (frag, piece)])
            pending = []
    if not runs:
        return [list(word)]
    runs[-1].extend(pending)
    return runs if len(runs) > 1 else [list(word)]


def _mend_anchors(shaped: list[Any]) -> None:
    """reportlab 5.1 puts a word's anchors (``<a name>``: a heading's bookmark) back as a *list* of
    frags where line breaking expects ``(frag, text)`` pairs; make them pairs again."""
    mended = [shaped[0]]
    for item in shaped[1:]:
        mended.extend(((frag, "") for frag in item) if isinstance(item, list) else (item,))
    shaped[:] = mended


def _note_sources(word: Sequence[Any], shaped: Sequence[Any], run: int) -> None:
    """Give each glyph of *shaped* its cluster's characters of *word*'s text (``cluster`` indexes that text).

    A cluster that starts with a combining mark joins the one before (a Thai tone mark that
    HarfBuzz keeps apart is raised above its consonant: read back on its own, it lands on a
    line of its own). Clusters of a right-to-left run are flagged ``rtl``: their glyphs come
    in visual order, which readers reverse. Every glyph carries its *run* (one shaping of one
    font and direction), where a line may be cut to reorder it.
    """
    text = "".join(s for f, s in word[1:] if not hasattr(f, "cbDefn"))
    data = [sd for _, piece in shaped[1:] if isinstance(piece, ShapedStr) for sd in piece.__shapeData__]
    starts = sorted({sd.cluster for sd in data if 0 <= sd.cluster < len(text)})
    merged = [start for i, start in enumerate(starts) if i == 0 or not unicodedata.category(text[start]).startswith("M")]
    ends = dict(zip(merged, [*merged[1:], len(text)], strict=True))
    base = {start: max(m for m in merged if m <= start) for start in starts}
    # glyphs in falling cluster order are right to left; so is one glyph for a right-to-left word (في, a ligature)
    rtl = data[0].cluster > data[-1].cluster if len(data) > 1 else any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)
    done: set[int] = set()
    glyphs: dict[int, list[tuple[str, str]]] = {}  # cluster -> (glyph, font) in drawing order
    for frag, piece in shaped[1:]:
        for sd, glyph in zip(getattr(piece, "__shapeData__", ()), piece, strict=False):
            head = base.get(sd.cluster)
            if head is not None:
                glyphs.setdefault(head, []).append((glyph, frag.fontName))
            sd.run = run
            if head is not None and head not in done:
                sd.source, sd.rtl = text[head : ends[head]], rtl
                done.add(head)
            else:
                sd.source = ""
    for head, drawn in glyphs.items():
        _note_private(text[head : ends[head]], drawn)


_PRIVATE_TEXT: dict[str, dict[int, str]] = {}
"""Per embedded font name (after the subset tag), what its private-use codes stand for."""


def _note_private(source: str, glyphs: Sequence[tuple[str, str]]) -> None:
    """Note the characters a cluster's one private-use glyph stands for (the cluster's, less its other glyphs'),
    for the ToUnicode map of readers that ignore ActualText (a conjunct reads as its letters there)."""
    private = [(glyph, font) for glyph, font in glyphs if "\ue000" <= glyph <= "\uf8ff"]
    if len(private) != 1:
        return
    rest = list(source)
    for glyph, _ in glyphs:
        if glyph in rest:
            rest.remove(glyph)
    glyph, font = private[0]
    face = getattr(pdfmetrics.getFont(font), "face", None)
    if rest and face is not None:
        _PRIVATE_TEXT.setdefault((face.name + face.subfontNameX).decode("pdfdoc"), {}).setdefault(ord(glyph), "".join(rest))


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode map of one font subset, private-use codes mapped to the characters they stand for,
    and characters beyond the Basic Multilingual Plane (emoji, rare Han) written as UTF-16 surrogate pairs:
    reportlab writes their code point as five hex digits, which readers take for another character."""
    cmap: str = _ORIGINAL_CMAP(fontname, subset)
    texts = _PRIVATE_TEXT.get(fontname.split("+", 1)[-1], {})
    for i, code in enumerate(subset):
        if code in texts:
            cmap = cmap.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{texts[code].encode('utf-16-be').hex().upper()}>")
        elif code > 0xFFFF:
            cmap = cmap.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>")
    return cmap


def install() -> None:
    """Note source characters whenever reportlab shapes (idempotent)."""
    ttfonts.shapeFragWord = shape_word
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    rl_paragraph.shapeFragWord = shape_word


@contextmanager
def contents_paragraphs(paragraph_class: type) -> Iterator[None]:
    """While laying out the contents, its entries are *paragraph_class* (one build lays out at a time)."""
    saved = tableofcontents.Paragraph
    tableofcontents.Paragraph = paragraph_class
    try:
        yield
    finally:
        tableofcontents.Paragraph = saved


def _source(sd: object) -> str | None:
    """A glyph's cluster text; ``""`` for a cluster's later glyphs; None when no source was noted."""
    return getattr(sd, "source", None)


def clusters(text: str) -> list[tuple[int, int, str | None]]:
    """*text*'s glyphs as ``(start, end, actual)`` runs: *actual* is the source the run's glyphs stand
    for where they do not read back as it (other characters, or a mark moved off its place),
    else None (consecutive such runs merged)."""
    data = getattr(text, "__shapeData__", None) or []
    runs: list[tuple[int, int, str | None]] = []
    i = 0
    while i < len(text):
        first = _source(data[i]) if i < len(data) else None
        if first and getattr(data[i], "rtl", False):
            first = first[::-1]  # readers reverse a right-to-left run's text, which they take to be in visual order
        j = i + 1
        while j < len(text) and j < len(data) and _source(data[j]) == "":
            j += 1
        glyphs = str(text[i:j])
        raised = any(sd.x_offset or sd.y_offset for sd in data[i:j])  # else a reader may put a moved mark apart
        actual = None if first is None or (first == glyphs and not raised) else first
        if actual is None and runs and runs[-1][2] is None:
            runs[-1] = (runs[-1][0], j, None)
        else:
            runs.append((i, j, actual))
        i = j
    return runs


def logical_text(text: str) -> str:
    """The characters shaped *text* was made from, in logical order (the glyphs' own where none was noted)."""
    data = getattr(text, "__shapeData__", None)
    if not data or not any(hasattr(sd, "source") for sd in data):
        return str(text)
    pieces = [(sd.cluster, getattr(sd, "source", glyph)) for sd, glyph in zip(data, text, strict=False)]
    return "".join(source for _, source in sorted(pieces, key=lambda piece: piece[0]))


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class SourceTextObject(PDFTextObject):
    """A text object that marks shaped clusters with their source characters (``/ActualText``)."""

    def _formatText(self, text: str) -> str:  # noqa: N802 - reportlab's name
        data = getattr(text, "__shapeData__", None)
        if not data or not any(hasattr(sd, "source") for sd in data):
            return str(super()._formatText(text))
        out = []
        for start, end, actual in clusters(text):
            operators = super()._formatText(text[start:end])
            out.append(operators if actual is None else f"/Span <</ActualText {_actual_text(actual)}>> BDC {operators} EMC")
        return " ".join(out)

    def setRise(self, rise: float) -> None:  # noqa: N802 - reportlab's name
        # reportlab's looks at the last operator written; a cluster's piece can start with a rise
        if not self._code:
            self._code.append("")
        super().setRise(rise)


class SourceCanvas(Canvas):
    """A canvas whose text objects mark shaped clusters (strings drawn with :func:`shaped_text`)."""

    def beginText(self, x: float = 0, y: float = 0, direction: str | None = None) -> SourceTextObject:  # noqa: N802
        return SourceTextObject(self, x, y, direction=direction)
