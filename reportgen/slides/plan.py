"""Plan the deck: a Document in, fitted slide plans out (Pandoc's Presentation.hs step).

Every decision is taken here: the layout of each slide, which text goes in
which frame at which size, where a figure goes, and how many continuation
slides a long section, table or quote needs. :mod:`write` only carries it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportgen.dates import format_date
from reportgen.document.figures import credit
from reportgen.document.model import Chart, Document, Image, Run, Runs, Table, TableBlock, plain
from reportgen.document.vocab import Layout
from reportgen.locale import locale_for
from reportgen.slides import cues, fit, flow, timing
from reportgen.slides.citations import source_line
from reportgen.slides.content import SlideContent, bold, read_slide, split_slides
from reportgen.slides.deckfonts import measured_faces
from reportgen.slides.dividers import fold_dividers
from reportgen.slides.faces import Faces
from reportgen.slides.figures import Grid, fit_picture, plan_chart, plan_image, plan_table
from reportgen.slides.flow import INSET_X, INSET_Y, Group, Spec
from reportgen.slides.frames import Frames, LayoutFrame
from reportgen.slides.model import ChartPlan, Decoration, FigurePlan, Frame, FrameRole, Para, Picture, SlidePlan
from reportgen.slides.units import Box, Emu, Inches, Length, Pt
from reportgen.theme import Theme

TITLE_MIN_ONE_LINE = Pt(24)
TITLE_MIN = Pt(20)
TITLE_FLOOR = Pt(12)
CAPTION = (Pt(14), Pt(14))
"""Captions and source lines: 14 pt, never smaller (readable from the back of the room)."""
FURNITURE = (Pt(11), Pt(10))
"""The slide number, marking and date: shrunk to fit their boxes, never below 10 pt."""
GAP = Inches(0.15)
TEXT_COLUMN = 0.38
"""Share of the content width that text takes beside a figure."""

FIGURE_LAYOUTS = {Chart: Layout.CHART, Table: Layout.TABLE, TableBlock: Layout.TABLE, Image: Layout.IMAGE}
TEXT_LAYOUTS = (Layout.BULLETS, Layout.AGENDA, Layout.SUMMARY, Layout.SOURCES, Layout.RECOMMENDATIONS)
"""Layouts of one text flow; a figure, column or quote layout without its content is one too (bullets)."""


def plan_deck(document: Document, theme: Theme, master: Frames) -> list[SlidePlan]:
    """Every slide of *document*, its text measured in the faces that will draw it (:mod:`faces`)."""
    faces = measured_faces(theme, locale_for(document.info.language), master)
    with fit.measuring(faces):
        planner = _Planner(document, theme, master, faces)
        contents = [read_slide(blocks, document) for blocks in split_slides(document.blocks)]
        if not theme.deck.section_dividers:
            contents = fold_dividers(contents)
        noted = cues.with_notes(contents, [planner.slide(content) for content in contents], theme.strings)
        info = document.info
        date = format_date(info.date, info.language) if master.corporate else ""
        slides = [
            replace(s, number=i + 1, furniture=planner.furniture(i + 1, info.marking, date), pictures=planner.logo(s.layout))
            for i, s in enumerate(noted.slides)
        ]
        return noted.finish(timing.timed(slides, noted.sections, noted.minutes, info.duration, theme.deck.timing))


def fit_title(runs: Runs, box: Box, largest: Length) -> tuple[Para, bool]:
    """The title's size: one line down to 24 pt, then two lines down to 20 pt, then as many as the box holds."""
    width = Emu(box.w - 2 * INSET_X)
    height = box.h - 2 * INSET_Y
    for size in flow.sizes(largest, min(largest, TITLE_MIN_ONE_LINE)):
        if fit.count_lines(runs, size, width) == 1:
            return Para(runs, size), True
    for size in flow.sizes(largest, TITLE_MIN) + flow.sizes(TITLE_MIN, TITLE_FLOOR)[1:]:
        lines = fit.count_lines(runs, size, width)
        if lines * fit.line_height(size) <= height and (lines <= 2 or size <= TITLE_MIN) and fit.words_fit(runs, size, width):
            return Para(runs, size), True
    size = TITLE_FLOOR
    return Para(runs, size), fit.count_lines(runs, size, width) * fit.line_height(size) <= height


class _Planner:
    def __init__(self, document: Document, theme: Theme, master: Frames, faces: Faces) -> None:
        self.document = document
        self.theme = theme
        self.master = master
        self.faces = faces
        self.body_sizes = self.ladder(master.frame(Layout.BULLETS))
        self.continued = theme.strings.continued

    def ladder(self, frame: LayoutFrame) -> list[Length]:
        """The body sizes to try on *frame*, largest first: the set's size, else a corporate master's own, down to the floor."""
        sizes = self.theme.deck.sizes
        largest = sizes.body
        if frame.inherited is not None and not self.theme.named("deck", "sizes", "body"):
            largest = frame.inherited.body_size
        return flow.sizes(Pt(largest), Pt(min(largest, sizes.body_min)))

    def title_size(self, frame: LayoutFrame, ours: float) -> Length:
        """The title's largest size: the set's, else a corporate master's own, else ours."""
        if frame.inherited is not None and not self.theme.named("deck", "sizes", "title"):
            return Pt(frame.inherited.title_size)
        return Pt(ours)

    # -- slides by layout ------------------------------------------------------------------

    def slide(self, content: SlideContent) -> list[SlidePlan]:
        layout = content.layout
        if layout in (Layout.TITLE, Layout.CLOSING):
            return [self.title_slide(content)]
        if layout == Layout.SECTION:
            return [self.section(content)]
        if content.figures:
            return self.figure_slides(content)
        if content.columns:
            return self.columns(content)
        if layout == Layout.QUOTE and content.quotes:
            return self.quote(content)
        content.flow.extend(content.quotes)
        return self.text(content, layout if layout in TEXT_LAYOUTS else Layout.BULLETS)

    def title_slide(self, content: SlideContent) -> SlidePlan:
        frame = self.master.frame(content.layout)
        size = self.title_size(frame, self.theme.deck.sizes.title * 4 / 3)
        title = self.title_frame(content.title, frame, size, inherit=True)
        specs = [Spec(content.lead, "subtitle")] if content.lead else []
        for group in content.flow + content.quotes:
            specs.extend(replace(s, kind="plain", level=0, scale=0.75, continued=False) for s in group)
        if specs and not content.lead:
            specs[0] = replace(specs[0], kind="subtitle", scale=1.0)
        box = frame.bodies[0] if frame.bodies else frame.content.take_top(Inches(1.8))[0]
        frames = (self.shrunk("body" if frame.bodies else "text", box, specs, inherit_align=True),) if specs else ()
        return SlidePlan(content.layout, title, frames, notes=content.notes, decorations=self.rule(frame, centred=True))

    def section(self, content: SlideContent) -> SlidePlan:
        frame = self.master.frame(Layout.SECTION)
        title = self.title_frame(content.title, frame, self.title_size(frame, self.theme.deck.sizes.title * 4 / 3))
        specs = [Spec(content.lead, "subtitle")] if content.lead else []
        specs += [s for g in content.flow + content.quotes for s in g]
        box = frame.bodies[0] if frame.bodies else frame.content
        frames = (self.shrunk("body" if frame.bodies else "text", box, specs, inherit_align=True),) if specs else ()
        return SlidePlan(Layout.SECTION, title, frames, notes=content.notes, decorations=self.rule(frame))

    def text(self, content: SlideContent, layout: Layout) -> list[SlidePlan]:
        frame = self.master.frame(layout)
        box = frame.bodies[0] if frame.bodies else frame.content
        role: FrameRole = "body" if frame.bodies else "text"
        groups = ([(Spec(content.lead, "lead"),)] if content.lead else []) + content.flow
        if not groups:  # a title-only slide: no empty body placeholder
            return self.pages(layout, content, [()])
        box, band = self.source_band(box, content.cites)
        ladder = self.ladder(frame)
        pages = flow.paginate(floored(groups, ladder[-1]), box, ladder)
        return self.pages(layout, content, [(Frame(role, box, paras), *band) for paras in pages])

    def columns(self, content: SlideContent) -> list[SlidePlan]:
        frame = self.master.frame(Layout.TWO_COLUMN)
        region = frame.content
        region, band = self.source_band(region, content.cites)
        boxes = [b.take_top(region.bottom - b.y)[0] for b in frame.bodies[:2]] if len(frame.bodies) >= 2 else list(region.split_columns(0.5, Inches(0.4)))
        role: FrameRole = "body" if len(frame.bodies) >= 2 else "text"
        lead_frames: tuple[Frame, ...] = ()
        first = boxes
        if content.lead:  # across both columns, on the first slide only
            lead = self.shrunk("text", region, [Spec(content.lead, "lead")])
            height = flow.frame_height(lead.paras, region)
            lead_frames = (replace(lead, box=region.take_top(height)[0]),)
            first = [Box(b.x, Emu(region.y + height + GAP), b.w, Emu(b.bottom - region.y - height - GAP)) for b in boxes]
        flows = []
        for heading, groups in content.columns[:2]:
            flows.append(([(Spec(bold(heading), "heading"),)] if heading else []) + groups)
        extra = [g for _, groups in content.columns[2:] for g in groups] + content.flow + content.quotes
        if extra:
            flows[-1] = flows[-1] + extra
        ladder = self.ladder(frame)
        pages = flow.paginate_many([floored(f, ladder[-1]) for f in flows], boxes, ladder, first)
        slides = []
        for k in range(max(len(p) for p in pages)):
            on = first if k == 0 else boxes
            frames = tuple(Frame(role, on[i], p[k], slot=i) for i, p in enumerate(pages) if k < len(p))
            slides.append((lead_frames if k == 0 else ()) + frames + band)
        return self.pages(Layout.TWO_COLUMN, content, slides)

    def quote(self, content: SlideContent) -> list[SlidePlan]:
        frame = self.master.frame(Layout.QUOTE)
        region = frame.content.inset(left=Inches(0.4), right=Inches(0.6))
        groups = [tuple(replace(s, scale=1.2) for s in g) for g in content.quotes]
        groups += [tuple(replace(s, kind="attribution", scale=0.8, align="r") for s in g) for g in content.flow]
        pages = flow.paginate(floored(groups, self.body_sizes[-1]), region, self.body_sizes)
        slides = []
        for paras in pages:
            height = flow.frame_height(paras, region)
            box = Box(region.x, Emu(region.y + max(0, (region.h - height) // 3)), region.w, Emu(height))
            slides.append((Frame("text", box, paras, name="Quote"),))
        out = []
        for plan in self.pages(Layout.QUOTE, content, slides):
            text = plan.frames[0].box  # an accent bar to the left of the quotation, as tall as it
            bar = Decoration(Box(Emu(text.x - Inches(0.25)), text.y, Inches(0.08), text.h), self.theme.colours.accent, "Quote Bar")
            out.append(replace(plan, decorations=plan.decorations + (bar,)))
        return out

    def figure_slides(self, content: SlideContent) -> list[SlidePlan]:
        slides: list[SlidePlan] = []
        for index, figure in enumerate(content.figures):
            layout = FIGURE_LAYOUTS[type(figure)]
            frame = self.master.frame(layout)
            region = frame.content
            frames: list[Frame] = []
            if content.lead and index == 0:
                lead = self.shrunk("text", region, [Spec(content.lead, "lead")])
                height = flow.frame_height(lead.paras, region)
                frames.append(replace(lead, box=region.take_top(height)[0]))
                region = region.take_top(height, GAP)[1]
            overflow: list[tuple[Frame, ...]] = []
            if content.flow and index == 0:
                region, text_box = region.split_columns(1 - TEXT_COLUMN, Inches(0.3))
                pages = flow.paginate(floored(content.flow, self.body_sizes[-1]), text_box, self.body_sizes)
                frames.append(Frame("text", text_box, pages[0]))
                if len(pages) > 1:
                    role, box = self.text_target(Layout.BULLETS)
                    box, band = self.source_band(box, content.cites)
                    rest = floored(_rest(pages), self.body_sizes[-1])
                    overflow = [(Frame(role, box, p), *band) for p in flow.paginate(rest, box, self.body_sizes)]
            cited = [*(content.cites if index == 0 else ()), *_row_cites(figure)]
            for k, (figure_plan, caption) in enumerate(self.place_figure(figure, region, cited, plain(content.title))):
                title = self.title_frame(content.title + (self._cont() if (index or k) else ()), frame)
                slides.append(
                    SlidePlan(
                        layout,
                        title,
                        tuple(frames if k == 0 else ()) + caption,
                        figure_plan,
                        notes=_with_full_labels(content.notes, figure_plan),
                        continuation=bool(index or k),
                        decorations=self.rule(frame),
                    )
                )
            slides.extend(self.pages(Layout.BULLETS, content, overflow, first_continued=True))
        return slides

    def text_target(self, layout: Layout) -> tuple[FrameRole, Box]:
        """Where a layout's text goes: its first text placeholder, else its content area (a text box)."""
        frame = self.master.frame(layout)
        return ("body", frame.bodies[0]) if frame.bodies else ("text", frame.content)

    def place_figure(
        self, figure: Chart | Table | Image | TableBlock, region: Box, cited: Sequence[str] = (), heading: str = ""
    ) -> list[tuple[FigurePlan, tuple[Frame, ...]]]:
        """The figure's plan(s) and caption frame(s) in *region*; a long table gives several; the source line
        names the figure's sources and those *cited* beside it.

        *region* is in text-frame terms; the figure itself is inset so its edge lines up with the text.
        """
        specs = self.caption_specs(figure, cited, heading)
        caption = self.shrunk("text", region, specs, sizes=flow.sizes(*CAPTION)) if specs else None
        cap_h = flow.frame_height(caption.paras, region) if caption else Emu(0)
        area = region.take_bottom(cap_h, Inches(0.05))[0] if caption else region
        area = area.inset(left=INSET_X, right=INSET_X)

        def under(bottom: int) -> tuple[Frame, ...]:
            return (replace(caption, box=Box(region.x, Emu(bottom + Inches(0.05)), region.w, cap_h)),) if caption else ()

        if isinstance(figure, (Table, TableBlock)):
            grid = Grid.of_table(figure) if isinstance(figure, Table) else Grid.of_runs(figure.header, figure.rows)
            alt = f"{figure.title}. {figure.caption}".strip(". ") if isinstance(figure, Table) else ""
            return [(table, under(area.y + sum(table.row_heights))) for table in plan_table(grid, area, alt, figure if isinstance(figure, Table) else None)]
        plan = plan_chart(figure, area) if isinstance(figure, Chart) else plan_image(figure, area)
        return [(plan, under(plan.box.bottom))]

    def caption_specs(self, figure: Chart | Table | Image | TableBlock, cited: Sequence[str] = (), heading: str = "") -> list[Spec]:
        """The caption and source line under a figure on a slide headed *heading*. A label is never printed
        alone: without a caption it goes before the figure's title, or not at all when the slide is titled so."""
        specs = []
        if not isinstance(figure, TableBlock):
            words = figure.caption.strip() or (figure.title.strip() if figure.title.strip() != heading.strip() else "")
            if words:
                specs.append(Spec((Run(f"{figure.label}. {words}"),), "caption"))
        own = credit(figure.source, self.theme.strings.source) if not isinstance(figure, TableBlock) else ""
        others = [ident for ident in cited if isinstance(figure, TableBlock) or ident not in figure.cites]
        line = source_line([own] if own else [], others, self.document.sources, self.theme.strings)
        if line:
            specs.append(Spec((Run(line),), "source"))
        return specs

    def source_band(self, box: Box, cited: Sequence[str]) -> tuple[Box, tuple[Frame, ...]]:
        """*box* less a band at its foot for the source line of a slide whose text cites *cited*, and the band's frame."""
        line = source_line([], cited, self.document.sources, self.theme.strings)
        if not line:
            return box, ()
        frame = self.shrunk("text", box, [Spec((Run(line),), "source")], sizes=flow.sizes(*CAPTION))
        rest, band = box.take_bottom(flow.frame_height(frame.paras, box), GAP)
        return rest, (replace(frame, box=band),)

    # -- pieces ------------------------------------------------------------------------------

    def pages(self, layout: Layout, content: SlideContent, pages: Sequence[tuple[Frame, ...]], first_continued: bool = False) -> list[SlidePlan]:
        frame = self.master.frame(layout)
        out = []
        for k, frames in enumerate(pages):
            continued = bool(k) or first_continued
            title = self.title_frame(content.title + (self._cont() if continued else ()), frame)
            out.append(SlidePlan(layout, title, frames, notes=content.notes, continuation=continued, decorations=self.rule(frame)))
        return out

    def _cont(self) -> Runs:
        return (Run(" " + self.continued),) if self.continued else ()

    def title_frame(self, runs: Runs, frame: LayoutFrame, largest: Length | None = None, inherit: bool = False) -> Frame | None:
        """The slide title, bold, fitted to the layout's title box and set on its bottom edge, just
        above the accent rule; *inherit*: aligned as the layout says (title slides). On a corporate
        master the layout decides both alignment and anchoring."""
        if not runs:
            return None
        inherited = frame.inherited
        runs = bold(runs) if inherited is None or inherited.title_bold else runs
        with fit.measuring(self.faces.titles()):
            para, _ = fit_title(runs, frame.title, largest or self.title_size(frame, self.theme.deck.sizes.title))
        role: FrameRole = "title" if frame.title_placeholder else "text"
        if not self.master.accent_rule:  # a corporate master aligns its own titles
            return Frame(role, frame.title, (replace(para, align=None),), anchor=None, name="Title")
        if inherit:  # our title slide: centred as the layout says, on the accent rule
            return Frame(role, frame.title, (replace(para, align=None),), anchor="b", name="Title")
        return Frame(role, frame.title, (para,), anchor="b", name="Title")

    def rule(self, frame: LayoutFrame, centred: bool = False) -> tuple[Decoration, ...]:
        """The accent rule under the title (our own master only; a corporate master has its own look)."""
        if not self.master.accent_rule:
            return ()
        title, width = frame.title, Inches(1.2)
        gap = max(0, min(Inches(0.08), (frame.content.y - title.bottom) // 3))
        x = title.x + (title.w - width) // 2 if centred else title.x + INSET_X
        return (Decoration(Box(Emu(x), Emu(title.bottom + gap), width, Inches(0.05)), self.theme.colours.accent),)

    def shrunk(self, role: FrameRole, box: Box, specs: list[Spec], sizes: list[Length] | None = None, inherit_align: bool = False) -> Frame:
        """A frame whose text fits *box* by shrinking alone, never below the smallest of *sizes* (the body's
        ladder unless given: the caption or furniture sizes), whatever a paragraph's level or scale.

        For text that cannot continue on another slide (a title slide's subtitle, a divider's lead, a
        lead above a figure, a caption, the furniture): what does not fit at the floor stays at the
        floor, taller than *box*; a readable line that runs long beats an unreadable one.
        """
        candidates = sizes or self.body_sizes
        paras, _ = flow.shrink(floored([tuple(specs)], candidates[-1])[0], box, candidates)
        if inherit_align:
            paras = tuple(replace(p, align=None) for p in paras)
        return Frame(role, box, paras)

    def logo(self, layout: Layout) -> tuple[Picture, ...]:
        """The theme's logo: large at the top left of title slides, small at the bottom left of the others."""
        path = self.theme.logo_path
        choice = self.theme.deck.logo
        place = self.master.furniture.logo
        if path is None or choice == "never":
            return ()
        if self.master.corporate and choice == "auto":  # the master's own furniture first
            title_slide = layout in (Layout.TITLE, Layout.CLOSING)
            if self.master.furniture.shows_picture or (not title_slide and self.master.furniture.date is not None):
                return ()
        if layout in (Layout.TITLE, Layout.CLOSING):
            box = fit_picture(path, Box(Emu(place.x + INSET_X), Inches(0.4), Inches(3), Inches(0.8)), "logo")
        else:
            box = fit_picture(path, place.inset(left=INSET_X, top=Inches(0.05), bottom=Inches(0.05)), "logo")
        return (Picture(path, box, f"{self.theme.name} logo"),)

    def furniture(self, number: int, marking: str, date: str = "") -> tuple[Frame, ...]:
        """The slide number, the marking and (on a corporate master with a date placeholder) the date; the writer
        puts each into the master's placeholder for it where the slide's layout has one."""
        place = self.master.furniture
        out = [self.shrunk("text", place.number, [Spec((Run(str(number)),), "slidenum", align="r")], flow.sizes(*FURNITURE))]
        out[0] = replace(out[0], name="Slide Number")
        if marking:
            out.append(replace(self.shrunk("text", place.marking, [Spec((Run(marking),), "marking", align="ctr")], flow.sizes(*FURNITURE)), name="Marking"))
        if date and place.date is not None:
            out.append(replace(self.shrunk("text", place.date, [Spec((Run(date),), "plain", align="l")], flow.sizes(*FURNITURE)), name="Date"))
        return tuple(out)


def floored(groups: Sequence[Group], floor: Length) -> list[Group]:
    """*groups* with no paragraph allowed below *floor*: a sub-point, a quote's attribution or a title
    slide's small print stops at the floor rather than scaling below it."""
    return [tuple(replace(s, floor=floor) for s in group) for group in groups]


def _with_full_labels(notes: str, figure: FigurePlan) -> str:
    """The notes, with a line giving a chart's category labels in full when the chart shows them abbreviated."""
    if not isinstance(figure, ChartPlan) or figure.categories == figure.chart.categories:
        return notes
    line = f"{figure.chart.label}: " + "; ".join(figure.chart.categories)
    return "\n".join(filter(None, (notes, line)))


def _row_cites(figure: Chart | Table | Image | TableBlock) -> list[str]:
    return [ident for row in figure.row_cites for ident in row] if isinstance(figure, Table) else []


def _rest(pages: list[tuple[Para, ...]]) -> list[Group]:
    """Paragraphs after the first frame, as groups again (their sizes are chosen anew)."""
    return [(Spec(p.runs, p.kind, p.level, p.number, p.continued, digits=len(str(p.number))),) for page in pages[1:] for p in page]
