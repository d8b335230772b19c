"""The closed vocabularies of a document, each written once.

The outline model, the Markdown reader, the slide plan and both renderers use
these enums, so a kind added here without a renderer fails
``tests/document/test_coverage.py``. Their values are the words users write
(in outlines and in the templates' Markdown), so YAML input is unchanged.
"""

from __future__ import annotations

from enum import StrEnum


class ChartKind(StrEnum):
    """The chart figures an outline may hold (``type:`` of a chart figure)."""

    BAR = "bar"
    LINE = "line"
    PIE = "pie"


class FigureKind(StrEnum):
    """The figures that are not charts (``type:`` of a table or image figure)."""

    TABLE = "table"
    IMAGE = "image"


class ContainerKind(StrEnum):
    """The fenced ``::: kind`` blocks of the dialect (docs/dialect.md)."""

    COVER = "cover"
    MASTHEAD = "masthead"
    TOC = "toc"
    BOX = "box"
    LEAD = "lead"
    NOTES = "notes"
    COLUMNS = "columns"
    COLUMN = "column"


class Layout(StrEnum):
    """Slide layouts, chosen by ``{layout=...}`` on a slide's first heading (docs/dialect.md)."""

    TITLE = "title"
    AGENDA = "agenda"
    SECTION = "section"
    BULLETS = "bullets"
    TWO_COLUMN = "two-column"
    CHART = "chart"
    TABLE = "table"
    QUOTE = "quote"
    IMAGE = "image"
    SUMMARY = "summary"
    SOURCES = "sources"
    RECOMMENDATIONS = "recommendations"
    """Numbered actions; drawn on the bullets layout unless the master has its own."""
    CLOSING = "closing"


class HeadingAttr(StrEnum):
    """The attributes a heading may carry in ``{...}``."""

    LAYOUT = "layout"
    SECTION = "section"
    """The outline section the slide belongs to (its id): the slides that share the section's minutes."""
    MINUTES = "minutes"
    """The section's minutes of the talk (a positive number), on any one of its slides."""
