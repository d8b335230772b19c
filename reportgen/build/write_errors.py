"""An operating-system error while writing a pack, in plain words and naming the file it happened to.

The error's own file name is often a hidden temporary file the user never
asked for (``.deck.pptx.3f0c….reportgen-tmp``); the user needs to hear which
output could not be written (``deck.pptx``), or that the folder itself refuses
new files.
"""

from __future__ import annotations

import errno
from pathlib import Path

from reportgen.errors import Location, OutputError

ELSEWHERE = "choose another folder with --out"

_FILE_ERRORS = {
    errno.ENOSPC: ("the disk is full", "free some space, or " + ELSEWHERE),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or " + ELSEWHERE),
    errno.EFBIG: ("the file is larger than this disk allows", ELSEWHERE),
    errno.EIO: ("the disk reported an input/output error", "check the disk, or " + ELSEWHERE),
}
"""Errors that belong to the file being written."""

_FOLDER_ERRORS = {
    errno.EROFS: ("the folder is read-only (its disk is mounted read-only)", ELSEWHERE),
    errno.EACCES: ("the folder is read-only for this user (permission denied)", ELSEWHERE),
    errno.EPERM: ("the folder does not allow this change (operation not permitted)", ELSEWHERE),
    errno.ENOTDIR: ("a file stands where the output folder goes", "move it away, or " + ELSEWHERE),
    errno.EEXIST: ("a file stands where the output folder goes", "move it away, or " + ELSEWHERE),
}
"""Errors that belong to the folder: every file in it would fail the same way."""


def output_error(exc: OSError, target: Path) -> OutputError:
    """*exc*, raised while writing *target* (its final name), as the one line the user reads."""
    if exc.errno in _FOLDER_ERRORS:
        words, hint = _FOLDER_ERRORS[exc.errno]
        place = target.parent
    elif exc.errno in _FILE_ERRORS:
        words, hint = _FILE_ERRORS[exc.errno]
        place = target
    else:
        words, hint = (exc.strerror or str(exc)), ELSEWHERE
        place = target
    return OutputError(f"cannot write the output: {words}", location=Location(place), hint=hint)


def folder_error(exc: OSError, folder: Path) -> OutputError:
    """*exc*, raised while creating or opening the output *folder*, naming the folder."""
    words, hint = {**_FILE_ERRORS, **_FOLDER_ERRORS}.get(exc.errno or 0, (exc.strerror or str(exc), ELSEWHERE))
    return OutputError(f"cannot write the output: {words}", location=Location(folder), hint=hint)
