"""Citations on slides: taken out of the text, gathered into the slide's source line.

A slide has no room for superscript numbers and no Sources list on the same
page to point to, so each slide that cites something names its sources
instead, by their short forms, in one line above the footer ("Sources:
Kyodo News 2023; The Japan Times 2022"). This module removes the citation
runs (and a source entry's anchor and link back) from a slide's blocks and
says which sources they cited, in order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from reportgen.document.model import (
    Block,
    BulletList,
    CitedSource,
    Container,
    Heading,
    ListItem,
    Paragraph,
    Quote,
    Runs,
    TableBlock,
    citation_anchor,
)
from reportgen.theme.model import Strings

_BACK = "#" + citation_anchor("")


def without_citations(blocks: Iterable[Block], cited: list[str]) -> list[Block]:
    """*blocks* without their citations, the ids of the sources cited appended to *cited* (each once)."""
    return [_block(block, cited) for block in blocks]


def _block(block: Block, cited: list[str]) -> Block:
    if isinstance(block, (Heading, Paragraph)):
        return replace(block, runs=_runs(block.runs, cited))
    if isinstance(block, BulletList):
        return replace(block, items=tuple(_item(item, cited) for item in block.items))
    if isinstance(block, TableBlock):
        header = tuple(_runs(cell, cited) for cell in block.header)
        return replace(block, header=header, rows=tuple(tuple(_runs(cell, cited) for cell in row) for row in block.rows))
    if isinstance(block, (Quote, Container)):
        return replace(block, blocks=tuple(_block(inner, cited) for inner in block.blocks))
    return block


def _item(item: ListItem, cited: list[str]) -> ListItem:
    children = replace(item.children, items=tuple(_item(c, cited) for c in item.children.items)) if item.children else None
    return ListItem(_runs(item.runs, cited), children)


def _runs(runs: Runs, cited: list[str]) -> Runs:
    kept = []
    for run in runs:
        if run.cite is not None and run.cite not in cited:
            cited.append(run.cite)
        if run.cite is None and not run.superscript and run.anchor is None and not (run.href or "").startswith(_BACK):
            kept.append(run)
    if len(kept) < len(runs) and kept and kept[-1].text.endswith(" "):
        kept[-1] = replace(kept[-1], text=kept[-1].text.rstrip())
    return tuple(run for run in kept if run.text)


def source_line(credits: list[str], cited: Iterable[str], sources: dict[str, CitedSource], strings: Strings) -> str:
    """The slide's source line: its figure's *credits*, then the short form of each source *cited* (``""``: none)."""
    names = list(dict.fromkeys([*credits, *(sources[ident].short for ident in cited if ident in sources)]))
    if not names:
        return ""
    label = strings.source if len(names) == 1 else strings.sources
    return f"{label}: {'; '.join(names)}"
