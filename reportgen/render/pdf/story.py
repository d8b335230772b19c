"""Document blocks -> platypus flowables (the story).

:class:`StoryBuilder` walks the blocks once. Top-level level-1 and level-2
headings become :class:`SectionHeading` flowables that carry their outline
entry; the page layer (``page.py``) turns those into bookmarks and table of
contents entries as they are placed. Containers map to designed blocks (see
``docs/dialect.md``); unknown ones render their blocks plainly.

``top`` means "in the main flow" (not inside a box, column or quote, which are
table cells): only there do headings enter the outline and can flowables be
kept together across a page break.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Preformatted, Table
from reportlab.platypus.tableofcontents import TableOfContents

from reportgen.document.model import (
    Block,
    BulletList,
    CodeBlock,
    Container,
    Document,
    FigureRef,
    Heading,
    Quote,
    Rule,
    Runs,
    TableBlock,
)
from reportgen.document.model import Paragraph as ParagraphBlock
from reportgen.document.vocab import ContainerKind
from reportgen.errors import RenderError
from reportgen.render.pdf.citelinks import CitationLinks
from reportgen.render.pdf.contents import contents_table
from reportgen.render.pdf.cover import cover_flowables, masthead_flowables
from reportgen.render.pdf.figures import TABLE_START, KeepTogetherIfItFits, figure_flowables
from reportgen.render.pdf.flow import Para, list_item
from reportgen.render.pdf.inline import plain_text, runs_markup, text_markup
from reportgen.render.pdf.keep import KeptPair
from reportgen.render.pdf.sides import Sides
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.tables import data_table
from reportgen.render.pdf.units import Pt
from reportgen.render.pdf.wide import on_landscape_page, setting, too_wide

BOX_PAD = Pt(14)
QUOTE_PAD = Pt(12)
CODE_PAD = Pt(8)
COLUMN_GUTTER = Pt(20)
BAR_LENGTH = Pt(30)
"""The accent bar over a level-1 heading, at the heading's start side."""


@dataclass(frozen=True)
class OutlineEntry:
    """A heading's place in the PDF outline and the table of contents."""

    level: int
    title: str
    key: str


class SectionHeading(Para):
    """A heading paragraph; ``outline`` (if set) makes it a bookmark and TOC entry, ``bar`` draws a short rule above."""

    outline: OutlineEntry | None = None
    bar: Color | None = None
    sides: Sides = Sides()

    def draw(self) -> None:
        super().draw()
        if self.bar is not None:
            self.canv.saveState()
            self.canv.setFillColor(self.bar)
            self.canv.rect(self.sides.start_x(0, self.width, BAR_LENGTH), self.height + 5, BAR_LENGTH, 2.5, stroke=0, fill=1)
            self.canv.restoreState()


class StoryBuilder:
    def __init__(self, document: Document, styles: Styles) -> None:
        self.document = document
        self.styles = styles
        self.entries: list[OutlineEntry] = []
        self.tocs: list[TableOfContents] = []
        self.links = CitationLinks(document)

    # -- entry point -------------------------------------------------------
    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        for index, block in enumerate(self.document.blocks):
            if isinstance(block, Container) and block.kind == ContainerKind.COVER:
                story += cover_flowables(block, self, first=index == 0)
            else:
                story += self.block(block, self.styles.geometry.frame_width, top=True)
        placeholders = [(e.level, text_markup(e.title), 0, e.key) for e in self.entries]
        for toc in self.tocs:
            toc.addEntries(placeholders)  # the first pass lays out a full-size TOC
        return story

    # -- blocks ------------------------------------------------------------
    def blocks(self, blocks: tuple[Block, ...], width: float, *, top: bool = False, style: str = "body") -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            out += self.block(block, width, top=top, style=style)
        return out

    def block(self, block: Block, width: float, *, top: bool = False, style: str = "body") -> list[Flowable]:
        s = self.styles
        if isinstance(block, ParagraphBlock):
            return [Para(self.markup(block.runs), s[style])] if block.runs else []
        if isinstance(block, Heading):
            return [self.heading(block, top)]
        if isinstance(block, BulletList):
            items = self.bullet_list(block, 0)
            if items:
                items[-1].spaceAfter = s["body"].spaceAfter
            return items
        if isinstance(block, FigureRef):
            figure = self.document.figures.get(block.id)
            if figure is None:
                raise RenderError(f"the document places figure '{block.id}', which it does not have")
            return figure_flowables(figure, s, width, together=top, links=self.links)
        if isinstance(block, TableBlock):
            return self.table_block(block, width, top)
        if isinstance(block, Container):
            return self.container(block, width, top)
        if isinstance(block, Quote):
            inner = self.blocks(block.blocks, width - 2 * QUOTE_PAD, style="quote")
            if not inner:
                return []
            quote = self.panel(inner, width, rule=s.colours.accent, pad=QUOTE_PAD)
            quote.spaceBefore = Pt(4)
            quote.spaceAfter = s["body"].spaceAfter + Pt(4)
            return [quote]
        if isinstance(block, CodeBlock):
            code = Preformatted(block.text.expandtabs(4), s["code"], maxLineLength=_columns(width - 2 * CODE_PAD, s))
            return [self.panel([code], width, fill=s.colours.box_fill, pad=CODE_PAD)]
        if isinstance(block, Rule):
            return [HRFlowable(width="100%", thickness=0.5, color=s.colours.rule, spaceBefore=6, spaceAfter=14)]
        return []

    def markup(self, runs: Runs) -> str:
        return runs_markup(runs, mono=self.styles.fonts.mono, link=self.styles.theme.colours.primary, links=self.links)

    def heading(self, heading: Heading, top: bool) -> Flowable:
        level = min(max(heading.level, 1), 3)
        markup = self.markup(heading.runs)
        entry = None
        if top and level <= 2:
            entry = OutlineEntry(level - 1, plain_text(heading.runs), f"section-{len(self.entries) + 1}")
            self.entries.append(entry)
            markup = f'<a name="{entry.key}"/>{markup}'
        flowable = SectionHeading(markup, self.styles[f"h{level}"])
        flowable.outline = entry
        flowable.sides = self.styles.sides
        if level == 1:
            flowable.bar = self.styles.colours.accent
        return flowable

    def bullet_list(self, bullets: BulletList, level: int) -> list[Flowable]:
        out: list[Flowable] = []
        style = self.styles.bullet(level, ordered=bullets.ordered)
        for number, item in enumerate(bullets.items, start=1):
            glyph = self.styles.bullet_text(level, bullets.ordered, number)
            out.append(list_item(self.markup(item.runs), style, glyph, self.styles.sides))
            if item.children is not None:
                out += self.bullet_list(item.children, level + 1)
        return out

    def table_block(self, table: TableBlock, width: float, top: bool) -> list[Flowable]:
        if not table.header and not table.rows:
            return []
        header = [self.markup(cell) for cell in table.header]
        rows = [[self.markup(cell) for cell in row] for row in table.rows]
        plain = [[plain_text(cell) for cell in row] for row in (table.header, *table.rows)]
        fit = setting(plain, self.styles, width, can_turn=top)
        if fit is None:
            message, hint = too_wide(_pipe_table_name(plain[0]), plain, self.styles, width, can_turn=top)
            raise RenderError(message, hint=hint)
        if fit.turned:
            width = self.styles.geometry.turned().frame_width
        flowable = data_table(header, rows, plain, self.styles, width, size=fit.size)
        flowable.spaceBefore = Pt(4)
        flowable.spaceAfter = self.styles["body"].spaceAfter + Pt(8)
        if not top:
            return [flowable]
        kept: list[Flowable] = [KeepTogetherIfItFits([flowable], TABLE_START)]
        return on_landscape_page(kept) if fit.turned else kept

    # -- containers --------------------------------------------------------
    def container(self, container: Container, width: float, top: bool) -> list[Flowable]:
        kind = container.kind
        if kind == ContainerKind.NOTES:
            return []
        if kind == ContainerKind.LEAD:
            return self.blocks(container.blocks, width, top=top, style="lead")
        if kind == ContainerKind.BOX:
            box = self.box(container, width)
            return [] if box is None else [KeepTogether([box]) if top else box]
        if kind == ContainerKind.COLUMNS:
            return [self.columns(container, width)] if container.blocks else []
        if kind == ContainerKind.TOC:
            return self.toc(container) if top else []
        if kind == ContainerKind.MASTHEAD:
            return masthead_flowables(container, self)
        if kind == ContainerKind.COLUMN:
            return self.column(container, width)
        return self.blocks(container.blocks, width, top=top)  # a cover inside another container reads as text

    def box(self, container: Container, width: float) -> Flowable | None:
        s = self.styles
        inner = self.blocks(container.blocks, width - 2 * BOX_PAD)
        if container.args:
            title = Para(text_markup(container.args), s["box_title"])
            inner[:1] = [KeptPair(title, inner[0]) if inner else title]
        if not inner:
            return None
        table = self.panel(inner, width, fill=s.colours.box_fill, rule=s.colours.primary, pad=BOX_PAD)
        table.spaceBefore = Pt(6)
        table.spaceAfter = s["body"].spaceAfter + Pt(10)
        return table

    def column(self, container: Container, width: float) -> list[Flowable]:
        out: list[Flowable] = []
        if container.args:
            out.append(Para(text_markup(container.args), self.styles["column_title"]))
        return out + self.blocks(container.blocks, width)

    def columns(self, container: Container, width: float) -> Flowable:
        groups = [block for block in container.blocks if isinstance(block, Container)]  # the reader made sure each is a column
        count = max(len(groups), 1)
        column_width = (width - COLUMN_GUTTER * (count - 1)) / count
        cells = [self.column(group, column_width) or [Para("", self.styles["body"])] for group in groups]
        cells = self.styles.sides.in_reading_order(cells)  # the first column at the start side
        half = COLUMN_GUTTER / 2
        # every cell is padded by half a gutter on its inner sides, so all columns get column_width of text
        widths = [column_width + (half if i > 0 else 0) + (half if i < count - 1 else 0) for i in range(count)]
        commands: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), half),
            ("RIGHTPADDING", (0, 0), (-1, -1), half),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
        if count > 1:
            commands.append(("LINEAFTER", (0, 0), (-2, -1), 0.5, self.styles.colours.rule))
        table = Table([cells], colWidths=widths, style=self.styles.table_style(commands),
                      hAlign=self.styles.sides.h_align, splitInRow=1)
        table.spaceBefore = Pt(4)
        table.spaceAfter = self.styles["body"].spaceAfter + Pt(6)
        return table

    def toc(self, container: Container) -> list[Flowable]:
        s = self.styles
        toc = contents_table(s)
        self.tocs.append(toc)
        title = SectionHeading(text_markup(container.args or s.theme.strings.contents), s["toc_title"])
        title.bar = s.colours.accent
        title.sides = s.sides
        rule = HRFlowable(width="100%", thickness=0.5, color=s.colours.rule, spaceBefore=10, spaceAfter=18)
        return [title, toc, rule]

    def panel(
        self, inner: list[Flowable], width: float, *, fill: Color | None = None, rule: Color | None = None, pad: float
    ) -> Table:
        """One cell holding *inner*: optional background *fill* and a *rule* at the start edge; splits if taller than a page."""
        commands: list[tuple[object, ...]] = [
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.8),
        ]
        if fill is not None:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), fill))
        if rule is not None:
            commands.append((self.styles.sides.start_rule, (0, 0), (0, -1), 3 if fill is not None else 2, rule))
        table = Table([[inner]], colWidths=[width], style=self.styles.table_style(commands),
                      hAlign=self.styles.sides.h_align, splitInRow=1)
        table.spaceAfter = self.styles["body"].spaceAfter
        return table


def _pipe_table_name(header: list[str]) -> str:
    """A Markdown table as an error can name it: by its first column headings."""
    shown = " | ".join(" ".join(cell.split()) for cell in header[:3])
    more = " | \u2026" if len(header) > 3 else ""
    return f'the Markdown table headed "{shown}{more}" in the brief\'s template'


def _columns(width: float, styles: Styles) -> int:
    """How many monospaced characters fit in *width*."""
    style = styles["code"]
    return max(20, int(width / stringWidth("M", style.fontName, style.fontSize)))
