"""Which script a text is written in: ISO 15924 codes from Unicode ranges, format-neutral.

A renderer asks here to tag a run with its language and pick the font scheme's
face for it. Characters every script shares (digits, punctuation, spaces) have
no script of their own and do not count. Kana make a text Japanese (``Jpan``);
Han characters alone are ``Hani``, whose language the document decides
(:func:`han_language`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import lru_cache

_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latn"),
    (0x0061, 0x007A, "Latn"),
    (0x00C0, 0x024F, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0700, 0x074F, "Syrc"),
    (0x0750, 0x077F, "Arab"),
    (0x0780, 0x07BF, "Thaa"),
    (0x07C0, 0x07FF, "Nkoo"),
    (0x0860, 0x08FF, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0980, 0x09FF, "Beng"),
    (0x0A00, 0x0A7F, "Guru"),
    (0x0A80, 0x0AFF, "Gujr"),
    (0x0B00, 0x0B7F, "Orya"),
    (0x0B80, 0x0BFF, "Taml"),
    (0x0C00, 0x0C7F, "Telu"),
    (0x0C80, 0x0CFF, "Knda"),
    (0x0D00, 0x0D7F, "Mlym"),
    (0x0D80, 0x0DFF, "Sinh"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Laoo"),
    (0x0F00, 0x0FFF, "Tibt"),
    (0x1000, 0x109F, "Mymr"),
    (0x1100, 0x11FF, "Hang"),
    (0x1780, 0x17FF, "Khmr"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x1F00, 0x1FFF, "Grek"),
    (0x3040, 0x309F, "Jpan"),  # hiragana
    (0x30A0, 0x30FF, "Jpan"),  # katakana
    (0x3130, 0x318F, "Hang"),
    (0x31F0, 0x31FF, "Jpan"),
    (0x3400, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xA8E0, 0xA8FF, "Deva"),
    (0xA960, 0xA97F, "Hang"),
    (0xA9E0, 0xA9FF, "Mymr"),
    (0xAA60, 0xAA7F, "Mymr"),
    (0xAC00, 0xD7AF, "Hang"),
    (0xD7B0, 0xD7FF, "Hang"),
    (0xF900, 0xFAFF, "Hani"),
    (0xFB1D, 0xFB4F, "Hebr"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
    (0xFF66, 0xFF9F, "Jpan"),  # half-width katakana
    (0x20000, 0x3FFFF, "Hani"),
)
_STARTS = [r[0] for r in sorted(_RANGES)]
_SORTED = sorted(_RANGES)

RIGHT_TO_LEFT = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo"})
EAST_ASIAN = frozenset({"Hang", "Hani", "Jpan"})
COMPLEX = frozenset({"Arab", "Hebr", "Thai", "Deva"})
"""Scripts OOXML draws with the complex-script (``cs``) font."""
SHAPED = RIGHT_TO_LEFT | frozenset(
    {"Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Tibt", "Mymr", "Khmr"}
)
"""Scripts whose text needs shaping (contextual forms, conjuncts, reordered or stacked marks) to be drawn right."""


def script_of(char: str) -> str | None:
    """The ISO 15924 code of *char*, or None for characters shared by every script."""
    code = ord(char)
    i = bisect_right(_STARTS, code) - 1
    if i >= 0:
        low, high, script = _SORTED[i]
        if low <= code <= high:
            return script
    return None


def needs_shaping(text: str) -> bool:
    """Whether *text* has a character of a script in :data:`SHAPED` (Latin, Greek, Cyrillic and CJK do not need it)."""
    return any(script_of(char) in SHAPED for char in text if char > "\u058f")


def scripts_in(text: str) -> Counter[str]:
    """How many characters of *text* each script has (shared characters left out)."""
    return Counter(s for s in map(script_of, text) if s is not None)


def dominant(text: str) -> str | None:
    """The script most of *text*'s letters are in (kana make Han text ``Jpan``), or None if it has none.

    Ties go to the script that comes first in the text.
    """
    def fold(script: str) -> str:
        return "Jpan" if script == "Hani" and "Jpan" in counts else script

    counts = scripts_in(text)
    if "Jpan" in counts and "Hani" in counts:
        counts["Jpan"] += counts.pop("Hani")
    if not counts:
        return None
    best = max(counts.values())
    return next(fold(s) for s in map(script_of, text) if s is not None and counts.get(fold(s)) == best)


_LANGS = {"Hang": "ko-KR", "Jpan": "ja-JP", "Arab": "ar-SA", "Hebr": "he-IL", "Thai": "th-TH", "Deva": "hi-IN"}
_HAN = {"ja": "ja-JP", "ko": "ko-KR"}


def han_language(document: str, context: str = "") -> str:
    """The tag of a run of Han characters in a document of BCP 47 tag *document*.

    In a Japanese, Chinese or Korean document, the document's own (``zh-Hans`` is
    ``zh-CN``, ``zh-Hant`` and ``zh-TW``/``zh-HK`` ``zh-TW``); elsewhere Korean when
    *context* (the run's paragraph) has Hangul, else the document's language.
    """
    parts = document.split("-")
    language = parts[0].lower()
    if language == "zh":
        rest = {p.lower() for p in parts[1:]}
        return "zh-TW" if rest & {"hant", "tw", "hk", "mo"} else "zh-CN"
    if language in _HAN:
        return _HAN[language]
    if any(script_of(c) == "Hang" for c in context):
        return "ko-KR"
    return {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}.get(chinese_forms(context) or "", "")


def chinese_forms(text: str) -> str | None:
    """``zh-Hans`` or ``zh-Hant`` when *text*'s Han characters can only be Chinese of that kind: some are
    not Japanese kanji (JIS X 0208/0213) and all are in the General Standard table (Simplified) or in
    Big5 (Traditional); else None. What a reader sees in 维护海洋权益 or 維護海洋權益, said by the sets."""
    han = {char for char in text if script_of(char) == "Hani"}
    if not han:
        return None
    japanese, simplified, traditional = _han_sets()
    if han <= japanese:
        return None
    if han <= simplified and not han <= traditional:
        return "zh-Hans"
    if han <= traditional:
        return "zh-Hant"
    return None


@lru_cache(maxsize=1)
def _han_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from reportgen.fonts.embedded import charset

    return (charset("jis-x-0208-kanji") | charset("jis-x-0213-kanji"), charset("general-standard-chinese"), charset("big5-han"))


@lru_cache(maxsize=8192)
def language_of(text: str, document: str, document_xml_lang: str, context: str = "") -> str:
    """The OOXML ``lang`` of a run of *text* in a document tagged *document* (its OOXML tag *document_xml_lang*).

    A run in the document's own scripts (or in none: digits, punctuation) keeps the
    document's tag; a run in Hangul, kana, Arabic, Hebrew, Thai or Devanagari gets
    that script's language, unless the document is in that language already.
    """
    script = dominant(text)
    if script is None or script in ("Latn", "Grek", "Cyrl"):
        return document_xml_lang
    if script == "Hani":
        return han_language(document, context) or document_xml_lang
    tag = _LANGS.get(script)
    if tag is None:
        return document_xml_lang
    if tag.split("-")[0] == document.split("-")[0].lower():
        return document_xml_lang
    return tag


_CLASS = {"Hani": "cjk", "Jpan": "cjk", "Hang": "cjk"}


def segments(text: str) -> list[str]:
    """*text* cut where its script changes; shared characters stay with the text before them,
    and Han, kana and Hangul side by side are one stretch (whose language :func:`dominant` decides)."""
    out: list[str] = []
    current: str | None = None
    for char in text:
        script = script_of(char)
        kind = _CLASS.get(script, script) if script else None
        if kind is not None and kind != current and out and current is not None:
            out.append(char)
        elif out:
            out[-1] += char
        else:
            out.append(char)
        if kind is not None:
            current = kind
    return out


@lru_cache(maxsize=8192)
def split_by_language(text: str, document: str, document_xml_lang: str, context: str = "") -> tuple[tuple[str, str], ...]:
    """*text* as pieces of one language each, with their tags (:func:`language_of`), in order."""
    out: list[tuple[str, str]] = []
    for piece in segments(text):
        lang = language_of(piece, document, document_xml_lang, context)
        if out and out[-1][1] == lang:
            out[-1] = (out[-1][0] + piece, lang)
        else:
            out.append((piece, lang))
    return tuple(out)
