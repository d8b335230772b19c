"""A set's theme checked as a whole: every mistake of every theme.yaml in its chain, in plain words.

The merged theme is validated once; each of pydantic's errors is worded by the
outline's table (:mod:`reportgen.outline.messages`) and placed in the theme.yaml
of the layer that wrote the key (a child's line before its parent's). Then the
names the models cannot check: the languages under ``languages:`` (BCP 47
tags) and the brief's fonts (a family the set ships or a standard PDF font),
each with the closest name it may mean.
"""

from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reportgen.errors import Location, ReportgenError, TemplateError, dotted_path
from reportgen.outline import messages
from reportgen.outline.locate import place
from reportgen.outline.vocabulary import closest_language, is_language_tag
from reportgen.theme import Theme
from reportgen.yamlfile import KEY, Positions, position_of

THEME_FILE = "theme.yaml"
STANDARD_PDF_FONTS = (
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Symbol", "ZapfDingbats",
)
"""The fonts every PDF viewer has (reportlab's standard fonts), which the brief may name without files."""
_FACE_SUFFIXES = ("-Bold", "-Italic", "-BoldItalic")
KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Layer:
    """One theme.yaml of a set's chain, as read (legacy keys already moved)."""

    folder: Path
    data: dict[str, Any]
    positions: Positions

    @property
    def file(self) -> Path:
        return self.folder / THEME_FILE


def validated(merged: dict[str, Any], layers: list[Layer]) -> tuple[Theme | None, list[ReportgenError]]:
    """The theme of *merged* (None when it is invalid), and every mistake in it but its files'."""
    errors = language_problems(merged, layers) + font_problems(merged, layers)
    try:
        theme = Theme.model_validate(merged)
    except ValidationError as exc:
        return None, errors + [_worded(detail, layers) for detail in exc.errors(include_url=False)]
    return theme, errors


def _worded(detail: Any, layers: list[Layer]) -> TemplateError:
    spot = place(tuple(detail["loc"]), Theme)
    known = tuple(spot.model.model_fields) if spot.model is not None else ()
    wording = messages.wording(messages.problem_of(detail, spot.path, known, spot.at_key))
    where = spot.path
    layer = blamed(layers, where)
    key_position = layer.positions.get((*where[:-1], KEY, where[-1])) if spot.at_key and where else None
    location = Location(layer.file, *key_position) if key_position else position_of(layer.file, layer.positions, where)
    message, hint = wording.message, wording.hint
    if detail["type"] == "extra_forbidden":
        message = f"unknown theme key '{where[-1]}'"
        if wording.meant is None:
            hint = "see docs/templates.md for the theme keys"
    return TemplateError(message, location=location, field=dotted_path(where), hint=hint)


def blamed(layers: list[Layer], where: KeyPath) -> Layer:
    """The layer that wrote the most of *where* (``max`` keeps the first, the child, among equals)."""
    return max(layers, key=lambda layer: _known_depth(layer.positions, where))


def _known_depth(positions: Positions, where: KeyPath) -> int:
    for depth in range(len(where), 0, -1):
        if where[:depth] in positions or (*where[: depth - 1], KEY, where[depth - 1]) in positions:
            return depth
    return 0


def error_at(layers: list[Layer], where: KeyPath, message: str, hint: str | None = None) -> TemplateError:
    layer = blamed(layers, where)
    return TemplateError(message, location=position_of(layer.file, layer.positions, where), field=dotted_path(where), hint=hint)


def _mapping(data: Any, *path: str) -> dict[str, Any]:
    """The mapping at *path* in the theme's data, or an empty one (the model reports a wrong shape)."""
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}


def language_problems(merged: dict[str, Any], layers: list[Layer]) -> list[ReportgenError]:
    """Every key under ``languages:`` must be a language tag."""
    errors: list[ReportgenError] = []
    for tag in map(str, _mapping(merged, "languages")):
        if not is_language_tag(tag):
            closest = closest_language(tag)
            hint = f"did you mean '{closest}'?" if closest else "write a BCP 47 tag: a language, then an optional script and region"
            layer = blamed(layers, ("languages", tag))
            line_col = layer.positions.get(("languages", KEY, tag))
            location = Location(layer.file, *line_col) if line_col else position_of(layer.file, layer.positions, ("languages",))
            errors.append(
                TemplateError(f"'{tag}' is not a language tag such as 'en' or 'ja-JP' (BCP 47)", location=location, field=f"languages.{tag}", hint=hint)
            )
    return errors


NAMED_FONTS = ("body", "heading", "mono", "cjk")
"""The keys of ``brief.fonts`` that name one font the brief must have."""


def font_problems(merged: dict[str, Any], layers: list[Layer]) -> list[ReportgenError]:
    """The brief's body, heading, mono and CJK fonts must be a family the set ships (``font_files``) or a
    standard PDF font. (``scripts`` may also name installed fonts: the chain passes over one that is missing.)"""
    shipped = list(map(str, _mapping(merged, "font_files")))
    usable = [*shipped, *(family + suffix for family in shipped for suffix in _FACE_SUFFIXES), *STANDARD_PDF_FONTS]
    errors: list[ReportgenError] = []
    for key, name in _mapping(merged, "brief", "fonts").items():
        if key not in NAMED_FONTS or not isinstance(name, str) or name in usable:
            continue
        errors.append(
            error_at(layers, ("brief", "fonts", key), f"no font '{name}' in the set's font_files or the standard PDF fonts", _font_hint(name, shipped))
        )
    return errors


def _font_hint(name: str, shipped: list[str]) -> str:
    candidates = [*shipped, *STANDARD_PDF_FONTS]
    by_fold = {candidate.casefold(): candidate for candidate in candidates}
    close = difflib.get_close_matches(name.casefold(), list(by_fold), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{by_fold[close[0]]}'?"
    installed = {family.casefold(): family for family in system_families()}
    if name.casefold() in installed:
        return (
            f"'{installed[name.casefold()]}' is installed on this computer, but the brief embeds only fonts listed under font_files: add its .ttf files there"
        )
    sets = ", ".join(shipped) if shipped else "none"
    return f"fonts of this set: {sets}; standard PDF fonts: Helvetica, Times-Roman, Courier"


@lru_cache(maxsize=1)
def system_families() -> tuple[str, ...]:
    """The font families installed on this computer (``fc-list``), or none where it is not available."""
    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(sorted({name.strip() for line in listed.splitlines() for name in line.split(",") if name.strip()}))
