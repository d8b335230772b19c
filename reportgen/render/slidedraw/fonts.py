"""The font files a picture's text is drawn in: the very files the fitter measured it with.

A metric key (:func:`reportgen.slides.faces.Faces.key`) names a face and a
weight; :func:`reportgen.fonts.metrics.find_face` finds its file (the set's,
reportgen's bundled fonts, installed fonts or a metric-compatible stand-in:
Liberation Sans for Arial and Helvetica). Each file is registered with
reportlab once, under a name of its own, so a drawing works on any canvas.
A character the face lacks is drawn in DejaVu Sans, as the fitter measures it.
A font reportlab cannot read as it is (OpenType with PostScript outlines, a
collection's member) is drawn from a TrueType subset of it for the characters
of the deck being drawn (:func:`characters`), as the brief does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from reportgen.fonts.metrics import Advances, find_face
from reportgen.fonts.truetype import truetype_subset
from reportgen.render.pdf._internals import register_fresh
from reportgen.slides.faces import Faces

_REPORTLAB = {"Helvetica": ("Arial", False), "Helvetica-Bold": ("Arial", True), "Courier": ("Courier New", False), "Courier-Bold": ("Courier New", True)}
FALLBACK = "DejaVu Sans"
_CHARS: ContextVar[frozenset[str]] = ContextVar("slidedraw_chars", default=frozenset())


@contextmanager
def characters(chars: frozenset[str]) -> Iterator[None]:
    """Inside the block, fonts that need a subset are subset to *chars* (a deck's characters)."""
    token = _CHARS.set(chars)
    try:
        yield
    finally:
        _CHARS.reset(token)


def _face(key: str) -> tuple[str, bool]:
    key = key.split(">")[-1]  # the wider of two: an East Asian run's ambiguous character, drawn in its East Asian face
    if key in _REPORTLAB:
        return _REPORTLAB[key]
    face, _, bold = key.rpartition("|")
    return face, bold == "1"


def font_for(key: str, ch: str, faces: Faces) -> str:
    """The registered reportlab font that draws *ch* measured with *key*."""
    face, bold = _face(key)
    found = find_face(face, bold, faces.asset_map())
    if found is None or found.em(ch) is None:
        found = find_face(FALLBACK, bold) or find_face(FALLBACK)
    if found is None:
        return "Helvetica-Bold" if bold else "Helvetica"
    return _register(found)


def _register(found: Advances) -> str:
    return _registered(_subset(found.path, found.index, _CHARS.get()))


@lru_cache(maxsize=256)
def _subset(path: Path, index: int, chars: frozenset[str]) -> str:
    """The file that draws *chars* of *path*: asked once per face and deck, not once per character (each asking
    opens the font to see whether it is plain TrueType)."""
    return str(truetype_subset(path, chars, font_number=index))


def _registered(path: str) -> str:
    """The reportlab name of the font file *path*, registered on first use and never again. Registered as
    the brief registers its subsets (:func:`register_fresh`): reportlab files fonts by face name too, and a
    second subset of one face (another deck's characters) would otherwise draw with the first one's glyphs."""
    name = f"slidedraw-{Path(path).stem[:24]}-{hashlib.sha1(path.encode()).hexdigest()[:8]}"  # the same in every process
    if name not in _NAMES:
        register_fresh(TTFont(name, path))
        _NAMES.add(name)
    return name


def registered() -> tuple[str, ...]:
    """The names of the fonts registered so far."""
    return tuple(sorted(_NAMES))


_NAMES: set[str] = set()
