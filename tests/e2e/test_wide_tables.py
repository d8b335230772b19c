"""A pack with a 30-column table, built through the command line: the brief turns it, the deck continues it on a slide to the right."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[2]


def test_a_thirty_column_table_builds_a_pack(tmp_path: Path) -> None:
    columns = ", ".join(f"Q{i + 1}" for i in range(30))
    rows = "".join(f"\n          - [{', '.join(str((i + r) * 7 % 100) for i in range(30))}]" for r in range(4))
    figure = (
        "      - id: wide\n        type: table\n        title: Quarterly values\n        caption: Thirty quarters.\n"
        f"        columns: [{columns}]\n        rows:{rows}\n        source: src\nsources:"
    )
    base = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    (tmp_path / "outline.yaml").write_text(base.replace("sources:", figure, 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", "outline.yaml", "-o", "pack"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    pages = PdfReader(tmp_path / "pack" / "brief.pdf").pages
    turned = [p for p in pages if float(p.mediabox.width) > float(p.mediabox.height)]
    assert len(turned) == 1 and "Q30" in turned[0].extract_text() and "Thirty quarters." in turned[0].extract_text()
    assert len(pages) - len(turned) >= 3  # the cover and body pages stay portrait
    deck = Presentation(str(tmp_path / "pack" / "deck.pptx"))
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    wide = [table for table in tables if table.cell(0, 0).text == "Q1"]
    assert len(wide) >= 2  # continued on a slide to the right, the first column repeated
    assert [table.cell(0, i).text for table in wide for i in range(1, len(table.columns))] == [f"Q{i + 2}" for i in range(29)]
    assert all(sum(c.width for c in table.columns) <= deck.slide_width for table in tables)
