"""Recommendations: a numbered part after the last section and their own slide, in the default and executive sets."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from reportgen.build.pipeline import build_pack
from support.readers import deck_texts, squash

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "recommendations.yaml"
TEXTS = [
    "Fund a second container terminal away from the three main ports.",
    "Agree a state backstop for war-risk insurance before the next scare.",
    "Review night-shift rules for dock labour.",
]


@pytest.fixture(scope="module", params=["default", "executive"])
def pack(request, tmp_path_factory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp(request.param)
    build_pack(FIXTURE, template=request.param, out_dir=folder, formats="pdf,pptx")
    return request.param, folder


def _brief_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def test_the_brief_numbers_them_after_the_last_section_with_owner_date_and_priority(pack):
    _, folder = pack
    text = squash(_brief_text(folder / "brief.pdf"))
    last_section = text.index(squash("What a scare costs"))
    heading = text.index("Recommendations", last_section)
    for number, recommendation in enumerate(TEXTS, start=1):
        assert text.index(f"{number}.{squash(recommendation)}", heading) > heading
    assert squash("Owner: Ministry of Transport · By 31 March 2027 · Priority: High") in text
    assert squash("Owner: Treasury · Priority: Medium") in text


def test_the_deck_gives_them_a_slide_with_notes(pack):
    _, folder = pack
    deck = Presentation(folder / "deck.pptx")
    slides = [s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text_frame.text.startswith("Recommendations")]
    assert len(slides) == 1
    body = squash("\n".join(shape.text_frame.text for shape in slides[0].shapes if shape.has_text_frame))
    assert all(squash(text) in body for text in TEXTS)
    assert squash("Ministry of Transport · 31 March 2027") in body
    notes = slides[0].notes_slide.notes_text_frame.text
    assert "Ask the room for a decision on the first recommendation." in notes


def test_an_outline_without_them_has_no_recommendations_part(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    start, end = text.index("recommendations:"), text.index("sources:")
    bare = tmp_path / "bare.yaml"
    bare.write_text(text[:start] + text[end:], encoding="utf-8")
    build_pack(bare, out_dir=tmp_path / "out", formats="pdf,pptx")
    assert "Recommendations" not in _brief_text(tmp_path / "out" / "brief.pdf")
    assert not any("Recommendations" in text for text in deck_texts(tmp_path / "out" / "deck.pptx"))


def test_the_executive_brief_fills_its_two_pages(tmp_path):
    build_pack(template="executive", out_dir=tmp_path, formats="pdf")
    with pdfplumber.open(tmp_path / "brief.pdf") as pdf:
        fills = [_fill(page) for page in pdf.pages]
    assert len(fills) == 2
    assert fills[0] >= 0.8 and min(fills) >= 0.5, fills


def _fill(page) -> float:
    """How far down the text frame (A4, 22 mm margins, the default set's page) the page's text reaches."""
    margin = 22 * 72 / 25.4
    top, bottom = margin, page.height - margin
    lows = [word["bottom"] for word in page.extract_words() if word["top"] >= top - 1 and word["bottom"] <= bottom + 1]
    return (max(lows, default=top) - top) / (bottom - top)
