"""Section dividers as a theme choice: without them, a divider's lead goes under its section's first slide.

A divider slide repeats the section's title and lead and nothing else, so a five-section talk spends five
slides on them. With ``deck.section_dividers: false`` (the default) the planner folds each divider into
the slide after it: the lead becomes that slide's lead line (under its title), the divider's notes come
before the slide's own. A divider with anything else on it (points, figures, columns, quotes) is kept,
as is one with no content slide after it, so that nothing the template wrote is lost.
"""

from __future__ import annotations

from dataclasses import replace

from reportgen.document.model import LINE_BREAK, Run, Runs, plain
from reportgen.document.vocab import Layout
from reportgen.slides.content import SlideContent

_NOT_CONTENT = (Layout.TITLE, Layout.CLOSING, Layout.SECTION)


def fold_dividers(slides: list[SlideContent]) -> list[SlideContent]:
    """*slides* with every foldable section divider merged into the slide that follows it."""
    out: list[SlideContent] = []
    pending: SlideContent | None = None
    for slide in slides:
        if pending is not None:
            if slide.layout in _NOT_CONTENT:
                out.append(pending)
            else:
                slide = _merged(pending, slide)
            pending = None
        if slide.layout == Layout.SECTION and _foldable(slide):
            pending = slide
        else:
            out.append(slide)
    if pending is not None:
        out.append(pending)
    return out


def _foldable(divider: SlideContent) -> bool:
    return not (divider.flow or divider.columns or divider.figures or divider.quotes)


def _merged(divider: SlideContent, slide: SlideContent) -> SlideContent:
    """*slide* under the divider's lead; when their titles differ, the section's title leads the line."""
    lead: Runs = divider.lead
    if divider.title and plain(divider.title).strip() != plain(slide.title).strip():
        lead = divider.title + ((Run(": "),) + lead if lead else ())
    if lead and slide.lead:
        lead = lead + (Run(LINE_BREAK),) + slide.lead
    notes = "\n".join(filter(None, (divider.notes, slide.notes)))
    minutes = slide.minutes if slide.minutes is not None else divider.minutes  # the section's minutes, said on its divider
    return replace(slide, lead=lead or slide.lead, notes=notes, section=slide.section or divider.section, minutes=minutes)
