"""Chart figures -> vector drawings (reportlab.graphics), in the theme's chart colours.

The look is the quiet one of policy publications: no chart border, no
vertical axis line, hairline horizontal gridlines, the unit written above the
value axis, value labels on bars, a legend row on top when there is more than
one series. The figure's number, title, caption and source are set around the
drawing by :mod:`reportgen.render.pdf.figures`, not drawn inside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.document.figures import axis_title, number_format
from reportgen.document.model import Chart
from reportgen.document.vocab import ChartKind
from reportgen.errors import RenderError
from reportgen.render.pdf.strings import drawn, label
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.units import Pt

LABEL_SIZE = Pt(8)
ROW = Pt(16)
"""Height of the legend row and of the unit row above the plot."""


def chart_drawing(chart: Chart, styles: Styles, width: float, height: float | None = None) -> Drawing:
    """The drawing for *chart*, *width* points wide and *height* high (the brief's: half as high as wide, at most 250 pt)."""
    if not chart.series or not chart.categories:
        raise RenderError(f"chart '{chart.id}' has no data to draw", field=f"figures.{chart.id}")
    height = Pt(min(width * 0.5, 250)) if height is None else height
    drawing = Drawing(width, height)
    if chart.kind == ChartKind.PIE:
        _pie(drawing, chart, styles, width, height)
    else:
        _xy_chart(drawing, chart, styles, width, height)
    return drawing


def _data(chart: Chart) -> list[list[float | None]]:
    count = len(chart.categories)
    return [[*s.values[:count], *([None] * (count - len(s.values)))] for s in chart.series]


def _legend(drawing: Drawing, names: Sequence[str], styles: Styles, x0: float, top: float, width: float) -> float:
    """Draws one swatch + name per series, wrapping rows; returns the height used."""
    font, colours = styles.fonts.body, styles.colours.chart
    x, y = x0, top - LABEL_SIZE
    for index, name in enumerate(names):
        text = name
        item = 12 + stringWidth(text, font, LABEL_SIZE)
        if x > x0 and x + item > x0 + width:
            x, y = x0, y - (LABEL_SIZE + 6)
        drawing.add(Rect(x, y - 0.5, 8, 8, fillColor=colours[index % len(colours)], strokeColor=None))
        _add_all(drawing, label(x + 12, y, text, font, LABEL_SIZE, styles.colours.text))
        x += item + 18
    return top - y + 8


def _xy_chart(drawing: Drawing, chart: Chart, styles: Styles, width: float, height: float) -> None:
    c, font = styles.colours, styles.fonts.body
    data = _data(chart)
    values = [v for row in data for v in row if v is not None]
    if not values:
        raise RenderError(f"chart '{chart.id}' has no values", field=f"figures.{chart.id}")
    top = height
    if len(chart.series) > 1:
        top -= _legend(drawing, [s.name for s in chart.series], styles, 0, top, width)
    fmt = number_format(chart, values)
    unit = axis_title(chart) if chart.unit else (chart.series[0].name if len(chart.series) == 1 else "")
    if unit:
        _add_all(drawing, label(0, top - LABEL_SIZE, unit, font, LABEL_SIZE, c.muted))
        top -= ROW
    top -= 10  # room for the value label over the tallest bar

    categories = list(chart.categories)
    widest_value = max(stringWidth(fmt.axis_text(v * 1.25), font, LABEL_SIZE) for v in values)
    left = widest_value + 8
    plot_width = width - left - 4
    slot = plot_width / len(categories)
    widest_category = max(stringWidth(name, font, LABEL_SIZE + 0.5) for name in categories)
    slanted = widest_category > slot - 4
    bottom = (widest_category * 0.5 + 14) if slanted else Pt(20)

    plot = VerticalBarChart() if chart.kind == ChartKind.BAR else HorizontalLineChart()
    plot.x, plot.y, plot.width, plot.height = left, bottom, plot_width, max(top - bottom, 40)
    plot.data = data

    axis = plot.valueAxis
    axis.valueMin = min(0.0, min(values))
    axis.forceZero = 1
    axis.rangeRound = "ceiling"
    axis.visibleAxis = 0
    axis.visibleTicks = 0
    axis.visibleGrid = 1
    axis.gridStrokeColor = c.rule
    axis.gridStrokeWidth = 0.5
    axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = font, LABEL_SIZE, c.muted
    axis.labels.dx = -2
    axis.labelTextFormat = fmt.axis_text

    cats = plot.categoryAxis
    # reportlab's labels re-split their text into plain strings: the glyphs stay shaped and in visual
    # order, HarfBuzz's mark offsets and the ActualText are lost
    cats.categoryNames = [drawn(name, font, LABEL_SIZE + 0.5) for name in categories]
    cats.strokeColor, cats.strokeWidth = c.text, 0.8
    cats.visibleTicks = 0
    cats.labels.fontName, cats.labels.fontSize, cats.labels.fillColor = font, LABEL_SIZE + 0.5, c.text
    cats.labels.dy = -5
    if slanted:
        cats.labels.angle, cats.labels.boxAnchor = 30, "ne"

    palette = c.chart
    if isinstance(plot, VerticalBarChart):
        plot.bars.strokeColor = None
        for index in range(len(data)):
            plot.bars[index].fillColor = palette[index % len(palette)]
        plot.groupSpacing = Pt(max(8, slot * 0.3))
        plot.barSpacing = Pt(2)
        plot.barLabelFormat = fmt.text
        plot.barLabels.fontName, plot.barLabels.fontSize = font, LABEL_SIZE
        plot.barLabels.fillColor = c.text
        plot.barLabels.nudge = 7
    else:
        plot.joinedLines = 1
        for index in range(len(data)):
            colour = palette[index % len(palette)]
            plot.lines[index].strokeColor = colour
            plot.lines[index].strokeWidth = 2
            plot.lines[index].symbol = makeMarker("FilledCircle", size=4.5, fillColor=colour, strokeColor=c.white)
    drawing.add(plot)


def _pie(drawing: Drawing, chart: Chart, styles: Styles, width: float, height: float) -> None:
    c, font = styles.colours, styles.fonts.body
    values = [max(0.0, v or 0.0) for v in _data(chart)[0]]
    total = sum(values)
    if total <= 0:
        raise RenderError(f"pie chart '{chart.id}' needs positive values", field=f"figures.{chart.id}")
    fmt = number_format(chart, values)
    size = min(height - 24, width * 0.4)
    pie = Pie()
    pie.x, pie.y = 0, (height - size) / 2
    pie.width = pie.height = size
    pie.data = values
    pie.startAngle, pie.direction = 90, "clockwise"
    pie.simpleLabels = 1
    pie.labels = None
    pie.slices.strokeColor, pie.slices.strokeWidth = c.white, 1.2
    for index in range(len(values)):
        pie.slices[index].fillColor = c.chart[index % len(c.chart)]
    # Every category in a legend beside the pie, zero slices included: nothing is left unlabelled.
    labels = [f"{name}: {fmt.text(v)} ({v / total:.0%})" for name, v in zip(chart.categories, values, strict=True)]
    legend_x = size + 24
    _add_all(drawing, label(legend_x, height - LABEL_SIZE - 2, chart.series[0].name, styles.fonts.bold, LABEL_SIZE, c.text))
    _legend(drawing, labels, styles, legend_x, height - LABEL_SIZE - 10, 1.0)
    drawing.add(pie)
    if axis_title(chart):
        _add_all(drawing, label(0, height - LABEL_SIZE, axis_title(chart), font, LABEL_SIZE, c.muted))


def _add_all(drawing: Drawing, nodes: Sequence[String]) -> None:
    for node in nodes:
        drawing.add(node)
