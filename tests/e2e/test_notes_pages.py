"""The presenter's notes pages, read back with independent readers: pypdf for pages, pdftotext for words."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from reportgen.build.pipeline import build_pack
from support.tools import require_tool

REPO = Path(__file__).resolve().parents[2]
ENGLISH = REPO / "content" / "japan-defense.yaml"
JAPANESE = REPO / "content" / "japan-defense.ja.yaml"
_MARKS = re.compile(r"[\s•\-–]+")


def build(outline: Path, out: Path) -> tuple[list[str], list[str]]:
    """The deck's notes (python-pptx) and the notes pages' text (pdftotext), slide by slide and page by page."""
    files = {path.name: path for path in build_pack(outline, out_dir=out, formats="pptx,notes")}
    assert set(files) == {"deck.pptx", "notes.pdf"}
    prs = Presentation(str(files["deck.pptx"]))
    notes = [slide.notes_slide.notes_text_frame.text for slide in prs.slides]
    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, "-layout", str(files["notes.pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[: len(PdfReader(files["notes.pdf"]).pages)]
    return notes, pages


def squeezed(text: str) -> str:
    """*text* without spaces, line breaks or list marks, so wrapped lines compare with the notes' own."""
    return _MARKS.sub("", text)


def copy_outline(tmp_path: Path, change) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(change(ENGLISH.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_one_page_per_slide_each_with_its_slides_notes(tmp_path):
    notes, pages = build(ENGLISH, tmp_path)
    assert len(pages) == len(notes) > 5
    for number, (said, page) in enumerate(zip(notes, pages, strict=True), start=1):
        assert said.strip()
        assert squeezed(said) in squeezed(page), number
        assert f"Slide {number} of {len(notes)}" in page


def test_twenty_minutes_end_the_clock_at_twenty_and_every_share_is_at_least_the_floor(tmp_path):
    outline = copy_outline(tmp_path, lambda text: text.replace("  language: en\n", "  language: en\n  duration: 20\n", 1))
    _, pages = build(outline, tmp_path / "out")
    clocks = [re.search(r"(\d+(?:\.\d+)?) (s|min) · (\d+:\d\d) of (\d+:\d\d)", page) for page in pages]
    assert all(clocks), [i + 1 for i, found in enumerate(clocks) if not found]
    assert clocks[0].group(3) == "0:00"
    assert {found.group(4) for found in clocks} == {"20:00"}
    assert pages[-1].count("of 20:00") == 1
    for found in clocks:
        assert float(found.group(1)) * (60 if found.group(2) == "min" else 1) >= 30


def test_very_long_notes_continue_on_a_page_marked_continued(tmp_path):
    long = "".join(f"      Point {n}: the presenter has a great deal to say about this threat and says it slowly.\n" for n in range(120))
    outline = copy_outline(tmp_path, lambda text: text.replace("    notes: |\n", "    notes: |\n" + long, 1))
    notes, pages = build(outline, tmp_path / "out")
    assert len(pages) > len(notes)
    long_slide = next(i for i, said in enumerate(notes) if "Point 119:" in said)
    continued = [page for page in pages if f"Slide {long_slide + 1} of {len(notes)} (cont.)" in page]
    assert continued
    shown = squeezed("".join(pages))
    missing = [line for line in notes[long_slide].splitlines() if squeezed(line) not in shown]
    assert len(missing) <= len(continued), missing  # only a paragraph broken across a page turn reads apart
    assert "Point119:" in squeezed(continued[-1])


def test_same_input_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    made = [(out / "notes.pdf") for out in (tmp_path / "a", tmp_path / "b")]
    for path in made:
        build_pack(ENGLISH, out_dir=path.parent, formats="notes")
    assert made[0].read_bytes() == made[1].read_bytes()


def test_japanese_notes_are_extractable(tmp_path):
    notes, pages = build(JAPANESE, tmp_path)
    assert len(pages) == len(notes)
    assert any(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", said) for said in notes)
    for number, (said, page) in enumerate(zip(notes, pages, strict=True), start=1):
        assert squeezed(said) in squeezed(page), number
        assert f"スライド {number} / {len(notes)}" in page
