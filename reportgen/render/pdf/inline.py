"""Runs -> reportlab paragraph markup.

reportlab's ``Paragraph`` parses an XML-like markup, so every piece of text
that goes into one passes through :func:`text_markup` here: ``<``, ``>``, ``&``
(and quotes in attributes) are escaped. The text is clean already: the
Document's reader removed the characters XML cannot carry
(:mod:`reportgen.document.text`). Nothing else in this package builds paragraph markup from text.
"""

from __future__ import annotations

from dataclasses import replace
from xml.sax.saxutils import escape, quoteattr

from reportgen.document.model import LINE_BREAK, Run, Runs
from reportgen.render.pdf.citelinks import CitationLinks
from reportgen.render.pdf.fonts import segments


def text_markup(text: str, context: str = "", lang: str | None = None) -> str:
    """Plain *text* as markup that shows exactly *text*, each character in the font its script's chain
    names (*context*: the whole field; *lang*: the language its span names)."""
    return "".join(
        escape(piece) if font is None else f"<font face={quoteattr(font)}>{escape(piece)}</font>"
        for piece, font in segments(text, context, lang)
    )


def run_markup(run: Run, *, mono: str, link: str, context: str = "", links: CitationLinks | None = None) -> str:
    """One run as markup: code in the *mono* font, links underlined in colour *link* (``#RRGGBB``);
    *context* is the paragraph's text; *links* settles citations and anchors (without it they are left out)."""
    if run.text == LINE_BREAK:
        return "<br/>"
    if links is None and (run.cite is not None or run.anchor is not None or run.superscript):
        return ""
    if links is not None and not links.shown(run):
        return ""
    if run.cite is not None and links is not None:
        return links.markup(run.cite, link)
    if run.anchor is not None:
        return f"<a name={quoteattr(run.anchor)}/>" + run_markup(replace(run, anchor=None), mono=mono, link=link, context=context)
    out = text_markup(run.text, context, run.lang)
    if not out:
        return ""
    if run.code:
        out = f"<font face={quoteattr(mono)}>{out}</font>"
    if run.strike:
        out = f"<strike>{out}</strike>"
    if run.italic:
        out = f"<i>{out}</i>"
    if run.bold:
        out = f"<b>{out}</b>"
    if run.superscript:
        out = f"<super>{out}</super>"
    href = (run.href or "").strip()
    if href:
        out = f"<a href={quoteattr(href)} color={quoteattr(link)}><u>{out}</u></a>"
    return out


def runs_markup(runs: Runs, *, mono: str, link: str, links: CitationLinks | None = None) -> str:
    """The markup of a paragraph made of *runs*; a comma between citations goes only where both are shown."""
    context = "".join(run.text for run in runs if not run.superscript)
    out: list[str] = []
    for index, run in enumerate(runs):
        if run.superscript and run.cite is None and not _between_shown(runs, index, links):
            continue
        out.append(run_markup(run, mono=mono, link=link, context=context, links=links))
    return "".join(out)


def _between_shown(runs: Runs, index: int, links: CitationLinks | None) -> bool:
    """Whether the citations either side of the separator at *index* are both drawn."""
    before, after = runs[index - 1] if index else None, runs[index + 1] if index + 1 < len(runs) else None
    return links is not None and all(r is not None and r.cite is not None and links.shown(r) for r in (before, after))


def plain_text(runs: Runs) -> str:
    """The runs as one line of plain text (hard breaks become spaces), for outlines and metadata."""
    text = "".join(" " if run.text == LINE_BREAK else run.text for run in runs if not run.superscript)
    return " ".join(text.split())
