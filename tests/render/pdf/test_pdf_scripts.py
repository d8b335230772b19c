"""Complex scripts in the brief end to end: shaped, in reading order, and read back by pdftotext.

Each line is set in a system Noto font for its script (the theme's fallback font,
beside Noto Sans for Latin); the test skips when a font is absent, unless
REPORTGEN_REQUIRE_CLIENTS=1.
"""

from __future__ import annotations

import io
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest

from reportgen.document.model import Document, DocumentInfo, Heading, Paragraph, Run, TableBlock
from reportgen.render.pdf import render_pdf
from reportgen.theme import Theme
from support.tools import require_tool

NOTO = Path("/usr/share/fonts/truetype/noto")
LATIN = Path(__file__).resolve().parents[3] / "templates/default/assets/fonts/NotoSans-Regular.ttf"
LINES = {
    "NotoSansDevanagari-Regular.ttf": "हिन्दी में क्षेत्रीय सुरक्षा",
    "NotoSansThai-Regular.ttf": "ความมั่นคงในภูมิภาค",
    "NotoSansArabic-Regular.ttf": "الأمن الإقليمي",
    "NotoSansHebrew-Regular.ttf": "ביטחון אזורי",
}
MIXED = ("The phrase ", "الأمن الإقليمي", " means regional security.")
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def font(name: str) -> Path:
    path = NOTO / name
    if not path.exists():
        if os.environ.get("REPORTGEN_REQUIRE_CLIENTS") == "1":
            pytest.fail(f"{path} is required (REPORTGEN_REQUIRE_CLIENTS=1); install fonts-noto-core")
        pytest.skip(f"{path} is not installed")
    return path


def theme_with(script_font: Path) -> Theme:
    family = script_font.stem.replace("-", "")
    theme = Theme.model_validate({"brief": {"fonts": {"body": "NotoSans", "heading": "NotoSans", "cjk": family}}})
    theme.font_paths.update({"NotoSans": {"regular": LATIN}, family: {"regular": script_font}})
    return theme


def read_back(pdf: bytes, tmp_path: Path) -> list[str]:
    """pdftotext's lines, NFC-normalized, without the bidi controls it puts around right-to-left runs."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([require_tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(unicodedata.normalize("NFC", line.translate(BIDI_CONTROLS)).split()) for line in out.splitlines()]


def spans(pdf: bytes) -> int:
    """How many ActualText spans the pages draw: only shaped text has them."""
    from pypdf import PdfReader

    return sum(page.get_contents().get_data().count(b"/ActualText") for page in PdfReader(io.BytesIO(pdf)).pages)


def document(*paragraphs: str, language: str = "en") -> Document:
    blocks = [Paragraph((Run(text),)) for text in paragraphs]
    return Document(DocumentInfo("Scripts", language=language), tuple(blocks), {})


@pytest.mark.parametrize("name", sorted(LINES))
def test_every_script_reads_back_in_logical_order(name: str, tmp_path: Path) -> None:
    text = LINES[name]
    rtl = name.startswith(("NotoSansArabic", "NotoSansHebrew"))
    pdf = render_pdf(document(text, language="ar" if rtl else "en"), theme_with(font(name)))
    assert unicodedata.normalize("NFC", text) in read_back(pdf, tmp_path)
    assert spans(pdf) > 0


def test_an_arabic_phrase_in_an_english_sentence_reads_back_with_the_english_around_it(tmp_path: Path) -> None:
    pdf = render_pdf(document("".join(MIXED)), theme_with(font("NotoSansArabic-Regular.ttf")))
    line = next(line for line in read_back(pdf, tmp_path) if "phrase" in line)
    # poppler moves the space after a right-to-left run to its start: compare without spaces
    assert line.replace(" ", "") == "".join(MIXED).replace(" ", "")


def test_headings_and_table_cells_are_shaped_too(tmp_path: Path) -> None:
    text = LINES["NotoSansDevanagari-Regular.ttf"]
    table = TableBlock(header=((Run("Term"),), (Run("Meaning"),)), rows=(((Run(text),), (Run("regional security"),)),))
    blocks = (Heading(1, (Run(text),)), table)
    pdf = render_pdf(Document(DocumentInfo("Scripts"), blocks, {}), theme_with(font("NotoSansDevanagari-Regular.ttf")))
    lines = read_back(pdf, tmp_path)
    assert lines.count(text) == 2  # the heading and the cell
    assert "regional security" in lines


def test_page_furniture_is_shaped_and_reads_back(tmp_path: Path) -> None:
    title = LINES["NotoSansArabic-Regular.ttf"]
    doc = Document(DocumentInfo(title, organization=LINES["NotoSansArabic-Regular.ttf"], language="ar"), (Paragraph((Run("نص"),)),), {})
    lines = read_back(render_pdf(doc, theme_with(font("NotoSansArabic-Regular.ttf"))), tmp_path)
    assert sum(title in line for line in lines) == 2  # the running header and the footer


def test_readers_that_ignore_actual_text_read_conjuncts_and_tone_marks_from_the_to_unicode_map() -> None:
    from pypdf import PdfReader

    thai = LINES["NotoSansThai-Regular.ttf"]
    pdf = render_pdf(document(thai), theme_with(font("NotoSansThai-Regular.ttf")))
    assert thai in unicodedata.normalize("NFC", PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    pdf = render_pdf(document("क्षेत्रीय सुरक्षा"), theme_with(font("NotoSansDevanagari-Regular.ttf")))
    assert "क्षेत्रीय सुरक्षा" in unicodedata.normalize("NFC", PdfReader(io.BytesIO(pdf)).pages[0].extract_text())


def test_chart_legends_are_shaped_and_read_back_and_category_labels_are_shaped(tmp_path: Path) -> None:
    from reportlab.graphics import renderPDF

    from reportgen.document.model import Chart, Series
    from reportgen.render.pdf import fonts
    from reportgen.render.pdf._internals_text import SourceCanvas
    from reportgen.render.pdf.charts import chart_drawing
    from reportgen.render.pdf.styles import Styles

    arabic = font("NotoSansArabic-Regular.ttf")
    theme = Theme.model_validate({"brief": {"fonts": {"body": "NotoSansArabicRegular", "heading": "NotoSansArabicRegular"}}})
    theme.font_paths.update({"NotoSansArabicRegular": {"regular": arabic}})
    fonts.register(theme)
    series = (Series("الأمن", (1, 2)), Series("الإقليمي", (2, 1)))
    drawing = chart_drawing(Chart("c", "bar", 1, "T", "", ("شمال", "جنوب"), series, ""), Styles.from_theme(theme), 400)
    path = tmp_path / "chart.pdf"
    canvas = SourceCanvas(str(path))
    renderPDF.draw(drawing, canvas, 20, 400)
    canvas.save()
    out = subprocess.run([require_tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = unicodedata.normalize("NFKC", out.translate(BIDI_CONTROLS)).split()
    assert {"الأمن", "الإقليمي"} <= set(words)  # legend strings: ActualText
    assert {"شمال", "جنوب"} <= set(words)  # category labels: shaped glyphs, read as presentation forms (NFKC)
    assert any("\ufe70" <= char <= "\ufeff" for char in out)  # joined forms: the labels were shaped


def test_contents_entries_are_shaped_and_read_back(tmp_path: Path) -> None:
    from reportgen.document.model import Container
    from reportgen.document.vocab import ContainerKind

    text = LINES["NotoSansDevanagari-Regular.ttf"]
    theme = theme_with(font("NotoSansDevanagari-Regular.ttf"))
    blocks = (Container(ContainerKind.TOC, "", ()), Heading(1, (Run(text),)))
    pdf = render_pdf(Document(DocumentInfo("Scripts"), blocks, {}), theme)
    assert spans(pdf) == 2 * spans(render_pdf(Document(DocumentInfo("Scripts"), blocks[1:], {}), theme))
    lines = read_back(pdf, tmp_path)
    assert sum(line.startswith(text) for line in lines) == 2  # the contents entry (with its page number) and the heading
