"""The closed vocabularies of an outline, and the suggestions for words that are not in them.

Figure types are a fixed list; a near miss (``Bar``, ``bars``) or a word from
another tool (``column``, ``donut``) gets the type meant. Languages are BCP 47
tags: an ill-formed tag is an error, a well-formed one reportgen has no words
for is a warning, and both name the closest language reportgen knows
(country codes such as ``kr`` and ``jp`` are the usual slip).
"""

from __future__ import annotations

import difflib
import re
from typing import get_args

from reportgen.locale import is_known, known_languages
from reportgen.outline.model import LANGUAGE_TAG, Figure

FIGURE_SYNONYMS = {
    "column": "bar",
    "columns": "bar",
    "histogram": "bar",
    "area": "line",
    "trend": "line",
    "donut": "pie",
    "doughnut": "pie",
    "grid": "table",
    "picture": "image",
    "photo": "image",
}
"""Other tools' words for the figure types, to the type reportgen calls them."""

_MISTAKEN_LANGUAGES = {
    "jp": "ja",
    "jpn": "ja",
    "kr": "ko",
    "kor": "ko",
    "cn": "zh-Hans",
    "chi": "zh",
    "zho": "zh",
    "tw": "zh-Hant",
    "hk": "zh-Hant",
    "ara": "ar",
    "us": "en",
    "gb": "en",
    "eng": "en",
    "english": "en",
    "japanese": "ja",
    "korean": "ko",
    "chinese": "zh",
    "arabic": "ar",
}
"""Country codes, three-letter codes and names written where a language subtag belongs."""


def figure_types() -> list[str]:
    """The figure types the outline model accepts, in the order the model lists them."""
    union = get_args(Figure)[0]
    return [tag for member in get_args(union) for tag in get_args(member.model_fields["type"].annotation)]


def closest_figure_type(given: str) -> str | None:
    """The figure type *given* most likely means, or None."""
    types = figure_types()
    word = given.strip().lower()
    if word in types:
        return word
    if word in FIGURE_SYNONYMS:
        return FIGURE_SYNONYMS[word]
    close = difflib.get_close_matches(word, types + list(FIGURE_SYNONYMS), n=1, cutoff=0.6)
    return FIGURE_SYNONYMS.get(close[0], close[0]) if close else None


def is_language_tag(tag: str) -> bool:
    return re.fullmatch(LANGUAGE_TAG, tag) is not None


def builtin_languages() -> tuple[str, ...]:
    """The languages reportgen has something of its own for: an entry in :mod:`reportgen.locale`
    (scripts, line breaking, dates, and the default template set's words)."""
    return known_languages()


def closest_language(given: str) -> str | None:
    """The tag *given* most likely means, with the language subtag replaced by a built-in one (or None)."""
    text = given.strip().replace("_", "-")
    language, _, rest = text.partition("-")
    language = (language.split() or [""])[0].lower()
    meant = _MISTAKEN_LANGUAGES.get(language)
    if meant is None and len(language) > 3:
        close = difflib.get_close_matches(language, list(_MISTAKEN_LANGUAGES), n=1, cutoff=0.75)
        meant = _MISTAKEN_LANGUAGES[close[0]] if close else None
    if meant is None and is_known(language) and text != given.strip():
        meant = language  # the language was right, only the separator not: en_US -> en-US
    if meant is None or not is_known(meant):
        return None
    if rest and "-" in meant:  # cn-CN -> zh-CN: the region says which script
        meant = meant.split("-")[0]
    suggestion = f"{meant}-{rest}" if rest else meant
    return suggestion if is_language_tag(suggestion) else meant


def language_warning(tag: str) -> tuple[str, str] | None:
    """(message, hint) when the well-formed *tag* names a language reportgen has nothing built in for."""
    language = tag.split("-")[0].lower()
    builtin = builtin_languages()
    if is_known(tag):
        return None
    closest = closest_language(tag)
    hint = f"did you mean '{closest}'?" if closest else f"reportgen knows {', '.join(builtin)}; a template set can add words under 'languages:'"
    return (
        f"no built-in words for the language '{language}'; the brief's and deck's own labels "
        "(page numbers, 'Figure', 'Sources') stay in English",
        hint,
    )
