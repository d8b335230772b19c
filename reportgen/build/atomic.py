"""Write a set of files so that either all of them are replaced, or none is.

Each file is first written in full to a hidden temporary file in the same
folder (same filesystem, so the rename is atomic), flushed to disk, and only
then renamed over the old file. A failure or an interrupt before the renames
leaves the old files exactly as they were and removes the temporary ones.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from reportgen.errors import Location, OutputError


def write_all(files: dict[Path, bytes]) -> list[Path]:
    """Write every ``path -> bytes`` atomically; return the paths written."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            staged.append((_stage(path, data), path))
        with _signals_held():
            for temp, path in staged:
                os.replace(temp, path)
    except OSError as exc:
        raise OutputError(
            f"cannot write the output: {exc.strerror or exc}",
            location=Location(exc.filename or next(iter(files), None)),
            hint="choose another folder with --out",
        ) from None
    finally:
        for temp, _ in staged:
            if temp.exists():
                temp.unlink()
    return list(files)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM waits until every rename is done, so a pack is never half old, half new."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stage(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp
