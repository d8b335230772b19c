"""The brief's glyph check: one warning per field, naming what no embedded font can draw."""

from __future__ import annotations

import warnings
from pathlib import Path

from reportgen.errors import FieldText, Location
from reportgen.render.pdf.fonts import report_missing_glyphs
from reportgen.theme import Theme


def _warned(texts: list[tuple[str, str, Location | None]]) -> list[str]:
    located = [FieldText(field, text, lambda where=where: where) for field, text, where in texts]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report_missing_glyphs(located, Theme(), Path("o.yaml"))
    return [str(w.message) for w in caught]


def test_missing_glyphs_are_one_warning_per_field_in_reading_order() -> None:
    lines = _warned([("a.text", "한국 ≥ 한", Location(Path("o.yaml"), 3, 5)), ("b.text", "국 and ✓", None)])
    assert len(lines) == 2
    assert lines[0].startswith("o.yaml:3:5: a.text: no glyph in Helvetica for '한' (U+D55C), '국' (U+AD6D), '≥' (U+2265); ")
    assert lines[1].startswith("o.yaml: b.text: no glyph in Helvetica for '✓' (U+2713); ")  # '국' was named already


def test_a_long_list_of_missing_characters_is_cut_short() -> None:
    (line,) = _warned([("a.text", "가나다라마바사아자차카", None)])
    assert "'아' (U+C544) and 3 more; the brief will show blanks" in line


def test_text_every_font_draws_warns_nothing() -> None:
    assert _warned([("a.text", "Plain words, 100%.", None)]) == []
