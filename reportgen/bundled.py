"""Where the files that ship with reportgen are: packaged in the wheel, or the repository in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The bundled folder *name* (``templates``, ``content``, ``schema``): ``reportgen/_data/<name>`` in a
    wheel, else the checkout's top-level folder."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name
