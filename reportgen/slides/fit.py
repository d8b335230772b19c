"""Measure text the way PowerPoint and LibreOffice will set it.

The deck font is Arial (or a metric twin such as Liberation Sans), whose
advance widths are Helvetica's, so reportlab's Helvetica metrics measure it.
East Asian wide characters count one em. Lines are wrapped greedily at spaces
(and between East Asian characters), exactly as the renderers do, except that
we never use a break they might not (so we never count fewer lines than they
draw). A word wider than the line is broken between characters, as they do.
Widths are cached per (text, font) at one point and scaled.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.document.model import LINE_BREAK, Run, Runs, plain
from reportgen.slides.units import Emu, Length, from_pt

LINE_HEIGHT = 1.2
"""Line pitch as a multiple of the font size; written into every paragraph as exact spacing."""

WIDTH_SLACK = 0.98
"""Use only this share of a line's width: room for hinting and rounding in the renderers."""

_SPACE, _WORD, _BREAK = 0, 1, 2
_NO_LINE_START = set("、。，．・：；？！」』）】〕〉》’”ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ々〻‐–—…,.;:!?)]}%")
_NO_LINE_END = set("「『（【〔〈《‘“([{")
_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"'”’)\]]*\s+|(?<=[。！？])[」』）]*\s*")


def metric_font(run: Run) -> str:
    """The reportlab font whose metrics match how *run* is drawn."""
    if run.code:
        return "Courier-Bold" if run.bold else "Courier"
    return "Helvetica-Bold" if run.bold else "Helvetica"


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


@lru_cache(maxsize=8192)
def _char_em(ch: str, font: str) -> float:
    """Advance width of one character at 1 pt."""
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\u2060\ufeff":
        return 0.0
    if is_wide(ch):
        return 1.0
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return 0.5 if unicodedata.east_asian_width(ch) == "H" else 0.8
    width: float = stringWidth(ch, font, 1.0)  # reportlab is untyped
    return width


@lru_cache(maxsize=65536)
def text_em(text: str, font: str) -> float:
    """Width of *text* at 1 pt, in points."""
    return math.fsum(_char_em(ch, font) for ch in text)


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


@lru_cache(maxsize=65536)
def tokens(runs: Runs) -> tuple[Token, ...]:
    """The runs as words, spaces and hard breaks, with widths at 1 pt."""
    out: list[Token] = []
    word: list[tuple[str, str]] = []
    chars: list[str] = []
    font = "Helvetica"
    prev = ""

    def end_piece() -> None:
        if chars:
            word.append(("".join(chars), font))
            chars.clear()

    def end_word() -> None:
        end_piece()
        if word:
            out.append(Token(_WORD, math.fsum(text_em(t, f) for t, f in word), tuple(word)))
            word.clear()

    for run in runs:
        if run.text == LINE_BREAK:
            end_word()
            out.append(Token(_BREAK, 0.0))
            prev = ""
            continue
        end_piece()
        font = metric_font(run)
        for ch in run.text:
            if ch in " \t\n\r":
                end_word()
                out.append(Token(_BREAK, 0.0) if ch == "\n" else Token(_SPACE, text_em(" " * (4 if ch == "\t" else 1), font)))
                prev = ""
                continue
            if prev and _breakable(prev, ch):
                end_word()
            chars.append(ch)
            prev = ch
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
    return _count_lines(runs, int(size), int(width))


@lru_cache(maxsize=65536)
def _count_lines(runs: Runs, size: int, width: int) -> int:
    limit = width * WIDTH_SLACK / size  # the line width in ems of this size
    lines, x, pending, start = 1, 0.0, 0.0, True
    for tok in tokens(runs):
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
                    extra, x = _break_word(tok, limit)
                    lines += extra
                start = False
            pending = 0.0
        else:
            lines, x, pending, start = lines + 1, 0.0, 0.0, True
    return lines


def _break_word(tok: Token, limit: float) -> tuple[int, float]:
    """A word placed at a line start: extra lines it spills into, and the width of its last line."""
    if tok.em <= limit:
        return 0, tok.em
    extra, x = 0, 0.0
    for text, font in tok.pieces:
        for ch in text:
            w = _char_em(ch, font)
            if x > 0 and x + w > limit:
                extra, x = extra + 1, 0.0
            x += w
    return extra, x


def widest_word(runs: Runs, size: Length) -> Length:
    return from_pt(_widest_em(runs) * size.pt)


@lru_cache(maxsize=8192)
def _widest_em(runs: Runs) -> float:
    return max((tok.em for tok in tokens(runs) if tok.kind == _WORD), default=0.0)


def words_fit(runs: Runs, size: Length, width: Length) -> bool:
    """Whether no word of *runs* must be broken to fit a line *width* wide."""
    return _widest_em(runs) * size.pt <= width.pt * WIDTH_SLACK


def natural_width(runs: Runs, size: Length) -> Length:
    """The width of the longest hard line, unwrapped."""
    return from_pt(_natural_em(runs) * size.pt / WIDTH_SLACK)


@lru_cache(maxsize=8192)
def _natural_em(runs: Runs) -> float:
    best = cur = 0.0
    for tok in tokens(runs):
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
