"""The fonts installed on this machine: fontconfig on Linux and the BSDs, the platform's font folders elsewhere.

Asked only when a script needs a font reportgen does not embed (Thai, Devanagari,
Arabic, Hebrew, emoji), so an English or CJK build never runs fontconfig. The
listing is read once per process. Pointing ``FONTCONFIG_FILE`` at an empty
configuration leaves only the embedded fonts, which is how the tests check
that Korean and Chinese briefs need nothing else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FC_TIMEOUT_S = 10.0
"""fontconfig builds its cache on first use; a machine that takes longer than this has no usable listing."""

_FORMATS = {"TrueType", "CFF"}
"""Outline formats reportgen can embed: TrueType directly, CFF after conversion (:mod:`reportgen.fonts.truetype`)."""


@dataclass(frozen=True)
class SystemFace:
    """One face of an installed font."""

    families: tuple[str, ...]
    bold: bool
    italic: bool
    path: Path
    index: int
    """Its number in a collection (``.ttc``); 0 for a single font."""


@cache
def installed() -> tuple[SystemFace, ...]:
    """Every installed face reportgen could embed (none when fontconfig is missing or lists nothing)."""
    if shutil.which("fc-list"):
        return _fontconfig()
    return _folders()


def find(family: str, *, bold: bool = False, italic: bool = False) -> SystemFace | None:
    """The installed face of *family* (case and spaces ignored) closest to the weight and slant asked for."""
    wanted = _folded(family)
    faces = [face for face in installed() if wanted in map(_folded, face.families)]
    if not faces:
        return None
    return min(faces, key=lambda face: (face.bold != bold) * 2 + (face.italic != italic))


def _folded(name: str) -> str:
    return "".join(name.split()).casefold()


def _fontconfig() -> tuple[SystemFace, ...]:
    fields = "%{family}\t%{style[0]}\t%{weight}\t%{slant}\t%{file}\t%{index}\t%{fontformat}\n"
    try:
        listing = subprocess.run(
            ["fc-list", "--format", fields], capture_output=True, text=True, timeout=FC_TIMEOUT_S, check=False, env=os.environ.copy()
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    faces = []
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) != 7 or parts[6] not in _FORMATS:
            continue
        families, _style, weight, slant, file, index, _format = parts
        faces.append(
            SystemFace(
                families=tuple(name.strip() for name in families.split(",") if name.strip()),
                bold=_number(weight) >= 180,  # fontconfig's FC_WEIGHT_BOLD is 200, DEMIBOLD 180
                italic=_number(slant) > 0,
                path=Path(file),
                index=int(_number(index)),
            )
        )
    return tuple(sorted(faces, key=lambda face: (str(face.path), face.index)))


def _number(text: str) -> float:
    try:
        return float(text.split()[0]) if text.strip() else 0.0
    except ValueError:
        return 0.0


def _font_folders() -> list[Path]:
    home = Path.home()
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:\\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local" / "share" / "fonts", home / ".fonts"]


def _folders() -> tuple[SystemFace, ...]:
    """Without fontconfig: read the name and OS/2 tables of the font files in the platform's folders."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    faces = []
    for folder in _font_folders():
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in (".ttf", ".otf", ".ttc", ".otc"):
                continue
            try:
                fonts = TTCollection(str(path), lazy=True).fonts if path.suffix.lower() in (".ttc", ".otc") else [TTFont(str(path), lazy=True)]
                for index, font in enumerate(fonts):
                    with font:
                        family = font["name"].getBestFamilyName() or path.stem
                        selection = font["OS/2"].fsSelection if "OS/2" in font else 0
                    faces.append(SystemFace((family,), bool(selection & 0x20), bool(selection & 0x01), path, index))
            except (TTLibError, OSError, KeyError, ValueError, AssertionError):
                continue
    return tuple(faces)


@cache
def covering(char: str) -> tuple[SystemFace, ...]:
    """Installed faces that have a glyph for *char* (fontconfig only: elsewhere, none), regular faces first.

    The last resort of every chain, for scripts reportgen names no family for (Bengali, Georgian, ...).
    """
    if not shutil.which("fc-list"):
        return ()
    try:
        listing = subprocess.run(
            ["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True, timeout=FC_TIMEOUT_S, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    names = {_folded(name) for line in listing.splitlines() for name in line.split(",")}
    faces = [face for face in installed() if names & set(map(_folded, face.families))]
    return tuple(sorted(faces, key=lambda face: (face.bold or face.italic, str(face.path), face.index)))
