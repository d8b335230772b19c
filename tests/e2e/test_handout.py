"""The audience handout read back with readers reportgen does not use: pages (pypdf), text (pdftotext), slides (python-pptx)."""

from __future__ import annotations

import subprocess
from math import ceil
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from reportgen import build_pack
from support.readers import squash
from support.tools import assert_qpdf_accepts, require_tool

REPO = Path(__file__).resolve().parents[2]
OUTLINE = REPO / "content" / "japan-defense.yaml"


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    """The default pack's deck and handout."""
    folder = tmp_path_factory.mktemp("handout") / "pack"
    written = build_pack(OUTLINE, out_dir=folder, formats="pptx,handout", parallel=False)
    assert [path.name for path in written] == ["deck.pptx", "handout.pdf"]
    return folder


@pytest.fixture(scope="module")
def slides(pack) -> list:
    return list(Presentation(str(pack / "deck.pptx")).slides)


def handout_in(tmp_path: Path, theme: str) -> Path:
    """handout.pdf built with a copy of the default set whose theme adds *theme* (``handout:`` keys)."""
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "theme.yaml").write_text(f"extends: default\nhandout:\n{theme}", encoding="utf-8")
    (written,) = build_pack(OUTLINE, template=folder, out_dir=tmp_path / "pack", formats="handout", parallel=False)
    return written


def pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def page_text(path: Path, page: int | None = None) -> str:
    pdftotext = require_tool("pdftotext")
    span = ["-f", str(page), "-l", str(page)] if page is not None else []
    return subprocess.run([pdftotext, *span, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_default_handout_has_three_slides_a_page(pack, slides):
    assert len(slides) > 6
    assert pages(pack / "handout.pdf") == ceil(len(slides) / 3)
    assert_qpdf_accepts(pack / "handout.pdf")


def test_every_slide_title_is_in_the_handout(pack, slides):
    text = squash(page_text(pack / "handout.pdf"))
    titles = [slide.shapes.title.text for slide in slides if slide.shapes.title is not None and slide.shapes.title.text.strip()]
    assert len(titles) == len(slides)
    missing = [title for title in titles if squash(title) not in text]
    assert not missing, missing


def test_each_page_is_headed_by_the_talk_and_its_date_and_numbered(pack):
    total = pages(pack / "handout.pdf")
    for page in (1, total):
        text = page_text(pack / "handout.pdf", page)
        assert "Japan's Defense Policy and Its Asian Allies" in text and "15 January 2025" in text
        assert f"Page {page} of {total}" in text


@pytest.mark.parametrize("per_page", [1, 2, 4, 6])
def test_the_theme_chooses_how_many_slides_a_page(tmp_path, slides, per_page):
    handout = handout_in(tmp_path, f"  per_page: {per_page}\n")
    assert pages(handout) == ceil(len(slides) / per_page)


def test_a_closing_page_gives_the_bottom_line_and_the_sources(tmp_path, slides):
    handout = handout_in(tmp_path, "  closing_page: true\n")
    total = pages(handout)
    assert total == ceil(len(slides) / 3) + 1
    last = squash(page_text(handout, total))
    by_title = {slide.shapes.title.text: slide for slide in slides if slide.shapes.title is not None}
    for title in ("Bottom line up front", "Sources"):
        points = [para.text for shape in by_title[title].placeholders if shape.placeholder_format.idx != 0
                  for para in shape.text_frame.paragraphs if para.text.strip()]
        assert len(points) >= 3, title
        assert squash(title) in last
        missing = [point for point in points if squash(point) not in last]
        assert not missing, missing
    assert "Bottomlineupfront" not in squash(page_text(handout, total - 1))  # the last slide page has no summary slide


def test_the_same_input_gives_the_same_bytes(pack, tmp_path):
    (again,) = build_pack(OUTLINE, out_dir=tmp_path / "again", formats="handout", parallel=False)
    assert again.read_bytes() == (pack / "handout.pdf").read_bytes()


def test_a_per_page_the_handout_cannot_draw_is_an_error_naming_the_key(tmp_path):
    from reportgen.errors import ReportgenError

    with pytest.raises(ReportgenError) as raised:
        handout_in(tmp_path, "  per_page: 5\n")
    assert "handout.per_page" in raised.value.one_line()
