"""Every script in the deck: each run's language, right-to-left paragraphs, and the font scheme's faces per script."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import pytest
from lxml import etree
from pptx import Presentation

from reportgen.document.model import Document
from reportgen.render.pptx import render_pptx
from reportgen.render.pptx.fontscheme import SCRIPT_FONTS, with_script_fonts
from support import hostile_masters as hm
from support.decks import INFO, h, slides, ul

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
THEME = "ppt/theme/theme1.xml"
LINES = {
    "ko-KR": "대한민국 국방부",
    "zh-CN": "维护海洋权益",
    "ar-SA": "الأمن البحري في المحيط الهادئ",
    "he-IL": "ביטחון ימי באוקיינוס השקט",
    "th-TH": "ความมั่นคงทางทะเล",
    "hi-IN": "समुद्री सुरक्षा",
}
"""One line per script, in an English outline (the Chinese line's characters can only be Simplified Chinese)."""


def mixed(language: str = "en") -> Document:
    info = replace(INFO, language=language)
    blocks = slides([h("Mixed scripts"), ul("An English line.", *LINES.values(), "The phrase الأمن البحري is Arabic.", "漢字 in a line with 한글.")])
    return Document(info, blocks, {})


@pytest.fixture(scope="module")
def deck(theme) -> bytes:
    return render_pptx(mixed(), theme)


def paragraphs(data: bytes):
    prs = Presentation(io.BytesIO(data))
    return [para for slide in prs.slides for shape in slide.shapes if shape.has_text_frame for para in shape.text_frame.paragraphs]


def run_of(data: bytes, text: str):
    return next(r for para in paragraphs(data) for r in para.runs if r.text == text)


def scheme(data: bytes) -> dict[tuple[str, str], str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(THEME))
    return {
        (etree.QName(collection).localname, font.get("script")): font.get("typeface")
        for collection in root.iter(f"{A}majorFont", f"{A}minorFont")
        for font in collection.iterfind(f"{A}font")
    }


@pytest.mark.parametrize(("lang", "text"), list(LINES.items()))
def test_each_scripts_run_carries_its_language(deck, lang, text):
    rpr = run_of(deck, text)._r.find(f"{A}rPr")
    assert rpr.get("lang") == lang


def test_runs_in_another_language_name_the_schemes_face_and_english_runs_the_sets(deck, theme):
    english = run_of(deck, "An English line.")._r.find(f"{A}rPr")
    assert english.get("lang") == "en-US"
    assert english.find(f"{A}ea").get("typeface") == theme.deck.fonts.east_asian
    assert english.find(f"{A}cs").get("typeface") == theme.deck.fonts.latin
    korean = run_of(deck, LINES["ko-KR"])._r.find(f"{A}rPr")
    assert korean.find(f"{A}ea").get("typeface") == "+mn-ea"  # Malgun Gothic from the scheme, not the set's Yu Gothic
    for lang in ("ar-SA", "he-IL", "th-TH", "hi-IN"):
        rpr = run_of(deck, LINES[lang])._r.find(f"{A}rPr")
        assert rpr.find(f"{A}cs").get("typeface") == "+mn-cs", lang
        assert [etree.QName(el).localname for el in rpr] == ["solidFill", "latin", "ea", "cs"]  # the schema's order


def test_han_beside_hangul_is_korean(deck):
    assert run_of(deck, "漢字 ")._r.find(f"{A}rPr").get("lang") == "ko-KR"


def test_a_run_in_two_scripts_is_cut_where_the_language_changes(deck):
    para = next(para for para in paragraphs(deck) if para.text.startswith("The phrase"))
    assert [(r.text, r._r.find(f"{A}rPr").get("lang")) for r in para.runs] == [("The phrase ", "en-US"), ("الأمن البحري ", "ar-SA"), ("is Arabic.", "en-US")]


def test_right_to_left_paragraphs_say_so_and_align_right(deck):
    by_text = {para.text: para._p.find(f"{A}pPr") for para in paragraphs(deck)}
    for text in (LINES["ar-SA"], LINES["he-IL"]):
        assert (by_text[text].get("rtl"), by_text[text].get("algn")) == ("1", "r")
    for text in ("An English line.", LINES["ko-KR"], LINES["th-TH"], "The phrase الأمن البحري is Arabic."):
        assert by_text[text].get("rtl") is None and by_text[text].get("algn") != "r"


def test_a_right_to_left_document_has_right_to_left_paragraphs(theme, monkeypatch):
    import reportgen.render.pptx as deck_format
    from reportgen.locale import locale_for

    rtl = replace(locale_for("ar"), direction="rtl")  # the document's direction, whatever locale.py says of ar today
    monkeypatch.setattr(deck_format, "locale_for", lambda tag: rtl)
    data = render_pptx(mixed("ar"), theme)
    para = next(para for para in paragraphs(data) if para.text == "An English line.")
    assert (para._p.find(f"{A}pPr").get("rtl"), para._p.find(f"{A}pPr").get("algn")) == ("1", "r")
    assert run_of(data, LINES["ar-SA"])._r.find(f"{A}rPr").get("lang") == rtl.xml_lang  # the document's own tag


def test_the_default_masters_scheme_names_a_face_for_every_script(deck):
    found = scheme(deck)
    for collection in ("majorFont", "minorFont"):
        for script, face in SCRIPT_FONTS.items():
            assert found[(collection, script)] == face
    assert found[("minorFont", "Ethi")] == "Nyala"  # the stock scheme's other scripts stay


def hang_batang_no_thai(members: dict[str, bytes]) -> None:
    xml = members[THEME].decode()
    xml = xml.replace('script="Hang" typeface="맑은 고딕"', 'script="Hang" typeface="Batang"')
    members[THEME] = re.sub(r'<a:font script="Thai" typeface="[^"]*"/>', "", xml).encode()


def test_a_corporate_master_keeps_its_faces_and_gains_only_the_scripts_it_lacks(tmp_path, theme):
    path = hm.write_master(tmp_path / "corporate.pptx", hang_batang_no_thai)
    found = scheme(render_pptx(mixed(), theme.model_copy(update={"reference_pptx": path})))
    for collection in ("majorFont", "minorFont"):
        assert found[(collection, "Hang")] == "Batang"
        assert found[(collection, "Jpan")] == "ＭＳ Ｐゴシック"
        assert found[(collection, "Thai")] == "Leelawadee UI"


def test_a_scheme_that_names_every_script_keeps_its_bytes():
    complete = hm.default_master()[THEME]
    once = with_script_fonts(complete, override=True)
    assert with_script_fonts(once, override=False) is once
    assert with_script_fonts(complete, override=False) is complete


def _unnamed(theme):
    fonts = theme.deck.fonts.model_copy(update={"east_asian": None})
    return theme.model_copy(update={"deck": theme.deck.model_copy(update={"fonts": fonts})})


def test_a_set_that_names_no_east_asian_face_leaves_every_run_to_the_scheme(theme):
    data = render_pptx(mixed(), _unnamed(theme))
    assert run_of(data, "An English line.")._r.find(f"{A}rPr/{A}ea").get("typeface") == "+mn-ea"
    assert run_of(data, LINES["ko-KR"])._r.find(f"{A}rPr/{A}ea").get("typeface") == "+mn-ea"


def test_a_korean_deck_is_not_drawn_in_a_japanese_face_unless_the_set_names_one(theme):
    faces = {rpr.get("typeface") for rpr in _east_asian_faces(render_pptx(mixed("ko"), _unnamed(theme)))}
    assert faces == {"+mn-ea", "+mj-ea"}  # Malgun Gothic, from the scheme's Hang face
    named = {rpr.get("typeface") for rpr in _east_asian_faces(render_pptx(mixed("ko"), theme))}
    assert "Yu Gothic" in named  # a set that names a face keeps it, in its own language


def _east_asian_faces(data: bytes) -> list:
    deck = Presentation(io.BytesIO(data))
    return [el for slide in deck.slides for shape in slide.shapes if shape.has_text_frame for el in shape._element.iter(f"{A}ea")]
