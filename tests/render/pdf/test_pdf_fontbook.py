"""The brief's font book: which family each script's characters come from, and in which order."""

from __future__ import annotations

import pytest

from reportgen.fonts import embedded, system
from reportgen.render.pdf.fontbook import FontBook
from reportgen.theme import Theme
from support.tools import require_font

TEXT = frozenset("한국 国防 國防 日本 ก ≥ ✓ 、。")


def _theme(**fonts: object) -> Theme:
    return Theme.model_validate({"brief": {"fonts": fonts}})


@pytest.mark.parametrize(
    ("language", "char", "key", "family"),
    [
        ("ko", "国", "Kore", "Noto Sans CJK JP"),  # 国 is neither a KS X 1001 hanja nor Big5: the next Han face that has it
        ("ko", "國", "Kore", "Noto Sans CJK KR"),
        ("zh-Hans", "国", "Hans", "Noto Sans CJK SC"),
        ("zh-Hant", "國", "Hant", "Noto Sans CJK TC"),
        ("ja", "日", "Jpan", "Noto Sans CJK JP"),
        ("en", "≥", "Zsym", "DejaVu Sans Symbols"),
        ("ko", "。", None, "Noto Sans CJK KR"),  # shared punctuation: the brief's own script first
    ],
)
def test_each_character_comes_from_its_scripts_embedded_face(language, char, key, family):
    book = FontBook(Theme(), language, TEXT)
    source = book.source_for(char, key)
    assert source is not None and source.family == family


def test_han_forms_follow_the_field_and_the_span():
    book = FontBook(Theme(), "en", TEXT)
    assert book.han_for("日本") == "Jpan"  # brief.fonts.han, the default
    assert book.han_for("한국 国防") == "Kore"
    assert book.han_for("维护海洋权益") == "Hans"  # characters only Simplified Chinese has
    assert book.han_for("日本", "zh-Hant") == "Hant"
    assert FontBook(_theme(han="Hans"), "en", TEXT).han_for("日本") == "Hans"


def test_the_theme_names_a_scripts_family_ahead_of_reportgens():
    require_font("/usr/share/fonts/truetype/noto/NotoLoopedThai-Regular.ttf")
    book = FontBook(_theme(scripts={"Thai": ["No Such Face", "Noto Looped Thai"]}), "en", TEXT)
    assert book.chain("Thai")[:3] == ["No Such Face", "Noto Looped Thai", "Noto Sans Thai"]
    assert book.source_for("ก", "Thai").family == "Noto Looped Thai"  # a missing family is passed over


def test_a_cjk_font_the_theme_names_is_tried_first_for_every_cjk_script():
    book = FontBook(_theme(cjk="IPAexGothic"), "en", TEXT)
    assert book.chain("Kore")[0] == "IPAexGothic" and book.chain("Hant")[0] == "IPAexGothic"


def test_with_no_embedded_or_installed_font_nothing_draws_hangul(monkeypatch):
    monkeypatch.setattr(embedded, "families", dict)
    monkeypatch.setattr(system, "installed", tuple)
    monkeypatch.setattr(system, "covering", lambda char: ())
    assert FontBook(Theme(), "ko", TEXT).source_for("한", "Kore") is None


def test_a_korean_brief_is_set_throughout_in_the_embedded_korean_face():
    regular, bold = FontBook(Theme(), "ko", TEXT).east_asian_body()
    assert regular.startswith("NotoSansCJKKR-") and bold.startswith("NotoSansCJKKR-Bold-")
    assert FontBook(Theme(), "en", TEXT).east_asian_body() is None
