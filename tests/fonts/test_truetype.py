"""truetype_subset: a CFF or TrueType font cut to some characters, with TrueType outlines reportlab embeds, cached."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont
from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont
from reportlab.pdfgen.canvas import Canvas

from reportgen.errors import RenderError
from reportgen.fonts import truetype
from reportgen.fonts.embedded import cjk_font, symbols_font
from reportgen.fonts.truetype import truetype_subset
from reportgen.render.pdf._internals import register_fresh
from support.tools import require_tool

REPO = Path(__file__).resolve().parents[2]
NOTO_SANS = REPO / "templates" / "default" / "assets" / "fonts" / "NotoSans-Regular.ttf"
KOREAN = "대한민국 서울특별시 국방부"


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _korean_font() -> Path:
    source = cjk_font("ko")
    assert source is not None
    return source


def test_a_cff_font_becomes_truetype_with_only_the_glyphs_asked_for() -> None:
    path = truetype_subset(_korean_font(), KOREAN)
    font = TTFont(path)
    assert "glyf" in font and "loca" in font
    assert "CFF " not in font and "VORG" not in font
    assert font.sfntVersion == "\x00\x01\x00\x00"
    assert font["head"].glyphDataFormat == 0
    assert font["maxp"].tableVersion == 0x00010000
    cmap = font.getBestCmap()
    assert all(ord(char) in cmap for char in KOREAN)
    assert ord("가") not in cmap
    assert font["maxp"].numGlyphs < 40


def test_the_outlines_are_drawn_not_empty() -> None:
    font = TTFont(truetype_subset(_korean_font(), "한"))
    glyph = font["glyf"][font.getBestCmap()[ord("한")]]
    assert glyph.numberOfContours > 3
    source = TTFont(_korean_font(), lazy=True)
    assert font["hmtx"][font.getBestCmap()[ord("한")]][0] == source["hmtx"][source.getBestCmap()[ord("한")]][0], "advance kept"
    assert font["hmtx"][font.getBestCmap()[ord("한")]][1] == glyph.xMin, "left side bearing is the outline's"


def test_the_result_loads_in_reportlab_and_draws_the_text(tmp_path: Path) -> None:
    register_fresh(ReportlabTTFont("SubsetKorean", str(truetype_subset(_korean_font(), KOREAN))))
    pdf = tmp_path / "korean.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("SubsetKorean", 14)
    canvas.drawString(72, 720, KOREAN)
    canvas.save()
    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert KOREAN in text


def test_a_second_call_is_a_cache_hit(monkeypatch: pytest.MonkeyPatch, cache_home: Path) -> None:
    first = truetype_subset(_korean_font(), KOREAN)
    written = first.stat().st_mtime_ns
    monkeypatch.setattr(truetype, "_make", lambda *args: pytest.fail("made again"))
    again = truetype_subset(_korean_font(), reversed(list(KOREAN)))
    assert again == first
    assert again.stat().st_mtime_ns == written
    assert first.parent == cache_home / "reportgen" / "fonts"


def test_other_characters_or_another_face_are_another_file() -> None:
    one = truetype_subset(_korean_font(), "한국")
    assert truetype_subset(_korean_font(), "한국어") != one
    bold = cjk_font("ko", bold=True)
    assert bold is not None
    assert truetype_subset(bold, "한국") != one


def test_a_truetype_font_is_returned_as_it_is(cache_home: Path) -> None:
    assert truetype_subset(NOTO_SANS, "Brief") == NOTO_SANS
    assert not cache_home.exists(), "nothing cached"


def test_a_collection_member_is_picked_by_number(tmp_path: Path) -> None:
    collection = TTCollection()
    collection.fonts = [TTFont(NOTO_SANS), TTFont(symbols_font())]
    ttc = tmp_path / "pair.ttc"
    collection.save(ttc)
    symbols = TTFont(truetype_subset(ttc, "A→", font_number=1)).getBestCmap()
    latin = TTFont(truetype_subset(ttc, "A→", font_number=0)).getBestCmap()
    assert ord("→") in symbols and ord("A") not in symbols
    assert ord("A") in latin and ord("→") not in latin
    assert truetype_subset(ttc, "A", font_number=1).suffix == ".ttf", "a member gets a file of its own"


def test_an_unwritable_cache_falls_back_to_a_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = truetype_subset(_korean_font(), "한")
    assert blocker not in path.parents
    assert "glyf" in TTFont(path)
    assert truetype_subset(_korean_font(), "한") == path, "the fallback is a cache for the rest of the process"


def test_racing_builds_get_one_whole_file(cache_home: Path) -> None:
    with ThreadPoolExecutor(max_workers=3) as pool:
        paths = list(pool.map(lambda _: truetype_subset(_korean_font(), "국방"), range(3)))
    assert len(set(paths)) == 1
    assert "glyf" in TTFont(paths[0])
    assert sorted(item.name for item in paths[0].parent.iterdir()) == [paths[0].name], "no temporary file left"


def test_a_damaged_font_names_its_file(tmp_path: Path) -> None:
    broken = tmp_path / "Broken.otf"
    broken.write_bytes(_korean_font().read_bytes()[:4000])
    with pytest.raises(RenderError, match="Broken.otf"):
        truetype_subset(broken, "한")


def test_a_file_that_is_no_font_names_its_file(tmp_path: Path) -> None:
    junk = tmp_path / "notes.ttf"
    junk.write_text("not a font at all", encoding="utf-8")
    with pytest.raises(RenderError, match="notes.ttf"):
        truetype_subset(junk, "a")


def test_a_missing_font_names_its_file(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="Missing.ttf"):
        truetype_subset(tmp_path / "Missing.ttf", "a")


def test_the_layout_tables_survive_for_shaping() -> None:
    """HarfBuzz shapes the subset: no glyph is missing, and `palt` (kept) narrows full-width punctuation to half an em."""
    uharfbuzz = pytest.importorskip("uharfbuzz")

    text = "日本、「防衛」。"
    source = cjk_font("ja")
    assert source is not None
    font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(truetype_subset(source, text)))))
    advances = {}
    for features in ({}, {"palt": True}):
        buffer = uharfbuzz.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        uharfbuzz.shape(font, buffer, features)
        assert all(info.codepoint != 0 for info in buffer.glyph_infos), "no .notdef"
        advances[bool(features)] = [position.x_advance for position in buffer.glyph_positions]
    assert advances[False] == [1000] * len(text)
    assert advances[True][2] == 500
