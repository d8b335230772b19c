from __future__ import annotations

import pytest

from reportgen.render.pdf.bidi import levels, needs_reordering, visual_order


def test_an_arabic_phrase_in_an_english_line_is_level_one_and_its_comma_stays_english():
    text = "abc (الأمن), def"
    found = levels(text, rtl=False)
    arabic = text.index("ا")
    assert found[:arabic] == [0] * arabic
    assert set(found[arabic : arabic + 5]) == {1}
    assert found[text.index(",")] == 0


def test_latin_and_numbers_in_a_right_to_left_paragraph_are_level_two():
    found = levels("الأمن abc 12", rtl=True)
    assert found[:6] == [1] * 6
    assert found[-6:] == [2] * 6


@pytest.mark.parametrize(
    ("piece_levels", "order"),
    [
        ([], []),
        ([0, 0, 0], [0, 1, 2]),
        ([0, 1, 1, 0], [0, 2, 1, 3]),
        ([1, 1, 1], [2, 1, 0]),
        ([1, 1, 2, 2, 1], [4, 2, 3, 1, 0]),  # Latin inside Arabic keeps its own order
    ],
)
def test_pieces_are_reversed_from_the_highest_level_down(piece_levels, order):
    assert visual_order(piece_levels) == order


def test_only_right_to_left_text_or_a_right_to_left_base_needs_reordering():
    assert not needs_reordering("हिन्दी and Latin", rtl=False)
    assert needs_reordering("ביטחון", rtl=False)
    assert needs_reordering("Latin", rtl=True)


@pytest.mark.parametrize(
    ("word", "runs"),
    [
        ("(الأمن", ["(", "الأمن"]),
        ("الإقليمي),", ["الإقليمي", "),"]),
        ("بَ.", ["بَ", "."]),  # the mark stays with its letter
        ("abcالأمن", ["abc", "الأمن"]),
        ("hello,", ["hello,"]),  # no right-to-left letter: one run
        ("א-ב", ["א-ב"]),  # between two right-to-left letters: theirs
        ("", []),
    ],
)
def test_a_word_is_cut_into_runs_of_one_direction(word, runs):
    from reportgen.render.pdf.bidi import direction_runs

    assert direction_runs(word) == runs
