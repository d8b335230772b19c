"""Tables too wide for the page: smaller type, a landscape page of their own, or a refusal that says what to do."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reportgen.document.model import Document, DocumentInfo, FigureRef, Heading, Paragraph, Run, Table, TableBlock
from reportgen.errors import Location, RenderError
from reportgen.render.pdf import render_pdf
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.wide import TABLE_FLOOR, column_needs, setting
from reportgen.theme import Theme


def wide(columns: int) -> Table:
    return Table(
        id="wide", number=1, title="Quarterly values", caption="Every quarter since 2018.",
        columns=tuple(f"Q{i + 1}" for i in range(columns)),
        rows=tuple(tuple(str((i + r) * 7 % 100) for i in range(columns)) for r in range(6)),
        source="Ministry of Finance", location=Location("outline.yaml", 44, 18),
    )


def document(table: Table) -> Document:
    blocks = (
        Heading(1, (Run("Before"),)), Paragraph((Run("Text before the table."),)),
        FigureRef(table.id), Paragraph((Run("Text after the table."),)),
    )
    return Document(DocumentInfo(title="Wide", organization="Unit", marking="TEST"), blocks, {table.id: table})


def pages(data: bytes) -> list[tuple[float, float, str]]:
    reader = PdfReader(io.BytesIO(data))
    return [(float(p.mediabox.width), float(p.mediabox.height), p.extract_text()) for p in reader.pages]


def test_thirty_columns_go_on_a_landscape_page_of_their_own() -> None:
    out = pages(render_pdf(document(wide(30)), Theme()))
    turned = [i for i, (w, h, _) in enumerate(out) if w > h]
    assert len(turned) == 1
    width, height, text = out[turned[0]]
    assert (round(width), round(height)) == (842, 595)  # A4 turned
    assert "Q1" in text and "Q30" in text and "Table 1." in text
    assert "Every quarter since 2018." in text and "Ministry of Finance" in text  # caption and credit with it
    assert f"Page {turned[0] + 1} of {len(out)}" in text and "Wide" in text  # furniture on the long edge
    assert all(w < h for i, (w, h, _) in enumerate(out) if i != turned[0])
    assert "Text before the table." in out[turned[0] - 1][2] and "Text after the table." in out[turned[0] + 1][2]


def test_a_moderately_wide_table_is_set_smaller_and_stays_portrait() -> None:
    styles = Styles.from_theme(Theme())
    table = wide(20)
    cells = [table.columns, *table.rows]
    normal = styles["table_cell"].fontSize
    assert sum(column_needs(cells, styles, normal)) > styles.geometry.frame_width
    found = setting(cells, styles, styles.geometry.frame_width, can_turn=True)
    assert found is not None and not found.turned and TABLE_FLOOR <= found.size < normal
    out = pages(render_pdf(document(table), Theme()))
    assert all(w < h for w, h, _ in out)
    assert any("Q20" in text for _, _, text in out)


def test_a_table_that_fits_keeps_the_theme_type() -> None:
    styles = Styles.from_theme(Theme())
    table = wide(8)
    found = setting([table.columns, *table.rows], styles, styles.geometry.frame_width, can_turn=True)
    assert found is not None and (found.size, found.turned) == (styles["table_cell"].fontSize, False)


def test_an_impossible_table_is_refused_at_its_outline_line_with_what_to_change() -> None:
    with pytest.raises(RenderError) as caught:
        render_pdf(document(wide(200)), Theme())
    assert caught.value.one_line() == (
        "outline.yaml:44:18: figures.wide: the table has 200 columns, more than fit the page, even turned to "
        "landscape in 6.5 pt type (split the table into tables of at most 25 columns)"
    )


def test_a_markdown_table_is_turned_too_and_refused_by_its_headings() -> None:
    header = tuple((Run(f"Q{i + 1}"),) for i in range(30))
    rows = (tuple((Run(str(i)),) for i in range(30)),)
    doc = Document(DocumentInfo(title="Pipe"), (Paragraph((Run("Before."),)), TableBlock(header, rows)))
    out = pages(render_pdf(doc, Theme()))
    assert [w > h for w, h, _ in out] == [False, True] and "Q30" in out[1][2]
    header = tuple((Run(f"Q{i + 1}"),) for i in range(200))
    with pytest.raises(RenderError) as caught:
        render_pdf(Document(DocumentInfo(title="Pipe"), (TableBlock(header, ()),)), Theme())
    assert caught.value.one_line() == (
        "the Markdown table headed \"Q1 | Q2 | Q3 | \u2026\" in the brief's template has 200 columns, more than fit "
        "the page, even turned to landscape in 6.5 pt type (split the table into tables of at most 25 columns)"
    )
