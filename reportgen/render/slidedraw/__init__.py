"""Pictures of a deck's slides as vector drawings, from the same plans the deck is written from.

``deck_drawing(document, theme)`` plans the deck exactly as the .pptx renderer
does (:func:`reportgen.render.pptx.slide_plans`) and draws any of its slides on
a reportlab canvas: background, text frames broken into the fitter's lines in
the files it measured with, decorations, logo, tables, charts and images, in
the colours the deck uses (:class:`reportgen.render.pptx.text.Style`,
:class:`reportgen.render.pptx.legible.Legibility`, a corporate master's
inherited colours). Example::

    drawing = deck_drawing(document, theme)
    width = 360.0
    for index in range(len(drawing.plans)):
        drawing.draw(canvas, index, 36, 400, width)  # height: width * drawing.height / drawing.width
"""

from __future__ import annotations

import warnings
from dataclasses import replace

from reportgen.document.characters import characters
from reportgen.document.model import Document
from reportgen.locale import locale_for
from reportgen.render.pptx import slide_plans
from reportgen.render.pptx.figure_colours import FigureColours, Paint
from reportgen.render.pptx.legible import Legibility
from reportgen.render.pptx.master import Master
from reportgen.render.pptx.text import BULLETS, Style
from reportgen.render.slidedraw import fonts
from reportgen.render.slidedraw.backdrop import Backdrop, backdrop, draw_backdrop
from reportgen.render.slidedraw.figures import draw_chart, draw_decoration, draw_picture, draw_table, hex_of
from reportgen.render.slidedraw.placement import placeholder_align, placeholder_anchor
from reportgen.render.slidedraw.space import Place
from reportgen.render.slidedraw.text import Ink, draw_frame
from reportgen.slides.deckfonts import measured_faces
from reportgen.slides.faces import Faces
from reportgen.slides.model import ChartPlan, Frame, ImagePlan, SlidePlan, TablePlan
from reportgen.theme import Theme

__all__ = ["DeckDrawing", "deck_drawing"]


class DeckDrawing:
    """A deck's slide plans and what drawing them needs; :meth:`draw` puts one slide on a canvas."""

    def __init__(self, master: Master, plans: list[SlidePlan], theme: Theme, document: Document) -> None:
        self.master = master
        self.plans = plans
        self.theme = theme
        self.language = document.info.language
        self.characters = characters(document) | _drawn(plans)
        locale = locale_for(self.language)
        self.style = Style.of(theme, locale, master.corporate)
        with warnings.catch_warnings():  # the planner has already said what it has to about these faces
            warnings.simplefilter("ignore")
            self.faces: Faces = measured_faces(theme, locale, master)
        self.legible = Legibility(master)
        self.paints = FigureColours.of(theme, master.corporate)
        self.width = int(master.prs.slide_width or 0)
        self.height = int(master.prs.slide_height or 0)
        self._backdrops: dict[str, Backdrop] = {}

    @property
    def fonts(self) -> tuple[str, ...]:
        """The reportlab fonts drawn so far. Each is registered as it is first needed (:mod:`fonts`), so the
        caller registers nothing; reportlab embeds a subset of each in the PDF it is drawn in."""
        return fonts.registered()

    def draw(self, canvas, index: int, x: float, y: float, width: float) -> None:
        """Slide *index* (0-based) with its lower-left corner at (*x*, *y*), *width* points wide."""
        plan = self.plans[index]
        place = Place(x, y, width / self.width, self.height)
        found = self._backdrop(plan.layout)
        with fonts.characters(self.characters):
            self._draw(canvas, plan, place, found)

    def _draw(self, canvas, plan: SlidePlan, place: Place, found: Backdrop) -> None:
        canvas.saveState()
        draw_backdrop(canvas, place, found, self.width)
        for decoration in plan.decorations:
            draw_decoration(canvas, place, decoration)
        for frame in ((plan.title,) if plan.title else ()) + plan.frames:
            self._frame(canvas, place, plan, frame, found)
        self._figure(canvas, place, plan, found)
        for frame in plan.furniture:
            self._frame(canvas, place, plan, frame, found)
        for picture in plan.pictures:
            draw_picture(canvas, place, picture)
        canvas.restoreState()

    def _backdrop(self, layout: str) -> Backdrop:
        if layout not in self._backdrops:
            self._backdrops[layout] = backdrop(self.master.prs, self.master.slide_layout(layout))
        return self._backdrops[layout]

    def _frame(self, canvas, place: Place, plan: SlidePlan, frame: Frame, found: Backdrop) -> None:
        layout = self.master.master_layout(plan.layout)
        placeholder = None
        if frame.role == "title":
            placeholder = layout.title
        elif frame.role in ("body", "subtitle") and frame.slot < len(layout.bodies):
            placeholder = layout.bodies[frame.slot]
        inherited = layout.look(placeholder) if self.master.corporate else None
        override = self.legible.colour(plan.layout, frame, self.style, inherited)
        fallback = (inherited.colour if inherited is not None else "") or found.theme.colour("tx1")
        colours = tuple(override or self.style.colour(para, frame.role) or fallback for para in frame.paras)
        accent = "" if "accent" in self.style.inherits else self.style.accent
        muted = "" if "muted" in self.style.inherits else self.style.muted
        faces = self.faces.titles() if frame.role == "title" else self.faces
        slide_layout = self.master.slide_layout(plan.layout)
        placed = replace(
            frame,
            anchor=frame.anchor or placeholder_anchor(slide_layout, placeholder),
            paras=tuple(p if p.align is not None else replace(p, align=placeholder_align(slide_layout, placeholder, p.level)) for p in frame.paras),
        )
        draw_frame(canvas, place, placed, faces, Ink(fallback, colours, accent, muted))

    def _figure(self, canvas, place: Place, plan: SlidePlan, found: Backdrop) -> None:
        figure = plan.figure
        if isinstance(figure, ChartPlan):
            draw_chart(canvas, place, figure, self.theme, self.language, self.characters)
        elif isinstance(figure, TablePlan):
            text = self.style.text if not self.paints.corporate else hex_of(self.paints.text or Paint(scheme="tx1"), found.theme)
            draw_table(canvas, place, figure, self.paints, found.theme, Ink(text), self.faces)
        elif isinstance(figure, ImagePlan):
            draw_picture(canvas, place, figure)


def _drawn(plans: list[SlidePlan]) -> frozenset[str]:
    """Every character the plans' text, bullets and numbers draw (furniture included)."""
    frames = [f for plan in plans for f in ((plan.title,) if plan.title else ()) + plan.frames + plan.furniture]
    texts = [run.text for frame in frames for para in frame.paras for run in para.runs]
    texts += [run.text for plan in plans if isinstance(plan.figure, TablePlan) for row in plan.figure.rows for cell in row for run in cell.runs]
    return frozenset("".join(texts)) | frozenset("0123456789." + "".join(BULLETS))


def deck_drawing(document: Document, theme: Theme) -> DeckDrawing:
    """The slides of *document*'s deck in *theme*, ready to draw."""
    master, plans = slide_plans(document, theme)
    return DeckDrawing(master, plans, theme, document)
