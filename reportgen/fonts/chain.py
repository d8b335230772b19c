"""Which families draw which script, best first: the fallback chains, and what supplies a missing one.

A character is sorted into a *script key* (ISO 15924 codes, with Han split by the
language it is read in: ``Jpan``, ``Kore``, ``Hans``, ``Hant``), and its key's chain
is tried in order: the families the theme names for it, then these defaults. The
first family in a chain whose font has the character draws it. Families are
looked up in the template set's fonts, then reportgen's embedded ones
(:mod:`reportgen.fonts.embedded`), then the system's (:mod:`reportgen.fonts.system`).
"""

from __future__ import annotations

import unicodedata

from reportgen.scripts import chinese_forms, script_of

SCRIPT_KEYS = ("Latn", "Jpan", "Kore", "Hans", "Hant", "Thai", "Deva", "Arab", "Hebr", "Zsym", "Zsye")
"""Latin (with Greek and Cyrillic), Japanese, Korean, Simplified and Traditional Chinese, Thai,
Devanagari, Arabic, Hebrew, symbols and emoji."""

HAN_KEYS = {"ja": "Jpan", "ko": "Kore", "zh-Hans": "Hans", "zh-Hant": "Hant"}
"""The key Han characters take in a text of each built-in language (its glyph forms)."""

DEFAULT_CHAINS: dict[str, tuple[str, ...]] = {
    "Latn": ("Noto Sans", "DejaVu Sans", "Liberation Sans", "FreeSans"),
    "Jpan": ("Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "TakaoGothic", "VL Gothic"),
    "Kore": ("Noto Sans CJK KR", "NanumGothic", "UnDotum", "Baekmuk Gulim"),
    "Hans": ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "AR PL UMing CN"),
    "Hant": ("Noto Sans CJK TC", "AR PL UMing TW", "WenQuanYi Zen Hei"),
    "Thai": ("Noto Sans Thai", "Noto Sans Thai UI", "Loma", "Garuda", "Norasi"),
    "Deva": ("Noto Sans Devanagari", "Lohit Devanagari", "FreeSans"),
    "Arab": ("Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", "FreeSerif"),
    "Hebr": ("Noto Sans Hebrew", "DejaVu Sans", "FreeSans"),
    "Zsym": ("DejaVu Sans Symbols", "Noto Sans Symbols", "Noto Sans Symbols 2", "Noto Sans Math", "DejaVu Sans", "FreeSerif"),
    "Zsye": ("Noto Emoji", "Symbola", "Noto Sans Symbols 2", "DejaVu Sans"),
}
"""The defaults after the theme's own families. Emoji come from monochrome fonts: colour emoji
fonts are bitmaps, which a PDF's font program cannot carry."""

PACKAGES: dict[str, str] = {
    "Latn": "fonts-noto-core",
    "Jpan": "fonts-noto-cjk",
    "Kore": "fonts-noto-cjk",
    "Hans": "fonts-noto-cjk",
    "Hant": "fonts-noto-cjk",
    "Thai": "fonts-noto-core",
    "Deva": "fonts-noto-core",
    "Arab": "fonts-noto-core",
    "Hebr": "fonts-noto-core",
    "Zsym": "fonts-noto-core",
    "Zsye": "fonts-symbola",
}
"""The Debian (and Ubuntu) package that installs a font of each chain."""

OTHER = "Zzzz"
"""The key of letters in scripts with no chain of their own: any installed font that has them."""

_KEYS_OF_SCRIPTS = {"Latn": "Latn", "Grek": "Latn", "Cyrl": "Latn", "Jpan": "Jpan", "Hang": "Kore"}
_EMOJI_BLOCKS = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF))


def script_key(char: str, han: str) -> str | None:
    """The chain *char* is drawn from; *han* is the key Han characters take here. None for characters
    every script shares (digits, punctuation, spaces): they go with the text around them."""
    script = script_of(char)
    if script == "Hani":
        return han
    if script is not None:
        key = _KEYS_OF_SCRIPTS.get(script, script)
        return key if key in SCRIPT_KEYS else OTHER  # scripts.py knows more scripts than there are chains
    category = unicodedata.category(char)
    if category.startswith("S"):
        code = ord(char)
        if any(low <= code <= high for low, high in _EMOJI_BLOCKS) and category == "So":
            return "Zsye" if code >= 0x1F000 else "Zsym"
        return "Zsym"
    if category[0] in "LM":
        return OTHER
    return None


def han_key(language_key: str, context: str = "", default: str = "Jpan") -> str:
    """The key of Han characters in a text of built-in language *language_key* (``ko``, ``zh-Hant``;
    ``""`` for others): that language's forms; elsewhere Korean when *context* (the same field) has
    Hangul, Chinese when its characters can only be Chinese (:func:`~reportgen.scripts.chinese_forms`),
    else *default* (the theme's choice)."""
    if language_key in HAN_KEYS:
        return HAN_KEYS[language_key]
    if all(ord(char) < 0x1100 for char in context):  # no Hangul, no Han: the theme's choice, without looking further
        return default
    if any(script_of(char) == "Hang" for char in context):
        return "Kore"
    forms = chinese_forms(context)
    return HAN_KEYS[forms] if forms else default


def package_for(key: str | None) -> str:
    """The package to install for characters of chain *key* (``fonts-noto-core`` when it is not known)."""
    return PACKAGES.get(key or "", "fonts-noto-core")
