"""Speaker notes for every slide, none repeated: the outline's own notes once, short cues elsewhere.

A slide read from the templates keeps its notes on its first slide only. A
continuation slide gets a cue of its own ("Continued: points 4–6", counting the
points it shows), a figure slide without notes a cue naming the figure and its
source, and every other slide without notes a cue for its layout (the title,
agenda, sources and closing slides) that says how long it takes once
:mod:`timing` has decided. The words are the theme's (``strings.cue_*``), in
the outline's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from reportgen.document.figures import credit
from reportgen.document.model import Figure, Table, TableBlock, plain
from reportgen.document.vocab import Layout
from reportgen.slides.content import SlideContent
from reportgen.slides.model import ChartPlan, ImagePlan, SlidePlan, TablePlan
from reportgen.theme.model import Strings

POINT_KINDS = ("bullet", "number", "plain", "quote")


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: object) -> str:
    """*template* with the *values* it names; an unknown or malformed placeholder is left as written."""
    try:
        return template.format_map(_Keep({k: str(v) for k, v in values.items()}))
    except (ValueError, IndexError, AttributeError):
        return template


def spoken_time(seconds: float, strings: Strings) -> str:
    """``45 s`` under a minute and a half (to 5 s), else ``2 min``, ``2.5 min`` (to the half minute)."""
    if seconds < 90:
        return fill(strings.time_seconds, seconds=max(5, round(seconds / 5) * 5))
    return fill(strings.time_minutes, minutes=f"{round(seconds / 30) / 2:g}")


@dataclass
class Noted:
    """The slides with their notes, each slide's section, and the cues still waiting for their time."""

    slides: list[SlidePlan]
    sections: list[str]
    minutes: dict[str, float]
    strings: Strings
    pending: dict[int, str] = field(default_factory=dict)
    """Slide index -> a cue with ``{time}`` in it."""
    generated: set[int] = field(default_factory=set)

    def finish(self, slides: Sequence[SlidePlan]) -> list[SlidePlan]:
        """*slides* (timed) with the time in their cues, and no generated cue equal to another slide's notes."""
        out = list(slides)
        for index, template in self.pending.items():
            out[index] = replace(out[index], notes=fill(template, time=spoken_time(out[index].seconds, self.strings)))
        seen: set[str] = set()
        for index, slide in enumerate(out):
            if index in self.generated and slide.notes in seen:
                out[index] = replace(slide, notes=f"{slide.notes} ({slide.number})")
            seen.add(out[index].notes)
        return out


def with_notes(contents: Sequence[SlideContent], planned: Sequence[Sequence[SlidePlan]], strings: Strings) -> Noted:
    """Every planned slide with notes: the slide content's notes on its first slide, cues on the others."""
    noted = Noted([], [], {}, strings)
    for content, slides in zip(contents, planned, strict=True):
        if content.section and content.minutes is not None:
            noted.minutes.setdefault(content.section, content.minutes)
        counter = _PointCounter()
        previous: Figure | TableBlock | None = None
        part = 0
        parts = _parts(content, slides)
        for k, slide in enumerate(slides):
            shown = _figure_of(slide, content)
            part = part + 1 if shown is not None and shown is previous else 1
            previous = shown
            first, last = counter.count(slide)
            index = len(noted.slides)
            noted.sections.append(content.section)
            if k == 0 and content.notes:
                noted.slides.append(replace(slide, notes=content.notes))
                continue
            noted.generated.add(index)
            title = plain(content.title)
            if shown is not None and part > 1:
                text = fill(strings.cue_continued_part, title=title, part=part, parts=parts.get(id(shown), part))
            elif shown is not None and not isinstance(shown, TableBlock):
                text = _figure_cue(shown, strings)
            elif slide.continuation and last >= first:
                text = fill(strings.cue_continued, points=f"{first}–{last}" if last > first else str(first))
            elif slide.continuation:
                text = fill(strings.cue_continued_part, title=title, part=k + 1, parts=len(slides))
            else:
                noted.pending[index] = fill(_layout_cue(content.layout, strings), title=title, count=_count(content))
                text = ""
            noted.slides.append(replace(slide, notes=text))
    return noted


def _layout_cue(layout: Layout, strings: Strings) -> str:
    return {
        Layout.TITLE: strings.cue_title,
        Layout.AGENDA: strings.cue_agenda,
        Layout.SECTION: strings.cue_section,
        Layout.SUMMARY: strings.cue_summary,
        Layout.SOURCES: strings.cue_sources,
        Layout.RECOMMENDATIONS: strings.cue_recommendations,
        Layout.CLOSING: strings.cue_closing,
    }.get(layout, strings.cue_slide)


def _count(content: SlideContent) -> int:
    """The slide's points: its top-level items (agenda parts, judgments, sources)."""
    return sum(1 for group in content.flow if group and group[0].level == 0)


def _figure_cue(figure: Figure, strings: Strings) -> str:
    source = credit(figure.source, strings.source)
    template = strings.cue_figure_source if source else strings.cue_figure
    return fill(template, label=figure.label, title=figure.title, source=source)


def _figure_of(slide: SlidePlan, content: SlideContent) -> Figure | TableBlock | None:
    """Which of the content's figures *slide* shows (a table by its alternative text, as the planner wrote it)."""
    plan = slide.figure
    if isinstance(plan, ChartPlan):
        return next((f for f in content.figures if f is plan.chart), plan.chart)
    if isinstance(plan, ImagePlan):
        return next((f for f in content.figures if f is plan.image), plan.image)
    if isinstance(plan, TablePlan):
        tables = [f for f in content.figures if isinstance(f, (Table, TableBlock))]
        for table in tables:
            alt = f"{table.title}. {table.caption}".strip(". ") if isinstance(table, Table) else ""
            if alt == plan.alt:
                return table
        return tables[0] if tables else None
    return None


def _parts(content: SlideContent, slides: Sequence[SlidePlan]) -> dict[int, int]:
    """How many slides each figure takes (by the figure's identity)."""
    counts: dict[int, int] = {}
    for slide in slides:
        shown = _figure_of(slide, content)
        if shown is not None:
            counts[id(shown)] = counts.get(id(shown), 0) + 1
    return counts


class _PointCounter:
    """Numbers the points across a content's slides: a point begun on one slide and continued is one point."""

    def __init__(self) -> None:
        self.seen = 0

    def count(self, slide: SlidePlan) -> tuple[int, int]:
        """The first and last point *slide* shows (last < first: none)."""
        first = self.seen + 1
        started = False
        for frame in slide.frames:
            for para in frame.paras:
                if para.level != 0 or para.kind not in POINT_KINDS:
                    continue
                if para.continued and not started:
                    first = self.seen
                else:
                    self.seen += 1
                started = True
        return first, self.seen

