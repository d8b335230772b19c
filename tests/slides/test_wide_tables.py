"""Deck tables too wide for a slide at 14 pt: slices of columns on slides side by side, or a refusal."""

from __future__ import annotations

import pytest

from reportgen.document.model import Table
from reportgen.errors import Location, RenderError
from reportgen.slides.figures import TABLE_FLOOR, TABLE_MIN, Grid, plan_table
from reportgen.slides.units import Box, Inches


def wide(columns: int) -> Table:
    return Table(
        id="wide", number=1, title="Quarterly values", caption="", source="",
        columns=tuple(f"Q{i + 1}" for i in range(columns)),
        rows=tuple(tuple(str((i + r) * 7 % 100) for i in range(columns)) for r in range(6)),
        location=Location("outline.yaml", 44, 18),
    )


BOX = Box(Inches(0.77), Inches(1.5), Inches(11.8), Inches(5))


def test_thirty_columns_continue_on_a_slide_to_the_right_at_the_minimum_size() -> None:
    table = wide(30)
    plans = plan_table(Grid.of_table(table), BOX, "", table)
    assert len(plans) == 2 and [len(p.columns) for p in plans] == [16, 15]
    assert all(TABLE_FLOOR == TABLE_MIN <= p.font_size for p in plans)
    assert all(sum(p.columns) <= BOX.w for p in plans)
    headers = [[cell.runs[0].text for cell in p.rows[0]] for p in plans]
    assert all(h[0] == "Q1" for h in headers)  # the row labels lead every slice
    assert [h for part in headers for h in part[1:]] == [f"Q{i + 2}" for i in range(29)]


def test_a_table_wider_than_four_slides_is_refused_with_the_outline_line() -> None:
    table = wide(200)
    with pytest.raises(RenderError) as caught:
        plan_table(Grid.of_table(table), BOX, "", table)
    assert caught.value.one_line() == (
        "outline.yaml:44:18: figures.wide: the table has 200 columns, more than 4 slides side by side hold in 14 pt type "
        "(split the table into tables of at most 69 columns)"
    )
