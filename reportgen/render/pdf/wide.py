"""Tables too wide for the page: smaller type, then a landscape page, then a refusal that says what to do.

A table fits a width at a type size when every column gets its longest word
and at least one em, plus the cell padding (narrower, words would break
inside). A table that does not fit at the theme's table type is set smaller,
half a point at a time, down to :data:`TABLE_FLOOR`; one that still does not
fit (and stands in the main text) goes on a landscape page of its own, in the
largest of those sizes that fits there; one that fits neither is refused,
naming the most columns a table can have there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from reportgen.render.pdf.cover import BODY
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.tables import PAD_X, widest_word
from reportgen.render.pdf.units import Pt

TABLE_FLOOR = Pt(6.5)
"""The smallest type a table is set in to make it fit; below this it is turned, then refused."""
TYPE_STEP = Pt(0.5)
LANDSCAPE = "landscape"
"""The page template of a turned table's pages."""


@dataclass(frozen=True)
class Setting:
    """How a table is set: its type size and whether it is on a landscape page."""

    size: Pt
    turned: bool = False


def column_needs(cells: Sequence[Sequence[str]], styles: Styles, size: float) -> list[float]:
    """Each column's least width at *size*: its longest word (the header's in bold) or an em, plus padding."""
    head, cell = styles.table_text(size)
    count = max(len(row) for row in cells)
    needs = [size + 2 * PAD_X] * count
    for index, row in enumerate(cells):
        font = head.fontName if index == 0 else cell.fontName
        for col, text in enumerate(row):
            needs[col] = max(needs[col], widest_word(text, font, size) + 2 * PAD_X)
    return needs


def sizes(styles: Styles) -> list[Pt]:
    """The table's type sizes to try, largest first: the theme's, then half a point smaller down to the floor."""
    size = styles["table_cell"].fontSize
    out = [Pt(size)]
    while out[-1] - TYPE_STEP >= TABLE_FLOOR - 1e-9:
        out.append(Pt(out[-1] - TYPE_STEP))
    return out


def setting(cells: Sequence[Sequence[str]], styles: Styles, width: float, *, can_turn: bool) -> Setting | None:
    """The largest type that fits *width*, else (if *can_turn*) the largest that fits a landscape page; None if neither."""
    candidates = sizes(styles)
    for size in candidates:
        if sum(column_needs(cells, styles, size)) <= width:
            return Setting(size)
    if can_turn:
        turned_width = styles.geometry.turned().frame_width
        for size in candidates:
            if sum(column_needs(cells, styles, size)) <= turned_width:
                return Setting(size, turned=True)
    return None


def most_columns(cells: Sequence[Sequence[str]], styles: Styles, width: float) -> int:
    """The most columns any table cut from this one may keep and still fit *width* in the floor's type."""
    needs = sorted(column_needs(cells, styles, sizes(styles)[-1]), reverse=True)
    used, count = 0.0, 0
    for need in needs:
        used += need
        if used > width:
            break
        count += 1
    return max(count, 1)


def too_wide(what: str, cells: Sequence[Sequence[str]], styles: Styles, width: float, *, can_turn: bool) -> tuple[str, str]:
    """(message, hint) refusing the table *what* names, for a refusal error."""
    floor = f"{sizes(styles)[-1]:g} pt"
    count = max(len(row) for row in cells)
    if can_turn:
        where, width = f"the page, even turned to landscape in {floor} type", styles.geometry.turned().frame_width
    else:
        where = f"the box or column it is in, even in {floor} type (only a table in the main text is turned to landscape)"
    message = f"{what} has {count} columns, more than fit {where}"
    return message, f"split the table into tables of at most {most_columns(cells, styles, width)} columns"


def on_landscape_page(flowables: list[Flowable]) -> list[Flowable]:
    """*flowables* on landscape pages of their own, the body's portrait pages resuming after them."""
    return [NextPageTemplate(LANDSCAPE), PageBreak(), *flowables, NextPageTemplate(BODY), PageBreak()]
