"""Theme keys of the older flat layout, moved to their place in the per-format sections as a file is read.

A theme.yaml written before the split (``fonts.deck_latin``, ``sizes.slide_body``,
``page``, ``deck_layouts``...) keeps working: each old key is moved to its new
path, its position goes with it (so a mistake in its value still points at the
line the user wrote), and one warning per file names every old key's new place.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from reportgen.errors import Location, ReportgenWarning
from reportgen.yamlfile import KEY, Positions

KeyPath = tuple[str | int, ...]

MOVED: dict[KeyPath, KeyPath] = {
    ("page",): ("brief", "page"),
    ("fonts", "body"): ("brief", "fonts", "body"),
    ("fonts", "heading"): ("brief", "fonts", "heading"),
    ("fonts", "mono"): ("brief", "fonts", "mono"),
    ("fonts", "cjk"): ("brief", "fonts", "cjk"),
    ("fonts", "deck_latin"): ("deck", "fonts", "latin"),
    ("fonts", "deck_east_asian"): ("deck", "fonts", "east_asian"),
    ("sizes", "body"): ("brief", "sizes", "body"),
    ("sizes", "h1"): ("brief", "sizes", "h1"),
    ("sizes", "h2"): ("brief", "sizes", "h2"),
    ("sizes", "h3"): ("brief", "sizes", "h3"),
    ("sizes", "small"): ("brief", "sizes", "small"),
    ("sizes", "title"): ("brief", "sizes", "title"),
    ("sizes", "slide_title"): ("deck", "sizes", "title"),
    ("sizes", "slide_body"): ("deck", "sizes", "body"),
    ("sizes", "slide_body_min"): ("deck", "sizes", "body_min"),
    ("deck_layouts",): ("deck", "layouts"),
    ("deck_master",): ("deck", "master"),
}
"""Old key path -> new key path."""

_EMPTIED = (("fonts",), ("sizes",))
"""Old sections that held only moved keys: dropped once empty."""


def migrate(data: dict[str, Any], positions: Positions, theme_file: Path) -> tuple[dict[str, Any], Positions]:
    """*data* and *positions* with every old key at its new path (unknown keys are left for validation)."""
    moved: list[str] = []
    for old, new in MOVED.items():
        parent = _container(data, old[:-1])
        if not isinstance(parent, dict) or old[-1] not in parent:
            continue
        value = parent.pop(old[-1])
        target = _container(data, new[:-1], create=True)
        if not isinstance(target, dict) or new[-1] in target:
            parent[old[-1]] = value  # the new key is written too (or its section is not a mapping): validation says so
            continue
        target[new[-1]] = value
        positions = _moved_positions(positions, old, new)
        moved.append(f"{'.'.join(map(str, old))} -> {'.'.join(map(str, new))}")
    for section in _EMPTIED:
        if data.get(section[0]) == {}:
            del data[section[0]]
    if moved:
        warnings.warn(
            ReportgenWarning(
                f"theme keys of the older layout were read at their new place: {', '.join(moved)}",
                location=Location(theme_file),
            ),
            stacklevel=2,
        )
    return data, positions


def _container(data: dict[str, Any], path: KeyPath, *, create: bool = False) -> Any:
    node: Any = data
    for part in path:
        if not isinstance(node, dict):
            return None
        if part not in node and create:
            node[part] = {}
        node = node.get(part)
    return node


def _moved_positions(positions: Positions, old: KeyPath, new: KeyPath) -> Positions:
    """Positions under *old* (and the key itself) re-keyed under *new*."""
    out: Positions = {}
    for path, where in positions.items():
        if path[: len(old)] == old:
            out[new + path[len(old) :]] = where
        elif path == (*old[:-1], KEY, old[-1]):
            out[(*new[:-1], KEY, new[-1])] = where
        else:
            out[path] = where
    return out
