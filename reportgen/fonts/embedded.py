"""The fonts reportgen ships for Chinese, Japanese, Korean and symbols, and the character sets they cover.

Made by ``scripts/build_embedded_fonts.py`` from Noto Sans CJK (SIL Open Font License) and DejaVu
Sans (Bitstream Vera licence); the licences are beside them in ``data/``. The CJK files are CFF
OpenType: give them to :func:`reportgen.fonts.truetype.truetype_subset` before reportlab.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

_CJK_FILES = {"ja": "jp", "ko": "kr", "zh-Hans": "sc", "zh-Hant": "tc"}
_ALIASES = {"zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-SG": "zh-Hans", "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant"}

CJK_LANGUAGES = tuple(_CJK_FILES)
"""The languages whose Han glyph forms an embedded font draws."""

CHARSETS = {
    "ja": ("jis-x-0208-kanji", "jis-x-0213-kanji", "kana"),
    "ko": ("hangul-syllables", "hangul-compatibility-jamo", "ks-x-1001-hanja"),
    "zh-Hans": ("general-standard-chinese",),
    "zh-Hant": ("big5-han",),
    "symbols": ("symbols",),
}
"""The character sets each embedded font draws in full, in both weights (``data/charsets/<name>.txt``)."""


def cjk_font(language: str, *, bold: bool = False) -> Path | None:
    """The embedded font for Han text in *language*'s forms (``ja``, ``ko``, ``zh-Hans``, ``zh-Hant``; ``zh-TW`` and the like too), or None."""
    tag = _CJK_FILES.get(_ALIASES.get(language, language))
    if tag is None:
        return None
    return DATA / f"NotoSansCJK{tag}-{'Bold' if bold else 'Regular'}.otf"


def symbols_font(*, bold: bool = False) -> Path:
    """The embedded TrueType font of arrows, mathematical operators, check marks, currency and typographic symbols."""
    return DATA / f"DejaVuSansSymbols-{'Bold' if bold else 'Regular'}.ttf"


def charset(name: str) -> frozenset[str]:
    """The characters of ``data/charsets/<name>.txt``."""
    return frozenset((DATA / "charsets" / f"{name}.txt").read_text(encoding="utf-8")) - {"\n"}
