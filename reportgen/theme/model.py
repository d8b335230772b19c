"""The theme: a template set's look, common keys first, then one section per format.

Common keys (colours, words, font files, logo) are read by every format; the
``brief`` and ``deck`` sections (:mod:`reportgen.theme.brief`,
:mod:`reportgen.theme.deck`) hold what only one format reads. A theme file may
give only some keys; the rest come from the parent set's theme and finally
from the defaults declared here. Keys of the older flat layout are moved to
their new place by :mod:`reportgen.theme.legacy` as the file is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, create_model, field_validator

from reportgen.locale import locale_for
from reportgen.theme.brief import BriefOptions
from reportgen.theme.common import Colour, Section
from reportgen.theme.deck import DeckOptions
from reportgen.theme.handout import HandoutOptions


def _page_of_formats(value: str | None) -> str | None:
    """``page_of`` may use only ``{page}`` and ``{pages}``."""
    if value is None:
        return value
    try:
        value.format(page=1, pages=2)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        raise ValueError("may use only {page} and {pages}") from None
    return value


class Colours(Section):
    """The set's colours; with ``from_master`` the loader fills those the set does not name from its
    master's colour scheme (:mod:`reportgen.theme.master_colours`)."""

    from_master: bool = False
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


class FontFaces(Section):
    """The TrueType files of one family, relative to the template set's folder."""

    regular: str
    bold: str | None = None
    italic: str | None = None
    bold_italic: str | None = None


class Strings(Section):
    """Words the renderers draw themselves (page furniture, figure labels)."""

    _page_of = field_validator("page_of")(_page_of_formats)

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
    recommendations: str = "Recommendations"
    sources_cited: str = "Cited in this brief"
    sources_uncited: str = "Consulted, not cited"
    owner: str = "Owner"
    by: str = "By"
    """Before a recommendation's date: "By 1 March 2027"."""
    priority: str = "Priority"
    priority_high: str = "High"
    priority_medium: str = "Medium"
    priority_low: str = "Low"
    cue_title: str = "Open: the title, who is speaking and what the audience will take away. About {time}."
    cue_agenda: str = "Take the room through the {count} parts of the talk. About {time}."
    cue_section: str = "Introduce “{title}”. About {time}."
    cue_summary: str = "Give the bottom line: {count} judgments, each in a sentence. About {time}."
    cue_slide: str = "Talk through “{title}”. About {time}."
    cue_figure: str = "Show {label}, “{title}”, and say what it tells us."
    cue_figure_source: str = "Show {label}, “{title}”, and say what it tells us (source: {source})."
    cue_continued: str = "Continued: points {points}."
    cue_continued_part: str = "Continued: “{title}”, part {part} of {parts}."
    cue_sources: str = "Point to the {count} sources behind the brief. About {time}."
    cue_recommendations: str = "Put the {count} recommendations to the room: what, who acts and by when. About {time}."
    cue_closing: str = "Thank the room and take questions. About {time}."
    time_seconds: str = "{seconds} s"
    time_minutes: str = "{minutes} min"
    clock: str = "{slide} · {start} of {total}"
    """A notes page's time line: the slide's share, the talk's clock at its start, the talk's length."""
    slide_of: str = "Slide {slide} of {slides}"
    """A notes page's header."""


class _Words(Section):
    _page_of = field_validator("page_of", check_fields=False)(_page_of_formats)


LanguageStrings: Any = create_model(  # type: ignore[call-overload]  # field definitions built from Strings' names
    "LanguageStrings", __base__=_Words, **{name: (str | None, None) for name in Strings.model_fields}
)
"""The words of one language: any of the ``strings`` keys, checked as ``strings`` are when the set loads."""


class Theme(Section):
    name: str = "default"
    description: str = ""
    extends: str | None = None
    colours: Colours = Colours()
    strings: Strings = Strings()
    languages: dict[str, LanguageStrings] = Field(default_factory=dict)
    """Per-language words (``ja: {page_of: ...}``) that replace ``strings`` for outlines in that language."""
    font_files: dict[str, FontFaces] = Field(default_factory=dict)
    logo: str | None = None
    brief: BriefOptions = BriefOptions()
    deck: DeckOptions = DeckOptions()
    handout: HandoutOptions = HandoutOptions()

    logo_path: Path | None = Field(default=None, exclude=True)
    """The logo resolved against the set that named it; filled in by the loader."""
    reference_pptx: Path | None = Field(default=None, exclude=True)
    """The set's corporate master, if it has one; filled in by the loader."""
    font_paths: dict[str, dict[str, Path]] = Field(default_factory=dict, exclude=True)
    """``font_files`` resolved to absolute paths (family -> face -> file); filled in by the loader."""
    language: str = Field(default="", exclude=True)
    """The outline language this theme was fitted to by :meth:`for_language` (``""``: none yet)."""

    def named(self, *path: str) -> bool:
        """Whether the template set (or a set it extends) gives the key at *path* (``named("colours", "primary")``),
        rather than leaving it to the master's theme or reportgen's default: the first rung of the order of
        precedence (docs/templates.md)."""
        section: object = self
        for key in path:
            if not isinstance(section, Section) or key not in section.model_fields_set:
                return False
            section = getattr(section, key)
        return True

    def for_language(self, language: str) -> Theme:
        """This theme with the words of *language*, and the CJK font as body and heading font when the
        language is Chinese, Japanese or Korean. The words are those of the tag itself, else of the
        built-in entry it matches (``ja-JP`` -> ``ja``, ``zh-TW`` -> ``zh-Hant``, ``zh`` -> ``zh-Hans``),
        else of its language subtag."""
        locale = locale_for(language)
        chosen = next((self.languages[key] for key in (language, locale.key, locale.language) if key in self.languages), None)
        words = chosen.model_dump(exclude_none=True) if chosen is not None else {}
        update: dict[str, object] = {"language": language}
        if words:
            update["strings"] = Strings.model_validate({**self.strings.model_dump(), **words})
        fonts = self.brief.fonts
        if locale.east_asian and fonts.cjk:
            east_asian = fonts.model_copy(update={"body": fonts.cjk, "heading": fonts.cjk})
            update["brief"] = self.brief.model_copy(update={"fonts": east_asian})
        return self.model_copy(update=update)

