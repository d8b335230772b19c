"""What this process rendered last for each output file, so a rebuild skips a format whose input is unchanged.

Watch mode rebuilds on every save, and many saves change only one format's
document (speaker notes reach only the deck) or nothing at all (an editor that
saves twice). A format's bytes are reused only when its Markdown, the document
information and figures, the theme, the build timestamp and the stamps (size and
modification time) of every file its renderer reads are equal to those of the
last render for the same output path.

Keys are SHA-256 digests of the pickled inputs: cheap to keep and to hand from a
forked renderer to its parent (a pickled large document takes longer to read back
than to compare). Equal inputs that pickle differently only cost a render.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[str, int, int]

KEPT = 8
"""Output files remembered at once: a watched pack has four; a batch moves on and must not pile up."""

_last: OrderedDict[Path, tuple[bytes, object]] = OrderedDict()
"""Output path -> (key, what was made: the file's bytes and whatever the pipeline keeps with them)."""


def digest(*inputs: object) -> bytes:
    """The key for *inputs* (what a format's file is made from; see the module's docstring)."""
    return hashlib.sha256(pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL)).digest()


def stamps(paths: Iterable[Path]) -> tuple[Stamp, ...]:
    """(path, size, mtime in ns) of each file; a file that cannot be read gets (path, -1, -1)."""
    out = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            out.append((str(path), -1, -1))
        else:
            out.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(out)


def reused(target: Path, key: bytes) -> object | None:
    """What was last rendered for *target* if it was rendered from an equal *key*."""
    last = _last.get(target.resolve())
    return last[1] if last is not None and last[0] == key else None


def last(target: Path) -> tuple[bytes, object] | None:
    """The key and what was last rendered for *target* (a forked renderer hands them to its parent)."""
    return _last.get(target.resolve())


def remember(target: Path, key: bytes, made: object) -> None:
    path = target.resolve()
    _last[path] = (key, made)
    _last.move_to_end(path)
    while len(_last) > KEPT:
        _last.popitem(last=False)
