"""From a validated Outline to what the later stages need.

Templates get a context (the outline plus figure numbers and formatted
sources); renderers get a DocumentInfo and the figures as document types.
Nothing downstream of this module sees the outline model.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from reportgen.document.model import Chart, CitedSource, DocumentInfo, Figure, Image, Series, Table
from reportgen.outline.citations import citation_numbers, short_form
from reportgen.outline.model import ChartFigure, ImageFigure, Outline, Source, TableFigure
from reportgen.templating.plain import plain
from reportgen.theme import Theme

RENDERERS_ONLY = frozenset({"path", "location"})
"""Figure fields templates do not see: an image's resolved file path, a table's place in the outline."""


def source_credit(source: Source) -> str:
    """A short credit for a figure's source line: ``Kyodo News via nippon.com, 2023-12-22``."""
    who = source.author or source.publisher or source.title
    if source.publisher and source.publisher != who:
        who = f"{who} via {source.publisher}"
    return f"{who}, {source.date}" if source.date else who


def figures(outline: Outline, outline_dir: Path, theme: Theme) -> dict[str, Figure]:
    """Every figure of the outline, numbered in reading order (figures and tables counted apart)."""
    sources = outline.source_by_id()
    numbers = {"figure": 0, "table": 0}
    out: dict[str, Figure] = {}
    for where, figure in outline.figures():
        credit = "; ".join(source_credit(sources[ref]) for ref in figure.source)
        if isinstance(figure, TableFigure):
            numbers["table"] += 1
            out[figure.id] = Table(
                id=figure.id,
                number=numbers["table"],
                title=figure.title,
                caption=figure.caption,
                columns=tuple(figure.columns),
                rows=tuple(tuple(row.cells) for row in figure.rows),
                source=credit,
                label_word=theme.strings.table,
                cites=tuple(figure.source),
                row_cites=tuple(tuple(row.source) for row in figure.rows),
                location=outline.location_of((*where, "columns")),
            )
            continue
        numbers["figure"] += 1
        if isinstance(figure, ChartFigure):
            out[figure.id] = Chart(
                id=figure.id,
                kind=figure.type,
                number=numbers["figure"],
                title=figure.title,
                caption=figure.caption,
                categories=tuple(figure.categories),
                series=tuple(Series(s.name, tuple(s.values)) for s in figure.series),
                source=credit,
                unit=figure.unit,
                label_word=theme.strings.figure,
                cites=tuple(figure.source),
            )
        elif isinstance(figure, ImageFigure):
            out[figure.id] = Image(
                id=figure.id,
                number=numbers["figure"],
                title=figure.title,
                caption=figure.caption,
                path=(outline_dir / figure.path).resolve(),
                alt=figure.alt or figure.caption or figure.title,
                source=credit,
                label_word=theme.strings.figure,
                cites=tuple(figure.source),
            )
    return out


def cited_sources(outline: Outline) -> dict[str, CitedSource]:
    """Every source by id with its citation number (None: never cited) and short form."""
    numbers = citation_numbers(outline)
    return {source.id: CitedSource(source.id, numbers.get(source.id), short_form(source)) for source in outline.sources}


def document_info(outline: Outline) -> DocumentInfo:
    meta = outline.meta
    return DocumentInfo(
        title=meta.title,
        subtitle=meta.subtitle,
        author=meta.author,
        organization=meta.organization,
        date=meta.date,
        marking=meta.marking,
        language=meta.language,
        keywords=tuple(meta.keywords),
        subject=meta.subtitle or meta.title,
        duration=meta.duration,
    )


def template_context(
    outline: Outline, figures_by_id: dict[str, Figure], sources: dict[str, CitedSource], theme: Theme
) -> dict[str, Any]:
    """What templates see, as plain data (:mod:`reportgen.templating.plain`); docs/templates.md documents each name.

    Each source carries its citation ``number`` (None if nothing cites it) and its ``short`` form;
    ``cited_sources`` lists the cited ones in order of first citation, ``uncited_sources`` the rest.
    """
    numbered = [
        {**plain(source), "short": sources[source.id].short, "number": sources[source.id].number} for source in outline.sources
    ]
    cited = sorted((s for s in numbered if s["number"] is not None), key=lambda s: s["number"])
    return plain(
        {
            "meta": outline.meta,
            "summary": outline.summary,
            "sections": outline.sections,
            "sources": numbered,
            "cited_sources": cited,
            "uncited_sources": [s for s in numbered if s["number"] is None],
            "recommendations": outline.recommendations,
            "recommendations_notes": outline.recommendations_notes,
            "glossary": outline.glossary,
            "summary_notes": outline.summary_notes,
            "figures": {ident: _figure_for_templates(figure) for ident, figure in figures_by_id.items()},
            "credits": {source.id: source_credit(source) for source in outline.sources},
            "strings": theme.strings,
            "theme": theme,
        }
    )


def _figure_for_templates(figure: Figure) -> dict[str, Any]:
    """A numbered figure's fields and its label ("Figure 1"), but for those only renderers see."""
    fields = {field.name: getattr(figure, field.name) for field in dataclasses.fields(figure) if field.name not in RENDERERS_ONLY}
    return {**fields, "label": figure.label}
