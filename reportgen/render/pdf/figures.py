"""Figures (charts, tables, images) with their label line, caption and source line.

    Figure 1. Title                    <- label, bold, kept with what follows
    [drawing | table | image]
    Caption in small muted type.
    Source: Kyodo News (2023-12-22)

A chart or image is kept on one page with its label and notes; a table is
kept together when it fits on a page and otherwise starts only where its
label, header and first rows fit, repeating its header on every page. A table
too wide for the page is set smaller, or turned with its notes onto landscape
pages (:mod:`reportgen.render.pdf.wide`).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer
from reportlab.platypus import Image as ImageFlowable

from reportgen.document.figures import credit
from reportgen.document.model import Chart, Figure, Image, Table
from reportgen.errors import RenderError
from reportgen.render.pdf.charts import chart_drawing
from reportgen.render.pdf.citelinks import CitationLinks
from reportgen.render.pdf.flow import Para
from reportgen.render.pdf.inline import text_markup
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.tables import data_table
from reportgen.render.pdf.units import Pt
from reportgen.render.pdf.wide import Setting, on_landscape_page, setting, too_wide

SPACE_AROUND = Pt(8)
"""Extra space above a figure's label and below its last line, on top of paragraph spacing."""
TABLE_START = Pt(90)
"""A split table starts on a new page unless this much room (label, header, first rows) is left."""


class KeepTogetherIfItFits(KeepTogether):
    """Kept on one page when it fits on a page; otherwise flows, starting only where *start* fits.

    ``heads`` counts the headings put in front (:func:`reportgen.render.pdf.keep.keep_with_next`):
    the start must leave room for them too.
    """

    heads = 0

    def __init__(self, flowables: list[Flowable], start: float) -> None:
        super().__init__(flowables)
        self._start = start

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        if frame is not None and self._H > frame._height:
            content = self._content[:]
            start = self._start + sum(
                f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in content[: self.heads]
            )
            for flowable in content:  # CondPageBreak keeps the start together instead of keepWithNext
                flowable.keepWithNext = 0
            return [CondPageBreak(start), *content]
        return super().split(aW, aH)


def figure_flowables(
    figure: Figure, styles: Styles, width: float, *, together: bool = True, links: CitationLinks | None = None
) -> list[Flowable]:
    """The figure as flowables; *together* (only possible in the main flow, not in a table cell) keeps them on a page;
    *links* numbers its citations (its source line's, and its table rows' after each row's last cell)."""
    fit = _table_setting(figure, styles, width, together) if isinstance(figure, Table) else None
    turned = fit is not None and fit.turned
    if turned:
        width = styles.geometry.turned().frame_width
    primary = styles.theme.colours.primary
    label = Para(
        f'<font color="{primary}">{text_markup(figure.label)}.</font> {text_markup(figure.title)}',
        styles["figure_label"],
    )
    label.spaceBefore = SPACE_AROUND
    parts: list[Flowable] = [label, _body(figure, styles, width, fit, links)]
    if figure.caption.strip():
        parts.append(Para(text_markup(figure.caption), styles["caption"]))
    label_word = styles.theme.strings.source
    cites = links.listed(figure.cites, primary) if links is not None else ""
    if credit(figure.source, label_word):
        source = f"<i>{text_markup(label_word)}:</i> {text_markup(credit(figure.source, label_word))}{cites}"
        parts.append(Para(source, styles["source"] if len(parts) > 2 else styles["caption"]))
    parts.append(Spacer(1, styles["body"].spaceAfter + SPACE_AROUND))
    if not together:
        return parts
    if isinstance(figure, Table):
        kept: list[Flowable] = [KeepTogetherIfItFits(parts, TABLE_START)]
        return on_landscape_page(kept) if turned else kept
    return [KeepTogether(parts)]


def _table_setting(table: Table, styles: Styles, width: float, together: bool) -> Setting:
    """The type size and orientation the table fits in; a table that fits none is refused at its outline line."""
    cells = [table.columns, *table.rows]
    found = setting(cells, styles, width, can_turn=together)
    if found is None:
        message, hint = too_wide("the table", cells, styles, width, can_turn=together)
        raise RenderError(message, location=table.location, field=f"figures.{table.id}", hint=hint)
    return found


def _body(figure: Figure, styles: Styles, width: float, fit: Setting | None, links: CitationLinks | None) -> Flowable:
    if isinstance(figure, Chart):
        return chart_drawing(figure, styles, width)
    if isinstance(figure, Table):
        header = [text_markup(name) for name in figure.columns]
        rows = [[text_markup(cell) for cell in row] for row in figure.rows]
        for row, cites in zip(rows, figure.row_cites, strict=False):
            if row and links is not None:
                row[-1] += links.listed(cites, styles.theme.colours.primary)
        return data_table(header, rows, [figure.columns, *figure.rows], styles, width, size=fit.size if fit else None)
    if isinstance(figure, Image):
        return _image(figure, styles, width)
    raise RenderError(f"cannot draw figure of type {type(figure).__name__}")


def _image(figure: Image, styles: Styles, width: float) -> Flowable:
    path = Path(figure.path)
    try:
        image_width, image_height = ImageReader(str(path)).getSize()
    except Exception as exc:  # reportlab raises bare IOError/OSError or PIL errors
        raise RenderError(
            f"cannot read image '{path}': {exc}", field=f"figures.{figure.id}"
        ) from None
    scale = min(width / image_width, styles.geometry.frame_height * 0.6 / image_height)
    flowable = ImageFlowable(str(path), width=image_width * scale, height=image_height * scale,
                             hAlign=styles.sides.h_align)
    return flowable
