"""The steps a pack is replaced with, each one crash-safe on its own.

A file is first written in full to a hidden temporary file in its folder
(same filesystem, so the rename over the old file is atomic) and flushed to
disk; the old file is kept under a backup name (a second hard link, so the
old pack stays whole in place until the renames). :mod:`reportgen.build.journal`
puts these steps together so that a whole pack replaces a whole pack.

Temporary and backup files are named ``.<name>.<16 hex digits>.reportgen-tmp``
and ``.<name>.<16 hex digits>.reportgen-old``: a left-over one (after a crash
or a power cut) is recognised by its name alone and swept, and no name a user
would choose is ever mistaken for one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from reportgen.build import regular
from reportgen.build.write_errors import output_error

TEMP = "reportgen-tmp"
BACKUP = "reportgen-old"

_OWN = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{16}\.(?:reportgen-tmp|reportgen-old)")
_EARLIER = re.compile(r"\.(?:brief\.pdf|deck\.pptx|\.reportgen-manifest\.json)\.[a-z0-9_]{8}\.tmp")
"""The temporary files reportgen wrote before this naming (``tempfile.mkstemp`` names), for its own three files."""

_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def is_leftover(name: str) -> bool:
    """Whether *name* is a temporary or backup file reportgen made (and so may sweep when no build runs)."""
    return bool(_OWN.fullmatch(name) or _EARLIER.fullmatch(name))


def is_own(name: str, final: str, kind: str) -> bool:
    """Whether *name* is a *kind* (:data:`TEMP` or :data:`BACKUP`) file of the file named *final*."""
    match = _OWN.fullmatch(name)
    return match is not None and match["name"] == final and name.endswith("." + kind)


def stage(path: Path, data: bytes, kind: str = TEMP) -> Path:
    """Write *data* to a new hidden file beside *path*, flushed to disk; return its path.

    An error names *path* (the file the user asked for), never the hidden file.
    """
    temp = path.parent / f".{path.name}.{secrets.token_hex(8)}.{kind}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise output_error(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise output_error(exc, path) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def keep_previous(path: Path) -> Path | None:
    """Keep what stands at *path* under a backup name (nothing is read or followed); None if nothing is there.

    A hard link costs nothing and leaves *path* as it is. Where the filesystem has no
    hard links, a regular file is copied instead; anything else is then not kept.
    """
    found = regular.kind(path)
    if found is None:
        return None
    backup = path.parent / f".{path.name}.{secrets.token_hex(8)}.{BACKUP}"
    try:
        os.link(path, backup, follow_symlinks=False)
        return backup
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise output_error(exc, path) from None
    if found != regular.REGULAR_FILE:
        return None
    data = regular.read(path, limit=1 << 40)
    return stage(path, data or b"", BACKUP)


def fsync_folder(folder: Path) -> None:
    """Make the folder's entries (new names, renames, removals) durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):  # filesystems that cannot sync a folder
            raise
    finally:
        os.close(fd)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM waits until the block is done, so a pack is never left half old, half new."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
