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


def test_every_language_the_default_set_has_words_for_is_a_known_locale() -> None:
    """The outline's language warning trusts locale.known_languages() to cover the default set's words."""
    from reportgen.locale import known_languages
    from reportgen.templating.sets import builtin_sets_dir, load_set

    theme = load_set(builtin_sets_dir() / "default").theme
    assert theme.languages
    assert {tag.split("-")[0].lower() for tag in theme.languages} <= set(known_languages())
