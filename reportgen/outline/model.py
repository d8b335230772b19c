"""The outline model: what a user may write in an outline YAML file.

Field-level rules live on the models (pydantic); rules that relate one part
of the outline to another (unique ids, references) are in
:func:`cross_reference_problems`, which returns paths so the loader can point
at the offending line.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from reportgen.errors import dotted_path
from reportgen.links import link_problem, links_in

MAX_POINT_DEPTH = 3


def _as_text(value: Any) -> Any:
    """Accept a number where text is expected: the user meant the digits."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _safe_links(value: str) -> str:
    """Text may carry inline Markdown, links included: each link's target must be one a document may carry."""
    for target in links_in(value):
        problem = link_problem(target)
        if problem:
            raise PydanticCustomError("unsafe_link", "links to {problem}", {"problem": problem})
    return value


def _safe_url(value: str) -> str:
    problem = link_problem(value)
    if problem:
        raise PydanticCustomError("unsafe_link", "links to {problem}", {"problem": problem})
    return value


Text = Annotated[str, BeforeValidator(_as_text), StringConstraints(strip_whitespace=True), AfterValidator(_safe_links)]
NonEmptyText = Annotated[
    str, BeforeValidator(_as_text), StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_safe_links)
]
Url = Annotated[str, BeforeValidator(_as_text), StringConstraints(strip_whitespace=True), AfterValidator(_safe_url)]
"""A link target: http, https, mailto or an #anchor (or, for now, an address with no scheme)."""
Slug = Annotated[
    str,
    BeforeValidator(_as_text),
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$"),
]
SourceRef = Annotated[list[Slug], BeforeValidator(lambda v: [v] if isinstance(v, str) else v)]


class Strict(BaseModel):
    """A model that rejects unknown keys, naming the closest known one."""

    model_config = ConfigDict(extra="allow", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _reject_unknown_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            known = set(cls.model_fields)
            for key in data:
                if key not in known:
                    raise PydanticCustomError(
                        "unknown_key",
                        "unknown key '{key}'",
                        {"key": str(key), "known": sorted(known)},
                    )
        return data


class Meta(Strict):
    title: NonEmptyText
    subtitle: Text = ""
    author: Text = ""
    organization: Text = ""
    date: dt.date | None = None
    marking: Text = ""
    language: Annotated[
        str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    ] = "en"
    keywords: list[NonEmptyText] = Field(default_factory=list)


class Point(Strict):
    """One bullet: text, optional sub-points and an optional source reference."""

    text: NonEmptyText
    points: list[Point] = Field(default_factory=list)
    source: SourceRef = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if isinstance(data, (str, int, float)) and not isinstance(data, bool):
            return {"text": _as_text(data)}
        return data


class FigureBase(Strict):
    id: Slug
    title: NonEmptyText
    caption: Text = ""
    source: SourceRef = Field(default_factory=list)


def _finite(values: list[float]) -> list[float]:
    for value in values:
        if not math.isfinite(value):
            raise PydanticCustomError("not_finite", "values must be finite numbers, got {value}", {"value": value})
    return values


class Series(Strict):
    name: NonEmptyText
    values: Annotated[list[float], Field(min_length=1)]

    _check_finite = field_validator("values")(lambda cls, v: _finite(v))


class ChartFigure(FigureBase):
    type: Literal["bar", "line", "pie"]
    categories: Annotated[list[NonEmptyText], Field(min_length=1)]
    series: Annotated[list[Series], Field(min_length=1)]
    unit: Text = ""

    @model_validator(mode="after")
    def _shape(self) -> ChartFigure:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise PydanticCustomError(
                    "series_length",
                    "series '{name}' has {n} values but there are {m} categories",
                    {"name": series.name, "n": len(series.values), "m": len(self.categories)},
                )
            if self.type == "pie" and any(v < 0 for v in series.values):
                raise PydanticCustomError(
                    "pie_negative", "a pie chart cannot show negative values (series '{name}')", {"name": series.name}
                )
        if self.type == "pie" and len(self.series) != 1:
            raise PydanticCustomError("pie_series", "a pie chart takes exactly one series", {})
        return self


class TableFigure(FigureBase):
    type: Literal["table"]
    columns: Annotated[list[NonEmptyText], Field(min_length=1)]
    rows: Annotated[list[list[Text]], Field(min_length=1)]

    @model_validator(mode="after")
    def _shape(self) -> TableFigure:
        for index, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise PydanticCustomError(
                    "row_length",
                    "row {index} has {n} cells but there are {m} columns",
                    {"index": index, "n": len(row), "m": len(self.columns)},
                )
        return self


class ImageFigure(FigureBase):
    type: Literal["image"]
    path: NonEmptyText
    alt: Text = ""


Figure = Annotated[Union[ChartFigure, TableFigure, ImageFigure], Field(discriminator="type")]


class Section(Strict):
    id: Slug
    title: NonEmptyText
    lead: Text = ""
    points: list[Point] = Field(default_factory=list)
    notes: Text = ""
    figures: list[Figure] = Field(default_factory=list)


class Source(Strict):
    id: Slug
    title: NonEmptyText
    author: Text = ""
    publisher: Text = ""
    date: Text = ""
    url: Url = ""


class Outline(Strict):
    meta: Meta
    summary: Annotated[list[NonEmptyText], Field(min_length=1, max_length=6)]
    sections: Annotated[list[Section], Field(min_length=1)]
    sources: list[Source] = Field(default_factory=list)
    glossary: dict[NonEmptyText, NonEmptyText] = Field(default_factory=dict)

    def figures(self) -> Iterator[tuple[Section, Any]]:
        """Every figure with the section that holds it, in reading order."""
        for section in self.sections:
            for figure in section.figures:
                yield section, figure

    def source_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every text value with its field path (``sections[0].points[2].text``), glossary terms included."""
        yield from _texts(self, ())


def _texts(value: Any, at: tuple[str | int, ...]) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield dotted_path(at), value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*at, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*at, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield dotted_path((*at, key)), str(key)
            yield from _texts(item, (*at, key))


FieldPath = tuple[str | int, ...]


def _points(points: list[Point], base: FieldPath, depth: int) -> Iterator[tuple[FieldPath, Point, int]]:
    for index, point in enumerate(points):
        path = (*base, index)
        yield path, point, depth
        yield from _points(point.points, (*path, "points"), depth + 1)


def cross_reference_problems(outline: Outline) -> list[tuple[FieldPath, str]]:
    """Problems that relate parts of the outline: duplicate ids, dangling references, depth."""
    problems: list[tuple[FieldPath, str]] = []
    known_sources = [source.id for source in outline.sources]

    def check_ids(items: list[tuple[FieldPath, str]], what: str) -> None:
        seen: dict[str, FieldPath] = {}
        for path, ident in items:
            if ident in seen:
                problems.append((path, f"duplicate {what} id '{ident}' (already used at {dotted_path(seen[ident])})"))
            else:
                seen[ident] = path

    def check_sources(path: FieldPath, refs: list[str]) -> None:
        for index, ref in enumerate(refs):
            if ref not in known_sources:
                known = ", ".join(known_sources) or "none defined"
                where = path if len(refs) == 1 else (*path, index)
                problems.append((where, f"unknown source '{ref}' (known: {known})"))

    check_ids([(("sections", i, "id"), s.id) for i, s in enumerate(outline.sections)], "section")
    check_ids(
        [
            (("sections", i, "figures", j, "id"), f.id)
            for i, s in enumerate(outline.sections)
            for j, f in enumerate(s.figures)
        ],
        "figure",
    )
    check_ids([(("sources", i, "id"), s.id) for i, s in enumerate(outline.sources)], "source")
    for i, section in enumerate(outline.sections):
        for path, point, depth in _points(section.points, ("sections", i, "points"), 1):
            if depth > MAX_POINT_DEPTH:
                problems.append((path, f"points nest at most {MAX_POINT_DEPTH} levels deep"))
            check_sources((*path, "source"), point.source)
        for j, figure in enumerate(section.figures):
            check_sources(("sections", i, "figures", j, "source"), figure.source)
    return problems
