"""The font files a picture's text is drawn in: the very files the fitter measured it with.

A metric key (:func:`reportgen.slides.faces.Faces.key`) names a face and a
weight; :func:`reportgen.fonts.metrics.find_face` finds its file (the set's,
reportgen's bundled fonts, installed fonts or a metric-compatible stand-in:
Liberation Sans for Arial and Helvetica). Each file is registered with
reportlab once, under a name of its own, so a drawing works on any canvas.
A character the face lacks is drawn in DejaVu Sans, as the fitter measures it.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.fonts.metrics import Advances, find_face
from reportgen.slides.faces import Faces

_REPORTLAB = {"Helvetica": ("Arial", False), "Helvetica-Bold": ("Arial", True), "Courier": ("Courier New", False), "Courier-Bold": ("Courier New", True)}
FALLBACK = "DejaVu Sans"


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
    return _registered(str(found.path), found.index)


@lru_cache(maxsize=64)
def _registered(path: str, index: int) -> str:
    name = f"slidedraw-{hashlib.sha1(f'{path}#{index}'.encode()).hexdigest()[:12]}"  # the same name in every process: reproducible PDFs
    pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    _NAMES.add(name)
    return name


def registered() -> tuple[str, ...]:
    """The names of the fonts registered so far."""
    return tuple(sorted(_NAMES))


_NAMES: set[str] = set()
