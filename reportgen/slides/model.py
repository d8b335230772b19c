"""The presentation model: slides as plain data, every decision already made.

:mod:`plan` builds it from a Document (which layout, which text where, at which
size, on how many slides); :mod:`write` turns it into python-pptx objects and
decides nothing. Lengths are :class:`pptx.util.Length` (EMU).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reportgen.document.model import Chart, Image, Runs
from reportgen.document.vocab import Layout
from reportgen.slides.units import Box, Emu, Length

ParaKind = Literal["plain", "bullet", "number", "lead", "heading", "caption", "source", "quote", "attribution", "subtitle", "marking", "slidenum"]
FrameRole = Literal["title", "body", "subtitle", "text"]


@dataclass(frozen=True)
class Para:
    """One paragraph, fitted: its size, indent and spacing are final."""

    runs: Runs
    size: Length
    kind: ParaKind = "plain"
    level: int = 0
    margin: Length = Emu(0)
    """Left margin of the text (``marL``); a bullet hangs in the space before it."""
    hang: Length = Emu(0)
    """How far left of the margin the bullet or number sits (``indent`` is minus this)."""
    space_before: Length = Emu(0)
    number: int = 0
    """For ``number`` paragraphs: the number this item shows."""
    continued: bool = False
    """The rest of a paragraph or point begun on the previous slide: no bullet of its own."""
    align: Literal["l", "ctr", "r"] | None = "l"
    """None: as the placeholder's layout says."""


@dataclass(frozen=True)
class Frame:
    """A text frame: a layout placeholder (``role`` title/body/subtitle) or a text box (``text``)."""

    role: FrameRole
    box: Box
    paras: tuple[Para, ...]
    slot: int = 0
    """Which placeholder of that role (0 = the first, left to right)."""
    anchor: Literal["t", "ctr", "b"] | None = "t"
    """None: as the placeholder's layout says."""
    name: str = ""


@dataclass(frozen=True)
class ChartPlan:
    chart: Chart
    box: Box
    font_size: Length
    label_rotation: int = 0
    """Category label rotation in degrees (0, -45 or -90)."""
    categories: tuple[str, ...] = ()
    """The category labels as drawn (abbreviated only when nothing else fits)."""
    data_labels: bool = True
    legend: bool = False


@dataclass(frozen=True)
class Cell:
    runs: Runs
    header: bool = False


@dataclass(frozen=True)
class TablePlan:
    box: Box
    """Where the table starts and how wide it is; the height is the sum of ``row_heights``."""
    columns: tuple[Length, ...]
    rows: tuple[tuple[Cell, ...], ...]
    """Header row first."""
    row_heights: tuple[Length, ...]
    font_size: Length
    alt: str = ""
    first_stripe: int = 0
    """0 when this slide's first body row is an odd row of the whole table (striped rows stay put)."""


@dataclass(frozen=True)
class ImagePlan:
    image: Image
    box: Box


FigurePlan = ChartPlan | TablePlan | ImagePlan


@dataclass(frozen=True)
class Picture:
    """A picture that is not a figure (the theme's logo)."""

    path: Path
    box: Box
    alt: str
    name: str = "Logo"


@dataclass(frozen=True)
class Decoration:
    """A filled rectangle (an accent rule or a quote bar)."""

    box: Box
    colour: str
    name: str = "Accent Rule"


@dataclass(frozen=True)
class SlidePlan:
    layout: Layout
    """Our layout name (title, bullets, chart...), looked up in the master by :mod:`master`."""
    title: Frame | None
    frames: tuple[Frame, ...] = ()
    figure: FigurePlan | None = None
    decorations: tuple[Decoration, ...] = ()
    notes: str = ""
    continuation: bool = False
    number: int = 0
    furniture: tuple[Frame, ...] = field(default=())
    """Marking and slide number text boxes."""
    pictures: tuple[Picture, ...] = ()
    """The logo, if the theme has one."""
    seconds: float = 0.0

    def texts(self) -> list[str]:
        """Every run's text on the slide (for tests: nothing may be lost)."""
        out: list[str] = []
        frames = ((self.title,) if self.title else ()) + self.frames
        for frame in frames:
            out.extend(run.text for para in frame.paras for run in para.runs)
        if isinstance(self.figure, TablePlan):
            out.extend(run.text for row in self.figure.rows for cell in row for run in cell.runs)
        return out
