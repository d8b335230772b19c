"""Template sets: where they are found, how ``extends`` chains them, and their theme.

A set is a folder holding ``theme.yaml``, the Jinja2 templates for the brief
and the deck (``brief.md.j2``, ``deck.md.j2`` and partials), optionally
``reference.pptx`` and ``assets/``. A set may say ``extends: NAME`` in its
theme and then hold only what it changes; like MkDocs' ``custom_dir``, its
folder is searched before its parent's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.bundled import bundled_dir
from reportgen.errors import Location, ReportgenError, TemplateError, TemplateErrors, dotted_path
from reportgen.images import image_problem
from reportgen.templating.fontfile import font_problem
from reportgen.templating.loader import outside_set
from reportgen.templating.master_colours import with_master_colours, written_out
from reportgen.templating.theme_check import THEME_FILE, Layer, validated
from reportgen.theme import Theme
from reportgen.theme.derived_colours import derived
from reportgen.theme.legacy import migrate
from reportgen.yamlfile import position_of, read_yaml

REFERENCE_PPTX = "reference.pptx"
MAX_CHAIN = 8


def builtin_sets_dir() -> Path:
    """The built-in sets: packaged in the wheel, or the repository's ``templates/`` in a checkout."""
    return bundled_dir("templates")


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
    """Resolve a set and its ``extends`` chain, and load the merged theme; every mistake of the theme
    files, their assets and fonts is raised together (:class:`TemplateErrors`)."""
    layers = _chain(resolve_set_folder(name_or_dir, cwd))
    merged: dict[str, Any] = {}
    for layer in reversed(layers):
        merged = _deep_merge(merged, layer.data)
    merged.pop("extends", None)
    theme, errors = validated(merged, layers)
    font_paths = _font_paths(layers, errors)
    logo = _logo(layers, errors)
    raised = TemplateErrors.of(errors)
    if raised is not None:
        raise raised
    assert theme is not None, "the theme model accepted nothing, yet no error was found"
    folders = tuple(layer.folder for layer in layers)
    reference = _reference(layers)
    theme = with_master_colours(theme, reference, layers)
    theme = theme.model_copy(update={"colours": derived(theme.colours)})
    theme = theme.model_copy(update={"logo_path": logo, "reference_pptx": reference, "font_paths": font_paths})
    return TemplateSet(name=layers[0].folder.name, folders=folders, theme=theme)


def _chain(folder: Path) -> list[Layer]:
    """The theme files of *folder*'s set and of every set it extends, child first."""
    layers: list[Layer] = []
    while True:
        theme_file = folder / THEME_FILE
        _refuse_link_out(theme_file, folder)
        data, positions = read_yaml(theme_file, what="theme", error=TemplateError)
        if not isinstance(data, dict):
            raise TemplateError("a theme must be a mapping of keys", location=Location(theme_file, 1, 1))
        data, positions = written_out(*migrate(data, positions, theme_file))
        layers.append(Layer(folder, data, positions))
        parent = data.get("extends")
        if not parent:
            return layers
        where = position_of(theme_file, positions, ("extends",))
        if not isinstance(parent, str):
            raise TemplateError("'extends' must name one template set", location=where, field="extends")
        if len(layers) >= MAX_CHAIN:
            raise TemplateError("'extends' chains more than 8 sets (a loop?)", location=where, field="extends")
        try:
            folder = resolve_set_folder(parent, folder.parent)
        except TemplateError as exc:
            exc.location, exc.field = where, "extends"
            raise
        if any(folder == seen.folder for seen in layers):
            raise TemplateError(f"'extends: {parent}' makes a loop", location=where, field="extends")


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _asset(layer: Layer, where: tuple[str | int, ...], relative: str, what: str) -> Path:
    """A file named in a theme, resolved against the set that named it; it must exist inside that set
    (links resolved first: a link inside the set to a file outside it is refused too)."""
    path = (layer.folder / relative).resolve()
    location = position_of(layer.file, layer.positions, where)
    if outside_set(path, layer.folder) is not None:
        raise TemplateError(
            f"the {what} path '{relative}' leaves the template set's folder (it leads to {path})", location=location, field=dotted_path(where)
        )
    if not path.is_file():
        raise TemplateError(f"{what} not found: looked for {path}", location=location, field=dotted_path(where))
    return path


def _font_paths(layers: list[Layer], errors: list[ReportgenError]) -> dict[str, dict[str, Path]]:
    """Every family's font files (a family named by a child replaces the parent's); a broken one is
    added to *errors*."""
    paths: dict[str, dict[str, Path]] = {}
    for layer in reversed(layers):
        families = layer.data.get("font_files")
        for family, faces in (families.items() if isinstance(families, dict) else ()):
            for face, relative in (faces.items() if isinstance(faces, dict) else ()):
                where = ("font_files", family, face)
                if (relative is None and face == "regular") or not isinstance(relative or "", str):
                    continue  # the model's error says what is wrong
                try:
                    if not relative:
                        raise TemplateError("give the font file's path", location=position_of(layer.file, layer.positions, where), field=dotted_path(where))
                    path = _asset(layer, where, relative, "font file")
                    problem = font_problem(path)
                    if problem:
                        raise TemplateError(
                            f"the font file {path} {problem}", location=position_of(layer.file, layer.positions, where), field=dotted_path(where)
                        )
                except TemplateError as error:
                    errors.append(error)
                    continue
                paths.setdefault(str(family), {})[str(face)] = path
    return paths


def _logo(layers: list[Layer], errors: list[ReportgenError]) -> Path | None:
    """The logo of the nearest layer that names one; a missing or broken one is added to *errors*."""
    for layer in layers:
        logo = layer.data.get("logo")
        if logo and isinstance(logo, str):
            try:
                path = _asset(layer, ("logo",), logo, "logo")
            except TemplateError as error:
                errors.append(error)
                return None
            problem = image_problem(path)
            if problem:
                errors.append(TemplateError(f"the logo {path} {problem}", location=position_of(layer.file, layer.positions, ("logo",)), field="logo"))
                return None
            return path
    return None


def _reference(layers: list[Layer]) -> Path | None:
    for layer in layers:
        master = layer.folder / REFERENCE_PPTX
        if master.is_file():
            _refuse_link_out(master, layer.folder)
            return master
    return None


def _refuse_link_out(path: Path, folder: Path) -> None:
    """A file the set provides by its name (theme, master) must not be a link to a file outside the set."""
    real = outside_set(path, folder)
    if real is not None:
        raise TemplateError(f"{path} is a link to {real}, outside the template set's folder", location=Location(path))
