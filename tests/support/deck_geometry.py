"""Where LibreOffice really draws a deck's words, compared with the boxes of the shapes they belong to."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pptx import Presentation

EMU_PER_PT = 12700
_MARKER = re.compile(r"[•–·]|\d+\.")
"""Bullets and list numbers: drawn by the client, they belong to any text shape."""


@dataclass(frozen=True)
class ShapeBox:
    name: str
    left: float
    top: float
    right: float
    bottom: float
    text: str | None
    """The shape's text, or None for a chart (whose labels are not in a text frame)."""

    def holds(self, x0: float, top: float, x1: float, bottom: float, tolerance: float) -> bool:
        return (
            x0 >= self.left - tolerance
            and x1 <= self.right + tolerance
            and top >= self.top - tolerance
            and bottom <= self.bottom + tolerance
        )


@dataclass(frozen=True)
class Stray:
    slide: int
    word: str
    why: str


def shape_boxes(deck: Path) -> tuple[list[list[ShapeBox]], float, float]:
    presentation = Presentation(deck)
    slides = []
    for slide in presentation.slides:
        boxes = []
        for shape in slide.shapes:
            if shape.left is None:
                continue
            if shape.has_text_frame:
                text: str | None = shape.text_frame.text
            elif getattr(shape, "has_table", False) and shape.has_table:
                text = " ".join(cell.text for row in shape.table.rows for cell in row.cells)
            elif getattr(shape, "has_chart", False) and shape.has_chart:
                text = None
            else:
                text = ""
            boxes.append(
                ShapeBox(
                    shape.name,
                    shape.left / EMU_PER_PT,
                    shape.top / EMU_PER_PT,
                    (shape.left + shape.width) / EMU_PER_PT,
                    (shape.top + shape.height) / EMU_PER_PT,
                    None if text is None else " ".join(text.replace("\x0b", " ").split()),
                )
            )
        slides.append(boxes)
    return slides, presentation.slide_width / EMU_PER_PT, presentation.slide_height / EMU_PER_PT


def stray_words(deck: Path, rendered: Path, tolerance: float = 3.0) -> tuple[int, list[Stray]]:
    """Every word of the rendered PDF that is off its slide or outside the box of a shape holding it."""
    slides, width, height = shape_boxes(deck)
    stray: list[Stray] = []
    total = 0
    with pdfplumber.open(rendered) as pdf:
        assert len(pdf.pages) == len(slides), (len(pdf.pages), len(slides))
        for number, (page, boxes) in enumerate(zip(pdf.pages, slides, strict=True), start=1):
            sx, sy = page.width / width, page.height / height
            for word in page.extract_words():
                total += 1
                x0, x1, top, bottom = word["x0"] / sx, word["x1"] / sx, word["top"] / sy, word["bottom"] / sy
                if x0 < 0 or top < 0 or x1 > width or bottom > height:
                    stray.append(Stray(number, word["text"], "off the slide"))
                    continue
                if _CID.fullmatch(word["text"]):  # a glyph LibreOffice's PDF gives no character: nothing to match
                    continue
                marker = _MARKER.fullmatch(word["text"]) is not None or _MARKER.fullmatch(word["text"][::-1]) is not None
                forms = (word["text"], word["text"][::-1])  # a right-to-left override draws a word reversed
                owners = [b for b in boxes if b.text is None or (marker and b.text) or (b.text and any(f in b.text for f in forms))]
                if not any(b.text for b in owners):  # right-to-left text comes out in glyph order: match its letters
                    owners += [b for b in boxes if b.text and _letters_in(word["text"], b.text)]
                if not owners:
                    stray.append(Stray(number, word["text"], "in no shape's text"))
                elif not any(b.holds(x0, top, x1, bottom, tolerance) for b in owners):
                    stray.append(Stray(number, word["text"], "outside its shape"))
    return total, stray


_CID = re.compile(r"(?:\(cid:\d+\))+")


def _letters(text: str) -> Counter[str]:
    """The letters of *text* whatever their order and form: compatibility forms folded (Arabic
    presentation forms, ligatures), marks and unmapped glyphs ``(cid:N)`` left out."""
    folded = unicodedata.normalize("NFKD", _CID.sub("", text))
    return Counter(char for char in folded if not unicodedata.category(char).startswith(("M", "Z", "C", "P")))


def _letters_in(word: str, text: str) -> bool:
    """Whether some word of *text* has every letter of the rendered *word* (in glyph order, so reordered)."""
    wanted = _letters(word)
    return bool(wanted) and any(wanted <= _letters(candidate) for candidate in text.split())
