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
        ("zh-Hans", "zh-CN", "cjk", True, "2025年1月15日"),
        ("zh-Hant", "zh-TW", "cjk", True, "2025年1月15日"),
        ("zh-Hant-HK", "zh-HK", "cjk", True, "2025年1月15日"),
        ("ko", "ko-KR", "spaces", True, "2025년 1월 15일"),
        ("ko-KR", "ko-KR", "spaces", True, "2025년 1월 15일"),
        ("ar", "ar-SA", "spaces", False, "15 يناير 2025"),
        ("ar-EG", "ar-EG", "spaces", False, "15 يناير 2025"),
        ("he", "he-IL", "spaces", False, "15 בינואר 2025"),
        ("fa", "fa-IR", "spaces", False, "15 ژانویه 2025"),
        ("ur-IN", "ur-IN", "spaces", False, "15 جنوری 2025"),
        ("en-US-x-house", "en-US", "spaces", False, "15 January 2025"),
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
    assert set(theme.languages) <= set(known_languages())  # the words sit under the entries' own tags (zh-Hant)


@pytest.mark.parametrize(
    ("tag", "key", "script"),
    [
        ("zh", "zh-Hans", "Hans"),
        ("zh-CN", "zh-Hans", "Hans"),
        ("zh-SG", "zh-Hans", "Hans"),
        ("zh-Hans", "zh-Hans", "Hans"),
        ("zh-hant", "zh-Hant", "Hant"),
        ("zh-TW", "zh-Hant", "Hant"),
        ("zh-HK", "zh-Hant", "Hant"),
        ("zh-MO", "zh-Hant", "Hant"),
        ("zh-Hans-HK", "zh-Hans", "Hans"),
        ("zh-Latn", "zh-Hans", "Hans"),
        ("ko", "ko", "Hang"),
        ("ar-AE", "ar", "Arab"),
        ("de", "", "Latn"),
    ],
)
def test_chinese_is_matched_on_its_script_and_region(tag, key, script):
    """A script subtag decides; without one, Taiwan, Hong Kong and Macao write Traditional, the rest Simplified."""
    locale = locale_for(tag)
    assert (locale.key, locale.scripts[0], locale.language) == (key, script, tag.split("-")[0].lower())


def test_korean_uses_han_as_well_as_hangul_and_breaks_at_spaces():
    locale = locale_for("ko")
    assert locale.scripts[:2] == ("Hang", "Hani") and locale.line_breaking == "spaces" and locale.east_asian


@pytest.mark.parametrize(("tag", "script"), [("ar", "Arab"), ("he", "Hebr"), ("fa", "Arab"), ("ur", "Arab")])
def test_the_right_to_left_languages_are_right_to_left(tag, script):
    locale = locale_for(tag)
    assert locale.right_to_left and locale.scripts[0] == script and not locale.east_asian


def test_arabic_is_right_to_left_with_arabic_month_names():
    locale = locale_for("ar")
    assert locale.right_to_left and locale.scripts[0] == "Arab" and not locale.east_asian
    months = [locale.format_date(dt.date(2025, month, 1)).split()[1] for month in range(1, 13)]
    assert months == "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()


def test_every_built_in_language_has_every_word_the_default_set_has_for_japanese() -> None:
    from reportgen.locale import known_languages
    from reportgen.templating.sets import builtin_sets_dir, load_set

    theme = load_set(builtin_sets_dir() / "default").theme
    wanted = set(theme.languages["ja"].model_dump(exclude_none=True))
    for tag in set(known_languages()) - {"en"}:
        assert set(theme.languages[tag].model_dump(exclude_none=True)) == wanted, tag


@pytest.mark.parametrize(
    ("tag", "contents"),
    [
        ("ja-JP", "目次"),
        ("zh", "目录"),
        ("zh-CN", "目录"),
        ("zh-Hans", "目录"),
        ("zh-TW", "目錄"),
        ("zh-Hant-HK", "目錄"),
        ("ko-KR", "목차"),
        ("ar", "المحتويات"),
        ("he-IL", "תוכן העניינים"),
        ("fa", "فهرست مطالب"),
        ("ur-PK", "فہرست"),
        ("fr", "Contents"),
    ],
)
def test_the_theme_finds_the_words_of_the_entry_a_tag_matches(tag, contents):
    from reportgen.templating.sets import builtin_sets_dir, load_set

    assert load_set(builtin_sets_dir() / "default").theme.for_language(tag).strings.contents == contents
