"""The brief's glyph check: one warning per field, naming what no embedded font can draw."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from reportgen.errors import FieldText, Location
from reportgen.fonts import embedded, system
from reportgen.render.pdf.fonts import report_missing_glyphs
from reportgen.theme import Theme


@pytest.fixture
def no_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """No embedded or installed font: only the theme's Helvetica."""
    monkeypatch.setattr(embedded, "families", dict)
    monkeypatch.setattr(system, "installed", tuple)
    monkeypatch.setattr(system, "covering", lambda char: ())


def _warned(texts: list[tuple[str, str, Location | None]]) -> list[str]:
    located = [FieldText(field, text, lambda where=where: where) for field, text, where in texts]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report_missing_glyphs(located, Theme(), Path("o.yaml"))
    return [str(w.message) for w in caught]


def test_missing_glyphs_are_one_warning_per_field_in_reading_order(no_fonts: None) -> None:
    lines = _warned([("a.text", "한국 ≥ 한", Location(Path("o.yaml"), 3, 5)), ("b.text", "국 and ✓ ก", None)])
    assert len(lines) == 2
    assert lines[0].startswith("o.yaml:3:5: a.text: no font here can draw '한' (U+D55C), '국' (U+AD6D), '≥' (U+2265); the brief will show blanks")
    assert "(install fonts-noto-cjk or fonts-noto-core (Debian/Ubuntu)" in lines[0]
    assert lines[1].startswith("o.yaml: b.text: no font here can draw '✓' (U+2713), 'ก' (U+0E01); ")  # '국' was named already


def test_a_long_list_of_missing_characters_is_cut_short(no_fonts: None) -> None:
    (line,) = _warned([("a.text", "가나다라마바사아자차카", None)])
    assert "'아' (U+C544) and 3 more; the brief will show blanks" in line


def test_the_embedded_fonts_draw_korean_chinese_and_symbols_with_no_system_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system, "installed", tuple)
    monkeypatch.setattr(system, "covering", lambda char: ())
    assert _warned([("a.text", "한국 国防 國防 ≥ ≤ ± × → ✓ € £ ¥", None)]) == []
    (line,) = _warned([("a.text", "ความมั่นคง", None)])
    assert "install fonts-noto-core" in line


def test_text_every_font_draws_warns_nothing() -> None:
    assert _warned([("a.text", "Plain words, 100%.", None)]) == []
