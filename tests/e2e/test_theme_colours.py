"""A set that names only its primary colour gets charts, table headers and boxes in it, in both files."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from reportgen.build.pipeline import build_pack

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "recommendations.yaml"
BURGUNDY = "7A1F2B"


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("burgundy")
    (folder / "set").mkdir()
    (folder / "set" / "theme.yaml").write_text(f"extends: default\ncolours:\n  primary: '#{BURGUNDY}'\n", encoding="utf-8")
    build_pack(FIXTURE, template=folder / "set", out_dir=folder / "out", formats="pdf,pptx")
    return folder / "out"


def _rgb(colour: object) -> str | None:
    if isinstance(colour, (tuple, list)) and len(colour) == 3:
        return "".join(f"{round(float(v) * 255):02X}" for v in colour)
    return None


def test_the_brief_fills_table_headers_and_chart_bars_with_the_primary(pack):
    with pdfplumber.open(pack / "brief.pdf") as pdf:
        fills = [_rgb(rect.get("non_stroking_color")) for page in pdf.pages for rect in page.rects]
    assert fills.count(BURGUNDY) >= 4  # the table's header row cells and the chart's three bars
    assert "1B365D" not in fills  # nothing left in reportgen's navy


def test_the_deck_fills_its_table_header_and_first_series_with_the_primary(pack):
    deck = Presentation(pack / "deck.pptx")
    headers = [
        shape.table.cell(0, 0).fill.fore_color.rgb
        for slide in deck.slides for shape in slide.shapes if shape.has_table
    ]
    assert headers and all(str(rgb) == BURGUNDY for rgb in headers)
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert charts
    xml = charts[0].part.blob.decode("utf-8")
    assert f'val="{BURGUNDY}"' in xml
