"""Readable from the back of the room, in a real client's rendering: LibreOffice draws no character below its floor.

Each deck is planned and written here from one Document, then converted to PDF by LibreOffice (one run a
deck). pdfplumber gives every drawn character's size, scaled from the PDF page to the slide (LibreOffice
makes the page the slide's size, so the scale is 1 unless that changes). A character is classified by
*where it is drawn*, against the plan of its slide: inside the smallest planned region that holds its
centre, which is a title (its own floor, 12 pt), a text frame (body text at the theme's minimum; a frame of
only captions and sources at 14 pt), a figure (chart axis, category and data labels, table text: 14 pt)
or the furniture (slide number, marking, date: 10 pt). A character outside every region must still be at
least the lowest floor, 10 pt. Regions are the plan's boxes, grown by a small margin, since LibreOffice sets
the last line's descenders and a chart's outer labels at the very edge of their shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from reportgen.build.pipeline import prepare, write_markdown
from reportgen.document.markdown import parse_markdown
from reportgen.render.pptx import render_pptx
from reportgen.render.pptx.master import open_master
from reportgen.slides.model import SlidePlan, TablePlan
from reportgen.slides.plan import TITLE_FLOOR, plan_deck
from reportgen.slides.units import Box, Emu, Pt
from support.readers import libreoffice_pdf
from support.tools import require_tool

REPO = Path(__file__).resolve().parents[2]
OUTLINES = {
    "default": REPO / "content" / "japan-defense.yaml",
    "stress": REPO / "tests" / "fixtures" / "stress.yaml",
    "japanese": REPO / "content" / "japan-defense.ja.yaml",
}
MARGIN = Pt(4)
TOLERANCE = 0.05
"""Points: the PDF's sizes are the slide's sizes scaled by a float."""
CAPTION_KINDS = {"caption", "source"}
SMALL_PRINT = 14.0
"""Captions, sources, chart labels and table text (the issue's size, not the planner's constant)."""
FURNITURE = 10.0


@dataclass(frozen=True)
class Region:
    box: Box
    floor: float
    what: str

    def holds(self, x: float, y: float) -> bool:
        b = self.box
        return b.x - MARGIN <= x <= b.right + MARGIN and b.y - MARGIN <= y <= b.bottom + MARGIN


def regions(plan: SlidePlan, body_min: float) -> list[Region]:
    """The slide's planned regions, each with the floor of what is set in it."""
    out = [Region(plan.title.box, TITLE_FLOOR.pt, "title")] if plan.title else []
    for frame in plan.frames:
        small = all(p.kind in CAPTION_KINDS for p in frame.paras)
        out.append(Region(frame.box, SMALL_PRINT if small else body_min, "caption" if small else "body"))
    if plan.figure is not None:
        box = plan.figure.box
        if isinstance(plan.figure, TablePlan):
            box = Box(box.x, box.y, Emu(sum(plan.figure.columns)), Emu(sum(plan.figure.row_heights)))
        out.append(Region(box, SMALL_PRINT, "figure"))
    out.extend(Region(frame.box, FURNITURE, "furniture") for frame in plan.furniture)
    return out


@pytest.fixture(scope="module")
def soffice() -> str:
    return require_tool("soffice")


@pytest.mark.parametrize("outline", list(OUTLINES))
def test_no_character_is_drawn_below_its_floor(tmp_path, soffice, outline):
    prepared = prepare(OUTLINES[outline], "default")
    document = parse_markdown(write_markdown(prepared, "pptx"), prepared.info, prepared.figures, sources=prepared.sources, origin="deck.md.j2",
                              folders=prepared.template_folders)
    theme = prepared.theme
    master = open_master(theme)
    plans = plan_deck(document, theme, master)
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(render_pptx(document, theme))
    slide_w = Emu(master.prs.slide_width).pt
    body_min = min(theme.deck.sizes.body, theme.deck.sizes.body_min)
    low: list[tuple[int, str, str, float, float]] = []
    seen: dict[str, int] = {}
    with pdfplumber.open(libreoffice_pdf(deck, tmp_path, soffice)) as pdf:
        assert len(pdf.pages) == len(plans)
        for page, plan in zip(pdf.pages, plans, strict=True):
            scale = slide_w / float(page.width)
            places = regions(plan, body_min)
            for char in page.chars:
                if not char["text"].strip():
                    continue
                x, y = Pt((char["x0"] + char["x1"]) / 2 * scale), Pt((char["top"] + char["bottom"]) / 2 * scale)
                holding = [r for r in places if r.holds(x, y)]
                place = min(holding, key=lambda r: r.box.w * r.box.h) if holding else Region(Box(Emu(0), Emu(0), Emu(0), Emu(0)), FURNITURE, "elsewhere")
                seen[place.what] = seen.get(place.what, 0) + 1
                size = float(char["size"]) * scale
                if size < place.floor - TOLERANCE:
                    low.append((plan.number, place.what, char["text"], round(size, 2), place.floor))
    assert seen.get("body", 0) > 500 and seen.get("furniture", 0) >= len(plans)  # the classification found the text
    if outline != "stress":
        assert seen.get("figure", 0) > 50 and seen.get("caption", 0) > 50
    assert low == [], low[:20]
