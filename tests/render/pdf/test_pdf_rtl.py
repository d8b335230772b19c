"""The mirrored page of a right-to-left brief, measured in the PDF with pdfplumber.

The Arabic outline (tests/data/outlines/regional-security.ar.yaml) is built
with a set that extends the default one and sets the body in Noto Sans Arabic,
so its glyphs are drawn; whether they are shaped and in visual order is not
what these tests look at, only which side of the page each thing is on.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from reportgen import build_pack
from reportgen.outline import load_outline
from reportgen.render.pdf import render_pdf
from reportgen.theme import Theme
from reportgen.validate import validate
from support.tools import require_font

REPO = Path(__file__).resolve().parents[3]
ARABIC = REPO / "tests" / "data" / "outlines" / "regional-security.ar.yaml"
ENGLISH = REPO / "content" / "japan-defense.yaml"
FONTS = Path("/usr/share/fonts/truetype/noto")
ENGLISH_BRIEF_SHA256 = "9fb0a72e9ed56eac28bc44075b677caad8e387b2c44806248320a83448051ac7"
"""The default English brief with SOURCE_DATE_EPOCH=0, before right-to-left pages existed; change it only with a
change that means to alter the English brief."""
MARGIN = 24 * 72 / 25.4  # the default set's left and right margins, in points
TOLERANCE = 1.5
PRIMARY = "#1B365D"
"""The default set's primary colour, the page number's."""


def _arabic_set(folder: Path) -> Path:
    (folder / "assets").mkdir(parents=True)
    for face in ("Regular", "Bold"):
        shutil.copy(require_font(str(FONTS / f"NotoSansArabic-{face}.ttf")), folder / "assets")
    (folder / "theme.yaml").write_text(
        "extends: default\n"
        "font_files:\n"
        "  NotoSansArabic:\n"
        "    regular: assets/NotoSansArabic-Regular.ttf\n"
        "    bold: assets/NotoSansArabic-Bold.ttf\n"
        "brief:\n"
        "  fonts:\n"
        "    body: NotoSansArabic\n"
        "    heading: NotoSansArabic-Bold\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> pdfplumber.PDF:
    root = tmp_path_factory.mktemp("rtl")
    (brief,) = build_pack(ARABIC, template=_arabic_set(root / "set"), out_dir=root / "out", formats="pdf")
    with pdfplumber.open(brief) as pdf:
        yield pdf


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ltr")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "0")
    try:
        (brief,) = build_pack(ENGLISH, out_dir=root / "out", formats="pdf")
    finally:
        mp.undo()
    return brief


def _lines(page: pdfplumber.page.Page, size: float) -> list[dict]:
    return [line for line in page.extract_text_lines() if all(abs(c["size"] - size) < 0.05 for c in line["chars"])]


def _same(found: str, wanted: str) -> bool:
    """Whether text read from the PDF is *wanted*, in logical or visual order, presentation forms or not."""
    glyphs = "".join(found.split())
    visual = "".join(unicodedata.normalize("NFKC", glyph) for glyph in reversed(glyphs))  # a ligature's letters in order
    found, wanted = (unicodedata.normalize("NFKC", "".join(t.split())) for t in (found, wanted))
    return found in (wanted, wanted[::-1]) or visual == wanted


def _page_with(pdf: pdfplumber.PDF, size: float) -> pdfplumber.page.Page:
    """The first page with a line in *size* type (the lead paragraph's 12 pt: the first section's page)."""
    return next(page for page in pdf.pages[1:] if _lines(page, size))


def test_the_arabic_outline_validates_as_a_right_to_left_brief(tmp_path: Path) -> None:
    report = validate(ARABIC, template=_arabic_set(tmp_path / "set"))
    assert report.errors(strict=True) == [], report.errors(strict=True)
    outline = load_outline(ARABIC)
    assert outline.meta.language == "ar" and len(outline.sections) >= 3
    kinds = {figure.type for section in outline.sections for figure in section.figures}
    assert {"table", "bar"} <= kinds and outline.sources


def test_the_english_default_brief_is_byte_identical(english: Path) -> None:
    assert hashlib.sha256(english.read_bytes()).hexdigest() == ENGLISH_BRIEF_SHA256


def test_paragraph_lines_end_at_the_right_margin_and_are_ragged_on_the_left(arabic: pdfplumber.PDF) -> None:
    page = _page_with(arabic, 12.0)
    right = page.width - MARGIN
    lead = _lines(page, 12.0)  # the lead paragraph (one line, shaped: joined Arabic is narrower)
    assert lead
    assert all(abs(line["x1"] - right) < TOLERANCE for line in lead), [line["x1"] for line in lead]
    assert lead[-1]["x0"] > MARGIN + 20  # the short last line leaves the left side open
    assert lead[0]["x0"] > MARGIN - TOLERANCE


def test_bullets_hang_right_of_their_items_and_nested_items_move_in_from_the_right(arabic: pdfplumber.PDF) -> None:
    page = _page_with(arabic, 12.0)
    body = [line for line in _lines(page, 10.5) if line["top"] > _lines(page, 12.0)[-1]["top"]]
    items = [(bullet, text) for bullet, text in zip(body, body[1:], strict=False) if bullet["text"].strip() in ("\u2022", "\u2013")]
    assert len(items) >= 6
    right = page.width - MARGIN
    for bullet, text in items:
        assert bullet["x0"] > text["x1"], (bullet["text"], bullet["x0"], text["x1"])
    top = [bullet for bullet, _ in items if bullet["text"].strip() == "\u2022"]
    nested = [bullet for bullet, _ in items if bullet["text"].strip() == "\u2013"]
    assert all(abs(b["x1"] - right) < TOLERANCE for b in top)
    assert all(right - b["x1"] == pytest.approx(14, abs=TOLERANCE) for b in nested)  # one LIST_INDENT in


def test_the_first_table_column_is_the_rightmost(arabic: pdfplumber.PDF) -> None:
    columns = next(f for s in load_outline(ARABIC).sections for f in s.figures if f.type == "table").columns
    for page in arabic.pages:
        words = page.extract_words()
        found = {name: [w for w in words if _same(w["text"], name)] for name in columns}
        if all(found.values()):
            break
    else:
        pytest.fail("no page shows every column heading of the table")
    header_top = found[columns[0]][0]["top"]
    lefts = [next(w for w in found[name] if abs(w["top"] - header_top) < 2)["x0"] for name in columns]
    assert lefts == sorted(lefts, reverse=True)  # first column rightmost, the last leftmost


def test_contents_page_numbers_sit_left_of_their_titles(arabic: pdfplumber.PDF) -> None:
    page = arabic.pages[1]
    entries = [line for line in _lines(page, 10.5) if line["chars"][0]["text"].isdigit() and line["top"] < 250]
    assert len(entries) == 6  # four sections, sources, glossary
    for line in entries:
        number, title = line["chars"][0], [c for c in line["chars"][1:] if c["text"].strip()]
        assert abs(number["x0"] - MARGIN) < TOLERANCE
        assert number["x1"] < min(c["x0"] for c in title) - 100
        assert abs(line["x1"] - (page.width - MARGIN)) < TOLERANCE


def _span(chars: list[dict]) -> dict[str, float]:
    assert chars
    return {"x0": min(c["x0"] for c in chars), "x1": max(c["x1"] for c in chars)}


def _furniture(page: pdfplumber.page.Page) -> tuple[dict[str, float], dict[str, float]]:
    """Where the running header's date (its digits) and the footer's page number (in the primary colour) are."""
    small = [c for c in page.chars if abs(c["size"] - 7.5) < 0.05]
    date = [c for c in small if c["top"] < page.height / 2 and c["text"].isdigit()]
    primary = tuple(int(PRIMARY[i:i + 2], 16) / 255 for i in (1, 3, 5))
    number = [c for c in small if c["top"] > page.height / 2 and c["text"].strip()
              and tuple(c["non_stroking_color"]) == pytest.approx(primary, abs=0.01)]
    return _span(date), _span(number)


def test_the_running_header_and_footer_swap_sides(arabic: pdfplumber.PDF, english: Path) -> None:
    with pdfplumber.open(english) as pdf:
        en_date, en_number = _furniture(pdf.pages[2])
        width = pdf.pages[2].width
    ar_date, ar_number = _furniture(arabic.pages[2])
    right = width - MARGIN
    assert abs(en_date["x1"] - right) < TOLERANCE and abs(en_number["x1"] - right) < TOLERANCE
    assert abs(ar_date["x0"] - MARGIN) < TOLERANCE and abs(ar_number["x0"] - MARGIN) < TOLERANCE


def test_the_cover_band_is_on_the_right(arabic: pdfplumber.PDF) -> None:
    cover = arabic.pages[0]
    band = [r for r in cover.rects if r["height"] > cover.height - 1]
    assert band and all(abs(r["x1"] - cover.width) < 0.5 for r in band)


@pytest.fixture(scope="module")
def mirrored_sample(make_document) -> pdfplumber.PDF:
    """The hand-built sample Document (Latin text, so the standard fonts draw it) as a right-to-left brief."""
    with pdfplumber.open(io.BytesIO(render_pdf(make_document(language="ar"), Theme()))) as pdf:
        yield pdf


def _word(pdf: pdfplumber.PDF, text: str) -> tuple[pdfplumber.page.Page, dict]:
    for page in pdf.pages:
        for word in page.extract_words():
            if word["text"] == text:
                return page, word
    raise AssertionError(f"{text!r} is not in the PDF")


def test_columns_run_from_right_to_left_and_rules_sit_on_the_right(mirrored_sample: pdfplumber.PDF) -> None:
    page, first = _word(mirrored_sample, "Opportunities")
    _, second = _word(mirrored_sample, "Risks")
    assert first["x0"] > second["x1"]  # the first column is the rightmost
    right = page.width - Theme().brief.page.margin_right_mm * 72 / 25.4
    assert abs(first["x1"] - right) < TOLERANCE
    quote_page, quote = _word(mirrored_sample, "restraint,")
    rules = [r for r in quote_page.rects + quote_page.lines if r["x0"] > quote["x1"] and abs(r["x1"] - right) < 3]
    assert rules, "the quote's rule is not on its right edge"
