"""The handout's closing page: the bottom line, the recommendations and the sources, as the deck's summary and sources slides give them.

The text is the slides' own (their plans' titles and points), set in the brief's
styles so it reads as the brief does; a long list of sources shrinks to stay on
the one page rather than spill onto another.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph, Spacer

from reportgen.render.handout.grid import GUTTER, Area
from reportgen.render.kit.sheet import Sheet
from reportgen.render.pdf.inline import text_markup
from reportgen.slides.model import Para, SlidePlan

SHOWN = ("summary", "recommendations", "sources")
"""The slide layouts whose text the closing page gives, in its order."""


def draw(sheet: Sheet, area: Area) -> None:
    """The closing page's text in *area* of the current page."""
    story: list[Flowable] = []
    for layout in SHOWN:
        plan = next((p for p in sheet.drawing.plans if p.layout == layout), None)
        if plan is not None:
            story.extend(_part(sheet, plan))
    frame = Frame(area.left, area.bottom, area.width, area.height, leftPadding=0, rightPadding=0, topPadding=GUTTER, bottomPadding=0)
    frame.addFromList([KeepInFrame(area.width, area.height - GUTTER, story, mode="shrink")], sheet.canvas)


def _part(sheet: Sheet, plan: SlidePlan) -> list[Flowable]:
    """One slide's title as a heading and its points as a list."""
    title = _text(plan.title.paras) if plan.title is not None else ""
    flow: list[Flowable] = [sheet.text(title, "h2")] if title else []
    language = sheet.document.info.language
    for frame in plan.frames:
        if frame.role != "body":
            continue
        for para in frame.paras:
            text = "".join(run.text for run in para.runs)
            if not text.strip():
                continue
            style = sheet.styles.bullet(para.level, ordered=False)
            bullet = None if para.continued else sheet.styles.bullet_text(para.level, False, 0)
            flow.append(Paragraph(text_markup(text, lang=language), style, bulletText=bullet))
    flow.append(Spacer(0, GUTTER))
    return flow


def _text(paras: tuple[Para, ...]) -> str:
    return " ".join("".join(run.text for run in para.runs) for para in paras)
