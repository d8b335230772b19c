"""The slide geometry a plan is made for: where each layout puts things, and where the furniture goes.

Plain data read from a master by the deck renderer (``render.pptx.master``) and
handed to the planner through :class:`Frames`, so that planning never needs to
know how a master is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reportgen.slides.units import Box


@dataclass(frozen=True)
class LayoutFrame:
    """Where a layout puts things, for the planner."""

    layout: str
    master_name: str
    title: Box
    title_placeholder: bool
    bodies: tuple[Box, ...]
    """The layout's text placeholders (body, subtitle, content), left to right."""
    content: Box
    """The area for the slide's content: below the title, above the footer."""
    inherited: Inherited | None = None
    """On a corporate master, what its placeholders' text looks like when a run names nothing (None: our own master)."""


@dataclass(frozen=True)
class Inherited:
    """A corporate master's own text look on one layout: what the fitter measures when the set names nothing."""

    title_size: float
    title_bold: bool
    title_face: str
    body_size: float
    """The first body placeholder's first level (else a text box's), in points."""
    body_face: str


@dataclass(frozen=True)
class Furniture:
    """Where the slide number and the marking go: the master's footer placeholders."""

    slide: Box
    number: Box
    marking: Box
    logo: Box
    """Bottom left: where the master puts the date."""
    date: Box | None = None
    """A corporate master's date placeholder, which the deck's date goes into (None: none is drawn)."""
    shows_picture: bool = False
    """The master draws a picture of its own (a logo, most often) on its slides."""


class Frames(Protocol):
    """What the planner needs of the master (the deck renderer's ``Master`` is one)."""

    furniture: Furniture
    accent_rule: bool
    corporate: bool

    def frame(self, layout: str) -> LayoutFrame: ...
