"""The default pack, built from the command line and opened with readers reportgen does not use."""

from __future__ import annotations

import subprocess

import pytest
from pptx import Presentation
from pypdf import PdfReader

from reportgen.build.pipeline import default_outline
from reportgen.outline import load_outline
from support.readers import deck_texts, libreoffice_pdf, outline_points, pdf_text, squash
from support.tools import require_tool


@pytest.fixture(scope="module")
def outline():
    return load_outline(default_outline())


def test_every_point_is_in_the_brief(default_pack, outline):
    text = squash(pdf_text(default_pack / "brief.pdf"))
    missing = [p for p in outline_points(outline) if squash(p) not in text]
    assert missing == []


def test_every_point_is_in_the_deck(default_pack, outline):
    text = squash("".join(deck_texts(default_pack / "deck.pptx")))
    missing = [p for p in outline_points(outline) if squash(p) not in text]
    assert missing == []


def test_brief_metadata_and_bookmarks(default_pack, outline):
    reader = PdfReader(default_pack / "brief.pdf")
    meta = reader.metadata
    assert meta.title == outline.meta.title
    assert meta.author == outline.meta.author
    assert "Quad" in (meta.get("/Keywords") or "")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    for section in outline.sections:
        assert any(section.title in title for title in titles), (section.title, titles)
    assert len(reader.pages) >= 5


def test_marking_and_page_x_of_y_on_every_page(default_pack, outline):
    reader = PdfReader(default_pack / "brief.pdf")
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert outline.meta.marking in text, number
        if number > 1:
            assert f"{number} of {total}" in text, number


def test_deck_chart_is_native_and_notes_are_on_content_slides(default_pack):
    deck = Presentation(default_pack / "deck.pptx")
    charts = [shape for slide in deck.slides for shape in slide.shapes if getattr(shape, "has_chart", False) and shape.has_chart]
    assert charts, "no native chart in the deck"
    assert list(charts[0].chart.plots[0].categories) == ["FY2022", "FY2023", "FY2024", "FY2025"]
    tables = [shape for slide in deck.slides for shape in slide.shapes if getattr(shape, "has_table", False) and shape.has_table]
    assert tables and tables[0].table.cell(0, 0).text == "Threat"
    content = [
        s for s in deck.slides if any(getattr(sh, "has_chart", False) and sh.has_chart or getattr(sh, "has_table", False) and sh.has_table for sh in s.shapes)
    ]
    for slide in content:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()


def test_deck_core_properties_and_marking(default_pack, outline):
    deck = Presentation(default_pack / "deck.pptx")
    assert deck.core_properties.title == outline.meta.title
    assert deck.core_properties.author == outline.meta.author
    assert deck.slide_width * 9 == deck.slide_height * 16
    for index, text in enumerate(deck_texts(default_pack / "deck.pptx")):
        assert outline.meta.marking in text, index


def test_qpdf_accepts_the_brief(default_pack):
    qpdf = require_tool("qpdf")
    result = subprocess.run([qpdf, "--check", str(default_pack / "brief.pdf")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_libreoffice_opens_the_deck_with_every_slide(default_pack, tmp_path):
    soffice = require_tool("soffice")
    rendered = libreoffice_pdf(default_pack / "deck.pptx", tmp_path, soffice)
    assert len(PdfReader(rendered).pages) == len(Presentation(default_pack / "deck.pptx").slides)
