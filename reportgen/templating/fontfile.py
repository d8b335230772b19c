"""A template set's font files, checked when the set is loaded: a size cap and a look at the structure.

The PDF renderer hands a set's fonts to reportlab, which reads the whole file
into memory and parses it. A set is untrusted, so before that a font must be
at most :data:`MAX_FONT_BYTES` and must look like a TrueType font: a known
header, a table directory whose tables lie inside the file, the tables
reportlab needs, the ``head`` table's magic number and a readable ``name``
table. Only the header, the directory and those two tables are read, and
the answer is kept per file, size and modification time, so the bundled fonts
cost almost nothing on each build.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

MAX_FONT_BYTES = 50 * 1000 * 1000

_TRUETYPE = (0x00010000, 0x74727565)  # version 1.0, and 'true' (Apple)
_COLLECTION = 0x74746366  # 'ttcf'
_CFF = 0x4F54544F  # 'OTTO'
_REQUIRED = ("cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post")
"""The tables reportlab reads to embed a font."""
_HEAD_MAGIC = 0x5F0F3CF5
_MAX_TABLES = 256


def font_problem(path: Path) -> str | None:
    """Why the font file at *path* cannot be used, or None if it looks like a usable TrueType font."""
    stat = path.stat()
    if stat.st_size > MAX_FONT_BYTES:
        return f"is {stat.st_size / 1e6:.1f} MB; a set's font files may be at most {MAX_FONT_BYTES / 1e6:g} MB"
    return _problem(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=64)
def _problem(path: str, size: int, mtime_ns: int) -> str | None:
    """The check itself, remembered for this version of the file (size and mtime are part of the key)."""
    try:
        with open(path, "rb") as handle:
            return _sfnt_problem(_Reader(handle), size)
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"


class _Reader:
    """Exactly *length* bytes at *offset* of a file, or EOFError."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle

    def __call__(self, offset: int, length: int) -> bytes:
        self.handle.seek(offset)
        data = self.handle.read(length)
        if len(data) != length:
            raise EOFError
        return data


def _sfnt_problem(read: _Reader, size: int) -> str | None:
    try:
        start = 0
        (version,) = struct.unpack(">I", read(0, 4))
        if version == _COLLECTION:
            (count,) = struct.unpack(">I", read(8, 4))
            if count < 1:
                return "is a font collection without fonts"
            (start,) = struct.unpack(">I", read(12, 4))
            (version,) = struct.unpack(">I", read(start, 4))
        if version == _CFF:
            return "has PostScript (CFF) outlines, which the PDF renderer cannot embed; use a TrueType (.ttf) font"
        if version not in _TRUETYPE:
            return "is not a TrueType font (its first bytes are not a TrueType header)"
        (count,) = struct.unpack(">H", read(start + 4, 2))
        if not 1 <= count <= _MAX_TABLES:
            return f"is not a TrueType font (its table directory claims {count} tables)"
        tables = {}
        directory = read(start + 12, 16 * count)
        for index in range(count):
            tag, _, offset, length = struct.unpack(">4sIII", directory[16 * index : 16 * index + 16])
            if offset + length > size:
                return f"is truncated or damaged (its '{tag.decode('latin-1')}' table lies past the end of the file)"
            tables[tag.decode("latin-1")] = (offset, length)
        missing = [tag for tag in _REQUIRED if tag not in tables]
        if missing:
            return f"is not a complete TrueType font (no {', '.join(missing)} table)"
        return _head_problem(read, *tables["head"]) or _name_problem(read, *tables["name"])
    except (EOFError, struct.error):
        return "is truncated or damaged (it ends inside its table directory)"


def _head_problem(read: _Reader, offset: int, length: int) -> str | None:
    if length < 54 or struct.unpack(">I", read(offset + 12, 4))[0] != _HEAD_MAGIC:
        return "is damaged (its 'head' table is not a TrueType font header)"
    return None


def _name_problem(read: _Reader, offset: int, length: int) -> str | None:
    if length < 6:
        return "is damaged (its 'name' table is too short)"
    _, count, storage = struct.unpack(">HHH", read(offset, 6))
    if 6 + 12 * count > length or storage > length:
        return "is damaged (its 'name' table does not fit in itself)"
    records = read(offset + 6, 12 * count)
    for index in range(count):
        *_, text_length, text_offset = struct.unpack(">HHHHHH", records[12 * index : 12 * index + 12])
        if storage + text_offset + text_length > length:
            return "is damaged (a name in its 'name' table lies outside the table)"
    return None
