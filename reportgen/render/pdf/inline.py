"""Runs -> reportlab paragraph markup.

reportlab's ``Paragraph`` parses an XML-like markup, so every piece of text
that goes into one passes through :func:`text_markup` here: ``<``, ``>``, ``&``
(and quotes in attributes) are escaped. The text is clean already: the
Document's reader removed the characters XML cannot carry
(:mod:`reportgen.document.text`). Nothing else in this package builds paragraph markup from text.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from reportgen.document.model import LINE_BREAK, Run, Runs
from reportgen.render.pdf.fonts import segments


def text_markup(text: str, context: str = "", lang: str | None = None) -> str:
    """Plain *text* as markup that shows exactly *text*, each character in the font its script's chain
    names (*context*: the whole field; *lang*: the language its span names)."""
    return "".join(
        escape(piece) if font is None else f"<font face={quoteattr(font)}>{escape(piece)}</font>"
        for piece, font in segments(text, context, lang)
    )


def run_markup(run: Run, *, mono: str, link: str, context: str = "") -> str:
    """One run as markup: code in the *mono* font, links underlined in colour *link* (``#RRGGBB``);
    *context* is the paragraph's text."""
    if run.text == LINE_BREAK:
        return "<br/>"
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
    href = (run.href or "").strip()
    if href:
        out = f"<a href={quoteattr(href)} color={quoteattr(link)}><u>{out}</u></a>"
    return out


def runs_markup(runs: Runs, *, mono: str, link: str) -> str:
    """The markup of a paragraph made of *runs*."""
    context = "".join(run.text for run in runs)
    return "".join(run_markup(run, mono=mono, link=link, context=context) for run in runs)


def plain_text(runs: Runs) -> str:
    """The runs as one line of plain text (hard breaks become spaces), for outlines and metadata."""
    text = "".join(" " if run.text == LINE_BREAK else run.text for run in runs)
    return " ".join(text.split())
