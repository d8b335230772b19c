"""Slide pictures keep their own deck's glyphs however many builds this process made before (watch mode), and shape the scripts that join."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import yaml

from reportgen.build.pipeline import build_pack

REPO = Path(__file__).resolve().parents[3]


def test_a_handout_after_another_outline_s_brief_keeps_every_glyph(tmp_path):
    other = yaml.safe_load((REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8"))
    other["meta"]["title"] = "漢字のテスト"  # a few characters of the same Japanese faces, subset for that brief
    (tmp_path / "other.yaml").write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    build_pack(tmp_path / "other.yaml", out_dir=tmp_path / "first", formats="pdf")
    (handout,) = build_pack(REPO / "content" / "japan-defense.ja.yaml", out_dir=tmp_path / "second", formats="handout")
    with pdfplumber.open(handout) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "防衛戦略" in text and "安全保障協力" in text  # drawn in the second deck's own subset, not the first's


def test_arabic_on_a_slide_picture_is_shaped_as_the_brief_shapes_it(tmp_path):
    (handout,) = build_pack(REPO / "tests" / "data" / "outlines" / "regional-security.ar.yaml", out_dir=tmp_path, formats="handout")
    with pdfplumber.open(handout) as pdf:
        page = pdf.pages[0]
        header = page.height * 0.1  # below the page's own header, which the brief's paragraphs set
        drawn = [c["text"] for c in page.chars if c["top"] > header and "\u0600" <= c["text"] <= "\ufeff"]
    joined = [ch for ch in drawn if "\ufb50" <= ch <= "\ufeff"]  # letters in their joined (presentation) forms
    assert drawn and len(joined) >= len(drawn) // 2, "".join(drawn)[:80]
