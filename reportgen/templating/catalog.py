"""What the ``reportgen templates`` command shows and does: list sets, copy one for editing."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from reportgen.errors import Location, TemplateError
from reportgen.templating.sets import THEME_FILE, available_set_folders, builtin_sets_dir, load_set


@dataclass(frozen=True)
class SetEntry:
    name: str
    description: str
    folder: Path
    builtin: bool


def list_sets(cwd: Path | None = None) -> list[SetEntry]:
    """Every set a build can use by name, with its one-line description."""
    builtin_root = builtin_sets_dir().resolve()
    entries = []
    for folder in available_set_folders(cwd):
        template_set = load_set(folder)
        entries.append(
            SetEntry(
                name=folder.name,
                description=template_set.theme.description.strip().splitlines()[0] if template_set.theme.description else "",
                folder=folder,
                builtin=folder.resolve().parent == builtin_root,
            )
        )
    return entries


def copy_set(name: str, destination: Path, *, thin: bool = False, cwd: Path | None = None) -> Path:
    """Write an editable copy of set *name* to *destination* (or, with *thin*, a child that extends it)."""
    source = load_set(name, cwd)
    if destination.exists() and any(destination.iterdir()):
        raise TemplateError("the destination folder is not empty", location=Location(destination), hint="choose a new folder")
    destination.mkdir(parents=True, exist_ok=True)
    if thin:
        theme = {"extends": str(source.folders[0]) if source.folders[0].parent != builtin_sets_dir() else source.name,
                 "name": destination.name,
                 "description": f"My changes to the '{source.name}' set."}
        (destination / THEME_FILE).write_text(
            "# Only what differs from the parent set goes here; see docs/templates.md for every key.\n"
            + yaml.safe_dump(theme, sort_keys=False, allow_unicode=True)
            + "# colours:\n#   primary: \"#1B365D\"\n",
            encoding="utf-8",
        )
        return destination
    for folder in reversed(source.folders):
        shutil.copytree(folder, destination, dirs_exist_ok=True)
    if len(source.folders) > 1:
        merged = source.theme.model_dump(mode="json", exclude_none=True)
        merged["name"] = destination.name
        (destination / THEME_FILE).write_text(
            f"# A full copy of '{source.name}' and the sets it extends, with their themes merged.\n"
            + yaml.safe_dump(merged, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
    return destination
