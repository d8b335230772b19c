"""Data tables: a header row in the theme's header colours, zebra stripes, wrapped cells.

Both the outline's table figures and the pipe tables templates write come
out of :func:`data_table`, so they look alike. The header row repeats when a
table splits across pages. In a right-to-left brief the first column is the
rightmost (``Styles.sides``); the cells' text follows the body's alignment.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table

from reportgen.document.tables import CELL_PAD_BOTTOM, CELL_PAD_TOP, CELL_PAD_X, share_widths
from reportgen.linebreak import break_opportunities
from reportgen.render.pdf.flow import Para
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.units import Pt

PAD_X = Pt(CELL_PAD_X)


def widest_word(text: str, font: str, size: float) -> float:
    """The width of *text*'s widest stretch no line may break inside: a word, or in Chinese, Japanese and
    Thai the run between two break opportunities (:func:`reportgen.linebreak.break_opportunities`)."""
    return max((stringWidth(piece, font, size) for word in text.split() for piece in _unbreakable(word)), default=0.0)


def _unbreakable(word: str) -> list[str]:
    cuts = [0, *break_opportunities(word), len(word)]
    return [word[start:end] for start, end in zip(cuts, cuts[1:], strict=False)]


def column_widths(
    cells: Sequence[Sequence[str]], available: float, font: str, size: float, header_font: str
) -> list[Pt]:
    """Widths for columns of plain-text *cells* (first row = header), filling *available* points.

    The widths follow the rule every format shares (:func:`share_widths`); this measures the text.
    Whether the columns fit at all is :mod:`reportgen.render.pdf.wide`'s question, asked first.
    """
    count = max(len(row) for row in cells)
    minimum = [2 * PAD_X] * count
    natural = [2 * PAD_X] * count
    for index, row in enumerate(cells):
        row_font = header_font if index == 0 else font
        for col, text in enumerate(row):
            minimum[col] = max(minimum[col], widest_word(text, row_font, size) + 2 * PAD_X)
            natural[col] = max(natural[col], stringWidth(" ".join(text.split()), row_font, size) + 2 * PAD_X)
    return [Pt(width) for width in share_widths(minimum, natural, available)]


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    plain: Sequence[Sequence[str]],
    styles: Styles,
    width: float,
    *,
    size: float | None = None,
) -> Table:
    """A styled table of markup cells; *plain* is the same cells as text (header first), for measuring.

    *size* sets the text smaller than the theme's table type (see :mod:`reportgen.render.pdf.wide`).
    """
    count = max([len(header)] + [len(row) for row in rows])
    head_style, cell_style = styles.table_text(styles["table_cell"].fontSize if size is None else size)

    def fill(row: Sequence[str]) -> list[str]:
        return list(row) + [""] * (count - len(row))

    order = styles.sides.in_reading_order
    data = [order([Para(text, head_style) for text in fill(header)])]
    data += [order([Para(text, cell_style) for text in fill(row)]) for row in rows]
    widths = order(column_widths(
        [fill(row) for row in plain], width, cell_style.fontName, cell_style.fontSize, head_style.fontName
    ))
    c = styles.colours
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_BOTTOM),
        ("BACKGROUND", (0, 0), (-1, 0), c.header_fill),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LINEBELOW", (0, -1), (-1, -1), 0.75, c.header_fill),
    ]
    if rows:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [c.white, c.stripe]))
    if len(rows) >= 4:  # a page break leaves at least two rows on either side
        commands += [("NOSPLIT", (0, 1), (-1, 2)), ("NOSPLIT", (0, len(rows) - 1), (-1, len(rows)))]
    return Table(data, colWidths=widths, repeatRows=1, style=styles.table_style(commands), hAlign=styles.sides.h_align)
