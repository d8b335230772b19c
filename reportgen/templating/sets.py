"""Template sets: where they are found, how ``extends`` chains them, and their theme.

A set is a folder holding ``theme.yaml``, the Jinja2 templates for the brief
and the deck (``brief.md.j2``, ``deck.md.j2`` and partials), optionally
``reference.pptx`` and ``assets/``. A set may say ``extends: NAME`` in its
theme and then hold only what it changes; like MkDocs' ``custom_dir``, its
folder is searched before its parent's.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reportgen.errors import Location, TemplateError, dotted_path
from reportgen.images import image_problem
from reportgen.templating.fontfile import font_problem
from reportgen.templating.loader import outside_set
from reportgen.theme import Theme
from reportgen.theme.legacy import migrate
from reportgen.yamlfile import KEY, Positions, position_of, read_yaml

THEME_FILE = "theme.yaml"
REFERENCE_PPTX = "reference.pptx"
MAX_CHAIN = 8


def builtin_sets_dir() -> Path:
    """The built-in sets: packaged in the wheel, or the repository's ``templates/`` in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_data" / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "templates"


@dataclass(frozen=True)
class TemplateSet:
    name: str
    folders: tuple[Path, ...]
    """This set's folder first, then its parent's, and so on."""
    theme: Theme

    def find(self, relative: str) -> Path | None:
        """The first file named *relative* along the chain."""
        for folder in self.folders:
            candidate = folder / relative
            if candidate.is_file():
                return candidate
        return None


def resolve_set_folder(name_or_dir: str | Path, cwd: Path | None = None) -> Path:
    """A set given by folder path, by name under ./templates, or by built-in name."""
    cwd = cwd or Path.cwd()
    given = Path(name_or_dir)
    candidates = [given if given.is_absolute() else cwd / given]
    if given.name == str(name_or_dir):
        candidates += [cwd / "templates" / given, builtin_sets_dir() / given]
    for candidate in candidates:
        if (candidate / THEME_FILE).is_file():
            return candidate.resolve()
    known = ", ".join(sorted(p.name for p in available_set_folders(cwd)))
    raise TemplateError(
        f"no template set '{name_or_dir}' (a folder with {THEME_FILE})",
        hint=f"available: {known}",
    )


def available_set_folders(cwd: Path | None = None) -> list[Path]:
    """Built-in sets, then those in ./templates (which shadow built-ins of the same name)."""
    cwd = cwd or Path.cwd()
    found: dict[str, Path] = {}
    for root in (builtin_sets_dir(), cwd / "templates"):
        if root.is_dir():
            for folder in sorted(root.iterdir()):
                if (folder / THEME_FILE).is_file():
                    found[folder.name] = folder
    return list(found.values())


def load_set(name_or_dir: str | Path, cwd: Path | None = None) -> TemplateSet:
    """Resolve a set and its ``extends`` chain, and load the merged theme."""
    folder = resolve_set_folder(name_or_dir, cwd)
    layers: list[tuple[Path, dict[str, Any], Positions]] = []
    while True:
        theme_file = folder / THEME_FILE
        _refuse_link_out(theme_file, folder)
        data, positions = read_yaml(theme_file, what="theme", error=TemplateError)
        if not isinstance(data, dict):
            raise TemplateError("a theme must be a mapping of keys", location=Location(theme_file, 1, 1))
        data, positions = migrate(data, positions, theme_file)
        layers.append((folder, data, positions))
        parent = data.get("extends")
        if not parent:
            break
        if not isinstance(parent, str):
            raise TemplateError("'extends' must name one template set", location=position_of(theme_file, positions, ("extends",)), field="extends")
        if len(layers) >= MAX_CHAIN:
            raise TemplateError("'extends' chains more than 8 sets (a loop?)", location=position_of(theme_file, positions, ("extends",)))
        try:
            folder = resolve_set_folder(parent, folder.parent)
        except TemplateError as exc:
            exc.location = position_of(theme_file, positions, ("extends",))
            exc.field = "extends"
            raise
        if any(folder == seen for seen, _, _ in layers):
            raise TemplateError(f"'extends: {parent}' makes a loop", location=position_of(theme_file, positions, ("extends",)))
    theme = _merge_theme(layers)
    folders = tuple(layer[0] for layer in layers)
    return TemplateSet(name=layers[0][0].name, folders=folders, theme=theme)


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _merge_theme(layers: list[tuple[Path, dict[str, Any], Positions]]) -> Theme:
    merged: dict[str, Any] = {}
    for _, data, _ in reversed(layers):
        merged = _deep_merge(merged, data)
    merged.pop("extends", None)
    try:
        theme = Theme.model_validate(merged)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = tuple(error["loc"])
        folder, _, positions = max(layers, key=lambda layer: _known_depth(layer[2], where))
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(where[-1]), _known_keys(where[:-1]), n=1, cutoff=0.6)
            message = f"unknown theme key '{where[-1]}'" + (f"; did you mean '{close[0]}'?" if close else "")
            line_col = positions.get((*where[:-1], KEY, where[-1]))
            location = Location(folder / THEME_FILE, *line_col) if line_col else position_of(folder / THEME_FILE, positions, where)
        else:
            location = position_of(folder / THEME_FILE, positions, where)
        raise TemplateError(message, location=location, field=dotted_path(where), hint="see docs/templates.md for the theme keys") from None
    return theme.model_copy(
        update={"logo_path": _logo(layers), "reference_pptx": _reference(layers), "font_paths": _font_paths(layers)}
    )


def _known_depth(positions: Positions, where: tuple[str | int, ...]) -> int:
    """How much of *where* a layer's file writes (the layer that wrote the most of it is the one to blame;
    ``max`` keeps the first, the child, among equals)."""
    for depth in range(len(where), 0, -1):
        if where[:depth] in positions or (*where[: depth - 1], KEY, where[depth - 1]) in positions:
            return depth
    return 0


def _asset(folder: Path, positions: Positions, where: tuple[str | int, ...], relative: str, what: str) -> Path:
    """A file named in a theme, resolved against the set that named it; it must exist inside that set
    (links resolved first: a link inside the set to a file outside it is refused too)."""
    path = (folder / relative).resolve()
    location = position_of(folder / THEME_FILE, positions, where)
    if outside_set(path, folder) is not None:
        raise TemplateError(
            f"the {what} path '{relative}' leaves the template set's folder (it leads to {path})", location=location, field=dotted_path(where)
        )
    if not path.is_file():
        raise TemplateError(f"{what} not found: looked for {path}", location=location, field=dotted_path(where))
    return path


def _font_paths(layers: list[tuple[Path, dict[str, Any], Positions]]) -> dict[str, dict[str, Path]]:
    """Every family's font files; a family named by a child replaces the parent's."""
    paths: dict[str, dict[str, Path]] = {}
    for folder, data, positions in reversed(layers):
        for family, faces in (data.get("font_files") or {}).items():
            for face, relative in faces.items():
                where = ("font_files", family, face)
                if not relative:
                    raise TemplateError("give the font file's path", location=position_of(folder / THEME_FILE, positions, where), field=dotted_path(where))
                path = _asset(folder, positions, where, str(relative), "font file")
                problem = font_problem(path)
                if problem:
                    raise TemplateError(f"the font file {path} {problem}", location=position_of(folder / THEME_FILE, positions, where), field=dotted_path(where))
                paths.setdefault(family, {})[face] = path
    return paths


def _known_keys(at: tuple[str | int, ...]) -> list[str]:
    """The keys the theme model accepts at *at* (for "did you mean")."""
    model: Any = Theme
    for part in at:
        field = getattr(model, "model_fields", {}).get(part)
        if field is None or not isinstance(field.annotation, type):
            return []
        model = field.annotation
    return list(getattr(model, "model_fields", {}))


def _logo(layers: list[tuple[Path, dict[str, Any], Positions]]) -> Path | None:
    for folder, data, positions in layers:
        if data.get("logo"):
            path = _asset(folder, positions, ("logo",), str(data["logo"]), "logo")
            problem = image_problem(path)
            if problem:
                raise TemplateError(f"the logo {path} {problem}", location=position_of(folder / THEME_FILE, positions, ("logo",)), field="logo")
            return path
    return None


def _reference(layers: list[tuple[Path, dict[str, Any], Positions]]) -> Path | None:
    for folder, _, _ in layers:
        master = folder / REFERENCE_PPTX
        if master.is_file():
            _refuse_link_out(master, folder)
            return master
    return None


def _refuse_link_out(path: Path, folder: Path) -> None:
    """A file the set provides by its name (theme, master) must not be a link to a file outside the set."""
    real = outside_set(path, folder)
    if real is not None:
        raise TemplateError(f"{path} is a link to {real}, outside the template set's folder", location=Location(path))
