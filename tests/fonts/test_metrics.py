"""fonts/metrics.py: the file that draws a face (the set's, the bundled, the system's stand-in) and its widths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.fonts import metrics
from reportgen.fonts.metrics import fallback_em, find_face

REPO = Path(__file__).resolve().parents[2]
NOTO = REPO / "templates" / "default" / "assets" / "fonts" / "NotoSans-Regular.ttf"
OTHER = REPO / "templates" / "default" / "assets" / "fonts" / "NotoSans-Bold.ttf"


def _system(face: str, stand_in: str) -> metrics.Advances:
    found = find_face(face)
    if found is None or metrics._key(stand_in) not in metrics._key(found.path.name):
        pytest.skip(f"{stand_in} is not installed")
    return found


def test_arial_is_measured_with_liberation_sans_whose_widths_are_helveticas():
    found = _system("Arial", "Liberation Sans")
    line = "Japan faces a crowded threat picture, 2025."
    assert sum(found.em(ch) or 0 for ch in line) == pytest.approx(stringWidth(line, "Helvetica", 1), rel=1e-4)  # 2048 units per em against 1000
    bold = find_face("Arial", bold=True)
    assert bold is not None and "bold" in bold.path.name.lower()
    assert bold.em("W") == pytest.approx(stringWidth("W", "Helvetica-Bold", 1), abs=1e-3)


def test_calibri_is_measured_with_carlito_not_arial():
    found = _system("Calibri", "Carlito")
    assert found.em("a") == pytest.approx(0.479, abs=0.01)  # Calibri's narrow a; Arial's is 0.556
    assert found.em("a") != pytest.approx(stringWidth("a", "Helvetica", 1), abs=0.01)


def test_malgun_gothic_is_measured_with_noto_sans_cjk_whose_hangul_is_narrower_than_an_em():
    found = _system("Malgun Gothic", "Noto Sans CJK")
    assert found.em("한") == pytest.approx(0.92)
    assert found.em("漢") == 1.0
    assert found.em("A") is not None and found.em("A") < 1.0  # proportional Latin


def test_the_sets_own_file_comes_before_any_system_font():
    found = find_face("Noto Sans", assets={"NotoSans": {"regular": NOTO}})
    assert found is not None and found.path == NOTO
    found = find_face("Arial", assets={"Arial": {"regular": OTHER}})  # a set that ships a file under Arial's name
    assert found is not None and found.path == OTHER


def test_a_bundled_font_is_found_by_its_file_name(tmp_path, monkeypatch):
    shutil.copy(NOTO, tmp_path / "ReportgenSans-Regular.ttf")
    monkeypatch.setattr(metrics, "BUNDLED", tmp_path)
    metrics._find.cache_clear()
    try:
        found = find_face("Reportgen Sans")
        assert found is not None and found.path == tmp_path / "ReportgenSans-Regular.ttf"
    finally:
        metrics._find.cache_clear()


def test_widths_are_read_only_when_asked_for():
    table = metrics.Advances(NOTO)
    assert table._widths is None
    assert table.em("H") is not None and table._widths is not None
    assert table.em("\U0001f600") is None  # no glyph: None, for the caller's fallback


def test_an_unknown_face_is_none_and_a_character_some_font_has_is_measured():
    assert find_face("No Such Face Anywhere") is None
    assert (fallback_em("€") or 0) > 0.3
    assert fallback_em("\U000e01ef") is None  # a variation selector no font advances for
