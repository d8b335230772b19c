"""The pack folder's manifest: what reportgen wrote there, so it never overwrites what it did not write.

``.reportgen-manifest.json`` lists each file reportgen wrote with its size and
SHA-256. A file about to be replaced must be listed there with the same
hash; otherwise it is the user's (or was edited since), and the build stops.

The manifest also names the pack: its build id is the SHA-256 of the listed
names, sizes and hashes, recorded for the pack and in every file's entry. It
depends on the files' contents only, so identical builds still give identical
bytes, manifest included. A folder holds a *whole pack* (:func:`problems` is
empty) when every listed file is there with its hash and the pack's build id.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from reportgen.build import journal, regular
from reportgen.errors import Location, OutputError

MANIFEST = ".reportgen-manifest.json"
LIMIT = 1 << 20
"""Largest manifest read (a pack's manifest is well under a kilobyte)."""

ROLE = "the manifest"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(folder: Path, *, force: bool = False) -> dict[str, dict[str, object]]:
    """The entries of *folder*'s manifest ({} when there is none, or it is not valid JSON).

    A manifest that is not a regular file, or is too large, is refused (without being read); with
    *force* it counts as no manifest.
    """
    try:
        data = regular.read(folder / MANIFEST, LIMIT, role=ROLE)
    except OutputError:
        if force:
            return {}
        raise
    try:
        files = json.loads(data.decode("utf-8")).get("files", {}) if data is not None else {}
    except (ValueError, AttributeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {name: entry for name, entry in files.items() if isinstance(entry, dict)}


def check_replaceable(targets: list[Path], *, force: bool = False) -> None:
    """Refuse to replace a file reportgen did not write, or that changed since it did.

    The check runs under the folder's lock, after a replacement a crashed build left half done has
    been finished or undone (:func:`reportgen.build.journal.settled`), so it sees one whole pack.
    """
    folders = {target.parent for target in targets}
    for folder in folders:
        found = regular.kind(folder)
        if found is not None and not folder.is_dir():
            raise OutputError(
                f"{found} stands where the output folder goes", location=Location(folder), hint="move it away, or choose another folder with --out"
            )
    for folder in folders:
        if folder.is_dir():
            with journal.settled(folder):
                refuse_foreign([target for target in targets if target.parent == folder], force=force)


def refuse_foreign(targets: list[Path], *, force: bool = False) -> None:
    """The check itself (the caller holds the folder's lock): nothing but regular files reportgen wrote is replaced.

    Only regular files are read. A folder where a file goes is refused even with *force*; a
    symbolic link, named pipe or device is refused unless *force* (it is then replaced, never opened).
    """
    for target in [*targets, *{target.parent / MANIFEST for target in targets}]:
        found = regular.kind(target)
        if found == "a folder":
            raise OutputError("a folder stands where the output file goes", location=Location(target), hint="move it away")
        if found not in (None, regular.REGULAR_FILE) and not force:
            raise regular.not_regular(target, found, ROLE if target.name == MANIFEST else "the output file")
    if force:
        return
    for target in targets:
        if regular.kind(target) is None:
            continue
        recorded = read(target.parent).get(target.name) or {}
        size = recorded.get("size")
        if not isinstance(size, int) or recorded.get("sha256") != regular.sha256(target, size):
            raise OutputError(
                "this file was not written by reportgen, or was changed since; it is left as it is",
                location=Location(target),
                hint="move it away, choose another --out folder, or pass --force",
            )


def updated(folder: Path, written: dict[Path, bytes], *, force: bool = False) -> bytes:
    """The manifest after writing *written*: new entries for these files, old ones kept while their files stay.

    Every entry gets the new pack's build id: the files kept from an earlier build (the deck, when
    only the brief is built) belong to this pack from now on.
    """
    files = {
        name: {"size": entry.get("size"), "sha256": entry.get("sha256")}
        for name, entry in read(folder, force=force).items()
        if regular.kind(folder / name) == regular.REGULAR_FILE
    }
    for path, data in written.items():
        files[path.name] = {"size": len(data), "sha256": _digest(data)}
    build = build_id(files)
    listed = {name: {**entry, "build": build} for name, entry in sorted(files.items())}
    return (json.dumps({"generator": "reportgen", "build": build, "files": listed}, indent=2) + "\n").encode()


def build_id(files: dict[str, dict[str, object]]) -> str:
    """The SHA-256 of the pack's file names, sizes and hashes: equal packs have equal ids."""
    content = sorted((name, entry.get("size"), entry.get("sha256")) for name, entry in files.items())
    return _digest(json.dumps(content).encode())


def problems(folder: Path) -> list[str]:
    """Why *folder* does not hold one whole pack (empty when it does).

    Whole means: no replacement is under way (no journal), and every file the manifest lists is
    a regular file with the listed size and hash and the pack's build id, which matches the entries.
    """
    found: list[str] = []
    if regular.kind(folder / journal.JOURNAL) is not None:
        found.append("a replacement is under way or was interrupted (the journal is there)")
    try:
        data = regular.read(folder / MANIFEST, LIMIT, role=ROLE)
        record = json.loads(data.decode("utf-8")) if data is not None else None
    except (OutputError, ValueError) as error:
        return [*found, f"the manifest cannot be read: {error}"]
    if not isinstance(record, dict) or not isinstance(record.get("files"), dict) or not record["files"]:
        return [*found, "there is no manifest listing the pack's files"]
    build, files = record.get("build"), record["files"]
    if build != build_id(files):
        found.append("the pack's build id does not match the files the manifest lists")
    for name, entry in sorted(files.items()):
        if not isinstance(entry, dict):
            found.append(f"{name}: the manifest's entry is not a record")
            continue
        try:
            digest = regular.sha256(folder / name, entry.get("size", -1))
        except OutputError as error:
            found.append(f"{name}: {error.message}")
            continue
        if digest is None or digest != entry.get("sha256"):
            found.append(f"{name}: missing, or not the file the manifest lists")
        if entry.get("build") != build:
            found.append(f"{name}: written by another build")
    return found


def is_whole(folder: Path) -> bool:
    """Whether *folder* holds one whole pack (see :func:`problems`)."""
    return not problems(folder)
