"""The shipped CJK and symbol fonts: each covers its character sets in full, in both weights, and the package stays small."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from reportgen.fonts.embedded import CHARSETS, DATA, charset, cjk_font, symbols_font

REPO = Path(__file__).resolve().parents[2]
PACKAGE_LIMIT = 60_000_000
WHEEL_FOLDERS = ("reportgen", "templates", "content", "schema")
"""What the wheel installs: the package and the folders pyproject force-includes into it."""

SYMBOLS = "≥≤±×→←↑↓✓✗€£¥•…–—‰°′″№™©®"


def _build_script():
    spec = importlib.util.spec_from_file_location("build_embedded_fonts", REPO / "scripts" / "build_embedded_fonts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _font_path(language: str, bold: bool) -> Path:
    path = symbols_font(bold=bold) if language == "symbols" else cjk_font(language, bold=bold)
    assert path is not None
    return path


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
@pytest.mark.parametrize("language", sorted(CHARSETS))
def test_each_font_draws_every_character_of_its_sets(language: str, bold: bool) -> None:
    font = TTFont(_font_path(language, bold), lazy=True)
    cmap = font.getBestCmap()
    for name in CHARSETS[language]:
        missing = sorted(char for char in charset(name) if ord(char) not in cmap)
        assert not missing, f"{name}: {len(missing)} missing, {''.join(missing[:20])}"


@pytest.mark.parametrize("language", ["ja", "ko", "zh-Hans", "zh-Hant"])
def test_cjk_fonts_draw_punctuation_full_width_forms_and_basic_latin(language: str) -> None:
    cmap = TTFont(_font_path(language, False), lazy=True).getBestCmap()
    for char in "、。「」（）！？，：；ＡＺ０９ Az09.,;:!?()-":
        assert ord(char) in cmap, (language, char)


def test_the_symbols_fonts_draw_the_briefs_symbols_arrows_and_operators() -> None:
    for bold in (False, True):
        cmap = TTFont(symbols_font(bold=bold), lazy=True).getBestCmap()
        assert all(ord(char) in cmap for char in SYMBOLS)
        assert all(code in cmap for code in range(0x2190, 0x2300)), "every arrow and mathematical operator"
        assert "glyf" in TTFont(symbols_font(bold=bold), lazy=True), "TrueType outlines: reportlab embeds it as it is"


def test_each_weight_is_its_own_face() -> None:
    regular, bold = (TTFont(cjk_font("ko", bold=flag), lazy=True) for flag in (False, True))
    assert regular["OS/2"].usWeightClass == 400
    assert bold["OS/2"].usWeightClass == 700


def test_the_fonts_are_the_right_subfaces_of_the_collection() -> None:
    for language, family in {"ja": "JP", "ko": "KR", "zh-Hans": "SC", "zh-Hant": "TC"}.items():
        assert TTFont(_font_path(language, False), lazy=True)["name"].getDebugName(1) == f"Noto Sans CJK {family}"


def test_han_forms_follow_the_language() -> None:
    """One code point, each language's glyph: 次 is drawn four ways (Japanese, Korean, Simplified, Traditional)."""
    outlines = set()
    for language in ("ja", "ko", "zh-Hans", "zh-Hant"):
        font = TTFont(_font_path(language, False))
        pen = RecordingPen()
        font.getGlyphSet()[font.getBestCmap()[ord("次")]].draw(pen)
        outlines.add(repr(pen.value))
    assert len(outlines) == 4


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("hangul-syllables", 11_172),
        ("hangul-compatibility-jamo", 94),
        ("ks-x-1001-hanja", 4_888),
        ("general-standard-chinese", 8_105),
        ("big5-han", 13_060),
        ("jis-x-0208-kanji", 6_355),
    ],
)
def test_the_character_sets_have_their_published_sizes(name: str, count: int) -> None:
    assert len(charset(name)) == count


def test_jis_x_0213_holds_jis_x_0208_and_its_own_kanji() -> None:
    assert charset("jis-x-0208-kanji") < charset("jis-x-0213-kanji")
    assert len(charset("jis-x-0213-kanji")) >= 10_050
    assert "\U00020089" in charset("jis-x-0213-kanji"), "plane 2 kanji outside the Basic Multilingual Plane"


def test_the_character_sets_are_what_the_codecs_say() -> None:
    script = _build_script()
    assert charset("ks-x-1001-hanja") == script.ks_x_1001_hanja()
    assert charset("big5-han") == script.big5_han()
    assert charset("jis-x-0213-kanji") == {char for char in script.jis_x_0213_characters() if script.is_han(char)}
    assert charset("hangul-syllables") == script.hangul_syllables()


def test_the_general_standard_set_is_unihans() -> None:
    script = _build_script()
    if not script.UNIHAN_MAPPINGS.is_file():
        pytest.skip("Unihan is not installed (Debian: unicode-data)")
    assert charset("general-standard-chinese") == script.general_standard_chinese()


def test_the_licences_ship_beside_the_fonts() -> None:
    noto = (DATA / "LICENSE-NotoSansCJK.txt").read_text(encoding="utf-8")
    dejavu = (DATA / "LICENSE-DejaVuSans.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in noto and "Adobe" in noto
    assert "Bitstream" in dejavu and "Tavmjong Bah" in dejavu


def test_the_installed_package_stays_under_60_mb() -> None:
    total = sum(
        path.stat().st_size
        for folder in WHEEL_FOLDERS
        for path in (REPO / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    assert total < PACKAGE_LIMIT, f"{total / 1e6:.1f} MB"


@pytest.mark.parametrize(
    ("language", "tag"), [("ja", "jp"), ("ko", "kr"), ("zh-Hans", "sc"), ("zh-CN", "sc"), ("zh-Hant", "tc"), ("zh-TW", "tc"), ("zh-HK", "tc")]
)
def test_a_language_finds_its_font(language: str, tag: str) -> None:
    assert cjk_font(language) == DATA / f"NotoSansCJK{tag}-Regular.otf"
    assert cjk_font(language, bold=True) == DATA / f"NotoSansCJK{tag}-Bold.otf"


def test_a_language_without_han_has_no_cjk_font() -> None:
    assert cjk_font("en") is None
    assert cjk_font("th") is None


@pytest.mark.parametrize("language", ["ja", "ko", "zh-Hans", "zh-Hant"])
def test_the_cjk_fonts_are_set_horizontally_and_keep_their_spacing_features(language: str) -> None:
    font = TTFont(_font_path(language, False), lazy=True)
    assert not {"VORG", "vhea", "vmtx"} & set(font.keys())
    substitutions = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    positions = {record.FeatureTag for record in font["GPOS"].table.FeatureList.FeatureRecord}
    assert "locl" in substitutions and "vert" not in substitutions
    assert {"palt", "kern"} <= positions
