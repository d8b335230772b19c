"""Rules that relate one part of an outline to another: unique ids, known sources, how deep points nest.

They read the outline's plain data (as :mod:`reportgen.yamlfile` returns it),
not the validated model, so they run even when the model rejects other parts
of the file: an analyst hears about a dangling source and a misspelt key in
one go. A value of the wrong shape is skipped here; the model reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import TypeAdapter, ValidationError

from reportgen.errors import dotted_path
from reportgen.outline.model import MAX_POINT_DEPTH, Slug

FieldPath = tuple[str | int, ...]
_SLUG: TypeAdapter[str] = TypeAdapter(Slug)


def cross_reference_problems(data: Any) -> list[tuple[FieldPath, str]]:
    """Duplicate ids, references to sources that do not exist (from points, figures and table rows), and points nested too deep."""
    outline = _mapping(data)
    sections = _list(outline.get("sections"))
    sources = _list(outline.get("sources"))
    problems: list[tuple[FieldPath, str]] = []
    problems += _duplicates([(("sections", i, "id"), _mapping(s).get("id")) for i, s in enumerate(sections)], "section")
    problems += _duplicates(
        [
            (("sections", i, "figures", j, "id"), _mapping(f).get("id"))
            for i, s in enumerate(sections)
            for j, f in enumerate(_list(_mapping(s).get("figures")))
        ],
        "figure",
    )
    problems += _duplicates([(("sources", i, "id"), _mapping(s).get("id")) for i, s in enumerate(sources)], "source")
    known = [ident for ident in (_ident(_mapping(s).get("id")) for s in sources) if ident is not None]
    for i, section in enumerate(sections):
        for path, point, depth in _points(_mapping(section).get("points"), ("sections", i, "points"), 1):
            if depth > MAX_POINT_DEPTH:
                problems.append((path, f"points nest at most {MAX_POINT_DEPTH} levels deep"))
            problems += _unknown_sources((*path, "source"), _mapping(point).get("source"), known)
        for j, figure in enumerate(_list(_mapping(section).get("figures"))):
            where = ("sections", i, "figures", j)
            problems += _unknown_sources((*where, "source"), _mapping(figure).get("source"), known)
            for k, row in enumerate(_list(_mapping(figure).get("rows"))):
                problems += _unknown_sources((*where, "rows", k, "source"), _mapping(row).get("source"), known)
    problems += _minutes_problems(_mapping(outline.get("meta")).get("duration"), sections)
    return problems


def _minutes_problems(duration: Any, sections: list[Any]) -> list[tuple[FieldPath, str]]:
    """Section minutes that add up to more than the talk's duration, reported at the section that goes over."""
    limit = _minutes(duration)
    if limit is None:
        return []
    total = 0.0
    for i, section in enumerate(sections):
        total += _minutes(_mapping(section).get("minutes")) or 0.0
        if total > limit + 1e-9:
            return [(("sections", i, "minutes"), f"the sections' minutes reach {total:g}, more than meta.duration ({limit:g})")]
    return []


def _minutes(value: Any) -> float | None:
    """A number of minutes as the model reads it (the YAML's text); None for anything the model rejects."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        minutes = float(value)
    except ValueError:
        return None
    return minutes if 0 < minutes < float("inf") else None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _ident(value: Any) -> str | None:
    """The id as the model reads it (numbers as their digits, spaces around it dropped), if it is well formed."""
    try:
        return _SLUG.validate_python(value)
    except ValidationError:
        return None


def _duplicates(items: list[tuple[FieldPath, Any]], what: str) -> list[tuple[FieldPath, str]]:
    problems: list[tuple[FieldPath, str]] = []
    seen: dict[str, FieldPath] = {}
    for path, value in items:
        ident = _ident(value)
        if ident is None:
            continue
        if ident in seen:
            problems.append((path, f"duplicate {what} id '{ident}' (already used at {dotted_path(seen[ident])})"))
        else:
            seen[ident] = path
    return problems


def _points(points: Any, base: FieldPath, depth: int) -> Iterator[tuple[FieldPath, Any, int]]:
    for index, point in enumerate(_list(points)):
        path = (*base, index)
        yield path, point, depth
        yield from _points(_mapping(point).get("points"), (*path, "points"), depth + 1)


def _unknown_sources(path: FieldPath, given: Any, known: list[str]) -> list[tuple[FieldPath, str]]:
    """A point's or figure's ``source`` (one id or a list of them) against the outline's sources."""
    refs = [given] if isinstance(given, (str, int, float)) and not isinstance(given, bool) else _list(given)
    problems: list[tuple[FieldPath, str]] = []
    for index, value in enumerate(refs):
        ref = _ident(value)
        if ref is not None and ref not in known:
            where = path if len(refs) == 1 else (*path, index)
            problems.append((where, f"unknown source '{ref}' (known: {', '.join(known) or 'none defined'})"))
    return problems
