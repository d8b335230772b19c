"""Break opportunities by script: kinsoku, Korean words, Thai dictionary words, grapheme clusters."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reportgen.linebreak import (
    CANNOT_END,
    CANNOT_START,
    break_opportunities,
    cluster_boundaries,
    needs_rules,
    thai_word_boundaries,
)

CLOSING = "、。，．！？；：）」』】》〉”’ーぁっャ々・"
OPENING = "（「『【《〈“‘"
THAI = "ประเทศไทยมีความสัมพันธ์ทางการทหารกับญี่ปุ่น"


def test_breaks_fall_between_ideographs_but_not_inside_brackets() -> None:
    assert break_opportunities("東京都（日本）。") == [1, 2, 3, 5]


@pytest.mark.parametrize("char", CLOSING)
def test_no_line_starts_with_closing_punctuation_small_kana_or_the_prolonged_sound_mark(char: str) -> None:
    assert 1 not in break_opportunities(f"漢{char}字")
    assert 2 in break_opportunities(f"漢{char}字")


@pytest.mark.parametrize("char", OPENING)
def test_no_line_ends_with_an_opening_bracket_or_quote(char: str) -> None:
    cuts = break_opportunities(f"漢{char}字")
    assert 1 in cuts and 2 not in cuts


def test_ellipses_and_dashes_in_pairs_stay_together() -> None:
    assert 2 not in break_opportunities("漢……字") and 2 not in break_opportunities("漢——字")


def test_latin_next_to_kanji_may_break_but_a_latin_word_stays_whole() -> None:
    assert break_opportunities("日本Japanの") == [1, 2, 7]


def test_korean_words_never_break_even_next_to_hanja() -> None:
    assert break_opportunities("대한민국의") == []
    assert break_opportunities("北韓의") == [1]


def test_latin_text_needs_no_rules() -> None:
    assert not needs_rules("Japan’s “record” budget — 7.9 trillion yen (2024), ±3%")
    assert break_opportunities("reportgen") == []


def test_a_zero_width_space_in_the_text_is_a_break() -> None:
    assert break_opportunities("long\u200bword") == [5]


def test_thai_breaks_at_dictionary_words_only() -> None:
    bounds = thai_word_boundaries(THAI)
    words = [THAI[a:b] for a, b in zip([0, *bounds], [*bounds, len(THAI)], strict=True)]
    assert "".join(words) == THAI and {"ความสัมพันธ์", "ญี่ปุ่น", "กับ"} <= set(words)
    assert break_opportunities(THAI) == bounds


def test_grapheme_clusters_hold_their_marks_and_conjuncts() -> None:
    assert cluster_boundaries("क्षत्रिय") == [3, 7]  # क्ष त्रि य
    assert cluster_boundaries("กิ่ง") == [3]  # the vowel and tone mark stay on ก
    assert cluster_boundaries("e\u0301t") == [2]


def test_no_opportunity_inside_a_cluster_in_cjk_text() -> None:
    assert 2 not in break_opportunities("漢e\u0301字")


def test_thai_is_imported_only_for_thai_text() -> None:
    code = (
        "import sys; from reportgen.linebreak import break_opportunities as b;"
        "b('日本語の文'); b('한국어'); b('क्षत्रिय'); print('pythainlp' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_tables_name_each_character_once_per_side() -> None:
    assert not CANNOT_START & CANNOT_END
