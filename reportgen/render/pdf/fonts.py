"""The PDF's fonts while a brief renders: which font sets each character, and warnings for those none can.

Text is set in the body font, except characters it lacks and Han characters whose glyph forms
another font gives (Korean forms in a Korean brief): those go to the font their script's chain
(:class:`~reportgen.render.pdf.fontbook.FontBook`) names, so mixed text shows every script.
"""

from __future__ import annotations

import contextvars
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from reportgen.errors import FieldText, Location, RenderError, ReportgenWarning
from reportgen.fonts.chain import package_for
from reportgen.render.pdf.families import register
from reportgen.render.pdf.fontbook import HAN_KEYS, FontBook
from reportgen.scripts import script_of
from reportgen.theme import Theme

__all__ = ["FontBook", "coverage", "fallback", "graphics_default", "register", "report_missing_glyphs", "segments"]
_WIN_ANSI = frozenset(bytes(range(0x20, 0x100)).decode("cp1252", errors="ignore")) | {"\t", "\n"}

MAX_NAMED = 8
"""A missing-glyph warning names at most this many characters, then how many more."""


def report_missing_glyphs(texts: Iterable[FieldText], theme: Theme, source: Path | None = None) -> None:
    """Warn once per field that has characters no font of their script's chain can draw, naming them in
    reading order and the package that would supply them (each character only in the first field it is in)."""
    items = list(texts)
    register(theme)
    body = theme.brief.fonts.body
    covered = coverage(body)
    if all(char in covered or char.isspace() for item in items for char in item.text):
        return
    book = FontBook(theme, theme.language, frozenset("".join(item.text for item in items)))
    reported: set[str] = set()
    for item in items:
        han = book.han_for(item.text)
        blank = [char for char in dict.fromkeys(item.text) if char not in reported and not _invisible(char)
                 and char not in covered and book.source_for(char, book.key_of(char, han)) is None]
        if not blank:
            continue
        reported.update(blank)
        packages = sorted({package_for(book.key_of(char, han)) for char in blank})
        warnings.warn(
            ReportgenWarning(
                f"no font here can draw {_named(blank)}; the brief will show blanks",
                location=item.location or (Location(source) if source else None),
                field=item.field,
                hint=f"install {' or '.join(packages)} (Debian/Ubuntu), or name a font that has them under font_files and brief.fonts.scripts in theme.yaml",
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


@dataclass(frozen=True)
class _Active:
    book: FontBook
    base: str
    """The body font: what text is set in unless its script's chain says otherwise."""
    covered: frozenset[str]


_active: contextvars.ContextVar[_Active | None] = contextvars.ContextVar("pdf_font_book", default=None)


@contextmanager
def fallback(book: FontBook, body: str) -> Iterator[None]:
    """While rendering, set characters *body* should not draw in the font their script's chain names."""
    token = _active.set(_Active(book, body, coverage(body)))
    try:
        yield
    finally:
        _active.reset(token)


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


def segments(text: str, context: str = "", lang: str | None = None) -> list[tuple[str, str | None]]:
    """*text* cut into ``(piece, font)``, font None for the body font. *context* is the whole field (Han
    beside Hangul is Korean), *lang* the language a span names (its Han glyph forms)."""
    active = _active.get()
    if active is None or not text:
        return [(text, None)]
    if all(char in active.covered and script_of(char) != "Hani" for char in text):
        return [(text, None)]
    book = active.book
    han = book.han_for(context or text, lang)
    pieces: list[tuple[str, str | None]] = []
    last_key: str | None = None
    for char in text:
        key = book.key_of(char, han)
        if key is None:
            previous = pieces[-1][1] if pieces else None
            if previous is not None and char in coverage(previous):
                wanted: str | None = previous
            elif char in active.covered:
                wanted = None
            else:
                wanted = book.font_for(char, last_key) or book.font_for(char, "Zsym")
        else:
            last_key = key
            wanted = _font_of(book, active, char, key)
        if wanted == active.base:
            wanted = None
        if pieces and pieces[-1][1] == wanted:
            pieces[-1] = (pieces[-1][0] + char, wanted)
        else:
            pieces.append((char, wanted))
    return pieces


def _font_of(book: FontBook, active: _Active, char: str, key: str) -> str | None:
    """The body font when it has *char* (for Han only when it is also the chain's choice: their forms differ)."""
    if char in active.covered and (key not in HAN_KEYS or script_of(char) != "Hani"):
        return None
    return book.font_for(char, key)
