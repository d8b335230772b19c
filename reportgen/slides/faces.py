"""Which face draws each character of a deck run, and how wide it is at 1 pt.

PowerPoint draws a character in one of a run's three fonts, by the
character's class: East Asian characters (Han, kana, Hangul, full-width
forms) in the ``ea`` face, Thai, Devanagari, Arabic and Hebrew in the ``cs``
face, everything else in the ``latin`` face. The deck writer
(``render.pptx.text``) names the set's Latin face on every run, the set's
East Asian face (if it names one) on runs in the document's language, and the
font scheme's face for the run's script (:data:`reportgen.fonts.scheme.SCRIPT_FONTS`)
everywhere else; :class:`Faces` follows the same rule, so the fitter measures a
run with the face that will draw it.

A character whose East Asian width is ambiguous (curly quotes, the middle dot,
the ellipsis) in an East Asian run may be drawn in either face: PowerPoint takes
the ``ea`` face, LibreOffice the ``latin`` one; it is measured at the wider.

Arial (and Helvetica) is measured with reportlab's Helvetica metrics, which
are Arial's advance widths, for every character they cover: that needs no
font file, so an English deck loads none. Every other face is read from a
font file (:func:`reportgen.fonts.metrics.find_face`); a character no file
covers gets a conservative guess (one em when wide).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.fonts.metrics import fallback_em, find_face
from reportgen.fonts.scheme import SCRIPT_FONTS, script_face
from reportgen.locale import Locale
from reportgen.scripts import COMPLEX, EAST_ASIAN, script_of, split_by_language
from reportgen.theme import Theme

MONO = "Courier New"
HELVETICA_TWINS = frozenset({"Arial", "Helvetica", "Liberation Sans", "Arimo"})
"""Faces whose advance widths are Helvetica's (reportlab's built-in metrics)."""
AUTOSPACE = "autospace"
"""The key of the gap LibreOffice puts between East Asian and other text (see :data:`AUTOSPACE_EM`)."""
AUTOSPACE_EM = 0.25
"""LibreOffice Impress spaces East Asian text from Latin text, digits and ASCII punctuation beside it
(its paragraph setting "Asian-Western spacing", on by default and not read from PPTX) by about a
quarter em, measured: 7.2 pt at 30 pt. PowerPoint adds nothing; measuring it keeps both inside the box."""
_ZERO = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_LATIN_FACE = re.compile("[\u0000-\u058f\u2000-\u206f\u20a0-\u20cf]*")
"""Text PowerPoint draws all in the latin face (Latin, Greek, Cyrillic, punctuation, currency) outside East Asian runs."""


@dataclass(frozen=True)
class Faces:
    """The faces a deck names, as the fitter needs them (hashable: part of every cached measure)."""

    latin: str = "Arial"
    east_asian: str | None = None
    """The set's East Asian face, for runs in the document's language (None: the scheme's face per script)."""
    tag: str = "en"
    lang: str = "en-US"
    assets: tuple[tuple[str, tuple[tuple[str, Path], ...]], ...] = ()
    """The set's font files: family -> ((face, path), ...)."""
    heading: str = ""
    """The Latin face titles are drawn in ("": the same as :attr:`latin`)."""

    def __hash__(self) -> int:
        """Hashed once: every cached measure of the plan hashes the faces it was measured in."""
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.latin, self.east_asian, self.tag, self.lang, self.assets, self.heading))
            object.__setattr__(self, "_hash", cached)
        return cached

    @classmethod
    def of(cls, theme: Theme, locale: Locale) -> Faces:
        assets = tuple((family, tuple(sorted(files.items()))) for family, files in sorted(theme.font_paths.items()))
        return cls(theme.deck.fonts.latin, theme.deck.fonts.east_asian, locale.tag, locale.xml_lang, assets)

    def titles(self) -> Faces:
        """These faces with the heading face as the Latin one, for measuring titles."""
        return replace(self, latin=self.heading) if self.heading and self.heading != self.latin else self

    def pieces(self, text: str, context: str, bold: bool, code: bool, previous: str = "") -> tuple[list[tuple[str, str]], str]:
        """*text* (one run's) as (characters, metric key) pieces, with an autospace piece wherever LibreOffice
        puts one; *previous* is the class of the last character before it (``ea``, ``latin``, ``cs`` or none),
        and the class of its own last one is returned with the pieces."""
        if _LATIN_FACE.fullmatch(text) and not _is_east_asian(self.lang):  # the common case, at a glance: all in the Latin face
            key = self.key("a", "latin", self.lang, bold, code, False)
            head = [(" ", AUTOSPACE)] if previous == "ea" and not text[:1].isspace() else []
            return [*head, (text, key)] if text else [], ("" if text[-1:].isspace() else "latin" if text else previous)
        out: list[tuple[str, str]] = []
        for part, lang in split_by_language(text, self.tag, self.lang, context) if text else ():
            east_asian_run = _is_east_asian(lang)
            for ch in part:
                kind = _kind(ch)
                if {previous, kind} == {"ea", "latin"}:
                    out.append((" ", AUTOSPACE))
                key = self.key(ch, kind, lang, bold, code, east_asian_run)
                if out and out[-1][1] == key:
                    out[-1] = (out[-1][0] + ch, key)
                else:
                    out.append((ch, key))
                previous = "" if kind == " " else kind
        return out, previous

    def key(self, ch: str, kind: str, lang: str, bold: bool, code: bool, east_asian_run: bool) -> str:
        """The metric key of *ch*: a reportlab font name or ``face|bold`` (see :func:`char_em`)."""
        latin = MONO if code else self.latin
        if kind == "ea":
            return _face_key(self._east_asian(lang, ch), bold)
        if kind == "cs":
            return _face_key(script_face(lang, script_of(ch)) or latin, bold)
        if east_asian_run and unicodedata.east_asian_width(ch) == "A" and not code:
            return f"{_face_key(latin, bold)}>{_face_key(self._east_asian(lang, ch), bold)}"
        return _face_key(latin, bold)

    def _east_asian(self, lang: str, ch: str) -> str:
        if lang == self.lang and self.east_asian:
            return self.east_asian
        return script_face(lang, script_of(ch)) or SCRIPT_FONTS["Jpan"]  # Han in a Western run: the scheme's default

    def asset_map(self) -> dict[str, dict[str, Path]]:
        return {family: dict(files) for family, files in self.assets}


def _is_east_asian(lang: str) -> bool:
    return lang.split("-")[0] in ("ja", "ko", "zh")


def _kind(ch: str) -> str:
    """``ea``, ``cs`` or ``latin``: the run font PowerPoint draws *ch* in (`` `` for whitespace)."""
    if ch.isspace():
        return " "
    script = script_of(ch)
    if script in EAST_ASIAN or unicodedata.east_asian_width(ch) in ("W", "F"):
        return "ea"
    if script in COMPLEX:
        return "cs"
    return "latin"


def _face_key(face: str, bold: bool) -> str:
    if face == MONO:
        return "Courier-Bold" if bold else "Courier"
    if face in HELVETICA_TWINS:
        return "Helvetica-Bold" if bold else "Helvetica"
    return f"{face}|{int(bold)}"


_REPORTLAB = frozenset({"Helvetica", "Helvetica-Bold", "Courier", "Courier-Bold"})


@lru_cache(maxsize=65536)
def char_em(ch: str, key: str, faces: Faces = Faces()) -> float:
    """Advance width of one character at 1 pt in the face *key* names (``a>b``: the wider of two)."""
    if unicodedata.combining(ch) or ch in _ZERO:
        return 0.0
    if key == AUTOSPACE:
        return AUTOSPACE_EM
    if ">" in key:
        return max(char_em(ch, part, faces) for part in key.split(">"))
    if key in _REPORTLAB:
        try:
            ch.encode("cp1252")
        except UnicodeEncodeError:
            return char_em(ch, f"Liberation {'Mono' if key.startswith('Courier') else 'Sans'}|{int(key.endswith('Bold'))}", faces)
        width: float = stringWidth(ch, key, 1.0)  # reportlab is untyped
        return width
    face, _, bold = key.rpartition("|")
    found = find_face(face, bold == "1", faces.asset_map())
    em = found.em(ch) if found is not None else None
    if em is None:
        em = fallback_em(ch)  # the face lacks it: the renderer falls back to another font, as we do
    return em if em is not None else _guess(ch)


def _guess(ch: str) -> float:
    """No file draws *ch*: a conservative width (one em when wide, as a full-width form is)."""
    width = unicodedata.east_asian_width(ch)
    return 1.0 if width in ("W", "F") else 0.5 if width == "H" else 0.8
