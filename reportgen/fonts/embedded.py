"""The fonts reportgen ships: with them alone a brief draws Latin, Greek, Cyrillic, Japanese, Korean,
Simplified and Traditional Chinese and the symbols briefs use, in regular and bold.

Noto Sans comes with the default template set (its assets). The CJK families and the symbols are
package data in ``data/``, made by ``scripts/build_embedded_fonts.py`` from Noto Sans CJK (SIL Open
Font License) and DejaVu Sans (Bitstream Vera licence), with the licences beside them. The CJK
files are CFF OpenType: give them to :func:`reportgen.fonts.truetype.truetype_subset` before reportlab.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.bundled import bundled_dir

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


FaceFiles = dict[str, Path]
"""Face (``regular``, ``bold``, ``italic``, ``bold_italic``) -> file."""


def families() -> dict[str, FaceFiles]:
    """Every embedded family by the name chains and themes give it (``Noto Sans CJK KR``); a family
    whose files are not there (a trimmed install) is left out."""
    latin = bundled_dir("templates") / "default" / "assets" / "fonts"
    table: dict[str, FaceFiles] = {
        "Noto Sans": {face: latin / f"NotoSans-{style}.ttf" for face, style in
                      (("regular", "Regular"), ("bold", "Bold"), ("italic", "Italic"), ("bold_italic", "BoldItalic"))},
        "DejaVu Sans Symbols": {"regular": symbols_font(), "bold": symbols_font(bold=True)},
    }
    for language, tag in _CJK_FILES.items():
        regular, bold = cjk_font(language), cjk_font(language, bold=True)
        if regular is not None and bold is not None:
            table[f"Noto Sans CJK {tag.upper()}"] = {"regular": regular, "bold": bold}
    return {name: faces for name, faces in table.items() if faces["regular"].is_file()}
