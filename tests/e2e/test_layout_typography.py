"""The brief's typography over three outlines, measured on the built PDF: no heading or box title
ends a page, and the last page is never a stranded few lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.render.pdf.styles import Geometry
from reportgen.templating.sets import load_set
from support.pdf_layout import last_page_fill, stranded

REPO = Path(__file__).resolve().parents[2]
OUTLINES = ["content/japan-defense.yaml", "tests/fixtures/stress.yaml", "tests/fixtures/fifteen-sections.yaml"]
LAST_PAGE_FILL = 0.2


@pytest.fixture(scope="module", params=OUTLINES, ids=lambda path: Path(path).stem)
def brief(request, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp(Path(request.param).stem)
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(REPO / request.param), "-o", str(folder), "-f", "pdf"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return folder / "brief.pdf"


@pytest.fixture(scope="module")
def theme():
    return load_set("default", cwd=REPO).theme


def test_no_heading_or_box_title_ends_a_page(brief: Path, theme) -> None:
    assert stranded(brief, Geometry.from_theme(theme), theme.brief.sizes.small + 1) == []


def test_the_last_page_reaches_a_fifth_of_the_frame(brief: Path, theme) -> None:
    assert last_page_fill(brief, Geometry.from_theme(theme)) >= LAST_PAGE_FILL
