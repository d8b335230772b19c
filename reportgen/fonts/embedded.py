"""The fonts reportgen ships: with them alone a brief draws Latin, Greek, Cyrillic, Japanese, Korean,
Simplified and Traditional Chinese and the symbols briefs use, in regular and bold.

Noto Sans comes with the default template set (its assets); the CJK families and the symbols are
package data in ``reportgen/fonts/data`` (subsets made by ``scripts/build_embedded_fonts.py``, their
licences beside them). The CJK files are CFF OpenType, converted to TrueType for the brief as a
build needs them (:mod:`reportgen.fonts.truetype`).
"""

from __future__ import annotations

from pathlib import Path

from reportgen.bundled import bundled_dir

DATA = Path(__file__).resolve().parent / "data"

FaceFiles = dict[str, Path]
"""Face (``regular``, ``bold``, ``italic``, ``bold_italic``) -> file."""


def _noto_sans() -> FaceFiles:
    folder = bundled_dir("templates") / "default" / "assets" / "fonts"
    return {face: folder / f"NotoSans-{style}.ttf" for face, style in
            (("regular", "Regular"), ("bold", "Bold"), ("italic", "Italic"), ("bold_italic", "BoldItalic"))}


def _pair(stem: str, suffix: str) -> FaceFiles:
    return {"regular": DATA / f"{stem}-Regular.{suffix}", "bold": DATA / f"{stem}-Bold.{suffix}"}


def families() -> dict[str, FaceFiles]:
    """Every embedded family by its name, as chains and themes name it (``Noto Sans CJK KR``);
    families whose files are not there (a trimmed install) are left out."""
    table = {
        "Noto Sans": _noto_sans(),
        "Noto Sans CJK JP": _pair("NotoSansCJKjp", "otf"),
        "Noto Sans CJK KR": _pair("NotoSansCJKkr", "otf"),
        "Noto Sans CJK SC": _pair("NotoSansCJKsc", "otf"),
        "Noto Sans CJK TC": _pair("NotoSansCJKtc", "otf"),
        "DejaVu Sans Symbols": _pair("DejaVuSansSymbols", "ttf"),
    }
    return {name: faces for name, faces in table.items() if faces["regular"].is_file()}
