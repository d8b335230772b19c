"""A reference deck's zip, checked from its directory before any part of it is read.

A .pptx is a zip, and a zip can promise little and deliver a lot: a 3 MB file
can hold a gigabyte of zeros, and python-pptx reads every member into memory.
So before anything reads a part, the zip's end record and central directory are
held against limits no real master comes near (a corporate master is some tens
of parts and a few megabytes, its pictures already compressed), and every part
read afterwards is read in chunks and given up as soon as it yields more than
its entry declares. Everything here uses :mod:`zipfile` and nothing else.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from reportgen.errors import Location, TemplateError

MB = 1_000_000
MAX_TOTAL = 100 * MB
"""All parts together, uncompressed."""
MAX_PARTS = 5_000
MAX_RATIO = 100
"""Uncompressed to compressed, per part; XML compresses about 10:1, pictures hardly at all."""
RATIO_FLOOR = 1 * MB
"""Parts smaller than this are not held to the ratio: a few kilobytes of repetitive XML compress 200:1."""
MAX_DIRECTORY = 4 * MB
"""The central directory itself: a real entry takes about a hundred bytes."""
CHUNK = 1 << 20

_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE compound file: what PowerPoint writes for a password-protected deck, and the old binary .ppt."""
_UNSAFE = "cannot use the reference deck: "


def refusal(path: Path, reason: str, hint: str | None = None) -> TemplateError:
    """The one-line error for a master reportgen will not open."""
    return TemplateError(_UNSAFE + reason, location=Location(path), hint=hint)


def size_text(n: int) -> str:
    """*n* bytes for a reader: ``1.1 GB``, ``100 MB``, ``12 KB``."""
    for unit, size in (("GB", 1000 * MB), ("MB", MB)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{max(1, round(n / 1000))} KB"


class Archive:
    """An opened master whose directory passed the limits; :meth:`read` gives one part, bounded."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._handle: BinaryIO = open(path, "rb")
        except OSError as exc:
            raise refusal(path, f"it cannot be read ({exc.strerror or 'no access'})") from None
        try:
            self._zip = self._open()
            self._infos = {info.filename: info for info in self._zip.infolist()}
            self._check_entries()
        except BaseException:
            self._handle.close()
            raise

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()
        self._handle.close()

    def __contains__(self, name: object) -> bool:
        return name in self._infos

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def _open(self) -> zipfile.ZipFile:
        handle = self._handle
        head = handle.read(8)
        size = handle.seek(0, 2)
        if not head:
            raise refusal(self.path, "the file is empty")
        if head == _OLE_MAGIC:
            raise refusal(
                self.path,
                "it is password-protected or an old binary .ppt file, not a .pptx",
                hint="save an unprotected copy as a PowerPoint Presentation",
            )
        if size > MAX_TOTAL:
            raise refusal(self.path, f"the file is {size_text(size)}, over the {size_text(MAX_TOTAL)} a master may hold")
        entries, directory = _directory_extent(handle, size)
        if entries is None and head.startswith(b"PK"):
            raise refusal(self.path, "the file is cut short (its zip directory is missing)", hint="copy it again from where it came from")
        if entries is None:
            raise refusal(self.path, "it is not a PowerPoint file (a .pptx is a zip archive, and this file is not one)")
        if entries > MAX_PARTS:
            raise refusal(self.path, f"it has {entries:,} parts, over the limit of {MAX_PARTS:,}")
        if directory > MAX_DIRECTORY:
            raise refusal(self.path, f"its zip directory is {size_text(directory)}, over the limit of {size_text(MAX_DIRECTORY)}")
        try:
            return zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            raise refusal(self.path, "its zip directory is damaged", hint="open it in PowerPoint and save it again") from None

    def _check_entries(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_PARTS:
            raise refusal(self.path, f"it has {len(infos):,} parts, over the limit of {MAX_PARTS:,}")
        if len(self._infos) != len(infos):
            twice = next(name for name in self._infos if sum(info.filename == name for info in infos) > 1)
            raise refusal(self.path, f"it holds two parts named {twice}", hint="open it in PowerPoint and save it again")
        if any(info.flag_bits & 0x1 for info in infos):
            raise refusal(self.path, "its parts are encrypted", hint="save an unprotected copy as a PowerPoint Presentation")
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL:
            largest = max(infos, key=lambda info: info.file_size)
            raise refusal(
                self.path,
                f"its parts add up to {size_text(total)} uncompressed ({largest.filename} alone is {size_text(largest.file_size)}), "
                f"over the limit of {size_text(MAX_TOTAL)}",
            )
        for info in infos:
            if info.file_size >= RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size:
                ratio = info.file_size // max(info.compress_size, 1)
                raise refusal(
                    self.path,
                    f"its part {info.filename} unpacks {ratio:,}:1 ({size_text(info.compress_size)} into {size_text(info.file_size)}), "
                    f"over the limit of {MAX_RATIO}:1",
                )

    def read(self, name: str) -> bytes:
        """Part *name*, read in chunks and given up the moment it yields more than its entry declares."""
        info = self._infos[name]
        out = bytearray()
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(CHUNK):
                    out += chunk
                    if len(out) > info.file_size:
                        raise refusal(self.path, f"its part {name} unpacks to more than the {size_text(info.file_size)} it declares")
        except NotImplementedError:
            raise refusal(self.path, f"its part {name} is compressed in a way reportgen cannot read") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise refusal(self.path, f"its part {name} is damaged and cannot be unpacked", hint="open it in PowerPoint and save it again") from None
        return bytes(out)


def _directory_extent(handle: BinaryIO, size: int) -> tuple[int | None, int]:
    """(entries, bytes) of the central directory as the end record states them, before zipfile parses it;
    entries is None when there is no end record (not a zip). Zip64 records are followed when present."""
    tail_size = min(size, 22 + 0xFFFF)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < 22:
        return None, 0
    *_, entries, directory, _offset, _comment = struct.unpack("<4s4H2LH", tail[at : at + 22])
    if entries != 0xFFFF and directory != 0xFFFFFFFF:
        return entries, directory
    locator = tail[at - 20 : at] if at >= 20 else b""
    if not locator.startswith(_END64_LOCATOR):
        return entries, directory
    _, _, record_at, _ = struct.unpack("<4sLQL", locator)
    if record_at + 56 > size:
        return entries, directory
    handle.seek(record_at)
    record = handle.read(56)
    if not record.startswith(_END64):
        return entries, directory
    fields = struct.unpack("<4sQ2H2L4Q", record)
    return fields[7], fields[8]


def rels_name(source: str) -> str:
    """The zip member holding *source*'s relationships ('' is the package)."""
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", base + ".rels")


def resolve(source: str, target: str) -> str:
    """The zip member a relationship of *source* points to (as python-pptx resolves it: no unquoting)."""
    joined = target if target.startswith("/") else posixpath.join("/" + posixpath.dirname(source), target)
    return posixpath.normpath(joined).lstrip("/")
