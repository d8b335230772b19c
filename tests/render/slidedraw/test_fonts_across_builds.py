"""Slide pictures draw their own deck's glyphs however many builds this process made before (watch mode)."""

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
