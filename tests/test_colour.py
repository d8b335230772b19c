"""WCAG 2 luminance and contrast, and the choice of a readable text colour."""

from __future__ import annotations

import doctest

import pytest

from reportgen import colour
from reportgen.colour import contrast_ratio, is_large, luminance, readable, rgb


def test_luminance_and_contrast_match_wcag():
    assert luminance("#000000") == 0 and luminance("FFFFFF") == pytest.approx(1)
    assert contrast_ratio("000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)  # the famous just-failing grey
    assert contrast_ratio("FFFFFF", "777777") == contrast_ratio("777777", "FFFFFF")


def test_a_bad_hex_is_a_value_error():
    with pytest.raises(ValueError):
        rgb("12345")
    with pytest.raises(ValueError):
        rgb("GGGGGG")


def test_large_text_is_18pt_or_14pt_bold():
    assert is_large(18, False) and is_large(14, True)
    assert not is_large(17.5, False) and not is_large(13.5, True)


def test_the_own_colour_is_kept_when_it_reads():
    verdict = readable("#1F2328", [luminance("FFFFFF")], False, "000000", "FFFFFF")
    assert verdict.colour == "#1F2328" and verdict.warning is None and verdict.passes


def test_large_text_needs_only_3_to_1():
    grey = [luminance("FFFFFF")]
    assert readable("888888", grey, True, "000000", "FFFFFF").colour == "888888"
    assert readable("888888", grey, False, "000000", "FFFFFF").colour == "000000"


def test_dark_text_on_a_dark_background_switches_to_light():
    verdict = readable("1F2328", [luminance("1B365D")], False, "000000", "FFFFFF")
    assert verdict.colour == "FFFFFF" and verdict.ratio > 4.5 and verdict.warning is None


def test_the_worst_sample_decides():
    gradient = [luminance("FFFFFF"), luminance("102040")]
    assert readable("000000", gradient[:1], False, "000000", "FFFFFF").warning is None  # fine on the white stop alone
    verdict = readable("000000", gradient, False, "000000", "FFFFFF")
    assert verdict.warning is not None  # the navy stop fails black, the white stop fails white
    assert verdict.ratio == pytest.approx(min(contrast_ratio(verdict.colour, "FFFFFF"), contrast_ratio(verdict.colour, "102040")))


def test_a_mid_grey_picture_warns_when_neither_reads():
    both = [luminance("000000"), luminance("FFFFFF")]
    verdict = readable("5F6B7A", both, False, "000000", "FFFFFF")
    assert verdict.warning is not None and not verdict.passes
    assert "#5F6B7A" in verdict.warning and "4.5:1" in verdict.warning
    assert verdict.colour in ("5F6B7A", "000000", "FFFFFF")


def test_no_sample_is_a_value_error():
    with pytest.raises(ValueError):
        readable("000000", [], False, "000000", "FFFFFF")


def test_the_module_example_runs():
    assert doctest.testmod(colour).failed == 0
