"""Model rules that need no YAML: point nesting, chart shapes, references (read from the plain data)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reportgen.outline.model import ChartFigure, Outline, Point
from reportgen.outline.references import cross_reference_problems


def data_with(points=None, figures=None, sources=None) -> dict:
    return {
        "meta": {"title": "T"},
        "summary": ["s"],
        "sections": [{"id": "a", "title": "A", "points": points or [], "figures": figures or []}],
        "sources": sources or [],
    }


def outline_with(**parts) -> Outline:
    return Outline.model_validate(data_with(**parts))


def test_string_points_become_points():
    point = Point.model_validate("plain")
    assert point.text == "plain" and point.points == []


def test_four_levels_of_points_are_refused():
    deep = [{"text": "1", "points": [{"text": "2", "points": [{"text": "3", "points": ["4"]}]}]}]
    problems = cross_reference_problems(data_with(points=deep))
    assert problems and "at most 3 levels" in problems[0][1]
    assert problems[0][0] == ("sections", 0, "points", 0, "points", 0, "points", 0, "points", 0)


def test_three_levels_are_fine():
    deep = [{"text": "1", "points": [{"text": "2", "points": ["3"]}]}]
    assert cross_reference_problems(data_with(points=deep)) == []


def test_pie_refuses_negative_values():
    with pytest.raises(ValidationError, match="negative"):
        ChartFigure.model_validate(
            {"id": "p", "type": "pie", "title": "P", "categories": ["a", "b"], "series": [{"name": "s", "values": [1, -1]}]}
        )


def test_figure_source_list_is_checked():
    figure = {"id": "t", "type": "table", "title": "T", "columns": ["a"], "rows": [["1"]], "source": ["x", "y"]}
    problems = cross_reference_problems(data_with(figures=[figure], sources=[{"id": "x", "title": "X"}]))
    assert problems == [(("sections", 0, "figures", 0, "source", 1), "unknown source 'y' (known: x)")]


def test_table_rows_must_match_columns():
    with pytest.raises(ValidationError, match="row 0 has 1 cells but there are 2 columns"):
        outline_with(figures=[{"id": "t", "type": "table", "title": "T", "columns": ["a", "b"], "rows": [["1"]]}])


def test_references_are_checked_where_the_model_rejects_other_parts():
    data = data_with(points=[{"text": "p", "source": "nope", "typo": 1}], sources=[{"id": "x"}])
    assert cross_reference_problems(data) == [(("sections", 0, "points", 0, "source"), "unknown source 'nope' (known: x)")]


def test_references_skip_values_the_model_reports():
    data = data_with(points=[{"text": "p", "source": {"a": "b"}}, {"text": "q", "source": "not an id"}])
    data["sections"].append({"id": ["a"]})
    assert cross_reference_problems(data) == []


def test_ids_are_compared_as_the_model_reads_them():
    data = data_with()
    data["sections"].append({"id": " a ", "title": "B"})
    assert cross_reference_problems(data) == [(("sections", 1, "id"), "duplicate section id 'a' (already used at sections[0].id)")]
