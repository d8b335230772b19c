"""Replace a set of files in one folder as one unit, and finish or undo a replacement a crash interrupted.

A pack is several files, and no filesystem renames several files at once. So
a replacement goes in this order, each step flushed to disk before the next:

1. every new file is staged under a temporary name (:func:`reportgen.atomic.stage`);
2. every old file is kept under a backup name (a second hard link);
3. the journal ``.reportgen-journal.json`` is written atomically: for each file its
   final name, its temporary name, its size and SHA-256, and its backup's name;
4. each temporary file is renamed over its final name (Ctrl-C and SIGTERM held);
5. the journal is removed, then the backups.

A crash before step 3 leaves the old pack whole and only left-over files,
which :func:`sweep` removes. A crash after it leaves the journal, and
:func:`recover` (run under the folder's lock before anything reads the folder)
either rolls forward, when every new file is there with the journal's hash, or
puts every backup back. Either way the folder holds one whole pack again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from reportgen.build import atomic, folder_lock, regular
from reportgen.build.write_errors import output_error
from reportgen.errors import Location, OutputError

JOURNAL = ".reportgen-journal.json"
LIMIT = 1 << 20
"""Largest journal read (a pack's journal is a few hundred bytes)."""

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Entry:
    """One file of a replacement, as the journal records it (names are relative to the folder)."""

    name: str
    temp: str
    size: int
    sha256: str
    previous: str | None
    """The backup of the file that stood at *name*; None when there was none."""


def replace_all(files: dict[Path, bytes]) -> list[Path]:
    """Replace every ``path -> bytes`` (all in one folder) as one unit; return the paths written.

    An error while staging leaves the old files exactly as they were; an error while renaming puts
    the old files back (or, if even that fails, leaves the journal for the next build to finish).
    """
    folder = _one_folder(files)
    made: list[Path] = []
    doing = folder / JOURNAL
    try:
        entries = []
        for path, data in files.items():
            doing = path
            made.append(atomic.stage(path, data))
            entries.append(Entry(path.name, made[-1].name, len(data), _digest(data), None))
        for index, entry in enumerate(entries):
            doing = folder / entry.name
            backup = atomic.keep_previous(doing)
            if backup is not None:
                made.append(backup)
                entries[index] = replace(entry, previous=backup.name)
        doing = folder / JOURNAL
        record = atomic.stage(doing, _encode(entries))
        made.append(record)
        atomic.fsync_folder(folder)
        with atomic.signals_held():
            os.replace(record, doing)
            atomic.fsync_folder(folder)
            try:
                for entry in entries:
                    doing = folder / entry.name
                    os.replace(folder / entry.temp, doing)
                atomic.fsync_folder(folder)
            except OSError:
                with contextlib.suppress(OSError):
                    _put_back(folder, entries)
                    _close(folder, entries)
                raise
            doing = folder / JOURNAL
            _close(folder, entries)
    except OSError as exc:
        raise output_error(exc, doing) from None
    finally:
        if regular.kind(folder / JOURNAL) is None:  # else the next build finishes or undoes the replacement
            for path in made:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
    return list(files)


def read(folder: Path) -> list[Entry] | None:
    """The journal a replacement left in *folder*, or None when there is none."""
    path = folder / JOURNAL
    data = regular.read(path, LIMIT, role="the journal of an interrupted build")
    if data is None:
        return None
    try:
        entries = [Entry(**item) for item in json.loads(data.decode("utf-8"))["files"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise _unreadable(path, f"it is not a journal reportgen wrote ({type(exc).__name__})") from None
    for entry in entries:
        if not _valid(entry):
            raise _unreadable(path, f"its entry for {entry.name!r} names files reportgen does not make")
    return entries


def recover(folder: Path) -> str | None:
    """Finish or undo the replacement a crash interrupted in *folder*; the caller holds the folder's lock.

    Returns "forward" (every new file was there and is now in place), "back" (the old files are back)
    or None (no journal: nothing was interrupted after the journal was written).
    """
    entries = read(folder)
    if entries is None:
        return None
    forward = all(_holds(folder / entry.temp, entry) or _holds(folder / entry.name, entry) for entry in entries)
    if forward:
        for entry in entries:
            if _holds(folder / entry.temp, entry):
                os.replace(folder / entry.temp, folder / entry.name)
    else:
        _put_back(folder, entries)
    atomic.fsync_folder(folder)
    _close(folder, entries)
    return "forward" if forward else "back"


def sweep(folder: Path) -> list[str]:
    """Remove reportgen's left-over temporary and backup files from *folder*; the caller holds the lock.

    Only names of reportgen's own pattern (:func:`reportgen.atomic.is_leftover`) are touched, and never a folder.
    """
    swept = []
    with os.scandir(folder) as found:
        for item in found:
            if atomic.is_leftover(item.name) and not item.is_dir(follow_symlinks=False):
                os.unlink(item.path)
                swept.append(item.name)
    return sorted(swept)


@contextlib.contextmanager
def settled(folder: Path) -> Iterator[None]:
    """Hold *folder*'s lock, with any interrupted replacement finished or undone and left-overs swept."""
    with folder_lock.held(folder):
        try:
            recover(folder)
            sweep(folder)
        except OSError as exc:
            raise output_error(exc, folder / JOURNAL) from None
        yield


def _put_back(folder: Path, entries: list[Entry]) -> None:
    """Every file as it was before the replacement: backups renamed back, files that were new removed."""
    for entry in entries:
        final = folder / entry.name
        if entry.previous is not None:
            if regular.kind(folder / entry.previous) is not None:
                os.replace(folder / entry.previous, final)
        elif _holds(final, entry):
            final.unlink()
        (folder / entry.temp).unlink(missing_ok=True)
    atomic.fsync_folder(folder)


def _close(folder: Path, entries: list[Entry]) -> None:
    """The replacement is over: remove the journal, then the backups it named."""
    (folder / JOURNAL).unlink(missing_ok=True)
    atomic.fsync_folder(folder)
    for entry in entries:
        if entry.previous is not None:
            (folder / entry.previous).unlink(missing_ok=True)


def _holds(path: Path, entry: Entry) -> bool:
    try:
        return regular.sha256(path, entry.size) == entry.sha256
    except OutputError:
        return False


def _valid(entry: Entry) -> bool:
    """A journal names only plain file names, and temporary and backup names of reportgen's own pattern."""
    name = entry.name
    plain = isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\0" not in name
    return (
        plain
        and isinstance(entry.temp, str)
        and atomic.is_own(entry.temp, name, atomic.TEMP)
        and (entry.previous is None or (isinstance(entry.previous, str) and atomic.is_own(entry.previous, name, atomic.BACKUP)))
        and isinstance(entry.size, int)
        and entry.size >= 0
        and isinstance(entry.sha256, str)
        and bool(_SHA256.fullmatch(entry.sha256))
    )


def _unreadable(path: Path, why: str) -> OutputError:
    return OutputError(
        f"the journal of an interrupted build cannot be used: {why}",
        location=Location(path),
        hint="remove it and build again with --force; the folder may hold files of two builds",
    )


def _encode(entries: list[Entry]) -> bytes:
    return (json.dumps({"generator": "reportgen", "files": [asdict(entry) for entry in entries]}, indent=2) + "\n").encode()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _one_folder(files: dict[Path, bytes]) -> Path:
    folders = {path.parent for path in files}
    if len(folders) != 1:
        raise ValueError(f"a replacement is made in one folder, not {len(folders)}")
    return folders.pop()
