"""The brief's own theme keys (``brief:`` in theme.yaml): its page, fonts and type sizes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from reportgen.theme.common import Section


class Page(Section):
    size: Literal["A4", "Letter"] = "A4"
    margin_top_mm: float = Field(22, ge=5, le=60)
    margin_bottom_mm: float = Field(22, ge=5, le=60)
    margin_left_mm: float = Field(22, ge=5, le=60)
    margin_right_mm: float = Field(22, ge=5, le=60)


ScriptKey = Literal["Latn", "Jpan", "Kore", "Hans", "Hant", "Thai", "Deva", "Arab", "Hebr", "Zsym", "Zsye"]
"""The script keys of :mod:`reportgen.fonts.chain` (Han split by glyph forms; symbols, emoji)."""


class BriefFonts(Section):
    """Fonts the PDF embeds.

    Families listed in ``font_files`` (embedded as subsets) or the standard PDF
    fonts (Helvetica, Times-Roman, Courier). ``cjk``, when named, is used for
    text in Chinese, Japanese or Korean and for the whole brief when the
    outline's language is one of them; otherwise reportgen's chain for the
    language's script sets those briefs. Characters the body font lacks are
    drawn from the chain of their script (``scripts`` first).
    """

    body: str = "Helvetica"
    heading: str = "Helvetica-Bold"
    mono: str = "Courier"
    cjk: str | None = None
    scripts: dict[ScriptKey, list[str]] = Field(default_factory=dict)
    """Families to try first for a script's characters, best first (``Thai: [Sarabun]``), ahead of
    reportgen's own chain; each is a family under ``font_files`` or an installed font's name."""
    han: Literal["Jpan", "Kore", "Hans", "Hant"] = "Jpan"
    """The glyph forms of Han characters in a language that is not Chinese, Japanese or Korean, when
    their field has no Hangul (which makes them Korean)."""


class BriefSizes(Section):
    """Type sizes in points."""

    body: float = Field(10.5, ge=6, le=18)
    h1: float = Field(16, ge=8, le=40)
    h2: float = Field(12.5, ge=8, le=30)
    h3: float = Field(11, ge=6, le=24)
    small: float = Field(8, ge=5, le=14)
    title: float = Field(30, ge=12, le=60)


class BriefOptions(Section):
    page: Page = Page()
    fonts: BriefFonts = BriefFonts()
    sizes: BriefSizes = BriefSizes()
    box_title_case: Literal["upper", "as_written"] = "upper"
    """A box's title (``::: box Bottom line``) in capitals, or as the template wrote it."""
    citations: Literal["numbered"] = "numbered"
    """How the brief cites its sources: ``numbered`` (superscript numbers linked to a numbered list of
    sources, in order of first citation). A key, so that other styles (author-date) can come."""
