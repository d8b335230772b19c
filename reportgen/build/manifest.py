"""The pack folder's manifest: what reportgen wrote there, so it never overwrites what it did not write.

``.reportgen-manifest.json`` lists each file reportgen wrote with its size and
SHA-256. A file about to be replaced must be listed there with the same
hash; otherwise it is the user's (or was edited since), and the build stops.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from reportgen.errors import Location, OutputError

MANIFEST = ".reportgen-manifest.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(folder: Path) -> dict[str, dict[str, object]]:
    path = folder / MANIFEST
    try:
        files = json.loads(path.read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {name: entry for name, entry in files.items() if isinstance(entry, dict)}


def check_replaceable(targets: list[Path], *, force: bool = False) -> None:
    """Refuse to replace a file reportgen did not write, or that changed since it did."""
    for target in [*targets, *{target.parent / MANIFEST for target in targets}]:
        if target.is_dir():
            raise OutputError("a folder stands where the output file goes", location=Location(target), hint="move it away")
    if force:
        return
    for target in targets:
        if not target.exists():
            continue
        recorded = read(target.parent).get(target.name)
        if not recorded or recorded.get("sha256") != _digest(target.read_bytes()):
            raise OutputError(
                "this file was not written by reportgen, or was changed since; it is left as it is",
                location=Location(target),
                hint="move it away, choose another --out folder, or pass --force",
            )


def updated(folder: Path, written: dict[Path, bytes]) -> bytes:
    """The manifest after writing *written*: new entries for these files, old ones kept while their files stay."""
    files = {name: entry for name, entry in read(folder).items() if (folder / name).is_file()}
    for path, data in written.items():
        files[path.name] = {"size": len(data), "sha256": _digest(data)}
    return (json.dumps({"generator": "reportgen", "files": dict(sorted(files.items()))}, indent=2) + "\n").encode()
