"""End to end: render the hand-built brief and read it back with pypdf and pdfplumber."""

from __future__ import annotations

import io
import re

import pdfplumber
from pypdf import PdfReader

from reportgen.document.model import Container, Document, FigureRef, Heading, Paragraph, Quote, Run, TableBlock
from reportgen.render.pdf import render_pdf
from reportgen.theme import Theme
from reportgen.theme.brief import BriefOptions, Page


def flat(text: str) -> str:
    return " ".join(text.split())


def outline_titles(reader: PdfReader) -> list[tuple[int, str, int]]:
    out: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for entry in items:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return out


def page_of(page_texts: list[str], needle: str) -> int:
    """1-based number of the first page whose text contains *needle* (whitespace-insensitive)."""
    return next(i for i, text in enumerate(page_texts, start=1) if needle in flat(text))


def test_metadata(reader: PdfReader) -> None:
    meta = reader.metadata
    assert meta.title == "Japan's Defense Policy and Its Asian Allies"
    assert meta.author == "Jane Zhou"
    assert meta["/Keywords"] == "Japan, defense policy, Quad"
    assert meta.subject == "Threats, strategy, partnerships and the choices ahead"
    assert meta.creator == "reportgen"
    assert meta["/CreationDate"].startswith("D:20250115")


def test_subject_prefers_info_subject(make_document) -> None:
    data = render_pdf(make_document(subject="Defense policy brief"), Theme())
    assert PdfReader(io.BytesIO(data)).metadata.subject == "Defense policy brief"


def test_outline_has_every_section_and_subsection_on_the_right_page(reader, page_texts, sample) -> None:
    entries = outline_titles(reader)
    first, second, third = sample.sections
    assert [title for _, title, _ in entries] == [first, second, *sample.subsections, third]
    assert [depth for depth, _, _ in entries] == [0, 0, 1, 1, 0]
    for _, title, page in entries:
        seen = 2 if page == 2 else 1  # page 2 also lists it in the table of contents
        assert flat(page_texts[page - 1]).count(title) == seen, title
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_toc_lists_sections_with_their_page_numbers(pdf_bytes: bytes, reader: PdfReader) -> None:
    pages = {title: page for _, title, page in outline_titles(reader)}
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        toc_lines = pdf.pages[1].extract_text().splitlines()
    for title, page in pages.items():
        assert f"{title} {page}" in toc_lines, title


def test_toc_entries_link_to_their_headings(reader: PdfReader) -> None:
    expected = {page for _, _, page in outline_titles(reader)}
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    targets = set()
    for link in links:
        dest = link.get("/Dest")
        if dest is not None:
            targets.add(reader.get_page_number(dest[0].get_object()) + 1)
    assert len(links) >= 2 * 5  # entry text and page number, for each of the five headings
    assert targets == expected


def test_several_pages_with_cover_first(reader: PdfReader, page_texts: list[str]) -> None:
    assert len(reader.pages) > 1
    assert "Japan's Defense Policy and Its" in page_texts[0]
    assert "Page 1" not in page_texts[0]


def test_every_bullet_is_printed(page_texts: list[str], sample) -> None:
    text = flat(" ".join(page_texts))
    assert len(sample.bullets) == 9
    for bullet in sample.bullets:
        assert flat(bullet) in text, bullet


def test_markup_characters_print_literally(page_texts: list[str]) -> None:
    text = flat(" ".join(page_texts))
    assert "<b>&" in text
    assert "{{ x }}" in text
    assert "# Title" in text


def test_notes_are_not_printed_and_unknown_containers_are(page_texts: list[str]) -> None:
    text = flat(" ".join(page_texts))
    assert "SPEAKER NOTES" not in text
    assert "Unknown containers render their blocks plainly." in text


def test_footer_says_page_x_of_n_on_every_body_page(page_texts: list[str]) -> None:
    total = len(page_texts)
    for number, text in enumerate(page_texts[1:], start=2):
        assert f"Page {number} of {total}" in text
    assert not re.search(r"Page \d+ of \d+", page_texts[0])


def test_marking_top_and_bottom_on_every_page(page_texts: list[str], sample) -> None:
    for text in page_texts:
        assert text.count(sample.marking) == 2


def test_long_table_repeats_its_header_on_the_next_page(page_texts: list[str], sample) -> None:
    first, last = page_of(page_texts, "Programme 00"), page_of(page_texts, "Programme 39")
    assert last > first
    for number in (first, last):
        assert all(name in page_texts[number - 1] for name in sample.table_header)
    assert "Programme 38" in page_texts[last - 1]  # no single orphaned row on the last page
    assert all(text.count(sample.table_header[-1]) <= 1 for text in page_texts)  # one header per page
    assert "Table 2. Acquisition programmes, 2000-2039" in flat(page_texts[first - 1])


def test_figures_have_label_caption_and_source(page_texts: list[str]) -> None:
    text = flat(" ".join(page_texts))
    assert "Figure 1. Japan's initial defense budget, FY2022-FY2025" in text
    assert "Source: Kyodo News (2023-12-22); Associated Press (2024-12-27)" in text
    assert "Source: Ministry of Defense (2024)" in text
    assert "FY2025" in text and "8.7" in text  # category and value labels are real text (vector chart)


def test_glossary_table_block(page_texts: list[str]) -> None:
    text = flat(" ".join(page_texts))
    assert "Humanitarian assistance and disaster relief" in text


def test_identical_input_gives_identical_bytes(pdf_bytes: bytes, make_document) -> None:
    assert render_pdf(make_document(), Theme()) == pdf_bytes


def test_source_date_epoch_sets_the_creation_date(monkeypatch, make_document) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = render_pdf(make_document(), Theme())
    assert PdfReader(io.BytesIO(data)).metadata["/CreationDate"].startswith("D:20231114")
    assert data == render_pdf(make_document(), Theme())


def test_page_size_follows_the_theme(reader: PdfReader, make_document) -> None:
    assert [round(float(v)) for v in reader.pages[0].mediabox] == [0, 0, 595, 842]
    letter = render_pdf(make_document(), Theme(brief=BriefOptions(page=Page(size="Letter"))))
    pages = PdfReader(io.BytesIO(letter)).pages
    assert all([round(float(v)) for v in page.mediabox] == [0, 0, 612, 792] for page in pages)


def test_no_marking_no_cover_minimal_document(make_document) -> None:
    doc = Document(
        make_document(marking="").info,
        (Heading(1, (Run("Only section"),)), Paragraph((Run("Text."),))),
    )
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(doc, Theme()))).pages]
    assert len(texts) == 1
    assert "Only section" in texts[0] and "Page 1 of 1" in texts[0]
    assert "UNCLASSIFIED" not in texts[0]


def test_cover_title_falls_back_to_document_title(make_document) -> None:
    doc = Document(make_document().info, (Container("cover", "", (Paragraph((Run("Jane Zhou"),)),)),))
    text = PdfReader(io.BytesIO(render_pdf(doc, Theme()))).pages[0].extract_text()
    assert "Japan's Defense Policy" in text and "Jane Zhou" in text


def test_figures_and_boxes_inside_columns_and_quotes(make_document) -> None:
    sample = make_document()
    blocks = (
        Container("columns", "", (
            Container("column", "Left", (FigureRef("budget"), Container("box", "Inner box", (Paragraph((Run("x"),)),)))),
            Container("column", "Right", (TableBlock(((Run("Head"),),), (((Run("cell"),),),)), FigureRef("programmes"))),
        )),
        Quote((FigureRef("budget"),)),
    )
    data = render_pdf(Document(sample.info, blocks, sample.figures), Theme())
    text = flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
    for needle in ("Figure 1. Japan's initial defense budget", "INNER BOX", "Head cell", "Programme 39"):
        assert needle in text
