"""Readable from the back of the room: no level of text, caption, chart or table label, or furniture below its floor."""

from __future__ import annotations

import pytest

from reportgen.document.model import Chart, Series
from reportgen.render.pptx.master import open_master
from reportgen.slides import flow
from reportgen.slides.figures import CHART_FONT, TABLE_MIN, plan_chart
from reportgen.slides.model import ChartPlan, TablePlan
from reportgen.slides.plan import CAPTION, FURNITURE, _with_full_labels, plan_deck
from reportgen.slides.units import Box, Inches, Pt
from reportgen.theme import Theme

CAPTION_KINDS = ("caption", "source")
FURNITURE_KINDS = ("slidenum", "marking")


def with_sizes(theme: Theme, **sizes: float) -> Theme:
    deck = theme.deck.model_copy(update={"sizes": theme.deck.sizes.model_copy(update=sizes)})
    return theme.model_copy(update={"deck": deck})


def smallest(plans, kinds=None, furniture=False) -> float:
    paras = [p for plan in plans for frame in (plan.furniture if furniture else plan.frames) for p in frame.paras]
    return min(p.size.pt for p in paras if kinds is None or p.kind in kinds)


@pytest.mark.parametrize("deck", ["normal", "stress", "figures"])
def test_no_paragraph_of_any_level_is_below_its_floor(request, theme, deck):
    plans = plan_deck(request.getfixturevalue(deck), theme, open_master(theme))
    body = [p for plan in plans for frame in plan.frames for p in frame.paras if p.kind not in CAPTION_KINDS]
    assert min(p.size.pt for p in body) >= theme.deck.sizes.body_min
    assert any(p.level == 2 for p in body) or deck != "stress"  # the stress deck has third-level points
    if any(p.kind in CAPTION_KINDS for plan in plans for frame in plan.frames for p in frame.paras):
        assert smallest(plans, CAPTION_KINDS) >= 14
    assert smallest(plans, furniture=True) >= 10
    for plan in plans:
        if isinstance(plan.figure, (ChartPlan, TablePlan)):
            assert plan.figure.font_size >= Pt(14)


def test_third_level_points_keep_a_high_minimum(stress, theme):
    """A minimum of 24 pt holds for sub-points too (they used to scale down to 19 pt)."""
    plans = plan_deck(stress, with_sizes(theme, body=24, body_min=24), open_master(theme))
    levels = {p.level: p.size for plan in plans for frame in plan.frames for p in frame.paras if p.kind in ("bullet", "number")}
    assert set(levels) == {0, 1, 2}
    assert all(size == Pt(24) for size in levels.values())


def test_sub_points_scale_down_only_to_the_floor():
    spec = flow.Spec((), "bullet", level=1, floor=Pt(18))
    assert flow.para_size(spec, Pt(24)) == Pt(21)
    assert flow.para_size(spec, Pt(18)) == Pt(18)
    assert flow.para_size(flow.Spec((), "bullet", level=2), Pt(18)) == Pt(14)  # without a floor: the level's scale


def test_the_floors_are_the_issues_sizes():
    assert CAPTION[1] == CHART_FONT[1] == TABLE_MIN == Pt(14)
    assert FURNITURE[1] == Pt(10)


def chart(categories: tuple[str, ...]) -> Chart:
    return Chart(id="c", kind="bar", number=1, title="T", caption="", categories=categories,
                 series=(Series("s", tuple(float(i) for i in range(len(categories)))),), source="")


BOX = Box(Inches(0.5), Inches(1.5), Inches(8), Inches(4))


@pytest.mark.parametrize(("categories", "rotation"), [
    (("2022", "2023", "2024"), 0),
    (tuple(f"Programme {i}" for i in range(12)), -45),
])
def test_chart_labels_rotate_before_they_wrap(categories, rotation):
    plan = plan_chart(chart(categories), BOX)
    assert (plan.label_rotation, plan.categories, plan.font_size) == (rotation, categories, Pt(14))


def test_chart_labels_wrap_when_rotation_cannot_fit():
    words = tuple(f"Ministry of Defence equipment programme number {i}" for i in range(4))
    plan = plan_chart(chart(words), Box(Inches(0.5), Inches(1.5), Inches(10), Inches(1.6)))
    assert plan.label_rotation == 0 and plan.categories == words


def test_abbreviated_chart_labels_are_given_in_full_in_the_notes():
    long = tuple(f"An extremely long category name that cannot fit anywhere {i}" for i in range(30))
    figure = chart(long)
    plan = plan_chart(figure, BOX)
    assert plan.categories != long and plan.font_size == Pt(14)
    notes = _with_full_labels("Say this.", plan)
    assert notes.splitlines()[0] == "Say this."
    assert notes.splitlines()[1] == f"{figure.label}: " + "; ".join(long)
    assert _with_full_labels("Say this.", plan_chart(chart(("2022", "2023")), BOX)) == "Say this."
