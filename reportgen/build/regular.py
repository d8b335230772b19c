"""Look at what stands at a path without following it, and read only regular files.

An output folder is the user's: where ``brief.pdf`` should be there may be a
named pipe (opening it for reading waits forever for a writer), a symbolic
link to ``/dev/zero`` (reading it never ends) or a device. So every path
reportgen reads in the output folder is ``lstat``-ed first, opened with
``O_NOFOLLOW | O_NONBLOCK`` (a pipe swapped in after the check still cannot
block the open), checked again on the open descriptor, and read up to a limit.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reportgen.errors import Location, OutputError

CHUNK = 1 << 20

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


REGULAR_FILE = "a regular file"
"""What :func:`kind` says of a regular file."""


def kind(path: Path) -> str | None:
    """What stands at *path*: None for nothing, "a regular file", "a symbolic link", "a named pipe (FIFO)", ..."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    return describe(mode)


def describe(mode: int) -> str:
    """The words for a file's type, from its ``st_mode``."""
    if stat.S_ISREG(mode):
        return REGULAR_FILE
    return next((words for test, words in _KINDS if test(mode)), "a special file")


def not_regular(path: Path, found: str, role: str = "the output file") -> OutputError:
    """The one-line refusal for *found* standing where *role* goes."""
    return OutputError(
        f"{found} stands where {role} goes; reportgen reads and replaces only regular files",
        location=Location(path),
        hint="move it away, or pass --force to replace it without reading it",
    )


def read(path: Path, limit: int, role: str = "the output file") -> bytes | None:
    """The bytes of the regular file at *path* (None if nothing is there).

    Anything else at *path* is refused without being opened for reading; a
    file larger than *limit* bytes is refused without being read.
    """
    with _opened(path, role) as handle:
        if handle is None:
            return None
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OutputError(
            f"the file is larger than {limit:,} bytes, too large to be reportgen's {role}",
            location=Location(path),
            hint="move it away, or pass --force to replace it without reading it",
        )
    return data


def sha256(path: Path, size: int, role: str = "the output file") -> str | None:
    """The SHA-256 of the regular file at *path*, or None if it is missing or not *size* bytes long.

    *size* is what the manifest recorded: a file of another size cannot match, so it is not read at all,
    and a file that grows while it is read is read no further than one byte past *size*.
    """
    with _opened(path, role) as handle:
        if handle is None or os.fstat(handle.fileno()).st_size != size:
            return None
        digest = hashlib.sha256()
        left = size + 1
        while left > 0 and (chunk := handle.read(min(CHUNK, left))):
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest() if left == 1 else None


@contextlib.contextmanager
def _opened(path: Path, role: str) -> Iterator[BinaryIO | None]:
    """The regular file at *path* open for reading, or None when nothing is there."""
    found = kind(path)
    if found is None:
        yield None
        return
    if found != REGULAR_FILE:
        raise not_regular(path, found, role)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        yield None
        return
    except OSError:
        swapped = kind(path)  # replaced by a link since the lstat: O_NOFOLLOW refused it
        if swapped not in (None, REGULAR_FILE):
            raise not_regular(path, swapped, role) from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise not_regular(path, describe(mode), role)
    with os.fdopen(fd, "rb") as handle:
        yield handle
