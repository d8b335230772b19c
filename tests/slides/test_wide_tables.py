"""Deck tables too wide for a slide at the usual sizes: smaller type in equal columns, or a refusal."""

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


def test_thirty_columns_are_set_smaller_with_no_word_broken() -> None:
    table = wide(30)
    plans = plan_table(Grid.of_table(table), BOX, "", table)
    assert len(plans) == 1 and len(plans[0].columns) == 30
    assert TABLE_FLOOR <= plans[0].font_size < TABLE_MIN
    assert sum(plans[0].columns) <= BOX.w


def test_two_hundred_columns_are_refused_with_the_outline_line() -> None:
    table = wide(200)
    with pytest.raises(RenderError) as caught:
        plan_table(Grid.of_table(table), BOX, "", table)
    assert caught.value.one_line() == (
        "outline.yaml:44:18: figures.wide: the table has 200 columns, more than fit a slide, even in 8 pt type "
        "(split the table into tables of at most 30 columns)"
    )
