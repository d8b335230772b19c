"""Write figures: native charts (python-pptx), native tables (our XML), pictures."""

from __future__ import annotations

import datetime as dt
import io

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.util import Pt

from reportgen.document.figures import axis_title, number_format
from reportgen.document.vocab import ChartKind
from reportgen.render.pptx import _internals
from reportgen.render.pptx.figure_colours import FigureColours, Paint, paint_runs
from reportgen.render.pptx.package import normalize_zip
from reportgen.render.pptx.shapes import ShapeTree, table_cell
from reportgen.render.pptx.text import Style, fill
from reportgen.render.pptx.xml import qn
from reportgen.slides.figures import CELL_BOTTOM, CELL_TOP, CELL_X
from reportgen.slides.model import ChartPlan, Frame, ImagePlan, Para, Picture, TablePlan
from reportgen.theme import Theme

_KINDS = {ChartKind.BAR: XL_CHART_TYPE.COLUMN_CLUSTERED, ChartKind.LINE: XL_CHART_TYPE.LINE_MARKERS, ChartKind.PIE: XL_CHART_TYPE.PIE}
_LABEL_POSITIONS = {ChartKind.BAR: XL_LABEL_POSITION.OUTSIDE_END, ChartKind.LINE: XL_LABEL_POSITION.ABOVE, ChartKind.PIE: XL_LABEL_POSITION.OUTSIDE_END}


def _unsigned_axis_ids(chart) -> None:
    """Axis ids as the schema's unsigned ints: python-pptx's chart templates write negative ones
    (-2068027336), which PowerPoint reads but a schema validator rejects. The same 32 bits, read unsigned,
    keep every id distinct and every ``c:crossAx`` pointing at its axis."""
    for el in _internals.chart_space(chart).iter(qn("c:axId"), qn("c:crossAx")):
        el.set("val", str(int(el.get("val")) & 0xFFFFFFFF))


def set_alt_text(shape, text: str) -> None:
    _internals.element(shape).xpath("./*[1]/p:cNvPr")[0].set("descr", text)


class _ChartData(CategoryChartData):
    """Chart data whose embedded workbook is built once per content and carries no clock time."""

    def __init__(self, number_format: str, when: dt.datetime, key: tuple) -> None:
        super().__init__(number_format=number_format)
        self._when = when
        self._key = key

    @property
    def xlsx_blob(self) -> bytes:
        return _workbook(self._key, self.number_format, self._when, lambda: super(_ChartData, self).xlsx_blob)


_WORKBOOKS: dict = {}


def _workbook(key, fmt: str, when: dt.datetime, make) -> bytes:
    cache_key = (repr(key), fmt, when)
    if cache_key not in _WORKBOOKS:
        if len(_WORKBOOKS) > 256:
            _WORKBOOKS.clear()
        _WORKBOOKS[cache_key] = normalize_zip(make(), when)
    return _WORKBOOKS[cache_key]


def add_chart(slide, plan: ChartPlan, theme: Theme, style: Style, when: dt.datetime, alt: str, *, corporate: bool = False) -> None:
    """A native chart; on a *corporate* master in the master's theme colours where the set names none (:mod:`figure_colours`)."""
    paints = FigureColours.of(theme, corporate)
    chart_model = plan.chart
    fmt = number_format(chart_model).excel
    key = (plan.categories, tuple((s.name, s.values) for s in chart_model.series))
    data = _ChartData(fmt, when, key)
    data.categories = list(plan.categories)
    for series in chart_model.series:
        data.add_series(series.name, list(series.values))
    box = plan.box
    frame = slide.shapes.add_chart(_KINDS[chart_model.kind], box.x, box.y, box.w, box.h, data)
    frame.name = f"Chart {chart_model.number}" if chart_model.number else "Chart"
    set_alt_text(frame, alt)
    chart = frame.chart
    chart.has_title = False
    chart.font.size = Pt(plan.font_size.pt)
    if "latin" not in style.inherits:  # a corporate master's chart text is in its own theme face
        chart.font.name = style.latin
    if paints.text is not None:
        paints.text.apply(chart.font.color)
    for rpr in _internals.chart_space(chart).xpath("./c:txPr//a:defRPr") if style.east_asian else ():
        etree.SubElement(rpr, qn("a:ea"), typeface=style.east_asian)
    chart.has_legend = plan.legend
    if plan.legend:
        chart.legend.position = XL_LEGEND_POSITION.RIGHT if chart_model.kind == ChartKind.PIE else XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    colours = paints.series
    plot = chart.plots[0]
    if chart_model.kind == ChartKind.PIE:
        for i, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            colours[i % len(colours)].apply(point.format.fill.fore_color)
    else:
        _axes(chart, plan, paints, fmt, axis_title(chart_model))
        _unsigned_axis_ids(chart)
        for i, series in enumerate(plot.series):
            colour = colours[i % len(colours)]
            if chart_model.kind == ChartKind.LINE:
                colour.apply(series.format.line.color)
                series.format.line.width = Pt(2.25)
                series.smooth = False
                series.marker.style = XL_MARKER_STYLE.CIRCLE
                series.marker.size = 6
                series.marker.format.fill.solid()
                colour.apply(series.marker.format.fill.fore_color)
                colour.apply(series.marker.format.line.color)
            else:
                series.format.fill.solid()
                colour.apply(series.format.fill.fore_color)
        if chart_model.kind == ChartKind.BAR:
            plot.gap_width = 60
            plot.overlap = -10 if len(plot.series) > 1 else 0
            plot.vary_by_categories = False
    if plan.data_labels:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = fmt
        labels.number_format_is_linked = False
        labels.font.size = Pt(plan.font_size.pt)
        if paints.text is not None:
            paints.text.apply(labels.font.color)
        labels.position = _LABEL_POSITIONS[chart_model.kind]


def _axes(chart, plan: ChartPlan, paints: FigureColours, fmt: str, title: str) -> None:
    category, value = chart.category_axis, chart.value_axis
    category.tick_labels.font.size = Pt(plan.font_size.pt)
    paints.axis_line.apply(category.format.line.color)
    category.has_major_gridlines = False
    if plan.label_rotation:
        txpr = _internals.element(category).find(qn("c:txPr"))
        txpr.find(qn("a:bodyPr")).set("rot", str(plan.label_rotation * 60000))
        txpr.find(qn("a:bodyPr")).set("vert", "horz")
    value.has_major_gridlines = True
    paints.gridline.apply(value.major_gridlines.format.line.color)
    value.major_gridlines.format.line.width = Pt(0.75)
    value.format.line.fill.background()
    value.tick_labels.number_format = fmt
    value.tick_labels.number_format_is_linked = False
    value.tick_labels.font.size = Pt(plan.font_size.pt)
    if paints.muted is not None:
        paints.muted.apply(value.tick_labels.font.color)
    if title:
        value.has_title = True
        frame = value.axis_title.text_frame
        frame.text = title
        run = frame.paragraphs[0].runs[0]
        run.font.size = Pt(plan.font_size.pt)
        run.font.bold = False
        if paints.muted is not None:
            paints.muted.apply(run.font.color)


def add_table(tree: ShapeTree, part, plan: TablePlan, theme: Theme, style: Style, *, corporate: bool = False) -> None:
    """A native table; on a *corporate* master its header, stripes, rules and text in the master's theme
    colours where the set names none (:mod:`figure_colours`)."""
    paints = FigureColours.of(theme, corporate)
    _, rows = tree.table(plan.box, plan.columns, plan.row_heights, "Table", plan.alt)
    for i, (tr, row) in enumerate(zip(rows, plan.rows, strict=True)):
        striped = i > 0 and (i - 1 + plan.first_stripe) % 2 == 1
        for cell in row:
            cell_fill = paints.header_fill if cell.header else (paints.stripe if striped else paints.cell_fill)
            body = table_cell(tr, (CELL_X, CELL_TOP, CELL_BOTTOM), cell_fill, paints.rule)
            colour = style.header_text if cell.header else style.text
            fill(body, Frame("text", plan.box, (Para(cell.runs, plan.font_size),)), style, part, colour=colour, body=False)
            if paints.corporate:  # a table's text has no master style to inherit: name the scheme colour
                paint_runs(body, paints.header_text if cell.header else (paints.text or Paint(scheme="tx1")))


def add_logo(slide, picture: Picture) -> None:
    box = picture.box
    shape = slide.shapes.add_picture(io.BytesIO(_image_bytes(picture.path)), box.x, box.y, box.w, box.h)
    shape.name = picture.name
    set_alt_text(shape, picture.alt)


def _image_bytes(path) -> bytes:
    """The picture file, read once per render (python-pptx would open it for every slide)."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if _IMAGES.get("key") != key:
        _IMAGES.clear()
        _IMAGES.update(key=key, data=path.read_bytes())
    return _IMAGES["data"]


_IMAGES: dict = {}


def add_picture(slide, plan: ImagePlan, alt: str) -> None:
    box = plan.box
    picture = slide.shapes.add_picture(str(plan.image.path), box.x, box.y, box.w, box.h)
    picture.name = f"Picture {plan.image.number}" if plan.image.number else "Picture"
    set_alt_text(picture, alt)
