"""Charts -> vector drawings in theme colours, with value labels and legends."""

from __future__ import annotations

import pytest
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String

from reportgen.document.model import Chart, Series
from reportgen.errors import RenderError
from reportgen.render.pdf.charts import chart_drawing
from reportgen.render.pdf.styles import Styles
from reportgen.theme import Theme
from reportgen.theme.model import Colours

STYLES = Styles.from_theme(Theme(colours=Colours(chart=["#102030", "#405060"])))
CATEGORIES = ("FY2022", "FY2023", "FY2024")


def chart(kind: str, *series: Series, unit: str = "") -> Chart:
    return Chart("c", kind, 1, "T", "", CATEGORIES, series, "", unit=unit)


def strings(drawing: Drawing) -> list[str]:
    return [node.text for node in drawing.contents if isinstance(node, String)]


def plot(drawing: Drawing, kind: type) -> object:
    return next(node for node in drawing.contents if isinstance(node, kind))


def test_bar_chart_has_value_labels_unit_and_theme_colours() -> None:
    drawing = chart_drawing(chart("bar", Series("Budget", (5.4, 6.8, 7.9)), unit="trillion yen"), STYLES, 400)
    bars = plot(drawing, VerticalBarChart)
    assert drawing.width == 400
    assert bars.barLabelFormat(6.8) == "6.8"
    assert bars.bars[0].fillColor.hexval() == "0x102030"
    assert bars.categoryAxis.categoryNames == list(CATEGORIES)
    assert bars.valueAxis.valueMin == 0
    assert "trillion yen" in strings(drawing)


def test_legend_only_with_more_than_one_series() -> None:
    two = chart_drawing(chart("bar", Series("Japan", (1, 2, 3)), Series("Korea", (2, 3, 4))), STYLES, 400)
    assert {"Japan", "Korea"} <= set(strings(two))
    assert plot(two, VerticalBarChart).bars[1].fillColor.hexval() == "0x405060"
    one = chart_drawing(chart("bar", Series("Japan", (1, 2, 3))), STYLES, 400)
    assert strings(one) == ["Japan"]  # the single series names the value axis instead


def test_line_chart() -> None:
    drawing = chart_drawing(chart("line", Series("A", (1, 2)), Series("B", (2, 1, 3))), STYLES, 400)
    lines = plot(drawing, HorizontalLineChart)
    assert lines.data[0] == [1, 2, None]  # short series are padded
    assert lines.lines[1].strokeColor.hexval() == "0x405060"


def test_pie_chart_legend_names_every_slice_with_its_share() -> None:
    drawing = chart_drawing(chart("pie", Series("Share", (50, 50, 0))), STYLES, 400)
    texts = [item.text for item in drawing.contents if hasattr(item, "text")]
    assert texts == ["Share", "FY2022: 50 (50%)", "FY2023: 50 (50%)", "FY2024: 0 (0%)"]
    assert plot(drawing, Pie).labels is None


def test_charts_without_data_are_render_errors() -> None:
    with pytest.raises(RenderError):
        chart_drawing(chart("bar"), STYLES, 400)
    with pytest.raises(RenderError):
        chart_drawing(chart("pie", Series("S", (0, 0, 0))), STYLES, 400)


def test_a_percentage_chart_shows_the_sign_on_its_numbers_as_the_deck_does() -> None:
    drawing = chart_drawing(chart("bar", Series("Share", (12.5, 30.0, 57.5)), unit="%"), STYLES, 400)
    bars = plot(drawing, VerticalBarChart)
    assert bars.barLabelFormat(30.0) == "30.0%"
    assert bars.valueAxis.labelTextFormat(25.0) == "25%"
    assert "%" not in strings(drawing)  # no unit row: the numbers carry it
