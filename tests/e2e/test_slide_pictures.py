"""The slide pictures match the deck: each frame's text lies where LibreOffice draws it from deck.pptx.

For every slide and every text frame of its plan, the box around the frame's
characters in the picture (drawn by :mod:`reportgen.render.slidedraw`, one
slide a page at the slide's size) lies within 2% of the slide's width and
height of the box around the same characters in LibreOffice's PDF of the deck.
One LibreOffice run per deck: the default pack, the Japanese outline, and the
default pack on a dark corporate master. Frames with italic runs are left out:
the fitter measures italic as upright, so where the italic face is narrower
(Carlito's, on the dark master) LibreOffice fits more on a line than the plan.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from reportgen.build import pipeline
from reportgen.document.markdown import parse_markdown
from reportgen.render import base
from reportgen.render.slidedraw import DeckDrawing, deck_drawing
from reportgen.slides.units import EMU_PER_PT
from support import masters
from support.readers import libreoffice_pdf
from support.tools import require_tool

REPO = Path(__file__).resolve().parents[2]
TOLERANCE = 0.02
NEAR = 0.04
"""How far (across plus down, as fractions of the slide) a drawn character's match may lie."""
REACH = 0.06
"""How far outside a frame's box LibreOffice's characters are looked for (a fraction of the slide); each drawn
character is matched with LibreOffice's nearest character of the same text."""


def _drawing(outline: Path, reference: Path | None) -> DeckDrawing:
    prepared = pipeline.prepare(outline, "default", reference)
    spec = base.get("pptx")
    markdown = pipeline.write_markdown(prepared, "pptx")
    document = parse_markdown(markdown, prepared.info, prepared.figures, sources=prepared.sources, origin=spec.template, folders=prepared.template_folders)
    return deck_drawing(document, prepared.theme)


def _pictures(drawing: DeckDrawing, path: Path) -> Path:
    width, height = drawing.width / EMU_PER_PT, drawing.height / EMU_PER_PT
    canvas = Canvas(str(path), pagesize=(width, height))
    for index in range(len(drawing.plans)):
        drawing.draw(canvas, index, 0, 0, width)
        canvas.showPage()
    canvas.save()
    return path


def _chars(page, wanted: set[str], region: tuple[float, float, float, float]) -> list[dict]:
    """*page*'s characters of *wanted* whose centres lie in *region* (fractions of the page: left, top, right, bottom)."""
    left, top, right, bottom = region
    return [c for c in page.chars if c["text"] in wanted and left <= (c["x0"] + c["x1"]) / 2 / page.width <= right
            and top <= (c["top"] + c["bottom"]) / 2 / page.height <= bottom]


def _nearest(char: dict, candidates: list[dict], page) -> dict | None:
    """The candidate with *char*'s text nearest to it (in fractions of the page), if one is within :data:`NEAR`.
    None too where LibreOffice drew a ligature (Carlito's "tt"), which pdfplumber reads as one character."""
    def distance(c: dict) -> float:
        return abs(c["x0"] / page.width - char["x0"] / page.width) + abs(c["top"] / page.height - char["top"] / page.height)

    same = [c for c in candidates if c["text"] == char["text"] and distance(c) <= NEAR]
    return min(same, key=distance) if same else None


def _box(chars: list[dict], page) -> tuple[float, float, float, float]:
    """The box (x0, top, x1, bottom, as fractions of the page) around *chars*."""
    return (min(c["x0"] for c in chars) / page.width, min(c["top"] for c in chars) / page.height,
            max(c["x1"] for c in chars) / page.width, max(c["bottom"] for c in chars) / page.height)


def _compare(drawing: DeckDrawing, picture: Path, deck_pdf: Path) -> int:
    compared = 0
    with pdfplumber.open(picture) as ours, pdfplumber.open(deck_pdf) as theirs:
        assert len(ours.pages) == len(theirs.pages) == len(drawing.plans)
        for number, (plan, mine, lo) in enumerate(zip(drawing.plans, ours.pages, theirs.pages, strict=True), start=1):
            for frame in ((plan.title,) if plan.title else ()) + plan.frames + plan.furniture:
                wanted = {ch for para in frame.paras for run in para.runs for ch in run.text if not ch.isspace()}
                if not wanted or any(run.italic for para in frame.paras for run in para.runs):
                    continue  # italic is measured and drawn upright; an italic face narrower than its upright one wraps sooner
                b = frame.box
                region = (b.x / drawing.width, b.y / drawing.height, b.right / drawing.width, b.bottom / drawing.height)
                reach = (region[0] - REACH, region[1] - REACH, region[2] + REACH, region[3] + REACH)
                drawn = _chars(mine, wanted, region)
                candidates = _chars(lo, wanted, reach)
                matched = [m for m in (_nearest(c, candidates, lo) for c in drawn) if m is not None]
                assert drawn and len(matched) >= 0.8 * len(drawn), (number, frame.name)
                found, expected = _box(drawn, mine), _box(matched, lo)
                for side, (a, e) in enumerate(zip(found, expected, strict=True)):
                    assert abs(a - e) <= TOLERANCE, f"slide {number}, {frame.name or frame.role}: side {side} at {a:.3f}, LibreOffice {e:.3f}"
                compared += 1
    return compared


@pytest.mark.parametrize("case", ["default", "japanese", "dark"])
def test_pictures_match_libreoffices_rendering_of_the_deck(case, tmp_path):
    soffice = require_tool("soffice")
    outline = REPO / "content" / "japan-defense.ja.yaml" if case == "japanese" else pipeline.default_outline()
    reference = masters.dark(tmp_path / "dark.pptx") if case == "dark" else None
    (deck,) = pipeline.build_pack(outline, out_dir=tmp_path / "pack", formats="pptx", reference_pptx=reference)
    drawing = _drawing(outline, reference)
    compared = _compare(drawing, _pictures(drawing, tmp_path / "pictures.pdf"), libreoffice_pdf(deck, tmp_path, soffice))
    assert compared >= 2 * len(drawing.plans)
