"""Measure text the way PowerPoint and LibreOffice will set it.

Each character is measured with the advance widths of the face that will draw
it (:mod:`faces`: the set's Latin face, the set's or the font scheme's East
Asian face, the scheme's complex-script face), read from the set's font
files, reportgen's bundled fonts or the system's stand-ins; Arial is
measured with reportlab's Helvetica metrics, its advance widths. The deck
being planned names its faces once (:func:`measuring`), so every measure
below is of that deck's faces. Lines are wrapped greedily at spaces
(and between East Asian characters), exactly as the renderers do, except that
we never use a break they might not (so we never count fewer lines than they
draw). A word wider than the line is broken between characters, as they do.
Widths are cached per (text, faces) at one point and scaled.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache

from reportgen.document.model import LINE_BREAK, Run, Runs, plain
from reportgen.slides.faces import AUTOSPACE, Faces, char_em
from reportgen.slides.units import Emu, Length, from_pt

LINE_HEIGHT = 1.2
"""Line pitch as a multiple of the font size; written into every paragraph as exact spacing."""

WIDTH_SLACK = 0.98
"""Use only this share of a line's width: room for hinting and rounding in the renderers."""

_SPACE, _WORD, _BREAK = 0, 1, 2
_NO_LINE_START = set("、。，．・：；？！」』）】〕〉》’”ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ々〻‐–—…,.;:!?)]}%")
_NO_LINE_END = set("「『（【〔〈《‘“([{")
_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"'”’)\]]*\s+|(?<=[。！？])[」』）]*\s*")


_FACES: ContextVar[Faces | None] = ContextVar("faces", default=None)
"""The faces of the deck being planned (outside a plan: :data:`_ENGLISH`)."""
_ENGLISH = Faces()
"""Arial and the scheme's faces, in an English deck."""


def _faces() -> Faces:
    return _FACES.get() or _ENGLISH


@contextmanager
def measuring(faces: Faces) -> Iterator[None]:
    """Measure with *faces* inside the block (the planner names its deck's faces for the whole plan)."""
    token = _FACES.set(faces)
    try:
        yield
    finally:
        _FACES.reset(token)


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


@lru_cache(maxsize=65536)
def _text_em(text: str, font: str, faces: Faces) -> float:
    return math.fsum(char_em(ch, font, faces) for ch in text)


def text_em(text: str, font: str) -> float:
    """Width of *text* at 1 pt, in points."""
    return _text_em(text, font, _faces())


def text_width(text: str, font: str, size: Length) -> Length:
    return from_pt(text_em(text, font) * size.pt)


def line_height(size: Length) -> Length:
    return Emu(round(size * LINE_HEIGHT))


@dataclass(frozen=True)
class Token:
    kind: int
    em: float
    pieces: tuple[tuple[str, str], ...] = ()
    """(text, font) fragments, kept for breaking a word between characters."""


def tokens(runs: Runs) -> tuple[Token, ...]:
    """The runs as words, spaces and hard breaks, with widths at 1 pt in the faces that draw them."""
    return _tokens(runs, _faces())


@lru_cache(maxsize=65536)
def _tokens(runs: Runs, faces: Faces) -> tuple[Token, ...]:
    out: list[Token] = []
    word: list[tuple[str, str]] = []
    chars: list[str] = []
    font = ""
    context = plain(runs)
    prev, kind = "", ""

    def end_piece() -> None:
        if chars:
            word.append(("".join(chars), font))
            chars.clear()

    def end_word() -> None:
        end_piece()
        if word:
            out.append(Token(_WORD, math.fsum(_text_em(t, f, faces) for t, f in word), tuple(word)))
            word.clear()

    for run in runs:
        if run.text == LINE_BREAK:
            end_word()
            out.append(Token(_BREAK, 0.0))
            prev, kind = "", ""
            continue
        pieces, last = faces.pieces(run.text, context, run.bold, run.code, kind)
        for text, piece_font in pieces:
            end_piece()
            font = piece_font
            if font == AUTOSPACE:
                word.append((text, font))
                continue
            for ch in text:
                if ch in " \t\n\r":
                    end_word()
                    out.append(Token(_BREAK, 0.0) if ch == "\n" else Token(_SPACE, _text_em(" " * (4 if ch == "\t" else 1), font, faces)))
                    prev = ""
                    continue
                if prev and _breakable(prev, ch):
                    end_word()
                chars.append(ch)
                prev = ch
        kind = last
    end_word()
    return tuple(out)


def _breakable(a: str, b: str) -> bool:
    """Whether a line may break between characters *a* and *b* (no space between them)."""
    if b in _NO_LINE_START or a in _NO_LINE_END:
        return False
    if a in "/-" and b.isalnum():  # LibreOffice breaks URLs and compounds there; PowerPoint may not (fewer lines)
        return True
    return is_wide(a) or is_wide(b)


def count_lines(runs: Runs, size: Length, width: Length) -> int:
    """Lines *runs* take at *size* in a line *width* wide (an empty paragraph takes one)."""
    return _count_lines(runs, int(size), int(width), _faces())


@lru_cache(maxsize=65536)
def _count_lines(runs: Runs, size: int, width: int, faces: Faces) -> int:
    limit = width * WIDTH_SLACK / size  # the line width in ems of this size
    lines, x, pending, start = 1, 0.0, 0.0, True
    for tok in _tokens(runs, faces):
        kind, em = tok.kind, tok.em
        if kind == _SPACE:
            if not start:
                pending += em
        elif kind == _WORD:
            if not start and x + pending + em <= limit:
                x += pending + em
            else:
                if not start:
                    lines += 1
                if em <= limit:
                    x = em
                else:
                    extra, x = _break_word(tok, limit, faces)
                    lines += extra
                start = False
            pending = 0.0
        else:
            lines, x, pending, start = lines + 1, 0.0, 0.0, True
    return lines


def _break_word(tok: Token, limit: float, faces: Faces) -> tuple[int, float]:
    """A word placed at a line start: extra lines it spills into, and the width of its last line."""
    if tok.em <= limit:
        return 0, tok.em
    extra, x = 0, 0.0
    for text, font in tok.pieces:
        for ch in text:
            w = char_em(ch, font, faces)
            if x > 0 and x + w > limit:
                extra, x = extra + 1, 0.0
            x += w
    return extra, x


def widest_word(runs: Runs, size: Length) -> Length:
    return from_pt(_widest_em(runs, _faces()) * size.pt)


@lru_cache(maxsize=8192)
def _widest_em(runs: Runs, faces: Faces) -> float:
    return max((tok.em for tok in _tokens(runs, faces) if tok.kind == _WORD), default=0.0)


def words_fit(runs: Runs, size: Length, width: Length) -> bool:
    """Whether no word of *runs* must be broken to fit a line *width* wide."""
    return _widest_em(runs, _faces()) * size.pt <= width.pt * WIDTH_SLACK


def natural_width(runs: Runs, size: Length) -> Length:
    """The width of the longest hard line, unwrapped."""
    return from_pt(_natural_em(runs, _faces()) * size.pt / WIDTH_SLACK)


@lru_cache(maxsize=8192)
def _natural_em(runs: Runs, faces: Faces) -> float:
    best = cur = 0.0
    for tok in _tokens(runs, faces):
        if tok.kind == _BREAK:
            best, cur = max(best, cur), 0.0
        else:
            cur += tok.em
    return max(best, cur)


def text_height(runs: Runs, size: Length, width: Length) -> Length:
    return Emu(count_lines(runs, size, width) * line_height(size))


# -- cutting runs -----------------------------------------------------------------------


def cut(runs: Runs, offset: int) -> tuple[Runs, Runs]:
    """Split *runs* at a character offset of their plain text, dropping whitespace at the cut."""
    head: list[Run] = []
    tail: list[Run] = []
    pos = 0
    for run in runs:
        end = pos + len(run.text)
        if end <= offset:
            head.append(run)
        elif pos >= offset:
            tail.append(run)
        else:
            k = offset - pos
            head.append(_with_text(run, run.text[:k]))
            tail.append(_with_text(run, run.text[k:]))
        pos = end
    return _strip(tuple(head), right=True), _strip(tuple(tail), right=False)


def _with_text(run: Run, text: str) -> Run:
    return replace(run, text=text)


def _strip(runs: Runs, *, right: bool) -> Runs:
    items = list(runs)
    order = range(len(items) - 1, -1, -1) if right else range(len(items))
    for i in order:
        text = items[i].text.rstrip() if right else items[i].text.lstrip()
        items[i] = _with_text(items[i], text)
        if text:
            break
    return tuple(r for r in items if r.text)


def _sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text) if 0 < m.end() < len(text)]


def _word_starts(text: str) -> list[int]:
    return [m.end() for m in _SPACES.finditer(text) if 0 < m.end() < len(text)]


_SPACES = re.compile(r"\s+")


def _char_offsets(text: str) -> list[int]:
    """Every position: the last resort for a token longer than a whole frame (a 2,000-character URL)."""
    return list(range(1, len(text)))


def split_to_fit(runs: Runs, size: Length, width: Length, max_lines: int) -> tuple[Runs, Runs] | None:
    """Cut *runs* so the head takes at most *max_lines*: at a sentence end, else between words, else inside a word.

    Returns None when not even the first sentence or word fits.
    """
    if max_lines < 1:
        return None
    text = plain(runs)
    for find in (_sentence_ends, _word_starts, _char_offsets):
        offsets = find(text)
        best = None
        lo, hi = 0, len(offsets) - 1
        while lo <= hi:  # the head's line count grows with the offset: bisect
            mid = (lo + hi) // 2
            head, tail = cut(runs, offsets[mid])
            if count_lines(head, size, width) <= max_lines:
                best, lo = (head, tail), mid + 1
            else:
                hi = mid - 1
        if best is not None:
            return best
    return None
