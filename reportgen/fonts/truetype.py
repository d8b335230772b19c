"""A font reportlab can embed, with the glyphs of the characters a build draws.

reportlab embeds only TrueType (``glyf``) outlines, and the best fonts for Chinese, Japanese and
Korean (Noto Sans CJK) are CFF OpenType. :func:`truetype_subset` subsets such a font to the
characters given (keeping what shaping needs: the layout tables' closure over those characters)
and converts the cubic outlines to quadratic ones, cached (:mod:`reportgen.fonts.cache`) by source
file, font number, characters and the versions of fontTools and of this conversion.

A plain TrueType file is returned as it is: reportlab loads and embeds a whole one in 8-31 ms
(Noto Sans, DejaVu Sans), while subsetting it first takes 70-170 ms, paid again for
every new set of characters. A member of a TrueType collection is subset, so it has a file of
its own.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import fontTools
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

from reportgen.errors import RenderError
from reportgen.fonts.cache import cached_file

FORMAT_VERSION = 1
"""Part of every cache key: raise it when this module starts making different bytes."""

MAX_ERROR = 1.0
"""How far (in font units) a quadratic curve may stray from the cubic it replaces: a thousandth of
the em in a 1000-unit font, far below what print shows."""

_MAXP_TRUETYPE_FIELDS = (
    "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
    "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth",
)
"""The fields maxp version 1.0 (TrueType) has beyond version 0.5 (CFF); the point and contour counts are recomputed on save."""
VERTICAL_FEATURES = frozenset({"vert", "vrt2", "vkna", "vkrn", "vpal", "valt", "vhal", "vjmo"})
"""OpenType features of vertical writing, which the brief never sets: dropped from every subset."""
_DROPPED_TABLES = ["VORG", "vhea", "vmtx", "BASE", "DSIG", "FFTM"]


def truetype_subset(source: Path, chars: Iterable[str], *, font_number: int = 0) -> Path:
    """A TrueType font with *source*'s glyphs for *chars* (and ``.notdef``), from the cache when made before.

    *chars* may hold strings of any length; each of their characters counts. *font_number* picks
    a font of a collection (``.ttc``). A font that cannot be read raises :class:`RenderError`
    naming the file.
    """
    if font_number == 0 and _is_plain_truetype(source):
        return source
    wanted = sorted({char for text in chars for char in text})
    name = f"{source.stem}-{font_number}-{_key(source, font_number, wanted)}.ttf"
    return cached_file(name, lambda: _make(source, font_number, wanted))


def _is_plain_truetype(source: Path) -> bool:
    """Whether *source* is one font with TrueType outlines (reading only its table directory)."""
    try:
        with source.open("rb") as stream:
            if stream.read(4) == b"ttcf":
                return False
        return "glyf" in TTFont(source, lazy=True)
    except OSError as error:
        raise RenderError(f"font {source} cannot be read: {error.strerror or error}") from error
    except Exception as error:  # fontTools reports a damaged file as any of a dozen exception types
        raise RenderError(f"font {source} cannot be read: {error.__class__.__name__}: {error}") from error


def _key(source: Path, font_number: int, wanted: list[str]) -> str:
    """What decides the bytes: the source (path, size, modification time), the font number, the characters, the tools."""
    try:
        status = source.stat()
    except OSError as error:
        raise RenderError(f"font {source} cannot be read: {error.strerror or error}") from error
    digest = hashlib.sha256()
    for part in (FORMAT_VERSION, fontTools.version, os.path.abspath(source), status.st_size, status.st_mtime_ns, font_number, "".join(wanted)):
        digest.update(str(part).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:32]


def _make(source: Path, font_number: int, wanted: list[str]) -> bytes:
    try:
        font = TTFont(source, fontNumber=font_number)
        if "CFF " in font:
            _subset_cff_as_truetype(font, TTFont(source, fontNumber=font_number), wanted)
        elif "glyf" in font:
            _subset(font, wanted)
        else:
            raise RenderError(f"font {source} has neither TrueType nor CFF outlines (tables: {', '.join(sorted(font.keys()))})")
        out = io.BytesIO()
        font.save(out)
    except RenderError:
        raise
    except Exception as error:  # fontTools reports a damaged file as any of a dozen exception types
        raise RenderError(f"font {source} cannot be read: {error.__class__.__name__}: {error}") from error
    return out.getvalue()


def _subset(font: TTFont, wanted: list[str]) -> None:
    subsetter = subset.Subsetter(_options())
    subsetter.populate(unicodes={ord(char) for char in wanted})
    subsetter.subset(font)


def _subset_cff_as_truetype(font: TTFont, outlines: TTFont, wanted: list[str]) -> None:
    """Subset *font* without its CFF table, then give the glyphs kept TrueType outlines drawn from *outlines* (the same font).

    The subsetter's own CFF work (closure through subroutines, pruning hints and subroutines)
    takes longer than converting the glyphs, for a table thrown away. It keeps glyph names, so
    they join the subset's glyphs to the untouched copy's outlines.
    """
    font.setGlyphOrder(outlines.getGlyphOrder())
    del font["CFF "]
    _subset(font, wanted)
    _add_truetype_outlines(font, outlines.getGlyphSet())


def _options() -> subset.Options:
    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = False
    options.drop_tables += _DROPPED_TABLES
    options.layout_features = sorted((set(options.layout_features) - VERTICAL_FEATURES) | {"palt", "halt", "locl"})
    return options


def _add_truetype_outlines(font: TTFont, glyph_set: Any) -> None:
    """Give *font* (which has no outlines) quadratic TrueType ones for its glyphs, from *glyph_set*'s cubic ones."""
    order = font.getGlyphOrder()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        glyph.recalcBounds(glyf)
        width, _ = hmtx[name]
        hmtx[name] = (width, getattr(glyph, "xMin", 0))
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in _MAXP_TRUETYPE_FIELDS:
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["post"].formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
