"""What ``reportgen master FILE.pptx`` tells a user about a master before a set uses it.

The file is opened exactly as a build opens a set's ``reference.pptx`` (:func:`master.open_master`:
checked, cleaned, its sample slides left out), and each role's layout is the one a build with
no ``deck.layouts`` would choose (:meth:`master.Master.choice`), so the mapping printed at the
end is what the deck gets, ready to paste into theme.yaml and edit.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

from reportgen.render.pptx import _internals
from reportgen.render.pptx.master import LAYOUTS, Master, master_index, open_master, placeholders
from reportgen.render.pptx.master_theme import MasterTheme
from reportgen.theme import Theme
from reportgen.theme.deck import DeckOptions


@dataclass(frozen=True)
class MasterEntry:
    number: int
    """Counted from 1, as ``deck.master`` takes it."""
    name: str
    """``""``: the master has no name of its own."""
    layouts: int


@dataclass(frozen=True)
class LayoutEntry:
    name: str
    type: str
    """The layout's recorded type (``""``: none)."""
    placeholders: tuple[str, ...]
    """Each as ``type/idx`` (``title/0``, ``body/1``, ``sldNum/12``)."""
    roles: tuple[str, ...]
    """reportgen's roles that would use this layout."""


@dataclass(frozen=True)
class MasterInfo:
    file: str
    masters: tuple[MasterEntry, ...]
    chosen: int
    """The number of the master described below."""
    layouts: tuple[LayoutEntry, ...]
    theme: str
    """The name of the chosen master's theme."""
    fonts: dict[str, dict[str, str]]
    """``major``/``minor`` -> ``latin``/``ea``/``cs`` -> face (``""``: the scheme names none)."""
    colours: dict[str, str]
    colour_map: dict[str, str]
    mapping: dict[str, str]
    """Role -> the name of the layout it uses."""
    fallbacks: dict[str, str]
    """Role -> why it falls back to the closest layout (only roles that do)."""

    @property
    def master_key(self) -> str | int:
        """What ``deck.master`` should say: the master's name, or its number when it has none or shares it."""
        name = self.masters[self.chosen - 1].name
        return name if name and [entry.name for entry in self.masters].count(name) == 1 else self.chosen


def describe(path: Path, wanted: str | None = None) -> MasterInfo:
    """Open *path* as a build would and read its masters, the chosen one's layouts, theme and role mapping."""
    opened = open_master(Theme(reference_pptx=path))
    index = master_index(wanted, opened.catalogue.masters, opened.source, asked="--master")
    master = Master(opened.prs, opened.catalogue, Theme(deck=DeckOptions(master=index + 1)), opened.source)
    choices = {str(role): master.choice(role) for role in LAYOUTS}
    mapping = {role: choice.layout.name for role, choice in choices.items()}
    fallbacks = {role: choice.warning for role, choice in choices.items() if choice.warning}
    slide_master = opened.prs.slide_masters[index]
    layouts = tuple(
        LayoutEntry(
            layout.name,
            str(_internals.element(layout).get("type") or ""),
            tuple(f"{ph.type}/{ph.idx}" for ph in placeholders(_internals.element(layout))),
            tuple(role for role, name in mapping.items() if name == layout.name),
        )
        for layout in slide_master.slide_layouts
    )
    masters = tuple(MasterEntry(n, m.name or "", len(m.slide_layouts)) for n, m in enumerate(opened.prs.slide_masters, 1))
    return MasterInfo(path.name, masters, index + 1, layouts, master.theme.name, _fonts(master.theme), dict(master.theme.colours),
                      dict(master.theme.colour_map), mapping, fallbacks)


def _fonts(theme: MasterTheme) -> dict[str, dict[str, str]]:
    return {half: {"latin": scheme.latin, "ea": scheme.east_asian, "cs": scheme.complex_script}
            for half, scheme in (("major", theme.major), ("minor", theme.minor))}


def as_json(info: MasterInfo) -> str:
    return json.dumps({**asdict(info), "deck": {"master": info.master_key, "layouts": info.mapping}}, ensure_ascii=False, indent=2)


def mapping_yaml(info: MasterInfo) -> str:
    """The ``deck:`` block for theme.yaml; a role that falls back to the closest layout gets a comment saying so.
    Names are written as double-quoted scalars (JSON strings are valid YAML), so any name pastes safely."""
    lines = ["deck:", f"  master: {json.dumps(info.master_key, ensure_ascii=False)}", "  layouts:"]
    for role, name in info.mapping.items():
        if role in info.fallbacks:
            lines.append(f"    # {role}: {info.fallbacks[role]}")
        lines.append(f"    {role}: {json.dumps(name, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def as_text(info: MasterInfo) -> str:
    """The report as aligned plain text: masters, the chosen master's layouts, fonts, colours, then the mapping."""
    chosen = info.masters[info.chosen - 1]
    out = [f"{info.file}: {len(info.masters)} slide master{'' if len(info.masters) == 1 else 's'}"]
    out += _table(["", "master", "layouts"], [[str(m.number), m.name or "(unnamed)", str(m.layouts)] for m in info.masters],
                  marks=[m.number == info.chosen for m in info.masters])
    out += ["", f"Layouts of master {chosen.number}{f' {chosen.name!r}' if chosen.name else ''}:"]
    out += _table(["layout", "type", "placeholders", "roles"],
                  [[entry.name, entry.type or "-", " ".join(entry.placeholders) or "-", ", ".join(entry.roles) or "-"] for entry in info.layouts])
    out += ["", f"Theme {info.theme!r}, fonts:"]
    out += _table(["", "latin", "ea", "cs"], [[half, *(face or "-" for face in faces.values())] for half, faces in info.fonts.items()])
    out += ["", "Colour scheme:", *_rows([f"{name} #{value}" for name, value in info.colours.items()])]
    out += ["", "Colour map:", *_rows([f"{key}={value}" for key, value in info.colour_map.items()])]
    out += ["", "The mapping reportgen uses (paste into theme.yaml):", mapping_yaml(info)]
    return "\n".join(out)


def _rows(cells: list[str], per_row: int = 6) -> list[str]:
    """Short cells in aligned rows of *per_row*."""
    width = max(len(cell) for cell in cells)
    return ["  " + "  ".join(cell.ljust(width) for cell in cells[i : i + per_row]).rstrip() for i in range(0, len(cells), per_row)]


def _table(header: list[str], rows: list[list[str]], marks: list[bool] | None = None) -> list[str]:
    """Rows in columns as wide as their widest cell; a marked row starts with ``*``."""
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str], mark: bool) -> str:
        padded = (cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths, strict=True))
        return ("* " if mark else "  ") + "  ".join(padded).rstrip()

    return [line(header, False)] + [line(row, bool(marks and marks[i])) for i, row in enumerate(rows)]


def _width(text: str) -> int:
    """Columns *text* takes in a terminal: two for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
