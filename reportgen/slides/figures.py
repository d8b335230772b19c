"""Plan figures: table sizes, column widths and row splits; chart label fitting; picture scaling."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage

from reportgen.document.figures import number_format
from reportgen.document.model import Chart, Image, Run, Runs, Table
from reportgen.document.tables import CELL_PAD_BOTTOM, CELL_PAD_TOP, CELL_PAD_X, share_widths
from reportgen.document.text import ellipsize
from reportgen.document.vocab import ChartKind
from reportgen.errors import RenderError
from reportgen.slides import fit
from reportgen.slides.flow import sizes
from reportgen.slides.model import Cell, ChartPlan, ImagePlan, TablePlan
from reportgen.slides.units import Box, Emu, Inches, Length, Pt

CELL_X = Pt(CELL_PAD_X)
CELL_TOP = Pt(CELL_PAD_TOP)
CELL_BOTTOM = Pt(CELL_PAD_BOTTOM)
"""Table cell margins (the brief's, :mod:`reportgen.document.tables`), written explicitly on every cell."""

TABLE_MAX = Pt(16)
TABLE_MIN = Pt(14)
TABLE_FLOOR = TABLE_MIN
"""Table text is never set below 14 pt, readable from the back of the room: a table whose columns cannot
share a slide at that size continues on slides to the right (:func:`_column_chunks`)."""
MAX_ACROSS = 4
"""A table that would need more slides than this side by side is refused: it is a spreadsheet, not a slide."""


@dataclass(frozen=True)
class Grid:
    """A table's text, header first."""

    header: tuple[Runs, ...]
    rows: tuple[tuple[Runs, ...], ...]

    @classmethod
    def of_table(cls, table: Table) -> Grid:
        width = max([len(table.columns)] + [len(r) for r in table.rows])

        def runs(text: str) -> Runs:
            return (Run(text),) if text else ()

        header = tuple(runs(c) for c in table.columns) + ((),) * (width - len(table.columns))
        rows = tuple(tuple(runs(c) for c in row) + ((),) * (width - len(row)) for row in table.rows)
        return cls(header, rows)

    @classmethod
    def of_runs(cls, header: tuple[Runs, ...], rows: tuple[tuple[Runs, ...], ...]) -> Grid:
        width = max([len(header)] + [len(r) for r in rows])

        def pad(cells: tuple[Runs, ...]) -> tuple[Runs, ...]:
            return tuple(cells) + ((),) * (width - len(cells))

        return cls(pad(header), tuple(pad(r) for r in rows))


def _bold(runs: Runs) -> Runs:
    return tuple(Run(r.text, True, r.italic, r.code, r.strike, r.href) for r in runs)


def column_widths(grid: Grid, size: Length, width: Length) -> tuple[Length, ...] | None:
    """Widths sharing *width* by the shared rule (:func:`share_widths`); None if a word cannot fit, so
    the planner tries a smaller size. A word's width carries the estimate's slack (the deck measures
    with its own metrics, not PowerPoint's)."""
    header = tuple(_bold(c) for c in grid.header)
    columns = list(zip(header, *grid.rows, strict=True))
    pad = 2 * CELL_X
    natural = [max(fit.natural_width(c, size) for c in col) + pad for col in columns]
    least = [max(fit.widest_word(c, size) / fit.WIDTH_SLACK for c in col) + pad + Pt(1) for col in columns]
    if sum(least) > width:
        return None
    widths = [Emu(int(w)) for w in share_widths(least, natural, width)]
    widths[-1] = Emu(width - sum(widths[:-1]))
    return tuple(widths)


def row_height(cells: tuple[Runs, ...], widths: tuple[Length, ...], size: Length) -> Length:
    lines = max(fit.count_lines(c, size, Emu(w - 2 * CELL_X)) for c, w in zip(cells, widths, strict=True))
    return Emu(lines * fit.line_height(size) + CELL_TOP + CELL_BOTTOM)


def plan_table(grid: Grid, box: Box, alt: str, table: Table | None = None) -> list[TablePlan]:
    """The table on as few slides as the smallest size needs, each with the header row; largest size for that.

    A table too wide for that continues to the right: its columns in slices, each slice with the first
    column repeated (the row labels), as many columns a slide as fit at TABLE_MIN; one needing more than
    MAX_ACROSS slices is refused (*table*: the outline's, else a Markdown table, for the error).
    """
    if column_widths(grid, TABLE_MIN, box.w) is None and len(grid.header) > 2:
        return [plan for part in _column_chunks(grid, box, table) for plan in _plan_rows(part, box, alt, table)]
    return _plan_rows(grid, box, alt, table)


def _plan_rows(grid: Grid, box: Box, alt: str, table: Table | None) -> list[TablePlan]:
    candidates = sizes(TABLE_MAX, TABLE_MIN)
    best: list[TablePlan] | None = None
    for size in reversed(candidates):  # smallest first: it sets the fewest pages
        widths = column_widths(grid, size, box.w)
        if widths is None:
            continue
        pages = _split_rows(grid, box, widths, size, alt)
        if best is None or len(pages) <= len(best):
            best = pages
    return best if best is not None else _squeezed(grid, box, alt, table)


def _column_chunks(grid: Grid, box: Box, table: Table | None) -> list[Grid]:
    """The table cut into slices of columns, the first column leading each; the most columns a slice that fit."""
    rest = len(grid.header) - 1

    def part(start: int, stop: int) -> Grid:
        keep = [0, *range(start, stop)]
        return Grid(tuple(grid.header[i] for i in keep), tuple(tuple(row[i] for i in keep) for row in grid.rows))

    per = 1
    while per < rest and all(column_widths(part(i, min(i + per + 1, rest + 1)), TABLE_MIN, box.w) for i in range(1, rest + 1, per + 1)):
        per += 1
    slices = -(-rest // per)
    if slices > MAX_ACROSS:
        raise _too_wide(grid, table, f"more than {MAX_ACROSS} slides side by side hold in {TABLE_MIN.pt:g} pt type", MAX_ACROSS * per + 1)
    even = -(-rest // slices)  # the same slices, filled evenly
    return [part(i, min(i + even, rest + 1)) for i in range(1, rest + 1, even)]


def _squeezed(grid: Grid, box: Box, alt: str, table: Table | None) -> list[TablePlan]:
    """Equal columns in the largest size down to the floor where every word fits; at the floor, words break."""
    n = len(grid.header)
    room = 2 * CELL_X + 2 * TABLE_FLOOR
    if n * room > box.w:
        raise _too_wide(grid, table, f"more than fit a slide, even in {TABLE_FLOOR.pt:g} pt type", int(box.w // room))
    widths = tuple(Emu(box.w // n) for _ in range(n))
    cells = [*(_bold(c) for c in grid.header), *(c for row in grid.rows for c in row)]
    for size in sizes(TABLE_MIN, TABLE_FLOOR, step=Pt(0.5)):
        if all(fit.words_fit(c, size, Emu(widths[0] - 2 * CELL_X)) for c in cells):
            break
    return _split_rows(grid, box, widths, size, alt)


def _too_wide(grid: Grid, table: Table | None, why: str, most: int) -> RenderError:
    """The error for a table with too many columns: *why* they do not fit, and the *most* a table may have."""
    what = "the table" if table is not None else _pipe_table_name(grid)
    return RenderError(
        f"{what} has {len(grid.header)} columns, {why}",
        location=table.location if table is not None else None,
        field=f"figures.{table.id}" if table is not None else None,
        hint=f"split the table into tables of at most {most} columns",
    )


def _pipe_table_name(grid: Grid) -> str:
    """A Markdown table as an error can name it: by its first column headings."""
    shown = " | ".join(" ".join("".join(r.text for r in cell).split()) for cell in grid.header[:3])
    more = " | \u2026" if len(grid.header) > 3 else ""
    return f'the Markdown table headed "{shown}{more}" in the deck\'s template'


def _split_rows(grid: Grid, box: Box, widths: tuple[Length, ...], size: Length, alt: str) -> list[TablePlan]:
    header = tuple(_bold(c) for c in grid.header)
    head_h = row_height(header, widths, size)
    pages: list[list[int]] = [[]]
    used: int = head_h
    heights = [row_height(row, widths, size) for row in grid.rows]
    for i, h in enumerate(heights):
        if used + h > box.h and pages[-1]:
            pages.append([])
            used = head_h
        pages[-1].append(i)
        used += h
    plans = []
    for page in pages:
        rows = (tuple(Cell(c, header=True) for c in header),) + tuple(tuple(Cell(c) for c in grid.rows[i]) for i in page)
        row_heights = (head_h,) + tuple(heights[i] for i in page)
        first = page[0] % 2 if page else 0
        plans.append(TablePlan(box, widths, rows, row_heights, size, alt, first))
    return plans


# -- charts ------------------------------------------------------------------------------------

CHART_FONT = (Pt(14), Pt(14))
"""Axis, category and data labels: never below 14 pt; labels that do not fit rotate, then wrap, then are abbreviated."""
WRAP_LINES = 3
"""Lines a horizontal category label may wrap to before it is abbreviated."""


def plan_chart(chart: Chart, box: Box) -> ChartPlan:
    """Font size, category label rotation, data labels and legend that fit *box*.

    Category labels are set on one line if they fit their slot, else rotated (-45, then -90 degrees),
    else wrapped horizontally, and only when none of that fits are they cut with an ellipsis
    (``ChartPlan.categories`` then differs from the chart's: the planner puts the full labels in the notes).
    """
    lengths = {len(s.values) for s in chart.series}
    if not chart.categories or not chart.series or lengths != {len(chart.categories)}:
        raise RenderError(
            f"chart '{chart.id}' needs categories and series of the same length (has {len(chart.categories)} categories, series of {sorted(lengths)} values)",
            field=f"figures.{chart.id}",
        )
    n = max(1, len(chart.categories))
    series = max(1, len(chart.series))
    legend = series > 1 or chart.kind == ChartKind.PIE
    fmt = number_format(chart)
    labels = [fmt.text(v) for s in chart.series for v in s.values] or ["0"]
    categories = chart.categories
    if chart.kind == ChartKind.PIE:
        size = CHART_FONT[0] if n <= 6 else CHART_FONT[1]
        return ChartPlan(chart, box, size, 0, categories, n <= 8, True)
    axis_w = Inches(1.1) if chart.unit else Inches(0.8)
    plot_w = max(Inches(1), box.w - axis_w - Inches(0.3))
    slot = Emu(plot_w // n)
    runs = [(Run(c),) for c in categories]
    candidates = sizes(*CHART_FONT, step=Pt(2))
    for size in candidates:
        rotation = _rotation(runs, size, slot, box)
        if rotation is not None:
            return ChartPlan(chart, box, size, rotation, categories, _labels_fit(labels, size, slot, series, chart.kind), legend)
    for size in candidates:
        if all(fit.words_fit(c, size, slot) and fit.count_lines(c, size, slot) <= WRAP_LINES for c in runs):
            return ChartPlan(chart, box, size, 0, categories, _labels_fit(labels, size, slot, series, chart.kind), legend)
    size = CHART_FONT[1]
    budget = box.h * 0.35
    cats = tuple(_abbreviate(c, size, budget) for c in categories)
    return ChartPlan(chart, box, size, -90, cats, _labels_fit(labels, size, slot, series, chart.kind), legend)


def _rotation(runs: Sequence[Runs], size: Length, slot: Length, box: Box) -> int | None:
    """0 when every label fits its slot on one line, else -45 or -90 degrees if the labels fit so; None if not."""
    widest = max((fit.natural_width(c, size) for c in runs), default=Emu(0))
    line = fit.line_height(size)
    if all(fit.count_lines(c, size, slot) == 1 for c in runs):
        return 0
    if line * 1.3 <= slot and widest * 0.71 <= box.h * 0.3:
        return -45
    if line * 1.1 <= slot and widest <= box.h * 0.35:
        return -90
    return None


def _labels_fit(labels: list[str], size: Length, slot: Length, series: int, kind: ChartKind) -> bool:
    widest = max(fit.text_width(t, "Helvetica", size) for t in labels)
    if kind == ChartKind.LINE:
        return series == 1 and widest <= slot * 0.9
    return widest <= slot * 0.8 / series * 1.5 and len(labels) <= 60


def _abbreviate(text: str, size: Length, budget: float) -> str:
    """*text* cut with an ellipsis to *budget* wide (the last resort for category labels)."""
    return ellipsize(text, budget, lambda part: fit.text_width(part, "Helvetica", size))


# -- pictures ----------------------------------------------------------------------------------


def plan_image(image: Image, box: Box) -> ImagePlan:
    """The picture as large as *box* allows, aspect kept, left-aligned like the title and caption."""
    return ImagePlan(image, fit_picture(image.path, box, f"figures.{image.id}", middle=False))


def fit_picture(path: Path, box: Box, field: str, align: str = "l", middle: bool = True) -> Box:
    """The largest box of the picture's proportions inside *box*, at its left (or right) edge,
    centred vertically (*middle*) or at the top."""
    try:
        with PILImage.open(path) as img:
            px_w, px_h = img.size
    except (OSError, ValueError) as exc:
        raise RenderError(f"cannot read image {path}: {exc}", field=field) from exc
    scale = min(box.w / px_w, box.h / px_h)
    w, h = Emu(math.floor(px_w * scale)), Emu(math.floor(px_h * scale))
    x = box.x if align == "l" else Emu(box.right - w)
    return Box(x, Emu(box.y + (box.h - h) // 2) if middle else box.y, w, h)
