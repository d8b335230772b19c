"""A slide's figure, logo and decorations on a canvas.

Tables are coloured as the deck's (:class:`reportgen.render.pptx.figure_colours.FigureColours`:
header fill, stripes that stay put across continuation slides, hairline rules
between rows), their cells' text drawn by :mod:`text` inside the cell margins
the fitter measured; charts are the brief's drawings
(:func:`reportgen.render.pdf.charts.chart_drawing`) scaled into the plan's box;
images and the logo are their files stretched over their boxes, as the deck places them.
"""

from __future__ import annotations

import colorsys

from reportlab.graphics import renderPDF

from reportgen.render.pdf import fonts
from reportgen.render.pdf.charts import LABEL_SIZE, chart_drawing
from reportgen.render.pdf.styles import Styles
from reportgen.render.pptx.figure_colours import FigureColours, Paint
from reportgen.render.pptx.master_theme import MasterTheme
from reportgen.render.slidedraw.space import Place
from reportgen.render.slidedraw.text import Ink, draw_frame
from reportgen.slides import flow
from reportgen.slides.faces import Faces
from reportgen.slides.figures import CELL_TOP, CELL_X
from reportgen.slides.model import ChartPlan, Decoration, Frame, ImagePlan, Para, Picture, TablePlan
from reportgen.slides.units import Box, Emu
from reportgen.theme import Theme

RULE = 0.75
"""The rule between table rows, in points (the deck's is 9525 EMU)."""


def hex_of(paint: Paint, theme: MasterTheme) -> str:
    """A paint as hex: a scheme colour through *theme*'s colour map, tinted as PowerPoint's lumMod/lumOff do."""
    if not paint.scheme:
        return paint.rgb
    base = theme.colour(paint.scheme)
    if not paint.lum_mod:
        return base
    r, g, b = (int(base[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    light = min(1.0, light * paint.lum_mod / 100000 + paint.lum_off / 100000)
    return "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(hue, light, sat))


def draw_decoration(canvas, place: Place, decoration: Decoration) -> None:
    canvas.setFillColor("#" + decoration.colour.lstrip("#"))
    canvas.rect(*place.rect(decoration.box), stroke=0, fill=1)


def draw_picture(canvas, place: Place, picture: Picture | ImagePlan) -> None:
    path = picture.path if isinstance(picture, Picture) else picture.image.path
    canvas.drawImage(str(path), *place.rect(picture.box), mask="auto")


def draw_chart(canvas, place: Place, plan: ChartPlan, theme: Theme, language: str, characters: frozenset[str]) -> None:
    """The brief's drawing of the chart, in the brief's fonts (as the brief renderer sets them up for *characters*),
    filling the plan's box: drawn at the size that, scaled up, gives its labels the deck chart's font size."""
    fonts.register(theme)
    book = fonts.FontBook(theme, language, characters)
    styles = Styles.from_theme(theme, language)
    x, y, w, h = place.rect(plan.box)
    scale = place.length(plan.font_size) / LABEL_SIZE
    with fonts.fallback(book, styles.fonts.body), fonts.graphics_default(styles.fonts.body):
        drawing = chart_drawing(plan.chart, styles, w / scale, h / scale)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(scale, scale)
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.restoreState()


def draw_table(canvas, place: Place, plan: TablePlan, paints: FigureColours, theme: MasterTheme, ink: Ink, faces: Faces) -> None:
    """Cells filled and ruled as the deck's table, each cell's text fitted in its margins."""
    header_text = hex_of(paints.header_text, theme)
    rule = hex_of(paints.rule, theme)
    top = int(plan.box.y)
    for i, (row, height) in enumerate(zip(plan.rows, plan.row_heights, strict=True)):
        striped = i > 0 and (i - 1 + plan.first_stripe) % 2 == 1
        left = int(plan.box.x)
        for cell, width in zip(row, plan.columns, strict=True):
            paint = paints.header_fill if cell.header else (paints.stripe if striped else paints.cell_fill)
            box = Box(Emu(left), Emu(top), Emu(width), Emu(height))
            canvas.setFillColor("#" + hex_of(paint, theme))
            canvas.rect(*place.rect(box), stroke=0, fill=1)
            # a text box whose insets land on the cell's margins, so its lines are the width the fitter measured
            text_box = Box(Emu(left + CELL_X - flow.INSET_X), Emu(top + CELL_TOP - flow.INSET_Y), Emu(width - 2 * (CELL_X - flow.INSET_X)), Emu(height))
            frame = Frame("text", text_box, (Para(cell.runs, plan.font_size),))
            draw_frame(canvas, place, frame, faces, Ink(header_text if cell.header else ink.text))
            left += width
        canvas.setStrokeColor("#" + rule)
        canvas.setLineWidth(place.length(Emu(9525)))
        for edge in (top, top + height):
            canvas.line(place.px(plan.box.x), place.py(edge), place.px(plan.box.x + sum(plan.columns)), place.py(edge))
        top += height
