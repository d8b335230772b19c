"""Every renderer handles every block type, container kind, chart kind and layout of the vocabularies.

Each item is written in the dialect, read by the Markdown reader and rendered by
both formats; the item's text (or its chart's category) must come out where the
dialect says (docs/dialect.md). A kind added to :mod:`reportgen.document.vocab`
or a block type added to the model without an entry here fails.
"""

from __future__ import annotations

import io
from typing import get_args

import pytest
from pptx import Presentation
from pypdf import PdfReader

from reportgen.document.markdown import parse_markdown
from reportgen.document.model import Block, Chart, Document, DocumentInfo, Series
from reportgen.document.vocab import ChartKind, ContainerKind, Layout
from reportgen.render.pdf import render_pdf
from reportgen.render.pptx import render_pptx
from reportgen.theme import Theme

MARK = "zebrafinch"
INFO = DocumentInfo("Coverage")

BLOCKS = {
    "Heading": f"## {MARK}\n",
    "Paragraph": f"{MARK} text.\n",
    "BulletList": f"- {MARK}\n  - child\n",
    "TableBlock": f"| Head | B |\n| --- | --- |\n| {MARK} | 2 |\n",
    "FigureRef": "![](figure:chart)\n",
    "Container": f"::: lead\n{MARK}\n:::\n",
    "Quote": f"> {MARK}\n",
    "CodeBlock": f"```\n{MARK}\n```\n",
    "Rule": f"{MARK} before\n\n---\n\nafter\n",
}

CONTAINERS: dict[ContainerKind, tuple[str, bool, bool]] = {
    # kind: (Markdown, the brief shows MARK, the deck shows MARK)
    ContainerKind.COVER: (f"::: cover\n# {MARK}\n:::\n", True, False),
    ContainerKind.MASTHEAD: (f"::: masthead\n# {MARK}\n:::\n", True, False),
    ContainerKind.TOC: (f"# Before\n\n::: toc {MARK}\n:::\n", True, False),
    ContainerKind.BOX: (f"::: box {MARK}\nInside.\n:::\n", True, False),
    ContainerKind.LEAD: (f"::: lead\n{MARK}\n:::\n", True, True),
    ContainerKind.NOTES: (f"# Slide\n\n::: notes\n{MARK}\n:::\n", False, True),
    ContainerKind.COLUMNS: (f":::: columns\n::: column A\n{MARK}\n:::\n::: column B\nb\n:::\n::::\n", True, True),
    ContainerKind.COLUMN: (f":::: columns\n::: column {MARK}\na\n:::\n::: column B\nb\n:::\n::::\n", True, True),
}


def chart(kind: ChartKind) -> Chart:
    return Chart("chart", kind, 1, "A chart", "", (MARK, "Other"), (Series("S", (3.0, 4.0)),), "")


def document(markdown: str, kind: ChartKind = ChartKind.BAR) -> Document:
    return parse_markdown(markdown, INFO, {"chart": chart(kind)})


def brief_text(doc: Document) -> str:
    reader = PdfReader(io.BytesIO(render_pdf(doc, Theme())))
    return " ".join(page.extract_text() for page in reader.pages).casefold()  # box titles are set in capitals


def deck_text(doc: Document) -> str:
    prs = Presentation(io.BytesIO(render_pptx(doc, Theme())))
    texts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
            if shape.has_chart:
                texts += [str(c) for c in shape.chart.plots[0].categories]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return " ".join(texts).casefold()


@pytest.mark.parametrize("block", [t.__name__ for t in get_args(Block)])
def test_every_block_type_reaches_both_formats(block):
    doc = document(BLOCKS[block])
    assert any(type(b).__name__ == block for b in doc.blocks)
    assert MARK in brief_text(doc)
    assert MARK in deck_text(doc)


@pytest.mark.parametrize("kind", list(ContainerKind))
def test_every_container_kind_is_handled_as_the_dialect_says(kind):
    markdown, in_brief, in_deck = CONTAINERS[kind]
    doc = document(markdown)
    assert (MARK in brief_text(doc)) is in_brief
    assert (MARK in deck_text(doc)) is in_deck


@pytest.mark.parametrize("kind", list(ChartKind))
def test_every_chart_kind_is_drawn_by_both_formats(kind):
    doc = document("![](figure:chart)\n", kind)
    assert MARK in brief_text(doc)
    assert MARK in deck_text(doc)


@pytest.mark.parametrize("layout", list(Layout))
def test_every_layout_makes_a_slide_and_a_brief_heading(layout):
    doc = document(f"# {MARK} {{layout={layout}}}\n\n- a point\n")
    assert MARK in brief_text(doc)
    assert MARK in deck_text(doc)
