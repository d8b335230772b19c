"""What reportgen knows about a language: its scripts, direction, line breaking, dates and tags.

Every stage asks here instead of testing language codes itself: the brief's
styles (alignment, CJK line breaking), the deck's ``lang`` attributes, dates
in templates and page furniture, and which theme font sets the body text.
Languages are BCP 47 tags (``en``, ``ja-JP``, ``zh-Hant``); a tag is matched
on its language subtag, and a language reportgen has no entry for gets the
neutral defaults (left to right, breaks at spaces, ISO dates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Direction = Literal["ltr", "rtl"]
LineBreaking = Literal["spaces", "cjk"]
"""``spaces``: break between words only; ``cjk``: also between ideographs and kana, with kinsoku."""


@dataclass(frozen=True)
class Locale:
    """One language as the renderers need it."""

    tag: str
    """The tag as the outline gave it (``ja-JP``)."""
    language: str
    """Its language subtag, lower-case (``ja``)."""
    direction: Direction
    line_breaking: LineBreaking
    scripts: tuple[str, ...]
    """ISO 15924 codes of the scripts its text is written in, main script first."""
    xml_lang: str
    """The tag written into OOXML ``lang`` attributes (``en-US``, ``ja-JP``)."""
    east_asian: bool
    """Set in the theme's CJK font throughout (body and headings)."""

    @property
    def right_to_left(self) -> bool:
        return self.direction == "rtl"

    def format_date(self, value: dt.date) -> str:
        """*value* as readers of this language write it (``15 January 2025``, ``2025年1月15日``)."""
        style = _DATE_STYLES.get(self.language)
        if style is None:
            return value.isoformat()
        return style(value)


def _english(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _han(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _korean(value: dt.date) -> str:
    return f"{value.year}년 {value.month}월 {value.day}일"


_MONTHS = "January February March April May June July August September October November December".split()
_DATE_STYLES = {"en": _english, "ja": _han, "zh": _han, "ko": _korean}


@dataclass(frozen=True)
class _Entry:
    scripts: tuple[str, ...]
    region: str
    line_breaking: LineBreaking = "spaces"
    direction: Direction = "ltr"
    east_asian: bool = False


_KNOWN: dict[str, _Entry] = {
    "en": _Entry(("Latn",), "US"),
    "ja": _Entry(("Jpan", "Latn"), "JP", "cjk", east_asian=True),
    "zh": _Entry(("Hans", "Latn"), "CN", "cjk", east_asian=True),
    "ko": _Entry(("Kore", "Latn"), "KR", "spaces", east_asian=True),
}
_NEUTRAL = _Entry(("Latn",), "")


@lru_cache(maxsize=64)
def locale_for(tag: str) -> Locale:
    """The locale of BCP 47 *tag* (``ja-JP`` is Japanese; an unknown language gets neutral defaults)."""
    language = (tag or "en").split("-")[0].lower()
    entry = _KNOWN.get(language, _NEUTRAL)
    xml_lang = tag if "-" in tag else (f"{language}-{entry.region}" if entry.region else language)
    return Locale(tag, language, entry.direction, entry.line_breaking, entry.scripts, xml_lang, entry.east_asian)


def known_languages() -> tuple[str, ...]:
    """The language subtags reportgen has an entry for (scripts, line breaking, dates)."""
    return tuple(_KNOWN)
