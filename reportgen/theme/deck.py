"""The deck's own theme keys (``deck:`` in theme.yaml): the fonts it names, its type sizes, layout names."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from reportgen.theme.common import Section


class DeckFonts(Section):
    """Fonts the deck names; PowerPoint resolves them on the viewer's machine."""

    latin: str = "Arial"
    east_asian: str | None = None
    """Named on runs in the document's language only; unnamed, the master's styles and font scheme decide."""


class DeckSizes(Section):
    """Type sizes in points: the title's, the body's, and the smallest the body may shrink to
    (a floor above the body size is the body size)."""

    title: float = Field(30, ge=14, le=54)
    body: float = Field(24, ge=12, le=40)
    body_min: float = Field(18, ge=10, le=40)


class DeckTiming(Section):
    """How long the talk takes: each slide's notes at a speaking rate, with a floor per slide."""

    words_per_minute: float = Field(130, gt=0, le=1000)
    chars_per_minute: float = Field(300, gt=0, le=3000)
    """The rate for Chinese, Japanese and Korean text, counted in characters (they have no spaces to count words by)."""
    min_seconds: float = Field(30, ge=0, le=600)


class DeckOptions(Section):
    fonts: DeckFonts = DeckFonts()
    sizes: DeckSizes = DeckSizes()
    timing: DeckTiming = DeckTiming()
    layouts: dict[str, str] = Field(default_factory=dict)
    """Maps reportgen layout names (title, section, bullets...) to the master's layout names."""
    logo: Literal["auto", "always", "never"] = "auto"
    """The set's logo on slides: ``auto`` leaves it off a corporate master that shows a picture of its own
    (and off its footer when the date fills the master's date placeholder); ``always`` draws it anyway."""
    section_dividers: bool = False
    """A slide of its own for each section (title and lead only); off, the lead goes under the title of the section's first slide."""
    master: str | int | None = None
    """Which slide master of a deck with several to use: its name, or its number counted from 1 (None: the first)."""
