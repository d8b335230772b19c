"""reportlab's private line structures put in visual order: the bidi algorithm after line breaking.

A broken paragraph (``Paragraph.blPara``: ``ParaLines`` of ``FragLine``\\ s whose
``words`` are fragments, each with its ``text``) is drawn left to right as it
stands. :func:`visual_lines` returns a copy whose every line has its words,
and the runs within a word (:func:`reportgen.render.pdf.bidi.direction_runs`),
in visual order; HarfBuzz has already put the glyphs of a right-to-left run in
visual order. A bracket that ends up inside a right-to-left run is drawn
mirrored, its ActualText still the character written. The structures are
copied, never changed: a paragraph split across pages is rebuilt from its
logical lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bidi.mirror import MIRRORED
from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from reportgen.render.pdf._internals_text import logical_text, shape_word
from reportgen.render.pdf.bidi import levels, visual_order


def shaped_text(text: str, font: str, size: float, *, rtl: bool = False) -> str:
    """*text* shaped in *font* (a TrueType font reportlab can shape) and in visual order, ready for any
    ``drawString``; other fonts get *text* back as it is."""
    if not getattr(pdfmetrics.getFont(font), "shapable", False):
        return text
    frag = ABag(fontName=font, fontSize=size)
    tokens: list[tuple[Any, str]] = []
    for i, word in enumerate(text.split(" ")):
        if i:
            tokens.append((frag, " "))
        if word:
            shaped = shape_word([pdfmetrics.stringWidth(word, font, size), (frag, word)])
            tokens.extend((frag, piece) for _, piece in shaped[1:])
    if not any(isinstance(piece, ShapedStr) for _, piece in tokens):
        return text
    return _concat([piece for _, piece in _in_visual_order(tokens, rtl=rtl)])


def _concat(pieces: Sequence[str]) -> str:
    out: str = ""
    for piece in pieces:
        out = out + piece  # a ShapedStr's own + keeps its glyph data
    return out


def _in_visual_order(tokens: Sequence[tuple[Any, str]], *, rtl: bool) -> list[tuple[Any, str]]:
    """A line's ``(frag, text)`` tokens (runs and spaces) in visual order, each as it is drawn.

    A token whose characters resolve to different levels (``12.`` ending a right-to-left
    paragraph) is cut where they change, if its glyphs are its characters one for one; else it
    takes its highest level. A piece at an odd level that HarfBuzz did not shape right to left
    (brackets, punctuation) is reversed and its brackets mirrored.
    """
    sources = [logical_text(text) for _, text in tokens]
    found = levels("".join(sources), rtl=rtl)
    pieces: list[tuple[Any, str, int]] = []
    at = 0
    for (frag, text), source in zip(tokens, sources, strict=True):
        char_levels, at = found[at : at + len(source)], at + len(source)
        if len(set(char_levels)) > 1 and _one_glyph_per_character(text, source):
            start = 0
            for i in range(1, len(char_levels) + 1):
                if i == len(char_levels) or char_levels[i] != char_levels[start]:
                    pieces.append((frag, text[start:i], char_levels[start]))
                    start = i
        else:
            pieces.append((frag, text, max(char_levels, default=1 if rtl else 0)))
    order = visual_order([level for _, _, level in pieces])
    return [(pieces[i][0], _as_drawn(*pieces[i])) for i in order]


def _one_glyph_per_character(text: str, source: str) -> bool:
    data = getattr(text, "__shapeData__", None)
    if not data:
        return str(text) == source
    return len(text) == len(source) and all(
        not getattr(sd, "rtl", False) and (i == 0 or sd.cluster > data[i - 1].cluster) for i, sd in enumerate(data)
    )


def _as_drawn(frag: Any, text: str, level: int) -> str:
    data = getattr(text, "__shapeData__", None)
    if level % 2 == 0 or (data and any(getattr(sd, "rtl", False) for sd in data)):
        return text
    return _mirrored(frag, text[::-1])


def _mirrored(frag: Any, text: str) -> str:
    """*text*, drawn in a right-to-left run, with its brackets mirrored (their ActualText what was written)."""
    if not any(char in MIRRORED for char in text):
        return text
    data = getattr(text, "__shapeData__", None)
    font = getattr(frag, "fontName", None)
    if font is None or not getattr(pdfmetrics.getFont(font), "shapable", False):
        return "".join(MIRRORED.get(char, char) for char in text)
    out = []
    for i, char in enumerate(text):
        glyph = MIRRORED.get(char, char)
        sd = data[i] if data and i < len(data) else None
        if glyph == char and sd is not None:
            out.append(ShapedStr(char, shapeData=[sd]))
            continue
        width = pdfmetrics.stringWidth(glyph, font, 1000)
        mirror = ShapeData(getattr(sd, "cluster", 0), width, 0, 0, 0, width)
        mirror.source = getattr(sd, "source", char) if sd is not None else char
        out.append(ShapedStr(glyph, shapeData=[mirror]))
    return _concat(out)


def _split_words(text: str) -> list[str]:
    """*text* cut into single spaces and the runs between them (slicing keeps a ShapedStr's glyph data)."""
    data = getattr(text, "__shapeData__", None)
    out, start = [], 0
    for i, char in enumerate(text):
        if char == " " or (data and i > start and _run(data, i) != _run(data, i - 1)):
            if i > start:
                out.append(text[start:i])
            start = i
        if char == " ":
            out.append(text[i : i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out


def _run(data: Sequence[Any], i: int) -> int | None:
    return getattr(data[i], "run", None) if i < len(data) else None


def _visual_frag_line(line: Any, *, rtl: bool) -> Any:
    tokens: list[tuple[Any, str]] = []
    for frag in line.words:
        text = getattr(frag, "text", "")
        if not text:
            tokens.append((frag, ""))
            continue
        tokens.extend((frag, word) for word in _split_words(text))
    words: list[Any] = []
    for frag, word in _in_visual_order(tokens, rtl=rtl):
        if words and words[-1][0] is frag:
            words[-1][1].append(word)
        else:
            words.append((frag, [word]))
    return line.clone(words=[frag.clone(text=_concat(parts)) if hasattr(frag, "text") else frag for frag, parts in words])


def visual_lines(para_lines: Any, *, rtl: bool) -> Any:
    """A copy of a broken paragraph (``Paragraph.blPara``) with each line's words in visual order."""
    if para_lines.kind == 1:
        return para_lines.clone(lines=[_visual_frag_line(line, rtl=rtl) for line in para_lines.lines])
    lines = []
    for extra, words in para_lines.lines:
        tokens = [(None, piece) for i, word in enumerate(words) for piece in ([" ", word] if i else [word])]
        lines.append((extra, [text for _, text in _in_visual_order(tokens, rtl=rtl) if text != " "]))
    return para_lines.clone(lines=lines)
