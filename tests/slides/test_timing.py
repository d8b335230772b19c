"""reportgen.slides.timing: speaking time, shares with a floor, whole seconds, sections' minutes."""

from __future__ import annotations

import warnings

import pytest

from reportgen.document.vocab import Layout
from reportgen.errors import ReportgenWarning
from reportgen.slides.model import SlidePlan
from reportgen.slides.timing import clock, shares, speaking_seconds, spread, timed, whole_seconds
from reportgen.theme.deck import DeckTiming

RATE = DeckTiming()


def test_words_are_spoken_at_the_rate():
    assert speaking_seconds(" ".join(["word"] * 130), RATE) == pytest.approx(60)


def test_cjk_characters_are_counted_one_by_one():
    assert speaking_seconds("日" * 300, RATE) == pytest.approx(60)
    assert speaking_seconds("한국어" * 50, RATE) == pytest.approx(30)
    mixed = speaking_seconds("GDP 比は 2% に", RATE)  # GDP, 2: two words; 比は, に: three characters
    assert mixed == pytest.approx(60 * 2 / 130 + 60 * 3 / 300)


def test_spread_follows_the_weights_and_keeps_the_floor():
    out = spread(300, [10, 10, 280], 30)
    assert out[0] == out[1] == 30
    assert out[2] == pytest.approx(240)
    assert sum(out) == pytest.approx(300)


def test_a_budget_too_small_for_the_floors_is_shared_equally():
    assert spread(60, [1, 5, 9], 30) == [20, 20, 20]


def test_whole_seconds_keep_the_total():
    out = whole_seconds([33.4, 33.3, 33.3], 100)
    assert sum(out) == 100 and sorted(out) == [33, 33, 34]


def test_sections_minutes_and_the_rest_share_the_duration():
    notes = ["a"] * 3 + ["word " * 260, "b", "c"]
    sections = ["", "x", "x", "y", "y", ""]
    out = shares(notes, sections, {"x": 2}, 10, RATE)
    assert sum(out) == 600
    assert out[1] + out[2] == 120
    assert min(out) >= 30
    assert out[3] > out[4]  # the slide with more to say gets more of the rest


def test_without_a_duration_each_slide_takes_its_words_or_the_floor():
    out = shares(["word " * 260, "x"], ["", ""], {}, None, RATE)
    assert out == [120, 30]


def test_timed_without_a_duration_gives_each_slide_its_weight_quietly():
    slides = [SlidePlan(Layout.BULLETS, None, notes="x"), SlidePlan(Layout.BULLETS, None, notes="word " * 130)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = timed(slides, ["", ""], {}, None, RATE)
    assert [s.seconds for s in out] == [30.0, 60.0]
    messages = [str(w.message) for w in caught if isinstance(w.message, ReportgenWarning)]
    assert messages == []  # the line after the build gives the length (build.facts)


def test_timed_is_quiet_with_a_duration():
    slides = [SlidePlan(Layout.BULLETS, None, notes="x")] * 4
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = timed(slides, [""] * 4, {}, 20, RATE)
    assert sum(s.seconds for s in out) == 1200
    assert not [w for w in caught if isinstance(w.message, ReportgenWarning)]


def test_clock():
    assert clock(870) == "14:30" and clock(59.6) == "1:00"
