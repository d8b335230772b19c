"""Citations where the claims are: linked superscripts in the brief, source lines on the slides, one numbering."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation
from pptx.util import Pt
from pypdf import PdfReader

from reportgen.build.pipeline import build_pack

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "recommendations.yaml"
CITED_ORDER = ["Port traffic report", "Throughput statistics", "Berth survey", "Insurers and the straits"]
"""The fixture's sources in order of first citation: a point, a sub-point, a table row, a later point."""
CITATIONS = 7
"""Superscripts the fixture's brief shows: four points (one citing two sources), a row and two figures' source lines."""


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cited")
    build_pack(FIXTURE, out_dir=folder, formats="pdf,pptx")
    return folder


def _links(path: Path) -> list[tuple[int, str, int, float]]:
    """Every link annotation: (its page, the text under it, the page it goes to, the height it goes to)."""
    reader = PdfReader(path)
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    out = []
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(reader.pages):
            drawn = pdf.pages[index]
            for annotation in page.get("/Annots") or []:
                link = annotation.get_object()
                x0, y0, x1, y1 = (float(v) for v in link["/Rect"])
                text = drawn.crop((x0, drawn.height - y1, x1, drawn.height - y0)).extract_text().strip()
                target = link["/Dest"]
                out.append((index, text, pages[target[0].idnum], float(target[3])))
    return out


def _entries(path: Path) -> dict[int, tuple[int, float, str]]:
    """The numbered Sources entries: number -> (page, height of the line's top, the line's text).

    A link to an entry goes to its line's top less the line's leading: a few points above the glyphs."""
    found = {}
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            for line in page.extract_text_lines():
                match = re.match(r"(\d+)\.\s+(.*)", line["text"])
                if match and line["x0"] < 100:
                    found[int(match.group(1))] = (index, page.height - line["top"], match.group(2))
    return found


def test_each_citation_is_a_link_to_its_numbered_entry(pack):
    brief = pack / "brief.pdf"
    entries = {n: e for n, e in _entries(brief).items() if any(title in e[2] for title in CITED_ORDER)}
    assert sorted(entries) == [1, 2, 3, 4]
    citations = []
    for page, text, target_page, height in _links(brief):
        number = next((n for n, (p, top, _) in entries.items() if p == target_page and 0 <= height - top < 12), None)
        if number is not None:
            citations.append((page, text, number))
    assert len(citations) == CITATIONS
    for _, text, number in citations:
        assert text.lstrip(",").startswith(str(number)), (text, number)


def test_sources_are_numbered_in_order_of_first_citation_and_uncited_follow(pack):
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pack / "brief.pdf").pages)
    listed = text[text.rindex("Cited in this brief") :]
    positions = [listed.index(title) for title in CITED_ORDER]
    assert positions == sorted(positions)
    for number, title in enumerate(CITED_ORDER, start=1):
        assert re.search(rf"{number}\. [^^]*{title}", listed), title
    assert listed.index("Consulted, not cited") < listed.index("Background reading on ports")
    assert "pp. 4-5" in listed


def test_each_entry_links_back_to_its_first_citation(pack):
    brief = pack / "brief.pdf"
    entries = _entries(brief)
    back = [(page, target_page) for page, text, target_page, _ in _links(brief) if text == "^"]
    assert len(back) == len(CITED_ORDER)
    assert all(target_page <= page for page, target_page in back)
    assert all(entries[n][0] >= 1 for n in range(1, 5))


def _source_lines(path: Path) -> dict[int, tuple[str, float]]:
    """Slide number -> (its source line, its smallest type size in points)."""
    found = {}
    for number, slide in enumerate(Presentation(path).slides, start=1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for para in shape.text_frame.paragraphs:
                line = "".join(run.text for run in para.runs)
                if re.match(r"Sources?: ", line):
                    sizes = [run.font.size for run in para.runs if run.font.size is not None]
                    found[number] = (line, min(sizes) / Pt(1) if sizes else 0.0)
    return found


def _slide_titled(path: Path, title: str) -> int:
    for number, slide in enumerate(Presentation(path).slides, start=1):
        if slide.shapes.title is not None and slide.shapes.title.text_frame.text.startswith(title):
            return number
    raise AssertionError(f"no slide titled {title!r}")


def test_citing_slides_carry_a_source_line_of_short_forms(pack):
    deck = pack / "deck.pptx"
    lines = _source_lines(deck)
    ports = _slide_titled(deck, "Where the cargo goes")
    costs = _slide_titled(deck, "What a scare costs")
    table = _slide_titled(deck, "Container throughput by port")
    assert lines[ports][0] == "Sources: Kyodo News 2023; MoT 2024"
    assert lines[costs][0] == "Sources: Kyodo News 2023; The Japan Times 2022"
    assert lines[table][0].startswith("Sources: Ministry of Transport") and lines[table][0].endswith("; Harbour Board 2025")
    assert all(size >= 14 for _, size in lines.values())
    assert _slide_titled(deck, "Recommendations") not in lines


def test_slides_show_no_citation_numbers_or_links_back(pack):
    texts = [
        shape.text_frame.text
        for slide in Presentation(pack / "deck.pptx").slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert not any(re.search(r"ports\.\d|\^", text) for text in texts)
    assert not any(re.fullmatch(r"(Table|Figure) \d+\.", line.strip()) for text in texts for line in text.splitlines())
    assert any("Two thirds of container cargo passes through three ports.\n" in text for text in texts)
