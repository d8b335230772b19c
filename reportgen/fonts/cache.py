"""The folder of derived font files, and how a file gets into it.

Derived fonts (subsets converted to TrueType) live in ``$XDG_CACHE_HOME/reportgen/fonts``
(``~/.cache/reportgen/fonts`` by default), named by a hash of everything that decides their
bytes, so a name once written never needs checking again. Files appear whole or not at all
(written under a temporary name, then renamed): two builds racing to make the same font each
write their own temporary file and the second rename replaces identical bytes. Where the cache
cannot be created or written (read-only home, full disk), a temporary folder of this process is
used instead, so a build never fails for want of a cache.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

_fallback: Path | None = None


def cache_folder() -> Path:
    """Where derived fonts are kept: the user's cache folder (not created here)."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "reportgen" / "fonts"


def fallback_folder() -> Path:
    """This process's own temporary folder, removed when it exits."""
    global _fallback
    if _fallback is None or not _fallback.is_dir():
        _fallback = Path(tempfile.mkdtemp(prefix="reportgen-fonts-"))
        atexit.register(shutil.rmtree, _fallback, True)
    return _fallback


def _write_atomically(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cached_file(name: str, make: Callable[[], bytes]) -> Path:
    """The path of the cached file *name*, calling *make* for its bytes only when it is not there yet.

    *name* must say everything that decides the bytes (it is never rechecked).
    """
    for folder in (cache_folder(), _fallback):
        if folder is not None and (folder / name).is_file():
            return folder / name
    data = make()
    try:
        folder = cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(folder / name, data)
        return folder / name
    except OSError:
        target = fallback_folder() / name
        _write_atomically(target, data)
        return target
