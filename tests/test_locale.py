"""locale.py: one place that knows each language's direction, line breaking, tags and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.locale import locale_for

DAY = dt.date(2025, 1, 15)


@pytest.mark.parametrize(
    ("tag", "xml_lang", "breaking", "east_asian", "date"),
    [
        ("en", "en-US", "spaces", False, "15 January 2025"),
        ("en-GB", "en-GB", "spaces", False, "15 January 2025"),
        ("ja", "ja-JP", "cjk", True, "2025年1月15日"),
        ("ja-JP", "ja-JP", "cjk", True, "2025年1月15日"),
        ("zh", "zh-CN", "cjk", True, "2025年1月15日"),
        ("ko", "ko-KR", "spaces", True, "2025년 1월 15일"),
        ("de", "de", "spaces", False, "2025-01-15"),
    ],
)
def test_each_language_has_its_tag_breaking_and_dates(tag, xml_lang, breaking, east_asian, date):
    locale = locale_for(tag)
    assert (locale.xml_lang, locale.line_breaking, locale.east_asian, locale.format_date(DAY)) == (xml_lang, breaking, east_asian, date)


def test_languages_are_left_to_right_until_a_script_says_otherwise():
    assert not locale_for("en").right_to_left
    assert locale_for("ja").scripts[0] == "Jpan"
