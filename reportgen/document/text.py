"""Text cleaning, done once as the Document is built (:mod:`reportgen.document.markdown`).

Renderers trust a Document's text: every string in it has been through
:func:`clean`. What a renderer does to text afterwards (reportlab's XML
escaping, say) is its own serialisation, not cleaning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from reportgen.document.model import Chart, DocumentInfo, Figure, Runs, Series, Table
from reportgen.xmltext import carriable


def clean(text: str) -> str:
    """*text* with newlines made ``\\n`` and without the characters no output can carry
    (:data:`reportgen.xmltext.UNCARRIABLE`: C0 controls but tab and newline, DEL, C1 controls,
    lone surrogates, U+FFFE/F)."""
    return carriable(text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_runs(runs: Runs) -> Runs:
    """*runs* cleaned; runs left empty are dropped (but an anchor, which has no text)."""
    out = []
    for run in runs:
        text = clean(run.text)
        href = clean(run.href) if run.href is not None else None
        if text or run.anchor is not None:
            same = text == run.text and href == run.href
            out.append(run if same else replace(run, text=text, href=href))
    return tuple(out)


ELLIPSIS = "\u2026"


def ellipsize(text: str, width: float, measure: Callable[[str], float]) -> str:
    """*text*, cut with an ellipsis to be at most *width* wide as *measure* measures it.

    The brief's rule for both formats: cut at a word (``Ministry of…``). Only when not even
    the first word fits is that word cut inside (a long category label, CJK text without
    spaces), so the result is never the ellipsis alone while a character could show.
    """
    if measure(text) <= width:
        return text
    words = text.split()
    while words and measure(" ".join(words) + ELLIPSIS) > width:
        words.pop()
    if words:
        return " ".join(words) + ELLIPSIS
    first = text.split()[0] if text.split() else ""
    keep = len(first)
    while keep > 1 and measure(first[:keep] + ELLIPSIS) > width:
        keep -= 1
    return first[:keep] + ELLIPSIS


def clean_info(info: DocumentInfo) -> DocumentInfo:
    """*info* with every text cleaned."""
    texts: dict[str, Any] = {name: clean(getattr(info, name)) for name in ("title", "subtitle", "author", "organization", "marking", "language", "subject")}
    return replace(info, keywords=tuple(clean(k) for k in info.keywords), **texts)


def clean_figure(figure: Figure) -> Figure:
    """*figure* with every text cleaned (its title, caption, source, cells, labels and names)."""
    common: dict[str, Any] = {name: clean(getattr(figure, name)) for name in ("title", "caption", "source", "label_word")}
    if isinstance(figure, Chart):
        series = tuple(Series(clean(s.name), s.values) for s in figure.series)
        return replace(figure, categories=tuple(map(clean, figure.categories)), series=series, unit=clean(figure.unit), **common)
    if isinstance(figure, Table):
        rows = tuple(tuple(map(clean, row)) for row in figure.rows)
        return replace(figure, columns=tuple(map(clean, figure.columns)), rows=rows, **common)
    return replace(figure, alt=clean(figure.alt), **common)
