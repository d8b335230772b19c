"""Write slide plans into the presentation (Pandoc's Output.hs step): no decisions, only placement.

Each plan names its layout; the master gives the template layout. A slide gets
only the placeholders it uses: the title placeholder for its title, the
layout's text placeholders (found by type, left to right) for body frames;
everything else becomes text boxes and shapes at the plan's positions.
"""

from __future__ import annotations

import datetime as dt
import re
from copy import deepcopy

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart

from reportgen.document.model import Chart, Image
from reportgen.document.vocab import Layout
from reportgen.locale import Locale
from reportgen.render.pptx import _internals, graphics
from reportgen.render.pptx.legible import Legibility
from reportgen.render.pptx.master import Master, Placeholder
from reportgen.render.pptx.shapes import ShapeTree, set_xfrm
from reportgen.render.pptx.text import Style, fill
from reportgen.render.pptx.xml import qn
from reportgen.slides.model import ChartPlan, Frame, ImagePlan, SlidePlan, TablePlan
from reportgen.theme import Theme


def write_deck(master: Master, plans: list[SlidePlan], theme: Theme, when: dt.datetime, locale: Locale) -> None:
    style = Style.of(theme, locale, master.corporate)
    notes = _Notes(style)
    legible = Legibility(master)
    for plan in plans:
        _Slide(master, plan, theme, style, when, legible).write(notes)


def add_slide(master: Master, layout: Layout):
    """A new slide on *layout* with no shapes yet (python-pptx would clone every placeholder)."""
    prs = master.prs
    id_list = _internals.slide_id_list(prs)
    part = SlidePart.new(PackURI(f"/ppt/slides/slide{len(id_list) + 1}.xml"), prs.part.package, master.slide_layout(layout).part)
    # A new slide cannot match an existing relationship: skip python-pptx's scan of them all (n squared).
    rid = _internals.add_relationship(prs.part.rels, RT.SLIDE, part)
    _internals.add_slide_id(id_list, master.new_slide_id(), rid)
    return part.slide


class _Notes:
    """Speaker notes. python-pptx makes the first notes slide (and the notes master); the others
    are copies of it, which saves cloning the master's placeholders for every slide."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.prototype = None
        self.next = 0

    def add(self, slide, text: str) -> None:
        if self.prototype is None:
            notes = slide.notes_slide
            self.prototype = deepcopy(_internals.element(notes))
            self.next = int(re.findall(r"\d+", str(notes.part.partname))[-1]) + 1
        else:
            package = slide.part.package
            partname = PackURI(f"/ppt/notesSlides/notesSlide{self.next}.xml")
            self.next += 1
            part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, package, deepcopy(self.prototype))
            part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
            part.relate_to(slide.part, RT.SLIDE)
            slide.part.relate_to(part, RT.NOTES_SLIDE)
            notes = part.notes_slide
        frame = notes.notes_text_frame
        frame.text = text
        for r in _internals.text_body(frame).iter(qn("a:r")):  # the notes' fonts too, so Japanese notes are not drawn in a fallback
            rpr = r.find(qn("a:rPr"))
            if rpr is None:
                rpr = etree.SubElement(r, qn("a:rPr"), lang=self.style.lang)
                r.insert(0, rpr)
            if "latin" not in self.style.inherits:
                etree.SubElement(rpr, qn("a:latin"), typeface=self.style.latin)
            if self.style.east_asian:
                etree.SubElement(rpr, qn("a:ea"), typeface=self.style.east_asian)


class _Slide:
    def __init__(self, master: Master, plan: SlidePlan, theme: Theme, style: Style, when: dt.datetime, legible: Legibility) -> None:
        self.master = master
        self.legible = legible
        self.plan = plan
        self.theme = theme
        self.style = style
        self.when = when
        self.slide = add_slide(master, plan.layout)
        self.tree = ShapeTree(_internals.shape_tree(self.slide.shapes))

    def write(self, notes: _Notes) -> None:
        plan = self.plan
        for decoration in plan.decorations:
            self.tree.rectangle(decoration.box, decoration.colour.lstrip("#").upper(), decoration.name)
        if plan.title is not None:
            self.frame(plan.title)
        for frame in plan.frames:
            self.frame(frame)
        if plan.figure is not None:
            self.figure()
        for frame in plan.furniture:
            self.frame(frame)
        for picture in plan.pictures:
            graphics.add_logo(self.slide, picture)
        if plan.notes:
            notes.add(self.slide, plan.notes)

    def frame(self, frame: Frame) -> None:
        placeholder, layout_box = self.placeholder(frame)
        if placeholder is None:
            sp = self.tree.textbox(frame.box, frame.name or "Text")
        else:
            sp = self.tree.placeholder(dict(placeholder.attrs), frame.name or "Content")
            if frame.box != layout_box:
                set_xfrm(sp.find(qn("p:spPr")), frame.box)
        inherited = self.master.master_layout(self.plan.layout).look(placeholder) if self.master.corporate else None
        colour = self.legible.colour(self.plan.layout, frame, self.style, inherited)
        fill(sp.find(qn("p:txBody")), frame, self.style, self.slide.part, colour=colour, inherited=inherited)

    def placeholder(self, frame: Frame) -> tuple[Placeholder | None, object]:
        """The layout placeholder *frame* goes into (by type; bodies left to right), and its box."""
        layout = self.master.master_layout(self.plan.layout)
        if frame.role == "title" and layout.title is not None:
            return layout.title, layout.title_box
        if frame.role in ("body", "subtitle") and frame.slot < len(layout.bodies):
            body = layout.bodies[frame.slot]
            return body, body.box
        furniture = _FURNITURE.get(frame.name)
        if furniture is not None and self.master.corporate:  # the master's own footer, date and number placeholders
            found = next((ph for ph in layout.footers if ph.type == furniture), None)
            if found is not None:
                return found, found.box
        return None, None

    def figure(self) -> None:
        figure = self.plan.figure
        if isinstance(figure, ChartPlan):
            graphics.add_chart(self.slide, figure, self.theme, self.style, self.when, _alt(figure.chart), corporate=self.master.corporate)
        elif isinstance(figure, TablePlan):
            graphics.add_table(self.tree, self.slide.part, figure, self.theme, self.style, corporate=self.master.corporate)
        elif isinstance(figure, ImagePlan):
            graphics.add_picture(self.slide, figure, _alt(figure.image))


_FURNITURE = {"Slide Number": "sldNum", "Marking": "ftr", "Date": "dt"}
"""Furniture frames by name -> the placeholder type that holds them on a corporate master."""


def _alt(figure: Chart | Image) -> str:
    if isinstance(figure, Image) and figure.alt.strip():
        return figure.alt.strip()
    parts = [figure.title.strip(), figure.caption.strip()]
    return ". ".join(p.rstrip(".") for p in parts if p) + ("." if any(parts) else "")
