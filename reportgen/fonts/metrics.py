"""The advance widths of the font that will draw a face, for measuring text before it is drawn.

A face name (``Arial``, ``Malgun Gothic``) is found, in this order, among the
template set's own font files, reportgen's bundled fonts (``reportgen/fonts/data``,
matched on the file name) and the system's (fontconfig), trying the face itself
and then its metric stand-ins (:data:`STAND_INS`): the faces Office names are
rarely installed where reportgen runs, and a stand-in with the same advance
widths measures them exactly (Liberation Sans for Arial, Carlito for Calibri) or
closely (Noto Sans CJK for the East Asian faces: full-width ideographs and
Hangul alike, proportional Latin). Widths are read with fontTools (``cmap`` and
``hmtx``, so CFF OpenType works too), once per file and only when a text needs
that face.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent / "data"
"""reportgen's own fonts (CFF subsets of Noto Sans CJK among them, when installed)."""

STAND_INS: dict[str, tuple[str, ...]] = {
    "Arial": ("Liberation Sans", "Arimo"),
    "Helvetica": ("Liberation Sans", "Arimo"),
    "Calibri": ("Carlito",),
    "Cambria": ("Caladea",),
    "Times New Roman": ("Liberation Serif", "Tinos"),
    "Courier New": ("Liberation Mono", "Cousine"),
    "Yu Gothic": ("Noto Sans CJK JP", "IPAexGothic"),
    "Meiryo": ("Noto Sans CJK JP", "IPAexGothic"),
    "MS Gothic": ("Noto Sans CJK JP", "IPAexGothic"),
    "Malgun Gothic": ("Noto Sans CJK KR",),
    "Microsoft YaHei": ("Noto Sans CJK SC",),
    "Microsoft JhengHei": ("Noto Sans CJK TC",),
    "Leelawadee UI": ("Noto Sans Thai",),
    "Nirmala UI": ("Noto Sans Devanagari",),
}
"""Face -> installed faces with the same (or nearly the same) advance widths, best first."""

FALLBACKS: tuple[str, ...] = (
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Thai",
    "Noto Sans Devanagari",
    "Noto Sans Symbols2",
    "DejaVu Sans",
    "Noto Sans CJK JP",
)
"""Where a renderer finds a character the named face lacks (fontconfig's usual choices), in order."""


def _key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


class Advances:
    """One font file's advance widths in ems, per character; read on first use."""

    def __init__(self, path: Path, index: int = 0) -> None:
        self.path = path
        self.index = index
        self._widths: dict[int, float] | None = None

    def widths(self) -> dict[int, float]:
        if self._widths is None:
            from fontTools.ttLib import TTFont  # here, so a deck that needs no font file never imports fontTools

            logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)  # odd timestamps in some fonts' head table are no concern here

            font = TTFont(str(self.path), fontNumber=self.index, lazy=True)
            try:
                per_em = font["head"].unitsPerEm
                metrics = font["hmtx"].metrics
                self._widths = {cp: metrics[glyph][0] / per_em for cp, glyph in font.getBestCmap().items() if glyph in metrics}
            finally:
                font.close()
        return self._widths

    def em(self, char: str) -> float | None:
        """The advance of *char* at 1 pt, or None when the font has no glyph for it."""
        return self.widths().get(ord(char))


@lru_cache(maxsize=64)
def advances(path: Path, index: int = 0) -> Advances:
    """The (lazily read) widths of one file: one table per file and process."""
    return Advances(path, index)


def _bundled(family: str, bold: bool) -> Path | None:
    if not BUNDLED.is_dir():
        return None
    want = _key(family)
    # the family is the file name before its weight: "DejaVu Sans" is not the bundled DejaVuSansSymbols subset
    files = sorted(p for p in BUNDLED.iterdir() if p.suffix.lower() in (".otf", ".ttf") and _key(p.stem.rpartition("-")[0] or p.stem) == want)
    weight = [p for p in files if ("bold" in p.stem.lower()) == bold]
    return next(iter(weight or files), None)


@lru_cache(maxsize=256)
def _system(family: str, bold: bool) -> tuple[Path, int] | None:
    """fontconfig's file for *family* (None when it would only substitute another family)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = f"{family}:weight={200 if bold else 80}"
    try:
        out = subprocess.run([fc_match, "-f", "%{family}\n%{file}\n%{index}", pattern], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = out.stdout.split("\n")
    if out.returncode != 0 or len(lines) < 3 or _key(family) not in {_key(f) for f in lines[0].split(",")}:
        return None
    return Path(lines[1]), int(lines[2] or 0)


def find_face(face: str, bold: bool = False, assets: Mapping[str, Mapping[str, Path]] | None = None) -> Advances | None:
    """The widths of the file that will draw *face*: the set's *assets* (family -> {"regular", "bold"...} -> file),
    the bundled fonts, then the system's, trying *face* and then each of its :data:`STAND_INS`."""
    return _find(face, bold, tuple((_key(family), tuple(sorted(files.items()))) for family, files in (assets or {}).items()))


@lru_cache(maxsize=256)
def _find(face: str, bold: bool, assets: tuple[tuple[str, tuple[tuple[str, Path], ...]], ...]) -> Advances | None:
    candidates = (face, *STAND_INS.get(face, ()))
    for family in candidates:
        for key, files in assets:
            if key == _key(family):
                found = dict(files)
                path = found.get("bold") if bold else None
                return advances(path or found["regular"])
    for family in candidates:
        path = _bundled(family, bold)
        if path is not None:
            return advances(path)
    for family in candidates:
        system = _system(family, bold)
        if system is not None:
            return advances(*system)
    return None


@lru_cache(maxsize=4096)
def fallback_em(char: str) -> float | None:
    """The advance of *char* in the first of :data:`FALLBACKS` that has it (None: none has); a wide
    character tries the CJK face first, so no other file is read for it."""
    wide = unicodedata.east_asian_width(char) in ("W", "F", "H")
    for family in (FALLBACKS[-1], *FALLBACKS[:-1]) if wide else FALLBACKS:
        found = find_face(family)
        em = found.em(char) if found is not None else None
        if em is not None:
            return em
    return None
