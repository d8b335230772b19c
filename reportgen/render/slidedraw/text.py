"""A fitted text frame drawn on a canvas: the plan's lines, bullets, indents, alignment and anchor.

Each piece of a line is set at the offset the fitter measured it at
(:mod:`lines`), so the words sit where the deck's renderer (which was asked for
exactly those breaks and sizes) puts them, whatever small differences the
drawing face's kerning makes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportgen.render.pdf.strings import draw_line
from reportgen.render.pptx.text import BULLETS
from reportgen.render.slidedraw.fonts import font_for
from reportgen.render.slidedraw.lines import Line, break_lines
from reportgen.render.slidedraw.space import Place
from reportgen.scripts import needs_shaping
from reportgen.slides import flow
from reportgen.slides.faces import Faces, char_em
from reportgen.slides.fit import LINE_HEIGHT
from reportgen.slides.model import Frame, Para

BASELINE = 0.8
"""Where the baseline sits in a line, as a fraction of its pitch (the ascent share LibreOffice gives an exact-spaced line)."""


@dataclass(frozen=True)
class Ink:
    """The colours one frame is drawn in (hex without '#')."""

    text: str
    """Every paragraph's text, when one colour serves the whole frame."""
    by_para: tuple[str, ...] = ()
    """Per paragraph, where they differ (overrides :attr:`text`)."""
    accent: str = ""
    muted: str = ""

    def of(self, index: int) -> str:
        return self.by_para[index] if self.by_para else self.text


def draw_frame(canvas, place: Place, frame: Frame, faces: Faces, ink: Ink) -> None:
    """Draw *frame*'s paragraphs in its box (insets, anchor, space before each, line pitch 1.2)."""
    box = frame.box
    broken = [break_lines(p.runs, int(p.size), int(flow.text_width(box, p)), faces) if p.size else [] for p in frame.paras]
    height = sum(p.space_before + len(lines) * p.size * LINE_HEIGHT for p, lines in zip(frame.paras, broken, strict=True))
    room = box.h - 2 * flow.INSET_Y
    top = box.y + flow.INSET_Y + {"ctr": (room - height) / 2, "b": room - height}.get(frame.anchor or "t", 0.0)
    numbering: dict[int, int] = {}
    for index, (para, lines) in enumerate(zip(frame.paras, broken, strict=True)):
        top += para.space_before
        colour = ink.of(index)
        _bullet(canvas, place, para, box.x, top, faces, ink, colour, numbering)
        for line in lines:
            _line(canvas, place, para, line, box.x, top, box.w, faces, colour)
            top += para.size * LINE_HEIGHT


def _bullet(canvas, place: Place, para: Para, left: float, top: float, faces: Faces, ink: Ink, colour: str, numbering: dict[int, int]) -> None:
    if para.kind not in ("bullet", "number") or para.continued:
        return
    mark = f"{para.number}." if para.kind == "number" else BULLETS[min(para.level, 2)]
    key = "Helvetica-Bold" if para.kind == "number" and all(r.bold for r in para.runs) else "Helvetica"
    x = left + flow.INSET_X + para.margin - min(para.hang, para.margin)
    bullet_colour = (ink.accent if para.level == 0 else ink.muted) or colour
    _text(canvas, place, x, top + para.size * LINE_HEIGHT * BASELINE, mark, key, para.size, faces, bullet_colour)


def _line(canvas, place: Place, para: Para, line: Line, left: float, top: float, width: float, faces: Faces, colour: str) -> None:
    start = left + flow.INSET_X + para.margin
    room = width - 2 * flow.INSET_X - para.margin
    used = line.width * para.size
    shift = {"ctr": (room - used) / 2, "r": room - used}.get(para.align or "l", 0.0)
    baseline = top + para.size * LINE_HEIGHT * BASELINE
    rtl = any(unicodedata.bidirectional(ch) in ("R", "AL") for piece in line.pieces for ch in piece.text)
    for piece in line.pieces:
        if not (rtl or needs_shaping(piece.text)):
            _text(canvas, place, start + shift + piece.x * para.size, baseline, piece.text, piece.key, para.size, faces, colour)
            continue
        # a script that joins or reorders its letters: each word shaped as the brief shapes it, and on a
        # right-to-left line the words placed from the right, where the fitter measured them
        wide = sum(char_em(ch, piece.key, faces) for ch in piece.text) * para.size
        x = start + shift + (used - piece.x * para.size - wide if rtl else piece.x * para.size)
        canvas.setFillColor("#" + colour)
        draw_line(canvas, place.px(x), place.py(baseline), piece.text, font_for(piece.key, _first_letter(piece.text), faces), place.length(para.size), rtl=rtl)


def _text(canvas, place: Place, x: float, baseline: float, text: str, key: str, size: float, faces: Faces, colour: str) -> None:
    """*text* from slide point (x, baseline), each character in a font that has it, at its measured advance."""
    points = place.length(size)
    canvas.setFillColor("#" + colour)
    for run, font in _by_font(text, key, faces):
        canvas.setFont(font, points)
        canvas.drawString(place.px(x), place.py(baseline), run)
        x += sum(char_em(ch, key, faces) for ch in run) * size


def _first_letter(text: str) -> str:
    """The character that decides a shaped word's font: its first that is not a space or a mark of punctuation."""
    return next((ch for ch in text if ch.isalpha()), text[:1] or " ")


def _by_font(text: str, key: str, faces: Faces) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ch in text:
        font = font_for(key, ch, faces)
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + ch, font)
        else:
            out.append((ch, font))
    return out
