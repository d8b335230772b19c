"""reportgen.slides.cues: notes once, cues for continuations, figures and the generated slides."""

from __future__ import annotations

from reportgen.document.model import Chart, Run, Series
from reportgen.document.vocab import ChartKind, Layout
from reportgen.slides.content import SlideContent
from reportgen.slides.cues import fill, spoken_time, with_notes
from reportgen.slides.flow import Spec
from reportgen.slides.model import ChartPlan, Frame, Para, SlidePlan
from reportgen.slides.units import Box, Emu, Pt
from reportgen.theme.model import Strings

BOX = Box(Emu(0), Emu(0), Emu(100), Emu(100))
STRINGS = Strings()


def bullets(*texts: str, continued_first: bool = False) -> tuple[Frame, ...]:
    paras = tuple(Para((Run(t),), Pt(18), "bullet", continued=continued_first and i == 0) for i, t in enumerate(texts))
    return (Frame("body", BOX, paras),)


def test_fill_leaves_unknown_and_broken_placeholders():
    assert fill("{a} and {b}", a=1) == "1 and {b}"
    assert fill("{a", a=1) == "{a"


def test_spoken_time_in_the_language():
    assert spoken_time(32, STRINGS) == "30 s"
    assert spoken_time(150, STRINGS) == "2.5 min"
    ja = Strings(time_seconds="{seconds}秒", time_minutes="{minutes}分")
    assert spoken_time(45, ja) == "45秒" and spoken_time(120, ja) == "2分"


def test_continuations_get_their_own_cue_counting_points():
    content = SlideContent(title=(Run("Strategy"),), notes="Say the strategy.")
    slides = [
        SlidePlan(Layout.BULLETS, None, bullets("a", "b", "c")),
        SlidePlan(Layout.BULLETS, None, bullets("c rest", "d", "e", continued_first=True), continuation=True),
        SlidePlan(Layout.BULLETS, None, bullets("f"), continuation=True),
    ]
    noted = with_notes([content], [slides], STRINGS)
    assert [s.notes for s in noted.slides] == ["Say the strategy.", "Continued: points 3–5.", "Continued: points 6."]


def test_figure_cue_names_the_figure_and_its_source():
    chart = Chart("c", ChartKind.BAR, 2, "Budget", "", ("a",), (Series("s", (1.0,)),), "Source: MoD")
    content = SlideContent(title=(Run("Budget"),), layout=Layout.CHART, figures=[chart])
    slide = SlidePlan(Layout.CHART, None, figure=ChartPlan(chart, BOX, Pt(14)))
    noted = with_notes([content], [[slide]], STRINGS)
    assert noted.slides[0].notes == "Show Figure 2, “Budget”, and say what it tells us (source: MoD)."


def test_generated_cues_say_how_long_and_are_never_repeated():
    agenda = SlideContent(title=(Run("Agenda"),), layout=Layout.AGENDA, flow=[(Spec((Run("One"),), "number"),), (Spec((Run("Two"),), "number"),)])
    twin = SlideContent(title=(Run("Same"),))
    contents = [agenda, twin, twin]
    planned = [[SlidePlan(c.layout, None)] for c in contents]
    noted = with_notes(contents, planned, STRINGS)
    timed = [s.__class__(**{**s.__dict__, "seconds": 30.0, "number": i + 1}) for i, s in enumerate(noted.slides)]
    out = noted.finish(timed)
    assert out[0].notes == "Take the room through the 2 parts of the talk. About 30 s."
    assert out[1].notes == "Talk through “Same”. About 30 s."
    assert out[2].notes == "Talk through “Same”. About 30 s. (3)"
