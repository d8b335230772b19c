"""Typography and languages: the Japanese edition, embedded fonts, mixed scripts, missing-glyph warnings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.outline import load_outline
from support.readers import markdown_plain, squash
from support.tools import assert_qpdf_accepts, require_tool

REPO = Path(__file__).resolve().parents[2]
JA = REPO / "content" / "japan-defense.ja.yaml"
SMALL = REPO / "tests" / "fixtures" / "small.yaml"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def ja_pack(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ja")
    result = subprocess.run([sys.executable, "-m", "reportgen", "build", str(JA), "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    return out


def test_qpdf_accepts_the_japanese_brief(ja_pack):
    assert_qpdf_accepts(ja_pack / "brief.pdf")


def test_every_font_is_embedded(ja_pack):
    pdffonts = require_tool("pdffonts")
    lines = subprocess.run([pdffonts, str(ja_pack / "brief.pdf")], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        columns = line.split()
        assert columns[-5] == "yes", line  # the 'emb' column


def test_japanese_strings_are_in_the_pdf_text(ja_pack):
    pdftotext = require_tool("pdftotext")
    text = squash(subprocess.run([pdftotext, str(ja_pack / "brief.pdf"), "-"], capture_output=True, text=True, check=True).stdout)
    outline = load_outline(JA)
    wanted = [outline.meta.title, *outline.summary, *(s.title for s in outline.sections), *(s.lead for s in outline.sections)]
    wanted += [markdown_plain(p.text) for s in outline.sections for p in s.points]
    missing = [w for w in wanted if squash(w) not in text]
    assert missing == []
    assert "Quad" in text  # mixed Japanese and Latin text keeps both scripts


def test_deck_runs_carry_an_east_asian_font(ja_pack):
    deck = Presentation(ja_pack / "deck.pptx")
    runs = [r for slide in deck.slides for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs for r in p.runs if r.text.strip()]
    assert runs
    without = [r.text for r in runs if r._r.find(f"{A}rPr/{A}ea") is None]
    assert without == []


def test_deck_runs_say_they_are_japanese(ja_pack):
    deck = Presentation(ja_pack / "deck.pptx")
    langs = {
        r._r.find(f"{A}rPr").get("lang")
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for r in p.runs
    }
    assert langs == {"ja-JP"}


def test_page_furniture_speaks_japanese(ja_pack):
    from pypdf import PdfReader

    reader = PdfReader(ja_pack / "brief.pdf")
    assert f"2 / {len(reader.pages)} ページ" in reader.pages[1].extract_text()


def test_a_character_no_font_has_is_warned_about_once(tmp_path):
    outline = tmp_path / "glyph.yaml"
    outline.write_text(SMALL.read_text().replace("Alpha point", "Alpha point \U0001fae0 and \U0001fae0 again"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(outline), "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "U+1FAE0" in line]
    assert len(warnings) == 1
    assert "sections[0].points[0].text" in warnings[0] and "install fonts-symbola" in warnings[0] and str(outline) in warnings[0]


def test_an_english_brief_sets_japanese_words_in_the_embedded_japanese_font(tmp_path):
    outline = tmp_path / "mixed.yaml"
    outline.write_text(SMALL.read_text().replace("Alpha point", "Proactive Pacifism (積極的平和主義) and the Quad"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(outline), "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    from pypdf import PdfReader

    text = squash("".join(page.extract_text() for page in PdfReader(tmp_path / "out" / "brief.pdf").pages))
    assert squash("Proactive Pacifism (積極的平和主義) and the Quad") in text
    pdffonts = require_tool("pdffonts")
    listing = subprocess.run([pdffonts, str(tmp_path / "out" / "brief.pdf")], capture_output=True, text=True, check=True).stdout
    assert "NotoSansCJKjp-Regular" in listing and "NotoSans-Regular" in listing


KO = REPO / "content" / "japan-defense.ko.yaml"
EN = REPO / "content" / "japan-defense.yaml"


def _deck_text(path: Path) -> str:
    deck = Presentation(path)
    return "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)


def test_the_korean_edition_loads_in_korean():
    outline = load_outline(KO)
    english = load_outline(EN)
    assert outline.meta.language == "ko"
    assert [s.id for s in outline.sections] == [s.id for s in english.sections]
    assert [f.id for s in outline.sections for f in s.figures] == [f.id for s in english.sections for f in s.figures]
    assert [s.id for s in outline.sources] == [s.id for s in english.sources]
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in s.title) for s in outline.sections)


def test_the_korean_deck_speaks_korean_with_as_many_slides_as_the_english(tmp_path):
    from reportgen import build_pack

    (ko_deck,) = build_pack(KO, out_dir=tmp_path / "ko", formats="pptx")
    (en_deck,) = build_pack(EN, out_dir=tmp_path / "en", formats="pptx")
    text = _deck_text(ko_deck)
    outline = load_outline(KO)
    for wanted in (outline.meta.title, *(s.title for s in outline.sections), "2025년 1월 15일", "발표 순서", "참고 자료", "출처"):
        assert wanted in text, wanted
    hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in text)
    assert hangul > 1000
    ko_slides, en_slides = len(Presentation(ko_deck).slides), len(Presentation(en_deck).slides)
    assert abs(ko_slides - en_slides) <= 2, (ko_slides, en_slides)
    runs = [r for slide in Presentation(ko_deck).slides for shape in slide.shapes if shape.has_text_frame
            for p in shape.text_frame.paragraphs for r in p.runs]
    assert {r._r.find(f"{A}rPr").get("lang") for r in runs} == {"ko-KR"}
    faces = {r._r.find(f"{A}rPr/{A}ea").get("typeface") for r in runs}
    assert faces <= {"+mn-ea", "+mj-ea"}, faces  # the scheme's Korean face (Malgun Gothic), not the Japanese Yu Gothic


def test_validating_the_korean_edition_finds_nothing_wrong():
    """The embedded Noto Sans CJK KR draws every character of the Korean edition: no warning at all."""
    result = subprocess.run([sys.executable, "-m", "reportgen", "validate", str(KO), "--json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "" or all('"severity": "warning"' not in line for line in result.stdout.splitlines()), result.stdout
