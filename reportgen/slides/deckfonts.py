"""The faces the deck's text is measured in, and what to tell the user about them.

The face is the set's ``deck.fonts.latin`` when it names one, else a corporate
master's own theme faces (major for titles, minor for the rest), else
reportgen's default (Arial). Each is measured with its file where one is found
(the set's font files, reportgen's bundled fonts, installed fonts) or a
metric-compatible stand-in (:data:`reportgen.fonts.metrics.STAND_INS`:
Liberation for Arial, Times New Roman and Courier New, Carlito for Calibri,
Caladea for Cambria). A face with neither is measured as DejaVu Sans, wider
than almost any text face, with a warning naming it. A face that most viewers
lack (not one Office installs) gets a warning too: python-pptx cannot embed
fonts, so PowerPoint would draw another face in its place.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

from reportgen.document.vocab import Layout
from reportgen.errors import ReportgenWarning
from reportgen.fonts.metrics import find_face
from reportgen.locale import Locale
from reportgen.slides.faces import HELVETICA_TWINS, Faces
from reportgen.slides.frames import Frames
from reportgen.theme import Theme

CONSERVATIVE = "DejaVu Sans"
"""Measured in place of a face no file or stand-in is found for: its letters are wider than most faces'."""

OFFICE_FONTS = frozenset(
    {
        "Aptos", "Aptos Display", "Arial", "Arial Black", "Arial Narrow", "Bahnschrift", "Book Antiqua", "Bookman Old Style", "Calibri",
        "Calibri Light", "Cambria", "Candara", "Century Gothic", "Comic Sans MS", "Consolas", "Constantia", "Corbel", "Courier New",
        "Franklin Gothic Book", "Franklin Gothic Medium", "Garamond", "Georgia", "Gill Sans MT", "Helvetica", "Impact", "Lucida Console",
        "Lucida Sans Unicode", "Palatino Linotype", "Segoe UI", "Segoe UI Light", "Segoe UI Semibold", "Tahoma", "Times New Roman",
        "Trebuchet MS", "Verdana", "Yu Gothic", "Meiryo", "MS Gothic", "Malgun Gothic", "Microsoft YaHei", "Microsoft JhengHei",
        "Leelawadee UI", "Nirmala UI",
    }
)
"""Faces that Windows and macOS Office install: a deck naming them looks the same on most viewers' machines."""


def measured_faces(theme: Theme, locale: Locale, master: Frames) -> Faces:
    """The faces the planner measures in (see the module's docstring), warning once about each face that needs it."""
    faces = Faces.of(theme, locale)
    inherited = master.frame(Layout.BULLETS).inherited if master.corporate else None
    body, heading = faces.latin, faces.latin
    if inherited is not None and not theme.named("deck", "fonts", "latin"):
        body, heading = inherited.body_face or body, inherited.title_face or inherited.body_face or body
    assets = faces.asset_map()
    measured = {face: _measurable(face, assets) for face in dict.fromkeys((body, heading))}
    for face in measured:
        if face not in OFFICE_FONTS and face.casefold() not in {f.casefold() for f in OFFICE_FONTS}:
            warnings.warn(
                ReportgenWarning(
                    f"the deck's text is set in '{face}', which most viewers lack (python-pptx cannot embed fonts): "
                    "PowerPoint will draw another face in its place",
                    field="deck.fonts.latin",
                    hint="install the font wherever the deck is shown, or name a standard Office font under deck.fonts.latin",
                ),
                stacklevel=2,
            )
    return replace(faces, latin=measured[body], heading=measured[heading])


def _measurable(face: str, assets: dict[str, dict[str, Path]]) -> str:
    if face in HELVETICA_TWINS or find_face(face, False, assets) is not None:
        return face
    warnings.warn(
        ReportgenWarning(
            f"no file of the font '{face}' (nor a metric-compatible stand-in) was found: the deck's text is measured "
            f"as {CONSERVATIVE}, which is wide, so it fits but may look loose",
            field="deck.fonts.latin",
            hint="add the font's files to the set (font_files in theme.yaml) or install them, so text is measured exactly",
        ),
        stacklevel=3,
    )
    return CONSERVATIVE
