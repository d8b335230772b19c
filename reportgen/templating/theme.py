"""The theme: a template set's look (page, colours, fonts, sizes, logo, marking, layout names).

A theme file may give only some keys; the rest come from the parent set's
theme and finally from the defaults declared here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model, field_validator

from reportgen.locale import locale_for

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(Section):
    size: Literal["A4", "Letter"] = "A4"
    margin_top_mm: float = Field(22, ge=5, le=60)
    margin_bottom_mm: float = Field(22, ge=5, le=60)
    margin_left_mm: float = Field(22, ge=5, le=60)
    margin_right_mm: float = Field(22, ge=5, le=60)


class Colours(Section):
    primary: Colour = "#1B365D"
    accent: Colour = "#B5121B"
    text: Colour = "#1F2328"
    muted: Colour = "#5F6B7A"
    rule: Colour = "#C9D1DB"
    box_fill: Colour = "#EEF2F7"
    table_header_fill: Colour = "#1B365D"
    table_header_text: Colour = "#FFFFFF"
    table_stripe: Colour = "#F5F7FA"
    marking: Colour = "#B5121B"
    chart: list[Colour] = Field(
        default_factory=lambda: ["#1B365D", "#B5121B", "#5B8DB8", "#E0A526", "#6B8E23", "#7A5C99"],
        min_length=1,
    )


class Fonts(Section):
    """Fonts the PDF uses and the deck names.

    PDF fonts are families listed in ``font_files`` (embedded as subsets) or
    the standard PDF fonts (Helvetica, Times-Roman, Courier). ``cjk`` is used
    for text in Chinese, Japanese or Korean, for the whole brief when the
    outline's language is one of them, and for any character the body font
    lacks. The deck names fonts that PowerPoint resolves on the viewer's machine.
    """

    body: str = "Helvetica"
    heading: str = "Helvetica-Bold"
    mono: str = "Courier"
    cjk: str | None = None
    deck_latin: str = "Arial"
    deck_east_asian: str = "Yu Gothic"


class FontFaces(Section):
    """The TrueType files of one family, relative to the template set's folder."""

    regular: str
    bold: str | None = None
    italic: str | None = None
    bold_italic: str | None = None


class Sizes(Section):
    """Type sizes in points."""

    body: float = Field(10.5, ge=6, le=18)
    h1: float = Field(16, ge=8, le=40)
    h2: float = Field(12.5, ge=8, le=30)
    h3: float = Field(11, ge=6, le=24)
    small: float = Field(8, ge=5, le=14)
    title: float = Field(30, ge=12, le=60)
    slide_title: float = Field(30, ge=14, le=54)
    slide_body: float = Field(24, ge=12, le=40)
    slide_body_min: float = Field(18, ge=10, le=40)


class Strings(Section):
    """Words the renderers draw themselves (page furniture, figure labels)."""

    @field_validator("page_of")
    @classmethod
    def _page_of_formats(cls, value: str) -> str:
        try:
            value.format(page=1, pages=2)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            raise ValueError("may use only {page} and {pages}") from None
        return value

    page_of: str = "Page {page} of {pages}"
    figure: str = "Figure"
    table: str = "Table"
    source: str = "Source"
    continued: str = "(cont.)"
    contents: str = "Contents"
    bottom_line: str = "Bottom line up front"
    agenda: str = "Agenda"
    sources: str = "Sources"
    glossary: str = "Glossary"
    term: str = "Term"
    meaning: str = "Meaning"
    questions: str = "Questions and discussion"
    see: str = "See"


LanguageStrings = create_model(
    "LanguageStrings", __base__=Section, **{name: (str | None, None) for name in Strings.model_fields}
)
"""The words of one language: any of the ``strings`` keys."""


class Theme(Section):
    name: str = "default"
    description: str = ""
    extends: str | None = None
    page: Page = Page()
    colours: Colours = Colours()
    fonts: Fonts = Fonts()
    sizes: Sizes = Sizes()
    strings: Strings = Strings()
    languages: dict[str, LanguageStrings] = Field(default_factory=dict)  # type: ignore[valid-type]
    """Per-language words (``ja: {page_of: ...}``) that replace ``strings`` for outlines in that language."""
    font_files: dict[str, FontFaces] = Field(default_factory=dict)
    logo: str | None = None
    deck_layouts: dict[str, str] = Field(default_factory=dict)
    """Maps reportgen layout names (title, section, bullets...) to the master's layout names."""

    logo_path: Path | None = Field(default=None, exclude=True)
    """The logo resolved against the set that named it; filled in by the loader."""
    reference_pptx: Path | None = Field(default=None, exclude=True)
    """The set's corporate master, if it has one; filled in by the loader."""
    font_paths: dict[str, dict[str, Path]] = Field(default_factory=dict, exclude=True)
    """``font_files`` resolved to absolute paths (family -> face -> file); filled in by the loader."""

    def for_language(self, language: str) -> Theme:
        """This theme with the words of *language* (``ja-JP`` falls back to ``ja``), and the CJK font as
        body and heading font when the language is Chinese, Japanese or Korean."""
        locale = locale_for(language)
        chosen = self.languages.get(language) or self.languages.get(locale.language)
        words = chosen.model_dump(exclude_none=True) if chosen is not None else {}
        update: dict[str, object] = {}
        if words:
            update["strings"] = self.strings.model_copy(update=words)
        if locale.east_asian and self.fonts.cjk:
            update["fonts"] = self.fonts.model_copy(update={"body": self.fonts.cjk, "heading": self.fonts.cjk})
        return self.model_copy(update=update) if update else self

