"""The outline model: what a user may write in an outline YAML file.

Field-level rules live on the models (pydantic); rules that relate one part
of the outline to another (unique ids, references) are in
:mod:`reportgen.outline.references`. The field descriptions here are what
``reportgen schema`` (and so an editor) shows.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PrivateAttr,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from reportgen.document.vocab import ChartKind, FigureKind
from reportgen.errors import FieldText, Location, dotted_path
from reportgen.links import link_problem, links_in
from reportgen.outline.extra import Extra
from reportgen.yamlfile import Positions, position_of

MAX_POINT_DEPTH = 3
SLUG_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
"""An id: letters, digits, '-' and '_', starting with a letter or digit."""


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
"""A link target: http, https, mailto or an #anchor."""
Slug = Annotated[
    str,
    BeforeValidator(_as_text),
    StringConstraints(strip_whitespace=True, pattern=SLUG_PATTERN),
    Field(json_schema_extra={"pattern": SLUG_PATTERN}),  # pydantic's schema drops a pattern behind a BeforeValidator
]
SourceRef = Annotated[
    list[Slug],
    BeforeValidator(lambda v: [v] if isinstance(v, str) else v, json_schema_input_type=Slug | list[Slug]),
    Field(description="The id of a source in 'sources', or a list of them."),
]


class Strict(BaseModel):
    """A model that rejects unknown keys (each one reported, with the closest known key, by the loader)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


LANGUAGE_TAG = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}"  # language, extended language subtags
    r"(-[A-Za-z]{4})?"  # script
    r"(-([A-Za-z]{2}|[0-9]{3}))?"  # region
    r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"  # variants
    r"(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*"  # extensions
    r"(-[Xx](-[A-Za-z0-9]{1,8})+)?$"  # private use
)
"""A well-formed BCP 47 language tag (RFC 5646's syntax, with language subtags of two or three letters)."""


class Meta(Strict):
    """The document's details: the cover, the title slide, running heads and file properties."""

    title: NonEmptyText = Field(description="The title on the cover and the title slide.")
    subtitle: Text = Field("", description="A line under the title.")
    author: Text = Field("", description="Who wrote it; also the files' author property.")
    organization: Text = Field("", description="The organisation the author writes for.")
    date: dt.date | None = Field(None, description="The date of the document, written YYYY-MM-DD.")
    marking: Text = Field("", description="A handling or classification marking, repeated on every page and slide.")
    language: Annotated[str, StringConstraints(strip_whitespace=True, pattern=LANGUAGE_TAG)] = Field(
        "en",
        description="A BCP 47 language tag (en, ja, ja-JP, zh-Hant): the words, fonts, line breaking and dates follow it.",
    )
    keywords: list[NonEmptyText] = Field(default_factory=list, description="Keywords for the files' properties.")
    duration: float | None = Field(
        None, gt=0, allow_inf_nan=False, description="Minutes for the whole talk; the slides share them (see a section's 'minutes')."
    )
    extra: Extra


class Point(Strict):
    """One bullet: text, optional sub-points and an optional source reference. Plain text is a point too."""

    text: NonEmptyText = Field(description="The point, with inline Markdown (**bold**, *italic*, links).")
    points: list[Point] = Field(default_factory=list, description="Sub-points; points nest at most three levels.")
    source: SourceRef = Field(default_factory=list)
    extra: Extra

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if isinstance(data, (str, int, float)) and not isinstance(data, bool):
            return {"text": _as_text(data)}
        return data

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        """In the JSON Schema too, a point may be written as plain text."""
        mapping = handler.resolve_ref_schema(handler(schema))
        return {"description": mapping.get("description"), "anyOf": [{"type": "string", "minLength": 1}, mapping]}


class FigureBase(Strict):
    id: Slug = Field(description="A short name, unique among the figures, that templates and text can refer to.")
    title: NonEmptyText = Field(description="The figure's title.")
    caption: Text = Field("", description="A sentence under the figure.")
    source: SourceRef = Field(default_factory=list)
    notes: Text = Field("", description="What the presenter says on the figure's slide (its speaker notes).")
    extra: Extra


def _finite(values: list[float]) -> list[float]:
    for value in values:
        if not math.isfinite(value):
            raise PydanticCustomError("not_finite", "values must be finite numbers, got {value}", {"value": value})
    return values


class Series(Strict):
    """One row of numbers in a chart: one value per category."""

    name: NonEmptyText = Field(description="The series' name, shown in the legend.")
    values: Annotated[list[float], Field(min_length=1, description="One number per category.")]

    _check_finite = field_validator("values")(lambda cls, v: _finite(v))


class ChartFigure(FigureBase):
    """A bar, line or pie chart."""

    type: Literal[ChartKind.BAR, ChartKind.LINE, ChartKind.PIE]
    categories: Annotated[list[NonEmptyText], Field(min_length=1, description="The labels along the axis (a pie's slices).")]
    series: Annotated[list[Series], Field(min_length=1, description="The numbers; a pie chart takes exactly one series.")]
    unit: Text = Field("", description="The values' unit, shown on the axis (%, USD bn).")

    @model_validator(mode="after")
    def _shape(self) -> ChartFigure:
        for index, series in enumerate(self.series):
            if len(series.values) != len(self.categories):
                raise PydanticCustomError(
                    "series_length",
                    "series '{name}' has {n} values but there are {m} categories",
                    {"name": series.name, "n": len(series.values), "m": len(self.categories), "index": index},
                )
            if self.type == ChartKind.PIE and any(v < 0 for v in series.values):
                raise PydanticCustomError(
                    "pie_negative",
                    "a pie chart cannot show negative values (series '{name}')",
                    {"name": series.name, "index": index},
                )
        if self.type == ChartKind.PIE and len(self.series) != 1:
            raise PydanticCustomError("pie_series", "a pie chart takes exactly one series", {})
        return self


class TableRow(Strict):
    """One row of a table: its cells, and the source of what it says. A plain list of cells is a row too."""

    cells: list[Text] = Field(description="One cell per column.")
    source: SourceRef = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, data: Any) -> Any:
        return {"cells": data} if isinstance(data, list) else data

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        """In the JSON Schema too, a row may be written as a plain list of cells."""
        mapping = handler.resolve_ref_schema(handler(schema))
        return {"description": mapping.get("description"), "anyOf": [{"type": "array", "items": {"type": "string"}}, mapping]}


class TableFigure(FigureBase):
    """A table of text."""

    type: Literal[FigureKind.TABLE]
    columns: Annotated[list[NonEmptyText], Field(min_length=1, description="The column headings.")]
    rows: Annotated[
        list[TableRow],
        Field(min_length=1, description="The rows: each a list of one cell per column, or {cells: [...], source: id}."),
    ]

    @model_validator(mode="after")
    def _shape(self) -> TableFigure:
        for index, row in enumerate(self.rows):
            if len(row.cells) != len(self.columns):
                raise PydanticCustomError(
                    "row_length",
                    "row {index} has {n} cells but there are {m} columns",
                    {"index": index, "n": len(row.cells), "m": len(self.columns)},
                )
        return self


class ImageFigure(FigureBase):
    """A PNG, JPEG or GIF picture beside the outline."""

    type: Literal[FigureKind.IMAGE]
    path: NonEmptyText = Field(description="The image file, relative to the outline's folder (and inside it).")
    alt: Text = Field("", description="What the image shows, for readers who cannot see it.")


Figure = Annotated[ChartFigure | TableFigure | ImageFigure, Field(discriminator="type")]


class Section(Strict):
    """One section of the brief: a heading, a lead, points and figures; one or more slides of the deck."""

    id: Slug = Field(description="A short name, unique among the sections (letters, digits, '-' and '_').")
    title: NonEmptyText = Field(description="The section's heading and slide title.")
    lead: Text = Field("", description="The section's takeaway in one sentence.")
    points: list[Point] = Field(default_factory=list, description="The section's points.")
    notes: Text = Field("", description="What the presenter says: the slides' speaker notes.")
    figures: list[Figure] = Field(default_factory=list, description="Charts, tables and images.")
    minutes: float | None = Field(
        None, gt=0, allow_inf_nan=False, description="Minutes of the talk for this section's slides, out of meta.duration."
    )
    extra: Extra


class Source(Strict):
    """A work the points, figures and table rows cite by its id."""

    id: Slug
    title: NonEmptyText
    author: Text = ""
    publisher: Text = ""
    date: Text = Field("", description="When it was published, as it should be printed (2023-12-22, December 2023).")
    url: Url = ""
    pages: Text = Field("", description="Where in the work: pages (pp. 12-14), a chapter or another locator.")
    short: Text = Field("", description="The short form on slides (Kyodo News 2023); default: publisher or author, and year.")
    extra: Extra


Priority = Literal["high", "medium", "low"]


class Recommendation(Strict):
    """One thing the reader should do: the brief's closing part and the deck's recommendations slide."""

    text: NonEmptyText = Field(description="The recommendation, with inline Markdown.")
    owner: Text = Field("", description="Who should act on it.")
    by: dt.date | None = Field(None, description="When by, written YYYY-MM-DD.")
    priority: Priority | None = Field(None, description="high, medium or low.")
    extra: Extra

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        return {"text": _as_text(data)} if isinstance(data, (str, int, float)) and not isinstance(data, bool) else data


class Outline(Strict):
    """An analytical essay's outline: what reportgen turns into a PDF brief and a PowerPoint deck."""

    meta: Meta
    summary: Annotated[
        list[NonEmptyText], Field(min_length=1, max_length=6, description="The bottom line up front: one to six judgments.")
    ]
    sections: Annotated[list[Section], Field(min_length=1, description="The body, in reading order.")]
    sources: list[Source] = Field(default_factory=list, description="The works cited.")
    glossary: dict[NonEmptyText, NonEmptyText] = Field(default_factory=dict, description="Terms and what they mean.")
    summary_notes: Text = Field("", description="What the presenter says on the bottom-line slide.")
    recommendations: list[Recommendation] = Field(
        default_factory=list, description="What to do: a numbered part after the last section, and the deck's recommendations slide."
    )
    recommendations_notes: Text = Field("", description="What the presenter says on the recommendations slide.")
    _read_from: tuple[Path, Positions] | None = PrivateAttr(default=None)
    """The file the loader read and the position of each value in it (for errors found after loading)."""

    def located(self, path: Path, positions: Positions) -> Outline:
        """This outline, knowing it was read from *path* with values at *positions*."""
        self._read_from = (path, positions)
        return self

    def location_of(self, where: tuple[str | int, ...]) -> Location | None:
        """Where the value at *where* (``("sections", 1, "figures", 0)``) is in the file; None if not read from one."""
        return None if self._read_from is None else position_of(*self._read_from, where)

    def figures(self) -> Iterator[tuple[tuple[str | int, ...], Any]]:
        """Every figure with its place in the outline (``("sections", 1, "figures", 0)``), in reading order."""
        for s, section in enumerate(self.sections):
            for f, figure in enumerate(section.figures):
                yield ("sections", s, "figures", f), figure

    def source_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    def texts(self) -> Iterator[FieldText]:
        """Every text value with its field path and its place in the file, glossary terms included."""
        for at, text in _texts(self, ()):
            yield FieldText(dotted_path(at), text, partial(self.location_of, at))


def _texts(value: Any, at: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*at, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*at, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield (*at, key), str(key)
            yield from _texts(item, (*at, key))
