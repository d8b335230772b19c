"""Every script of the region in both formats: an English brief that quotes them all, and briefs in
Korean, Simplified and Traditional Chinese and Arabic, read back with independent readers.

The brief's text is read with poppler's pdftotext (which honours the ActualText of shaped clusters)
and compared after NFC normalization, right-to-left text in logical order; pdffonts must list every
font embedded. The deck's runs must carry their language, its font scheme the script faces, and its
right-to-left paragraphs their direction.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from support.tools import require_font, require_tool

REPO = Path(__file__).resolve().parents[2]
OUTLINES = REPO / "tests" / "data" / "outlines"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

MIXED_LINES = {
    "ko-KR": "국방백서",
    "ja-JP": "自衛隊のミサイル防衛",
    "zh-CN": "维护海洋权益",
    "zh-TW": "維護海洋權益",
    "th-TH": "ความมั่นคงทางทะเล",
    "hi-IN": "हिन्द-प्रशांत क्षेत्र",
    "ar-SA": "الأمن البحري",
    "he-IL": "ביטחון לאומי",
}
"""A phrase of each script in mixed-scripts.en.yaml, by the language its deck runs must carry."""
MIXED_PLAIN = ["Ελλάδα", "Россия", "≥ 2% of GDP", "≤ 1%", "± 0.5", "× 3", "→ next", "✓ agreed", "€ £ ¥", "🌏"]
SYSTEM_FONTS = (
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
)
"""What Debian's fonts-noto-core installs for the scripts reportgen does not embed."""

EDITIONS = {
    "ko": (REPO / "content" / "japan-defense.ko.yaml", ["일본의 방위 정책과 아시아 동맹국", "적극적 평화주의"]),
    "zh-Hans": (OUTLINES / "regional-security.zh-Hans.yaml", ["维护海洋权益"]),
    "zh-Hant": (OUTLINES / "regional-security.zh-Hant.yaml", ["維護海洋權益"]),
    "ar": (OUTLINES / "regional-security.ar.yaml", ["الأمن الإقليمي في الخليج والبحر الأحمر"]),
}


def _normal(text: str) -> str:
    """NFC, spaces squeezed, and the embedding controls poppler puts around right-to-left runs (U+202A-202E) left out."""
    text = re.sub("[\u202a-\u202e]", "", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


def _build(outline: Path, out: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(outline), "--out", str(out)], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stderr
    return result


def _pdf_text(pdf: Path) -> str:
    pdftotext = require_tool("pdftotext")
    return _normal(subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)


def _unembedded(pdf: Path) -> list[str]:
    pdffonts = require_tool("pdffonts")
    rows = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows, "the brief has no fonts"
    return [row for row in rows if row.split()[-5] != "yes"]  # columns: name type encoding emb sub uni object ID


def _runs(deck: Path) -> list[etree._Element]:
    return [
        run
        for slide in Presentation(deck).slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph._p.iter(f"{A}r")
    ]


def _scheme_fonts(deck: Path) -> dict[str, str]:
    with zipfile.ZipFile(deck) as package:
        theme = etree.fromstring(package.read("ppt/theme/theme1.xml"))
    return {font.get("script"): font.get("typeface") for font in theme.iter(f"{A}font")}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for path in SYSTEM_FONTS:
        require_font(path)
    out = tmp_path_factory.mktemp("mixed")
    result = _build(OUTLINES / "mixed-scripts.en.yaml", out)
    assert "warning" not in result.stderr, result.stderr
    return out


def test_the_mixed_brief_reads_back_every_script(mixed: Path) -> None:
    text = _pdf_text(mixed / "brief.pdf")
    missing = [phrase for phrase in [*MIXED_LINES.values(), *MIXED_PLAIN] if _normal(phrase) not in text]
    assert missing == []
    assert "\ue000" not in text and not re.search("[\ue000-\uf8ff]", text)  # no private-use codes for shaped glyphs


def test_an_arabic_phrase_inside_an_english_sentence_reads_in_logical_order(mixed: Path) -> None:
    text = _pdf_text(mixed / "brief.pdf")
    assert _normal("Gulf partners speak of") in text and _normal("maritime security) in the same breath.") in text
    assert "الأمن البحري" in text  # logical order: reversed glyphs would read يرحبلا نملأا


def test_the_bracket_after_an_arabic_phrase_stays_with_the_english(mixed: Path) -> None:
    """Drawn in visual order: the Arabic phrase, then "(maritime", as the bidi algorithm resolves the bracket."""
    import pdfplumber

    with pdfplumber.open(mixed / "brief.pdf") as pdf:
        page = next(page for page in pdf.pages if "Gulf partners" in (page.extract_text() or ""))
        line = next(word for word in page.extract_words() if word["text"] == "Gulf")
        chars = [char for char in page.chars if abs(char["top"] - line["top"]) < 8]  # Arabic faces sit higher or lower
    arabic = [char for char in chars if "Arabic" in char["fontname"]]
    bracket = next(char for char in chars if char["text"] == "(")
    maritime = next(char for char in chars if char["text"] == "m" and char["x0"] > bracket["x0"])
    assert arabic and max(char["x1"] for char in arabic) <= bracket["x0"] + 0.5 < maritime["x0"]


def test_every_font_of_the_mixed_brief_is_embedded(mixed: Path) -> None:
    assert _unembedded(mixed / "brief.pdf") == []


def test_the_mixed_deck_tags_each_script_with_its_language(mixed: Path) -> None:
    runs = _runs(mixed / "deck.pptx")
    by_lang: dict[str, str] = {}
    for run in runs:
        lang = run.find(f"{A}rPr").get("lang")
        by_lang[lang] = by_lang.get(lang, "") + run.findtext(f"{A}t")
    for lang, phrase in MIXED_LINES.items():
        assert phrase in _normal(by_lang.get(lang, "")), (lang, phrase)
    assert "Athens" in by_lang["en-US"]


def test_the_mixed_deck_scheme_names_a_face_for_each_script(mixed: Path) -> None:
    fonts = _scheme_fonts(mixed / "deck.pptx")
    expected = {"Hang": "Malgun Gothic", "Hans": "Microsoft YaHei", "Hant": "Microsoft JhengHei", "Jpan": "Yu Gothic"}
    assert {script: fonts.get(script) for script in expected} == expected
    assert {"Thai", "Deva", "Arab", "Hebr"} <= set(fonts)


@pytest.mark.parametrize("language", sorted(EDITIONS))
def test_each_edition_builds_reads_back_and_embeds_its_fonts(tmp_path: Path, language: str) -> None:
    outline, phrases = EDITIONS[language]
    if language == "ar":
        require_font(SYSTEM_FONTS[2])
    result = _build(outline, tmp_path)
    assert "warning" not in result.stderr, result.stderr
    text = _pdf_text(tmp_path / "brief.pdf")
    assert [phrase for phrase in phrases if _normal(phrase) not in text] == []
    assert _unembedded(tmp_path / "brief.pdf") == []
    langs = {run.find(f"{A}rPr").get("lang") for run in _runs(tmp_path / "deck.pptx")}
    own = {"ko": "ko-KR", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "ar": "ar-SA"}[language]
    assert own in langs


def test_the_arabic_deck_sets_its_paragraphs_right_to_left(tmp_path: Path) -> None:
    require_font(SYSTEM_FONTS[2])
    _build(EDITIONS["ar"][0], tmp_path)
    paragraphs = [
        paragraph._p
        for slide in Presentation(tmp_path / "deck.pptx").slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        if any("\u0600" <= char <= "\u06ff" for char in paragraph.text)
    ]
    assert paragraphs
    assert all(p.find(f"{A}pPr").get("rtl") == "1" and p.find(f"{A}pPr").get("algn") in ("r", "ctr") for p in paragraphs)  # markings stay centred


@pytest.mark.parametrize("language", ["ko", "zh-Hans", "zh-Hant"])
def test_the_cjk_briefs_need_no_system_font(tmp_path: Path, language: str) -> None:
    """fontconfig pointed at an empty configuration: only reportgen's embedded fonts exist."""
    require_tool("fc-list")
    config = tmp_path / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?><fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>")
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    listing = subprocess.run(["fc-list"], capture_output=True, text=True, env=env).stdout
    assert listing.strip() == "", "the empty configuration still lists fonts"
    outline, phrases = EDITIONS[language]
    result = _build(outline, tmp_path / "out", env)
    assert "warning" not in result.stderr, result.stderr
    text = _pdf_text(tmp_path / "out" / "brief.pdf")
    assert [phrase for phrase in phrases if _normal(phrase) not in text] == []
    assert _unembedded(tmp_path / "out" / "brief.pdf") == []
