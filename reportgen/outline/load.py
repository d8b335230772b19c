"""Load an outline YAML file and validate it into an :class:`Outline`.

Every problem becomes one :class:`OutlineError` naming the file, line, column
and field path, e.g. ``sections[2].points[0].source``.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reportgen.errors import Location, OutlineError, dotted_path
from reportgen.images import image_problem
from reportgen.outline.model import Outline, cross_reference_problems
from reportgen.yamlfile import KEY, Positions, position_of, read_yaml


def load_outline(path: str | Path) -> Outline:
    """Load and validate the outline at *path*; raise :class:`OutlineError` on any problem."""
    path = Path(path)
    data, positions = read_yaml(path, what="outline", error=OutlineError)
    return validate_outline(data, positions, path)


def validate_outline(data: Any, positions: Positions, path: Path) -> Outline:
    if not isinstance(data, dict):
        raise OutlineError(
            "the outline must be a mapping with meta, summary and sections",
            location=Location(path, 1, 1),
        )
    try:
        outline = Outline.model_validate(data)
    except ValidationError as exc:
        raise _first_error(exc, data, positions, path) from None
    problems = cross_reference_problems(outline) + _file_problems(outline, path.resolve().parent)
    if problems:
        where, message = problems[0]
        raise OutlineError(message, location=position_of(path, positions, where), field=dotted_path(where))
    return outline


def _file_problems(outline: Outline, folder: Path) -> list[tuple[tuple[str | int, ...], str]]:
    """Image figures must be PNG, JPEG or GIF files inside the outline's folder."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for i, section in enumerate(outline.sections):
        for j, figure in enumerate(section.figures):
            if getattr(figure, "type", None) != "image":
                continue
            where = ("sections", i, "figures", j, "path")
            target = (folder / figure.path).resolve()
            if not target.is_relative_to(folder):
                problems.append((where, f"the image path '{figure.path}' leaves the outline's folder; keep images beside the outline"))
            elif not target.is_file():
                problems.append((where, f"image not found: looked for {target}"))
            else:
                problem = image_problem(target)
                if problem:
                    problems.append((where, f"'{figure.path}' {problem}"))
    return problems


def _data_path(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop the parts of a pydantic error location that are not in the data (union tags)."""
    path: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
            path.append(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            path.append(part)
    return tuple(path)


def _first_error(exc: ValidationError, data: Any, positions: Positions, path: Path) -> OutlineError:
    error = exc.errors(include_url=False)[0]
    where = _data_path(data, tuple(error["loc"]))
    kind = error["type"]
    ctx = error.get("ctx") or {}
    hint = None
    message = error["msg"]
    location = position_of(path, positions, where)
    if kind == "unknown_key":
        key = ctx["key"]
        where = (*where, key)
        key_pos = positions.get((*where[:-1], KEY, key))
        if key_pos:
            location = Location(path, *key_pos)
        close = difflib.get_close_matches(key, ctx["known"], n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(ctx['known'])}"
    elif kind == "missing":
        message = "required field is missing"
        hint = f"add '{_last_key(error['loc'])}:'"
        where = (*where, _last_key(error["loc"]))
    elif kind in ("string_too_short", "too_short") and isinstance(error.get("input"), str):
        message = "must not be empty"
    elif kind == "string_pattern_mismatch":
        message = "must be a short identifier of letters, digits, '-' or '_'"
        if where and where[-1] == "language":
            message = "must be a language tag such as 'en' or 'ja'"
    elif kind in {"float_parsing", "float_type"}:
        message = f"must be a number, got {error.get('input')!r}"
    elif kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        message = f"must be a date written as YYYY-MM-DD, got {error.get('input')!r}"
    elif kind in {"string_type"} and isinstance(error.get("input"), (dict, list)):
        message = "must be text, not a " + ("mapping" if isinstance(error["input"], dict) else "list")
    elif kind == "union_tag_invalid":
        message = f"unknown figure type {ctx.get('tag')!r} (use bar, line, pie, table or image)"
        where = (*where, "type")
        location = position_of(path, positions, where)
    elif kind == "union_tag_not_found":
        message = "a figure needs a 'type' (bar, line, pie, table or image)"
    return OutlineError(message, location=location, field=dotted_path(where), hint=hint)


def _last_key(loc: tuple[Any, ...]) -> str:
    return str(loc[-1])
