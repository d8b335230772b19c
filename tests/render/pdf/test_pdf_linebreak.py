"""The brief's paragraphs break where each script allows, with real fonts, and draw nothing extra."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from reportgen.fonts.truetype import truetype_subset
from reportgen.linebreak import CANNOT_END, CANNOT_START, cluster_boundaries, thai_word_boundaries
from reportgen.render.pdf import flow
from reportgen.render.pdf.flow import Para
from reportgen.render.pdf.linebreak import break_words
from reportgen.render.pdf.styles import Styles
from reportgen.theme import Theme
from support.tools import registered_font

ROOT = Path(__file__).resolve().parents[3]
CJK = ROOT / "reportgen/fonts/data/NotoSansCJKjp-Regular.otf"
NOTO_SANS = ROOT / "templates/default/assets/fonts/NotoSans-Regular.ttf"
SYSTEM_FONTS = Path("/usr/share/fonts/truetype/noto")

JAPANESE = (
    "日本政府は、2022年12月に「国家安全保障戦略」を改定し、防衛力の抜本的強化（反撃能力の保有を含む）を決定した。"
    "さらに、パートナー国との協力を深め、インド太平洋地域の平和と安定に寄与していく方針である。"
)
CHINESE = "中国外交部表示：“我们坚决维护国家主权、安全和发展利益！”双方同意加强合作，推动《联合声明》落实。"
KOREAN = "대한민국 정부는 한미동맹을 바탕으로 인도태평양 지역의 평화와 안정에 기여하고 일본과의 안보 협력을 점진적으로 확대하고 있다."
THAI = "ประเทศไทยมีความสัมพันธ์ทางการทหารกับญี่ปุ่นมาอย่างยาวนานและร่วมฝึกซ้อมรบกับสหรัฐอเมริกาเป็นประจำทุกปี"


@pytest.fixture(autouse=True)
def _unshaped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are read back as the frags' text, which shaping replaces by glyph codes: break positions are
    checked unshaped here, and shaped text is read back from whole PDFs (test_pdf_scripts, e2e)."""
    monkeypatch.setattr(flow, "needs_shaping", lambda text: False)


def _japanese() -> Path:
    """The embedded Japanese face as TrueType, cut to the characters of this file's texts."""
    return truetype_subset(CJK, Path(__file__).read_text(encoding="utf-8"))


_font = registered_font


def _para(text: str, font: str, size: float = 10) -> Para:
    return Para(text, ParagraphStyle("t", fontName=font, fontSize=size, leading=size * 1.4))


def _lines(para: Para, width: float) -> list[str]:
    para.wrap(width, 10_000)
    lines = para.blPara.lines
    if para.blPara.kind == 0:
        return [" ".join(words) for _, words in lines]
    return ["".join(frag.text for frag in line.words).strip() for line in lines]


def _widths(para: Para) -> list[float]:
    bl = para.blPara
    return [line.maxWidth - line.extraSpace for line in bl.lines] if bl.kind == 1 else []


@pytest.mark.parametrize("text", [JAPANESE, CHINESE])
@pytest.mark.parametrize("width", range(60, 241, 9))
def test_cjk_kinsoku_no_line_starts_with_closing_or_ends_with_opening_punctuation(text: str, width: int) -> None:
    lines = _lines(_para(text, _font("LB-CJK", _japanese())), width)
    assert "".join(lines) == text
    assert len(lines) > 1
    for line in lines[1:]:
        assert line[0] not in CANNOT_START, (width, line)
    for line in lines[:-1]:
        assert line[-1] not in CANNOT_END, (width, line)


def test_cjk_lines_are_filled_and_never_overflow() -> None:
    para = _para(JAPANESE, _font("LB-CJK", _japanese()))
    _lines(para, 150)
    widths = _widths(para)
    assert max(widths) <= 150 + 1e-6
    assert min(widths[:-1]) > 150 - 3 * 10  # at most a kinsoku group pushed to the next line


def test_a_japanese_phrase_inside_an_english_sentence_breaks_between_its_characters() -> None:
    font = _font("LB-CJK", _japanese())
    text = "The council published 防衛力の抜本的強化に関する有識者会議報告書 in November."
    para = _para(text, font)
    lines = _lines(para, 160)
    assert lines[0].startswith("The council published 防衛")
    assert max(_widths(para)) <= 160 + 1e-6
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_korean_breaks_at_spaces_only() -> None:
    # the Japanese face lacks Hangul and measures every syllable the same, which is
    # enough to test where lines break (not how they look)
    font = _font("LB-CJK", _japanese())
    words = set(KOREAN.split())
    for width in range(70, 260, 15):
        lines = _lines(_para(KOREAN, font), width)
        assert " ".join(lines) == KOREAN
        for line in lines:
            assert set(line.split()) <= words, (width, line)


def test_a_korean_word_wider_than_the_line_is_the_only_one_split() -> None:
    font = _font("LB-CJK", _japanese())
    long_word = "가" * 30
    lines = _lines(_para(f"안보 {long_word} 협력", font), 100)
    assert len(lines) >= 3 and "".join(lines).replace(" ", "") == f"안보{long_word}협력"
    for line in lines:
        assert all(word in ("안보", "협력") or set(word) == {"가"} for word in line.split()), line


@pytest.mark.parametrize("width", range(158, 215, 8))
def test_thai_breaks_only_at_dictionary_word_boundaries(width: int) -> None:
    font = _font("LB-Thai", SYSTEM_FONTS / "NotoSansThai-Regular.ttf")
    lines = _lines(_para(THAI, font), width)
    assert len(lines) == 3
    assert "".join(lines) == THAI
    allowed = set(thai_word_boundaries(THAI))
    ends = [sum(len(line) for line in lines[: i + 1]) for i in range(len(lines) - 1)]
    assert set(ends) <= allowed


@pytest.mark.parametrize(
    ("name", "file", "word"),
    [
        ("LB-Thai", "NotoSansThai-Regular.ttf", "ญี่ปุ่นกิ่งก้านสั้นๆ" * 3),
        ("LB-Deva", "NotoSansDevanagari-Regular.ttf", "क्षत्रियराष्ट्रीयसुरक्षापरिषद्" * 2),
    ],
)
def test_a_long_word_is_cut_between_grapheme_clusters_only(name: str, file: str, word: str) -> None:
    font = _font(name, SYSTEM_FONTS / file)
    lines = _lines(_para(word, font), 60)
    assert len(lines) > 2 and "".join(lines) == word
    allowed = set(cluster_boundaries(word))
    ends = [sum(len(line) for line in lines[: i + 1]) for i in range(len(lines) - 1)]
    assert set(ends) <= allowed


def test_english_paragraphs_are_left_as_reportlab_makes_them() -> None:
    para = _para("Japan’s record budget — 7.9 trillion yen — <b>grew</b> by 16% (±3).", "Helvetica")
    assert break_words(para.frags, 100) is None


def test_the_breaks_draw_nothing_and_the_text_layer_reads_back() -> None:
    font = _font("LB-CJK", _japanese())
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=(220, 600), leftMargin=20, rightMargin=20).build([_para(JAPANESE, font)])
    text = "".join(PdfReader(out).pages[0].extract_text().split())
    assert "\u200b" not in text
    assert text == JAPANESE.replace(" ", "")


def test_a_split_paragraph_keeps_its_breaks() -> None:
    font = _font("LB-CJK", _japanese())
    para = _para(JAPANESE * 3, font)
    para.wrap(150, 10_000)
    first, second = para.split(150, 14 * 3)
    texts = _lines(first, 150) + _lines(second, 150)
    assert "".join(texts) == JAPANESE * 3
    assert all(line[0] not in CANNOT_START for line in texts[1:])


@pytest.mark.parametrize("language", ["en", "ja", "zh-Hans", "ko"])
def test_no_style_asks_for_reportlabs_cjk_wrap(language: str) -> None:
    styles = Styles.from_theme(Theme(), language)
    assert all(style.wordWrap is None for style in styles.paragraph.values())
