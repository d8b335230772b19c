"""The one place a pack is written: under the folder's lock, checked again, journaled, manifest included."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportgen.build import journal, manifest, regular
from reportgen.build.write_errors import folder_error


def write_pack(folder: Path, files: dict[Path, bytes], *, force: bool = False) -> list[Path]:
    """Replace the pack in *folder* with *files* and their manifest, as one unit; return the files written.

    The check against the manifest runs again under the lock: another build may have written the
    folder while this one rendered.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise folder_error(exc, folder) from None
    with journal.settled(folder):
        manifest.refuse_foreign(list(files), force=force)
        record = manifest.updated(folder, files, force=force)
        pack = {**files, folder / manifest.MANIFEST: record}
        if not _holds_already(pack):
            journal.replace_all(pack)
    return list(files)


def _holds_already(pack: dict[Path, bytes]) -> bool:
    """Whether every file of *pack* is already there with exactly these bytes (read as regular files only).

    Then there is nothing to replace, and the journal's renames and fsyncs are skipped: a rebuild
    whose inputs did not change (watch mode, an editor saving twice) leaves the pack as it is.
    """
    return all(
        regular.kind(path) == regular.REGULAR_FILE and regular.sha256(path, len(data)) == hashlib.sha256(data).hexdigest() for path, data in pack.items()
    )


def recover(folder: Path) -> None:
    """Put *folder* back to one whole pack if a build crashed while replacing it (nothing to do otherwise)."""
    if folder.is_dir():
        with journal.settled(folder):
            pass
