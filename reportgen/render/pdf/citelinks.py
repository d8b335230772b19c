"""Citations in the brief: superscript numbers linked to the Sources list, and its entries linked back.

reportlab refuses a link to a name no page defines, so which links may be
drawn is settled before the story is built, from the blocks that are drawn
(notes are not): a citation is a link only if its source's entry is in the
brief (a brief with no Sources list shows no numbers), and an entry's link
back only if the source is cited in it. The first citation of each source
is the place its entry links back to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.sax.saxutils import quoteattr

from reportgen.document.model import (
    Block,
    BulletList,
    Container,
    Document,
    FigureRef,
    Heading,
    Paragraph,
    Quote,
    Run,
    Table,
    TableBlock,
    citation_anchor,
    source_anchor,
)
from reportgen.document.vocab import ContainerKind


class CitationLinks:
    """What the brief's citations and anchors become, for one document; stateful as the story is built in order."""

    def __init__(self, document: Document) -> None:
        runs = list(_drawn_runs(document.blocks))
        self.anchors = {run.anchor for run in runs if run.anchor is not None}
        self.cited = {ident for ident in self._cites(runs, document) if source_anchor(ident) in self.anchors}
        self.numbers = {ident: source.number for ident, source in document.sources.items() if source.number is not None}
        self.placed: set[str] = set()

    @staticmethod
    def _cites(runs: list[Run], document: Document) -> Iterator[str]:
        yield from (run.cite for run in runs if run.cite is not None)
        for block in _walk(document.blocks):
            if isinstance(block, FigureRef) and block.id in document.figures:
                figure = document.figures[block.id]
                yield from figure.cites
                if isinstance(figure, Table):
                    yield from (ident for row in figure.row_cites for ident in row)

    def shown(self, run: Run) -> bool:
        """Whether *run* is drawn at all: a citation or a link back whose other end is not in the brief is not."""
        if run.cite is not None:
            return run.cite in self.cited
        href = run.href or ""
        if href.startswith("#cite-"):
            return href[len("#cite-") :] in self.cited
        return True

    def markup(self, ident: str, link: str) -> str:
        """A citation of source *ident* as superscript markup (the first one also the place its entry links back to)."""
        number = self.numbers.get(ident)
        if ident not in self.cited or number is None:
            return ""
        out = f"<a href={quoteattr('#' + source_anchor(ident))} color={quoteattr(link)}>{number}</a>"
        if ident not in self.placed:
            self.placed.add(ident)
            out = f"<a name={quoteattr(citation_anchor(ident))}/>{out}"
        return f"<super>{out}</super>"

    def listed(self, idents: Iterable[str], link: str) -> str:
        """Citations of *idents* side by side (``1,3``), for a figure's source line or a table row."""
        shown = sorted((ident for ident in set(idents) if ident in self.numbers), key=self.numbers.__getitem__)
        marks = [self.markup(ident, link) for ident in shown]
        return "<super>,</super>".join(mark for mark in marks if mark)


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        if isinstance(block, Container) and block.kind == ContainerKind.NOTES:
            continue
        yield block
        if isinstance(block, (Container, Quote)):
            yield from _walk(block.blocks)


def _drawn_runs(blocks: tuple[Block, ...]) -> Iterator[Run]:
    for block in _walk(blocks):
        if isinstance(block, (Heading, Paragraph)):
            yield from block.runs
        elif isinstance(block, BulletList):
            yield from _list_runs(block)
        elif isinstance(block, TableBlock):
            for row in (block.header, *block.rows):
                for cell in row:
                    yield from cell


def _list_runs(bullets: BulletList) -> Iterator[Run]:
    for item in bullets.items:
        yield from item.runs
        if item.children is not None:
            yield from _list_runs(item.children)
