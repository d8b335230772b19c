"""What reportgen knows about a language: its scripts, direction, line breaking, dates and tags.

Every stage asks here instead of testing language codes itself: the brief's
styles (alignment, CJK line breaking), the deck's ``lang`` attributes, dates
in templates and page furniture, and which theme font sets the body text.
Languages are BCP 47 tags (``en``, ``ja-JP``, ``zh-Hant``). A tag is matched
on its language subtag and, where a language is written in more than one
script, on its script subtag: ``zh-Hant`` is Traditional Chinese and so are
``zh-TW``, ``zh-HK`` and ``zh-MO`` (regions that write it); ``zh`` alone, and
any other Chinese tag, is Simplified (``zh-Hans``), as most Chinese text
today is. A language reportgen has no entry for gets the neutral defaults
(left to right, breaks at spaces, ISO dates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
    """The tag written into OOXML ``lang`` attributes (``en-US``, ``ja-JP``, ``zh-TW``)."""
    east_asian: bool
    """Set in the theme's CJK font throughout (body and headings)."""
    key: str = ""
    """The built-in entry the tag matched (``zh-Hant`` for ``zh-TW``), or ``""`` for an unknown language."""

    @property
    def right_to_left(self) -> bool:
        return self.direction == "rtl"

    def format_date(self, value: dt.date) -> str:
        """*value* as readers of this language write it (``15 January 2025``, ``2025年1月15日``)."""
        style = _DATE_STYLES.get(self.language)
        if style is None:
            return value.isoformat()
        return style(value)


def _day_month_year(months: list[str], prefix: str = "") -> Callable[[dt.date], str]:
    """Dates written day, month name, year: ``15 January 2025``; *prefix* goes before the month."""
    return lambda value: f"{value.day} {prefix}{months[value.month - 1]} {value.year}"


def _han(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _korean(value: dt.date) -> str:
    return f"{value.year}년 {value.month}월 {value.day}일"


_MONTHS = "January February March April May June July August September October November December".split()
_ARABIC_MONTHS = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()
"""The Gregorian month names of Egypt and the Gulf (the Levant's كانون الثاني … are not used)."""
_HEBREW_MONTHS = "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר".split()
_PERSIAN_MONTHS = "ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر".split()
_URDU_MONTHS = "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر".split()
_DATE_STYLES: dict[str, Callable[[dt.date], str]] = {
    "en": _day_month_year(_MONTHS),
    "ja": _han,
    "zh": _han,
    "ko": _korean,
    # Arabic with Western digits, as the Gulf press and most Arabic publishing set dates today.
    "ar": _day_month_year(_ARABIC_MONTHS),
    # The Hebrew month takes the prefix ב ("in"): 15 בינואר 2025, as Israeli papers date articles.
    "he": _day_month_year(_HEBREW_MONTHS, "ב"),
    # Gregorian with the Persian month names: a brief on foreign affairs dates by the international
    # calendar; the Solar Hijri date would need a conversion the outline did not ask for.
    "fa": _day_month_year(_PERSIAN_MONTHS),
    "ur": _day_month_year(_URDU_MONTHS),
}


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
    "zh-Hans": _Entry(("Hans", "Latn"), "CN", "cjk", east_asian=True),
    "zh-Hant": _Entry(("Hant", "Latn"), "TW", "cjk", east_asian=True),
    # Korean is written with spaces between words and breaks there, not between syllables.
    "ko": _Entry(("Hang", "Hani", "Latn"), "KR", "spaces", east_asian=True),
    "ar": _Entry(("Arab", "Latn"), "SA", "spaces", "rtl"),
    "he": _Entry(("Hebr", "Latn"), "IL", "spaces", "rtl"),
    "fa": _Entry(("Arab", "Latn"), "IR", "spaces", "rtl"),
    "ur": _Entry(("Arab", "Latn"), "PK", "spaces", "rtl"),
}
_NEUTRAL = _Entry(("Latn",), "")
_SCRIPTED = {"zh": "Hans"}
"""Languages whose entry depends on the script: the script used when the tag names none the region implies."""
_REGION_SCRIPTS = {("zh", "TW"): "Hant", ("zh", "HK"): "Hant", ("zh", "MO"): "Hant"}


def _subtags(tag: str) -> tuple[str, str, str]:
    """The language (lower-case), script (title-case) and region (upper-case) subtags of *tag*; absent ones empty."""
    parts = (tag or "en").replace("_", "-").split("-")
    language, script, region = parts[0].lower(), "", ""
    for part in parts[1:]:
        if len(part) == 1:  # an extension or private use: what follows is not script or region
            break
        if len(part) == 4 and part.isalpha() and not script and not region:
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = region or part.upper()
    return language, script, region


def _key(language: str, script: str, region: str) -> str:
    if language not in _SCRIPTED:
        return language if language in _KNOWN else ""
    script = script or _REGION_SCRIPTS.get((language, region), _SCRIPTED[language])
    key = f"{language}-{script}"
    return key if key in _KNOWN else f"{language}-{_SCRIPTED[language]}"


@lru_cache(maxsize=64)
def locale_for(tag: str) -> Locale:
    """The locale of BCP 47 *tag* (``ja-JP`` is Japanese, ``zh-TW`` Traditional Chinese; an unknown
    language gets neutral defaults)."""
    language, script, region = _subtags(tag)
    key = _key(language, script, region)
    entry = _KNOWN.get(key, _NEUTRAL)
    region = region or entry.region
    if region:
        xml_lang = f"{language}-{region}"
    else:
        xml_lang = f"{language}-{script}" if script else language
    return Locale(tag, language, entry.direction, entry.line_breaking, entry.scripts, xml_lang, entry.east_asian, key)


def known_languages() -> tuple[str, ...]:
    """The tags reportgen has an entry for (scripts, line breaking, dates): ``zh-Hans``, ``ko``, ..."""
    return tuple(_KNOWN)


def is_known(tag: str) -> bool:
    """Whether *tag* matches one of :func:`known_languages` (``zh-TW``, ``ko-KR``, ``zh``)."""
    return locale_for(tag).key != ""
