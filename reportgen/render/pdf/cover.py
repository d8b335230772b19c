"""The cover page's flowables (title, accent rule, subtitle, meta lines at the foot), and the
compact masthead a short brief opens with instead of a cover page.

The ``cover`` container holds a level-1 heading (title), a level-2 heading
(subtitle) and paragraphs (author, organisation, date). The page itself (the
colour band, logo and markings) is drawn by the cover page template in
``page.py``; this module only sets the text.
"""

from __future__ import annotations

from typing import Protocol

from reportlab.platypus import Flowable, HRFlowable, NextPageTemplate, PageBreak, Spacer, Table
from reportlab.platypus.flowables import TopPadder

from reportgen.document.model import Block, Container, Document, Heading, Runs
from reportgen.document.model import Paragraph as ParagraphBlock
from reportgen.render.pdf.flow import Para
from reportgen.render.pdf.inline import text_markup
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.units import Pt


class StoryParts(Protocol):
    """What the cover needs of the story it opens (``story.StoryBuilder`` is one): its styles,
    the document, inline markup and the flowables of any other block."""

    styles: Styles
    document: Document

    def markup(self, runs: Runs) -> str: ...

    def block(self, block: Block, width: float) -> list[Flowable]: ...

COVER = "cover"
BODY = "body"
"""Page template ids."""

TITLE_AT = 0.30
"""Where the title starts, as a fraction of the page height from the top."""


def cover_flowables(container: Container, builder: StoryParts, *, first: bool) -> list[Flowable]:
    styles = builder.styles
    geometry = styles.geometry
    width = geometry.frame_width
    title: list[Flowable] = []
    subtitle: list[Flowable] = []
    meta: list[Flowable] = []
    for block in container.blocks:
        if isinstance(block, Heading) and block.level == 1 and not title:
            title.append(Para(builder.markup(block.runs), styles["cover_title"]))
        elif isinstance(block, Heading):
            subtitle.append(Para(builder.markup(block.runs), styles["cover_subtitle"]))
        elif isinstance(block, ParagraphBlock) and block.runs:
            style = styles["cover_author"] if not meta else styles["cover_meta"]
            meta.append(Para(builder.markup(block.runs), style))
        else:
            meta += builder.block(block, width)
    if not title:
        title.append(Para(text_markup(builder.document.info.title), styles["cover_title"]))

    story: list[Flowable] = [] if first else [NextPageTemplate(COVER), PageBreak()]
    story.append(Spacer(1, max(0.0, geometry.page_height * TITLE_AT - geometry.top)))
    story += title
    story.append(HRFlowable(width=Pt(56), thickness=3, color=styles.colours.accent, hAlign=styles.sides.h_align,
                            spaceBefore=Pt(16), spaceAfter=Pt(14)))
    story += subtitle
    if meta:  # at the foot of the page, under a hairline
        block = Table([[meta]], colWidths=[width], hAlign=styles.sides.h_align, style=styles.table_style([
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, styles.colours.rule),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), Pt(12)),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        story.append(TopPadder(block))
    story += [NextPageTemplate(BODY), PageBreak()]
    return story


def masthead_flowables(container: Container, builder: StoryParts) -> list[Flowable]:
    """A title block at the top of the first page: title, subtitle, one meta line, accent rule."""
    styles = builder.styles
    story: list[Flowable] = []
    for block in container.blocks:
        if isinstance(block, Heading) and block.level == 1:
            story.append(Para(builder.markup(block.runs), styles["masthead_title"]))
        elif isinstance(block, Heading):
            story.append(Para(builder.markup(block.runs), styles["cover_subtitle"]))
        elif isinstance(block, ParagraphBlock) and block.runs:
            story.append(Para(builder.markup(block.runs), styles["masthead_meta"]))
        else:
            story += builder.block(block, styles.geometry.frame_width)
    story.append(HRFlowable(width=Pt(56), thickness=3, color=styles.colours.accent, hAlign=styles.sides.h_align,
                            spaceBefore=Pt(10), spaceAfter=Pt(14)))
    return story
