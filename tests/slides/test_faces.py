"""slides/faces.py and fit.measuring: each run measured in the face that will draw it."""

from __future__ import annotations

import re

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.document.model import Run
from reportgen.fonts.metrics import find_face
from reportgen.slides import faces, fit
from reportgen.slides.faces import AUTOSPACE, AUTOSPACE_EM, Faces
from reportgen.slides.units import Pt

KOREAN = Faces(tag="ko", lang="ko-KR")
ENGLISH = Faces()


def _em(text: str, faces: Faces) -> float:
    with fit.measuring(faces):
        return sum(tok.em for tok in fit.tokens((Run(text),)))


def _helvetica_guess(text: str) -> float:
    """The fitter's old measure: Helvetica, and one em for each wide character."""
    return sum(1.0 if "\uac00" <= ch <= "\ud7a3" else stringWidth(ch, "Helvetica", 1) for ch in text)


@pytest.fixture(scope="module")
def cjk() -> None:
    found = find_face("Malgun Gothic")
    if found is None or "cjk" not in found.path.name.lower():
        pytest.skip("no Noto Sans CJK to stand in for Malgun Gothic")


def test_a_korean_line_is_measured_in_the_korean_face_not_helveticas_guess(cjk):
    plain = "일본은 지금 여러 방향에서 동시에 압박을 받고 있다"
    assert _em(plain, KOREAN) < _helvetica_guess(plain)  # Hangul is 0.92 em in the CJK face, not one em
    hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in plain)
    assert _em(plain, KOREAN) == pytest.approx(0.92 * hangul + plain.count(" ") * stringWidth(" ", "Helvetica", 1))
    quoted = "“적극적 평화주의”·인도·태평양(결론)."
    assert _em(quoted, KOREAN) > _helvetica_guess(quoted)  # ambiguous punctuation at the CJK face's width, and autospace


def test_an_english_line_is_measured_with_arials_widths():
    line = "Deterrence, alliances and the 2% of GDP target"
    assert _em(line, ENGLISH) == pytest.approx(stringWidth(line, "Helvetica", 1))
    calibri = Faces(latin="Calibri")
    found = find_face("Calibri")
    if found is None or "carlito" not in found.path.name.lower():
        pytest.skip("Carlito is not installed")
    assert _em(line, calibri) == pytest.approx(sum(found.em(ch) or 0 for ch in line))
    assert _em(line, calibri) < _em(line, ENGLISH)  # Calibri is narrower: more words to a line


def test_the_sets_east_asian_face_measures_its_own_language_and_the_scheme_the_rest():
    named = Faces(east_asian="Yu Gothic", tag="ko", lang="ko-KR")
    pieces, _ = named.pieces("한국", "한국", bold=False, code=False)
    assert pieces == [("한국", "Yu Gothic|0")]
    pieces, _ = KOREAN.pieces("한국", "한국", bold=True, code=False)
    assert pieces == [("한국", "Malgun Gothic|1")]
    english, _ = ENGLISH.pieces("漢字 and 한글", "漢字 and 한글", bold=False, code=False)
    assert ("한글", "Malgun Gothic|0") in english and ("漢字", "Malgun Gothic|0") in english  # Han beside Hangul is Korean


def test_autospace_is_measured_where_east_asian_text_meets_latin_without_a_space():
    pieces, last = KOREAN.pieces("요약(결론) 끝", "요약(결론) 끝", bold=False, code=False)
    assert [text for text, key in pieces if key == AUTOSPACE] == [" ", " ", " "]  # 약|( (|결 론|) , none at the space
    assert last == "ea"
    following, _ = KOREAN.pieces("A", "", bold=False, code=False, previous=last)  # across runs too
    assert following[0][1] == AUTOSPACE
    assert _em("요약(", KOREAN) == pytest.approx(_em("요약", KOREAN) + AUTOSPACE_EM + stringWidth("(", "Helvetica", 1))


def test_the_faces_hold_only_inside_the_plan_that_names_them():
    text = (Run("Ａ"),)  # a full-width letter: the East Asian face
    with fit.measuring(Faces(east_asian="No Such Face", tag="ja", lang="ja-JP")):
        inside = fit.count_lines(text, Pt(20), Pt(20))
    assert inside == fit.count_lines(text, Pt(20), Pt(20))  # the guess of one em, as the CJK face has
    assert fit.tokens(text) == fit.tokens(text) and fit._faces() is fit._ENGLISH


@pytest.mark.parametrize("text", ["Plain ASCII, 2025.", " leading space", "“Curly” — dashes… and €5", "Ελλάδα и Россия", ""])
def test_the_latin_shortcut_gives_what_the_character_by_character_rule_gives(text, monkeypatch):
    fast = [ENGLISH.pieces(text, text, bold=False, code=False, previous=previous) for previous in ("", "ea", "latin")]
    monkeypatch.setattr(faces, "_LATIN_FACE", re.compile("(?!)"))  # matches nothing: every text takes the general path
    slow = [ENGLISH.pieces(text, text, bold=False, code=False, previous=previous) for previous in ("", "ea", "latin")]
    assert fast == slow
