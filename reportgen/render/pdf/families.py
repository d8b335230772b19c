"""The template set's own font families, registered with reportlab as they are.

Registered once per process (reportlab embeds the glyphs used as a subset), with bold and italic
mappings; a face the set does not list falls back to its regular one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.errors import RenderError
from reportgen.render.pdf._internals import register_fresh
from reportgen.theme import Theme

_FACES = {"regular": (0, 0, ""), "bold": (1, 0, "-Bold"), "italic": (0, 1, "-Italic"), "bold_italic": (1, 1, "-BoldItalic")}


@cache
def _load(name: str, path: Path) -> str:
    try:
        return register_fresh(TTFont(name, str(path)))
    except Exception as exc:  # reportlab reports a broken font in many ways (TTFError, KeyError, struct.error...)
        raise RenderError(f"cannot use the font file {path}: {type(exc).__name__}: {exc}", field="theme.font_files") from None


def register(theme: Theme, *names: str | None) -> None:
    """Register the families that provide *names* (default: the body, heading and mono fonts), with
    bold/italic mappings (missing faces fall back to regular). Only what is used is loaded: the CJK
    font is several megabytes and an English brief rarely needs it."""
    wanted = [name for name in (names or (theme.brief.fonts.body, theme.brief.fonts.heading, theme.brief.fonts.mono)) if name]
    for family, faces in theme.font_paths.items():
        if not any(name == family or name.startswith(family + "-") for name in wanted):
            continue
        if "regular" not in faces:
            raise RenderError(f"font family '{family}' has no regular face", field=f"theme.font_files.{family}.regular")
        regular = _load(family, faces["regular"])
        for face, (bold, italic, suffix) in _FACES.items():
            name = _load(family + suffix, faces[face]) if face in faces else regular
            addMapping(family, bold, italic, name)
            addMapping(name, bold, italic, name)


