"""A paragraph broken into the lines the fitter counted, with each piece's place on its line.

The breaking walks the fitter's own tokens (:func:`reportgen.slides.fit.tokens`)
by the same rule as its line count, but over the whole line width: the fitter
keeps a margin (:data:`reportgen.slides.fit.WIDTH_SLACK`) so that its count is
never short, while PowerPoint and LibreOffice fill the line, and the picture
must show the deck's lines (so it never has more lines than the fitter counted).
Each piece keeps the metric key it was measured in, which names the font it is
drawn in (:mod:`fonts`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.document.model import Runs
from reportgen.slides import fit
from reportgen.slides.faces import AUTOSPACE, Faces, char_em


@dataclass(frozen=True)
class Piece:
    x: float
    """Offset from the line's start, in ems of the paragraph's size."""
    text: str
    key: str
    """The metric key it was measured with (``Helvetica-Bold``, ``Noto Sans CJK JP|0``...)."""


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    width: float
    """In ems, trailing spaces left out (what alignment centres or right-aligns)."""


def break_lines(runs: Runs, size: int, width: int, faces: Faces) -> list[Line]:
    """*runs* at *size* (EMU) in a line *width* (EMU) wide, as a deck's renderer breaks them."""
    limit = width / size
    lines: list[Line] = []
    current: list[Piece] = []
    x, pending, start = 0.0, 0.0, True

    def end_line() -> None:
        lines.append(Line(tuple(p for p in current if p.key != AUTOSPACE), x))
        current.clear()

    with fit.measuring(faces):
        toks = fit.tokens(runs)
    for tok in toks:
        if tok.kind == fit._SPACE:
            if not start:
                pending += tok.em
        elif tok.kind == fit._WORD:
            if not start and x + pending + tok.em <= limit:
                x = _place(current, tok.pieces, x + pending, faces)
            else:
                if not start:
                    end_line()
                x = _place_breaking(current, lines, tok, limit, faces)
                start = False
            pending = 0.0
        else:
            end_line()
            x, pending, start = 0.0, 0.0, True
    end_line()
    return lines


def _em(text: str, key: str, faces: Faces) -> float:
    return sum(char_em(ch, key, faces) for ch in text)


def _place(line: list[Piece], pieces: tuple[tuple[str, str], ...], x: float, faces: Faces) -> float:
    for text, key in pieces:
        line.append(Piece(x, text, key))
        x += _em(text, key, faces)
    return x


def _place_breaking(line: list[Piece], lines: list[Line], tok: fit.Token, limit: float, faces: Faces) -> float:
    """A word at a line's start, split between characters where it is wider than the line (as the fitter does)."""
    if tok.em <= limit:
        return _place(line, tok.pieces, 0.0, faces)
    x = 0.0
    for text, key in tok.pieces:
        for ch in text:
            w = char_em(ch, key, faces)
            if x > 0 and x + w > limit:
                lines.append(Line(tuple(line), x))
                line.clear()
                x = 0.0
            line.append(Piece(x, ch, key))
            x += w
    return x
