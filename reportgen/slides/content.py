"""Read one slide's blocks: its title, layout, lead, notes, text flow, columns, figures and quotes.

The Document says *what* is on a slide; this module sorts it into the parts the
planner places. Text becomes :class:`flow.Spec` groups (a point with its
sub-points is one group). Nothing here measures or places anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import cast

from reportgen.document.dialect import minutes_value
from reportgen.document.model import (
    LINE_BREAK,
    Block,
    BulletList,
    CodeBlock,
    Container,
    Document,
    Figure,
    FigureRef,
    Heading,
    Paragraph,
    Quote,
    Rule,
    Run,
    Runs,
    TableBlock,
    plain,
)
from reportgen.document.vocab import ContainerKind, HeadingAttr, Layout
from reportgen.slides.citations import without_citations
from reportgen.slides.flow import Group, Spec
from reportgen.slides.model import ParaKind

IGNORED = (ContainerKind.BOX, ContainerKind.COVER, ContainerKind.MASTHEAD, ContainerKind.TOC)
"""Containers the deck does not show (see docs/dialect.md)."""

MAX_LEVEL = 2


@dataclass
class SlideContent:
    title: Runs = ()
    layout: Layout = Layout.BULLETS
    lead: Runs = ()
    notes: str = ""
    flow: list[Group] = field(default_factory=list)
    columns: list[tuple[Runs, list[Group]]] = field(default_factory=list)
    figures: list[Figure | TableBlock] = field(default_factory=list)
    quotes: list[Group] = field(default_factory=list)
    section: str = ""
    """The outline section's id (``{section=...}``): the slides that share its minutes."""
    minutes: float | None = None
    cites: list[str] = field(default_factory=list)
    """The sources the slide's text cites, in order (its figures' own are theirs: ``cites``, ``row_cites``)."""


def split_slides(blocks: tuple[Block, ...]) -> list[list[Block]]:
    """The blocks between rules; empty stretches are no slides."""
    slides: list[list[Block]] = [[]]
    for block in blocks:
        if isinstance(block, Rule):
            slides.append([])
        else:
            slides[-1].append(block)
    return [s for s in slides if s]


def read_slide(blocks: list[Block], document: Document) -> SlideContent:
    content = SlideContent()
    blocks = without_citations(blocks, content.cites)
    heading = next((b for b in blocks if isinstance(b, Heading)), None)
    if heading is not None:
        content.title = heading.runs
        content.layout = Layout(heading.attrs.get(HeadingAttr.LAYOUT) or Layout.BULLETS)
        content.section = heading.attrs.get(HeadingAttr.SECTION, "").strip()
        content.minutes = minutes_value(heading.attrs.get(HeadingAttr.MINUTES, ""))
    _Reader(content, document).blocks([b for b in blocks if b is not heading], content.flow)
    return content


def bold(runs: Runs) -> Runs:
    return tuple(replace(r, bold=True) for r in runs)


def italic(runs: Runs) -> Runs:
    return tuple(replace(r, italic=True) for r in runs)


class _Reader:
    def __init__(self, content: SlideContent, document: Document) -> None:
        self.content = content
        self.document = document
        self.pending_heading: Spec | None = None

    def blocks(self, blocks: Iterable[Block], flow: list[Group]) -> None:
        for block in blocks:
            self.block(block, flow)
        if self.pending_heading is not None:
            flow.append((self.pending_heading,))
            self.pending_heading = None

    def add(self, flow: list[Group], group: Group) -> None:
        if self.pending_heading is not None:  # a heading stays with what follows it
            group = (self.pending_heading,) + group
            self.pending_heading = None
        flow.append(group)

    def block(self, block: Block, flow: list[Group]) -> None:
        content = self.content
        if isinstance(block, Paragraph):
            self.add(flow, (Spec(block.runs),))
        elif isinstance(block, Heading):
            self.pending_heading = Spec(bold(block.runs), "heading")
        elif isinstance(block, BulletList):
            for group in list_groups(block, 0):
                self.add(flow, group)
        elif isinstance(block, CodeBlock):
            lines = block.text.split("\n")
            runs: list[Run] = []
            for i, line in enumerate(lines):
                if i:
                    runs.append(Run(LINE_BREAK))
                if line:
                    runs.append(Run(line, code=True))
            self.add(flow, (Spec(tuple(runs)),))
        elif isinstance(block, FigureRef):
            content.figures.append(self.document.figures[block.id])
        elif isinstance(block, TableBlock):
            content.figures.append(block)
        elif isinstance(block, Quote):
            quote: list[Group] = []
            _Reader(content, self.document).blocks(block.blocks, quote)
            content.quotes.extend(tuple(Spec(italic(s.runs), "quote", s.level, s.number, align=s.align) for s in g) for g in quote)
        elif isinstance(block, Container):
            self.container(block, flow)

    def container(self, block: Container, flow: list[Group]) -> None:
        content = self.content
        if block.kind == ContainerKind.NOTES:
            content.notes = "\n".join(filter(None, (content.notes, notes_text(block.blocks))))
        elif block.kind == ContainerKind.LEAD:
            runs: list[Run] = []
            for sub in block.blocks:
                if isinstance(sub, Paragraph) and sub.runs:
                    if runs:
                        runs.append(Run(" "))
                    runs.extend(sub.runs)
            content.lead = tuple(runs)
        elif block.kind == ContainerKind.COLUMNS:
            for col in cast("tuple[Container, ...]", block.blocks):  # the reader made sure each is a column
                groups: list[Group] = []
                _Reader(content, self.document).blocks(col.blocks, groups)
                content.columns.append(((Run(col.args),) if col.args else (), groups))
        elif block.kind not in IGNORED:
            self.blocks(block.blocks, flow)


def list_groups(block: BulletList, level: int) -> list[Group]:
    """One group per item: the item and everything nested under it."""
    groups = []
    for i, item in enumerate(block.items):
        kind: ParaKind = "number" if block.ordered else "bullet"
        group = [Spec(item.runs, kind, min(level, MAX_LEVEL), number=i + 1, digits=len(str(len(block.items))))]
        if item.children is not None:
            for child in list_groups(item.children, level + 1):
                group.extend(child)
        groups.append(tuple(group))
    return groups


def notes_text(blocks: Iterable[Block], depth: int = 0) -> str:
    """Speaker notes as plain text: a line per paragraph, list items indented and dashed."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            lines.append(plain(block.runs))
        elif isinstance(block, BulletList):
            lines.extend(_list_lines(block, depth))
        elif isinstance(block, CodeBlock):
            lines.append(block.text)
        elif isinstance(block, (Quote, Container)):
            lines.append(notes_text(block.blocks, depth))
    return "\n".join(line for line in lines if line)


def _list_lines(block: BulletList, depth: int) -> list[str]:
    lines = []
    for i, item in enumerate(block.items):
        mark = f"{i + 1}." if block.ordered else "-"
        lines.append("  " * depth + f"{mark} " + plain(item.runs))
        if item.children is not None:
            lines.extend(_list_lines(item.children, depth + 1))
    return lines
