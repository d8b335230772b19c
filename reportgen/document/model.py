"""One document model: blocks of inline runs, plus the figures they refer to.

The templates write Markdown; :mod:`reportgen.document.markdown` reads it into
these types; the PDF and PPTX renderers consume only these types. Nothing here
knows about YAML, templates or output formats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.document.vocab import ChartKind, ContainerKind
from reportgen.errors import Location


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style. ``text`` is plain Unicode, never markup."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None
    lang: str | None = None
    """The BCP 47 tag a span named (``[維護]{lang=zh-Hant}``); None: the document's language, or the script's."""
    superscript: bool = False
    cite: str | None = None
    """A citation (Markdown: ``[](cite:ID)``): the id of the source cited; ``text`` is its number."""
    anchor: str | None = None
    """A place links go to (Markdown: ``[](source:ID)``, at a source's entry in the list of sources); text may be empty."""


LINE_BREAK = "\n"
"""A run whose text is exactly this is a hard line break."""

Runs = tuple[Run, ...]


def plain(runs: Runs) -> str:
    """The runs as plain text."""
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Heading:
    level: int
    runs: Runs
    attrs: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    """``{layout=quote}`` at the end of the heading; a layout's value is a :class:`~reportgen.document.vocab.Layout`."""


@dataclass(frozen=True)
class Paragraph:
    runs: Runs


@dataclass(frozen=True)
class ListItem:
    """One bullet: its own text, and the list nested under it, if any."""

    runs: Runs
    children: BulletList | None = None


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    ordered: bool = False


@dataclass(frozen=True)
class TableBlock:
    """A table written directly in Markdown (pipe table)."""

    header: tuple[Runs, ...]
    rows: tuple[tuple[Runs, ...], ...]


@dataclass(frozen=True)
class FigureRef:
    """A figure placed by its id (Markdown: ``![](figure:ID)``)."""

    id: str


@dataclass(frozen=True)
class Container:
    """A fenced ``::: kind`` block: ``notes``, ``box`` (bottom line up front), ``columns``, ``column``..."""

    kind: ContainerKind
    args: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class CodeBlock:
    text: str


@dataclass(frozen=True)
class Rule:
    """A thematic break: a new slide in the deck, a rule in the brief."""


Block = Heading | Paragraph | BulletList | TableBlock | FigureRef | Container | Quote | CodeBlock | Rule


@dataclass(frozen=True)
class CitedSource:
    """A source as citations show it: its number (in order of first citation; None if never cited) and short form."""

    id: str
    number: int | None
    short: str


def source_anchor(ident: str) -> str:
    """The name of the place a citation of source *ident* links to: its entry in the list of sources."""
    return f"source-{ident}"


def citation_anchor(ident: str) -> str:
    """The name of the place a source's entry links back to: its first citation."""
    return f"cite-{ident}"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


class _Numbered:
    """Figures and tables are numbered apart: ``Figure 1``, ``Table 1`` (the word comes from the theme)."""

    label_word: str
    number: int

    @property
    def label(self) -> str:
        return f"{self.label_word} {self.number}"


@dataclass(frozen=True)
class Chart(_Numbered):
    id: str
    kind: ChartKind
    number: int
    title: str
    caption: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    source: str
    unit: str = ""
    label_word: str = "Figure"
    cites: tuple[str, ...] = ()
    """The ids of the sources the figure cites (its ``source`` is their credit line)."""


@dataclass(frozen=True)
class Table(_Numbered):
    id: str
    number: int
    title: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: str
    label_word: str = "Table"
    cites: tuple[str, ...] = ()
    row_cites: tuple[tuple[str, ...], ...] = ()
    """The ids of the sources each row cites (empty, or one entry per row)."""
    location: Location | None = field(default=None, compare=False)
    """Where the table is in the outline, for a renderer's errors about it (too many columns)."""


@dataclass(frozen=True)
class Image(_Numbered):
    id: str
    number: int
    title: str
    caption: str
    path: Path
    alt: str
    source: str
    label_word: str = "Figure"
    cites: tuple[str, ...] = ()


Figure = Chart | Table | Image


@dataclass(frozen=True)
class DocumentInfo:
    """What a renderer puts into file metadata and page furniture."""

    title: str
    subtitle: str = ""
    author: str = ""
    organization: str = ""
    date: dt.date | None = None
    marking: str = ""
    language: str = "en"
    keywords: tuple[str, ...] = ()
    subject: str = ""
    duration: float | None = None
    """Minutes for the whole talk (the outline's ``meta.duration``); None: as long as the notes take."""


@dataclass(frozen=True)
class Document:
    info: DocumentInfo
    blocks: tuple[Block, ...]
    figures: dict[str, Figure] = field(default_factory=dict, hash=False)
    sources: dict[str, CitedSource] = field(default_factory=dict, hash=False)
    """Every source of the outline by id, for citations (the brief's numbers, the deck's source lines)."""
