"""Script detection by Unicode ranges, and the language a run of each script is tagged with."""

from __future__ import annotations

import pytest

from reportgen.scripts import dominant, han_language, language_of, script_of, scripts_in


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("A", "Latn"), ("é", "Latn"), ("ạ", "Latn"), ("Ω", "Grek"), ("ἀ", "Grek"), ("Ж", "Cyrl"),
        ("한", "Hang"), ("ㄱ", "Hang"), ("\u1100", "Hang"), ("漢", "Hani"), ("\u3400", "Hani"), ("\U00020000", "Hani"), ("\uf900", "Hani"),
        ("あ", "Jpan"), ("カ", "Jpan"), ("ｶ", "Jpan"), ("ก", "Thai"), ("क", "Deva"), ("ب", "Arab"), ("\ufb50", "Arab"), ("\ufe8d", "Arab"),
        ("א", "Hebr"), ("\ufb1d", "Hebr"),
    ],
)
def test_each_range_has_its_script(char, script):
    assert script_of(char) == script


@pytest.mark.parametrize("char", ["1", " ", ",", "。", "—", "%", "\u200f"])
def test_shared_characters_have_no_script(char):
    assert script_of(char) is None


def test_dominant_script_counts_letters_and_kana_make_han_japanese():
    assert dominant("Seoul 서울특별시청") == "Hang"
    assert dominant("東京は日本の首都") == "Jpan"
    assert dominant("维护海洋权益") == "Hani"
    assert dominant("2025, 10%") is None
    assert dominant("ab אב") == "Latn"  # a tie goes to the script that comes first
    assert scripts_in("Quad 日本")["Latn"] == 4


@pytest.mark.parametrize(
    ("text", "document", "xml_lang", "tag"),
    [
        ("대한민국", "en", "en-US", "ko-KR"),
        ("العربية", "en", "en-US", "ar-SA"),
        ("עברית", "en", "en-US", "he-IL"),
        ("ภาษาไทย", "en", "en-US", "th-TH"),
        ("हिन्दी", "en", "en-US", "hi-IN"),
        ("ひらがな", "en", "en-US", "ja-JP"),
        ("Quad", "ja", "ja-JP", "ja-JP"),  # Latin in a Japanese document keeps the document's tag
        ("Россия", "en", "en-US", "en-US"),
        ("العربية", "ar", "ar-SA", "ar-SA"),
        ("2025", "ko", "ko-KR", "ko-KR"),
    ],
)
def test_a_run_is_tagged_with_its_scripts_language(text, document, xml_lang, tag):
    assert language_of(text, document, xml_lang) == tag


@pytest.mark.parametrize(
    ("document", "context", "tag"),
    [
        ("ja", "", "ja-JP"), ("ja-JP", "", "ja-JP"), ("zh-Hans", "", "zh-CN"), ("zh", "", "zh-CN"), ("zh-Hant", "", "zh-TW"),
        ("zh-TW", "", "zh-TW"), ("ko", "", "ko-KR"), ("en", "한국 漢字", "ko-KR"), ("en", "漢字", ""),
    ],
)
def test_han_follows_the_document_or_the_hangul_beside_it(document, context, tag):
    assert han_language(document, context) == tag


def test_han_in_an_english_field_is_korean_beside_hangul_else_the_documents():
    assert language_of("漢字", "en", "en-US", "漢字 한글") == "ko-KR"
    assert language_of("漢字", "en", "en-US", "漢字 only") == "en-US"
    assert language_of("維護", "zh-Hant", "zh-Hant") == "zh-TW"


def test_text_is_cut_where_its_script_changes_and_east_asian_stretches_stay_whole():
    from reportgen.scripts import segments, split_by_language

    assert segments("The phrase الأمن البحري is Arabic.") == ["The phrase ", "الأمن البحري ", "is Arabic."]
    assert segments("日本の防衛 and 한국") == ["日本の防衛 ", "and ", "한국"]
    assert segments("2025: ") == ["2025: "]
    assert split_by_language("Quad と日本", "ja", "ja-JP") == (("Quad と日本", "ja-JP"),)  # one language, one piece
    assert split_by_language("Seoul 서울", "en", "en-US") == (("Seoul ", "en-US"), ("서울", "ko-KR"))


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("Regional security, 2025 (≥ 3%)", False),
        ("日本の防衛と한국", False),
        ("Ελληνικά и кириллица", False),
        ("हिन्दी", True),
        ("in Thai: ความมั่นคง", True),
        ("الأمن", True),
        ("ביטחון", True),
        ("ລາວ", True),
        ("ខ្មែរ", True),
        ("မြန်မာ", True),
        ("தமிழ்", True),
        ("ܣܘܪܝܝܐ", True),
    ],
)
def test_only_scripts_that_need_shaping_are_shaped(text, shaped):
    from reportgen.scripts import needs_shaping

    assert needs_shaping(text) is shaped


def test_the_added_scripts_have_codes_and_keep_the_documents_language():
    assert script_of("ລ") == "Laoo" and script_of("ខ") == "Khmr" and script_of("த") == "Taml" and script_of("ܣ") == "Syrc"
    assert language_of("ລາວ", "en", "en-US") == "en-US"  # no OOXML tag of its own yet: not an error
