"""The PDF's fonts: registering the theme's TrueType families, and falling back for characters a font lacks.

TrueType families are registered with reportlab once per process (reportlab
embeds the glyphs used as a subset). A character the body font does not
have but the theme's CJK font does (a Japanese term in an English brief) is
set in the CJK font, so mixed text shows both scripts instead of boxes.
"""

from __future__ import annotations

import contextvars
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.errors import FieldText, Location, RenderError, ReportgenWarning
from reportgen.theme import Theme

_FACES = {"regular": (0, 0, ""), "bold": (1, 0, "-Bold"), "italic": (0, 1, "-Italic"), "bold_italic": (1, 1, "-BoldItalic")}
_WIN_ANSI = frozenset(bytes(range(0x20, 0x100)).decode("cp1252", errors="ignore")) | {"\t", "\n"}


@cache
def _load(name: str, path: Path) -> str:
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except Exception as exc:  # reportlab reports a broken font in many ways (TTFError, KeyError, struct.error...)
        raise RenderError(f"cannot use the font file {path}: {type(exc).__name__}: {exc}", field="theme.font_files") from None
    return name


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


MAX_NAMED = 8
"""A missing-glyph warning names at most this many characters, then how many more."""


def report_missing_glyphs(texts: Iterable[FieldText], theme: Theme, source: Path | None = None) -> None:
    """Warn once per field that has characters neither the body font nor the CJK font can draw,
    naming them in reading order (each character is named in the first field it appears in only)."""
    register(theme)
    fonts = [name for name in (theme.brief.fonts.body, theme.brief.fonts.cjk) if name]
    covered = coverage(theme.brief.fonts.body)
    reported: set[str] = set()
    for item in texts:
        text = item.text
        missing = set(text) - covered - reported
        if missing and theme.brief.fonts.cjk and theme.brief.fonts.cjk != theme.brief.fonts.body and len(fonts) == 2:
            register(theme, theme.brief.fonts.cjk)
            covered |= coverage(theme.brief.fonts.cjk)
            fonts.append("")  # the CJK font is in *covered* now
            missing -= covered
        drawn_blank = [char for char in dict.fromkeys(text) if char in missing and not _invisible(char)]
        if not drawn_blank:
            continue
        reported.update(drawn_blank)
        warnings.warn(
            ReportgenWarning(
                f"no glyph in {' or '.join(filter(None, fonts))} for {_named(drawn_blank)}; the brief will show blanks",
                location=item.location or (Location(source) if source else None),
                field=item.field,
                hint="name a font that has them under font_files and brief.fonts in theme.yaml",
            ),
            stacklevel=2,
        )


def _invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Mn")


def _named(chars: list[str]) -> str:
    """``'한' (U+D55C), '국' (U+AD6D) and 3 more``."""
    named = ", ".join(f"{char!r} (U+{ord(char):04X})" for char in chars[:MAX_NAMED])
    more = len(chars) - MAX_NAMED
    return f"{named} and {more} more" if more > 0 else named


@cache
def coverage(name: str) -> frozenset[str]:
    """The characters font *name* can draw (standard PDF fonts: the WinAnsi set)."""
    try:
        font = pdfmetrics.getFont(name)
    except (KeyError, ValueError):
        raise RenderError(
            f"font '{name}' is not available to the PDF renderer",
            hint="list its files under font_files in theme.yaml, or use a standard PDF font (Helvetica, Times-Roman, Courier)",
        ) from None
    face = getattr(font, "face", None)
    char_to_glyph = getattr(face, "charToGlyph", None)
    if char_to_glyph:
        return frozenset(chr(code) for code in char_to_glyph)
    return _WIN_ANSI




class _Fallback:
    """The body font's coverage now; the fallback font's loaded the first time a character needs it."""

    def __init__(self, theme: Theme, body: str, font: str) -> None:
        self.theme, self.font, self.body = theme, font, coverage(body)
        self._other: frozenset[str] | None = None

    @property
    def other(self) -> frozenset[str]:
        if self._other is None:
            register(self.theme, self.font)
            self._other = coverage(self.font)
        return self._other


_fallback: contextvars.ContextVar[_Fallback | None] = contextvars.ContextVar(
    "pdf_font_fallback", default=None
)


@contextmanager
def fallback(theme: Theme, body: str) -> Iterator[None]:
    """While rendering, set characters *body* lacks but the theme's CJK font has in the CJK font."""
    cjk = theme.brief.fonts.cjk
    if not cjk or cjk == body:
        yield
        return
    token = _fallback.set(_Fallback(theme, body, cjk))
    try:
        yield
    finally:
        _fallback.reset(token)


@contextmanager
def graphics_default(name: str) -> Iterator[None]:
    """Charts start from *name* rather than reportlab's default Helvetica, which would be declared unembedded."""
    from reportlab.graphics.shapes import STATE_DEFAULTS

    saved = STATE_DEFAULTS["fontName"]
    STATE_DEFAULTS["fontName"] = name
    try:
        yield
    finally:
        STATE_DEFAULTS["fontName"] = saved


def segments(text: str) -> list[tuple[str, str | None]]:
    """*text* cut into ``(piece, font)`` where font is the fallback font, or None for the body font."""
    active = _fallback.get()
    if active is None or not text:
        return [(text, None)]
    body = active.body
    if all(char in body for char in text):
        return [(text, None)]
    pieces: list[tuple[str, str | None]] = []
    for char in text:
        wanted = active.font if char not in body and char in active.other else None
        if pieces and pieces[-1][1] == wanted:
            pieces[-1] = (pieces[-1][0] + char, wanted)
        else:
            pieces.append((char, wanted))
    return pieces
