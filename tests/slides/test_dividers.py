"""Section dividers as a theme choice (``deck.section_dividers``), folded into the section's first slide by default."""

from __future__ import annotations

from reportgen.document.model import Run, plain
from reportgen.document.vocab import Layout
from reportgen.render.pptx.master import open_master
from reportgen.slides.content import SlideContent
from reportgen.slides.dividers import fold_dividers
from reportgen.slides.flow import Spec
from reportgen.slides.plan import plan_deck
from reportgen.theme import Theme


def runs(text: str) -> tuple[Run, ...]:
    return (Run(text),)


def dividers_on(theme: Theme) -> Theme:
    return theme.model_copy(update={"deck": theme.deck.model_copy(update={"section_dividers": True})})


def test_dividers_are_off_by_default_and_their_lead_goes_under_the_first_slide(normal, theme):
    assert Theme().deck.section_dividers is False
    without = plan_deck(normal, theme, open_master(theme))
    with_them = plan_deck(normal, dividers_on(theme), open_master(theme))
    assert [p.layout for p in with_them].count(Layout.SECTION) == 1
    assert Layout.SECTION not in [p.layout for p in without] and len(without) == len(with_them) - 1
    first = next(p for p in without if p.layout == Layout.BULLETS)
    lead = plain(first.frames[0].paras[0].runs)
    assert first.frames[0].paras[0].kind == "lead" and lead.startswith("Japan faces a crowded threat picture.\n")


def test_a_divider_folds_into_the_next_slide_with_its_notes_first():
    divider = SlideContent(runs("Outlook"), Layout.SECTION, runs("What comes next."), notes="Pause here.")
    slide = SlideContent(runs("Outlook"), Layout.BULLETS, notes="The points.", flow=[(Spec(runs("A point"), "bullet"),)])
    (merged,) = fold_dividers([divider, slide])
    assert (plain(merged.lead), merged.notes, merged.layout) == ("What comes next.", "Pause here.\nThe points.", Layout.BULLETS)


def test_a_divider_titled_differently_leads_with_its_title():
    divider = SlideContent(runs("Outlook"), Layout.SECTION, runs("What comes next."))
    slide = SlideContent(runs("Budget"), Layout.CHART)
    (merged,) = fold_dividers([divider, slide])
    assert plain(merged.lead) == "Outlook: What comes next." and plain(merged.title) == "Budget"


def test_a_divider_with_content_of_its_own_or_nothing_after_it_stays():
    busy = SlideContent(runs("Outlook"), Layout.SECTION, flow=[(Spec(runs("said here only")),)])
    last = SlideContent(runs("Close"), Layout.SECTION, runs("The end."))
    closing = SlideContent(runs("Questions"), Layout.CLOSING)
    slides = [busy, SlideContent(runs("Outlook")), last, closing]
    assert [s.layout for s in fold_dividers(slides)] == [Layout.SECTION, Layout.BULLETS, Layout.SECTION, Layout.CLOSING]


def test_a_folded_divider_hands_its_section_and_minutes_to_the_slide_after_it():
    divider = SlideContent(layout=Layout.SECTION, section="strategy", minutes=5.0)
    first = SlideContent(layout=Layout.BULLETS, section="strategy")
    (merged,) = fold_dividers([divider, first])
    assert (merged.section, merged.minutes) == ("strategy", 5.0)
