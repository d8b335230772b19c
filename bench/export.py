"""Export an outline YAML file as Pandoc Markdown: one text for the brief, one for the deck.

Used by the peer (bench/peer.py) and the floor (bench/floor.py), so all three
benchmarks start from the same words. Only PyYAML is needed, not reportgen.
The deck follows templates/default/deck.md.j2 slide for slide: title, agenda,
summary, a lead slide and a bullet slide per section, a slide per figure, sources
and a closing slide. Charts are exported as their data table: Pandoc draws no charts.

    python bench/export.py OUTLINE.yaml OUT_DIR     # writes brief.md and deck.md
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def bullets(points: list[Any], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for point in points:
        text, children = (point, []) if isinstance(point, str) else (point["text"], point.get("points", []))
        lines.append(f"{'  ' * depth}- {text}")
        lines += bullets(children, depth + 1)
    return lines


def pipe_table(columns: list[Any], rows: list[list[Any]]) -> list[str]:
    def row(cells: list[Any]) -> str:
        return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"

    return [row(columns), "|" + "---|" * len(columns), *(row(cells) for cells in rows)]


def figure(fig: dict[str, Any]) -> list[str]:
    if fig["type"] == "table":
        table = pipe_table(fig["columns"], fig["rows"])
    else:
        series = fig["series"]
        table = pipe_table(["", *(s["name"] for s in series)], [[c, *(s["values"][i] for s in series)] for i, c in enumerate(fig["categories"])])
    return [*table, "", f": {fig['title']}. {fig.get('caption', '')}", ""]


KEYS = ("title", "subtitle", "author", "date")


def title_block(meta: dict[str, Any]) -> list[str]:
    info = [meta["title"], meta.get("subtitle", ""), meta.get("author", ""), meta.get("date", "")]
    return [
        "---",
        *(f"{key}: {yaml.safe_dump(str(value), width=10**6).splitlines()[0]}" for key, value in zip(KEYS, info, strict=True) if value),
        "---",
        "",
    ]


def sources(outline: dict[str, Any]) -> list[str]:
    return [
        f"- {s.get('author') or s.get('publisher', '')}: *{s['title']}*{', ' + str(s['date']) if s.get('date') else ''}" for s in outline.get("sources", [])
    ]


def brief(outline: dict[str, Any]) -> str:
    lines = title_block(outline["meta"]) + ["# Bottom line up front", "", *(f"- {s}" for s in outline["summary"]), ""]
    for number, section in enumerate(outline["sections"], 1):
        lines += [f"# {number}. {section['title']}", "", section.get("lead", ""), "", *bullets(section.get("points", [])), ""]
        for fig in section.get("figures", []):
            lines += figure(fig)
    lines += ["# Sources", "", *sources(outline), "", "# Glossary", ""]
    lines += [f"{term}\n:   {meaning}\n" for term, meaning in outline.get("glossary", {}).items()]
    return "\n".join(lines)


def deck(outline: dict[str, Any]) -> str:
    sections = outline["sections"]
    lines = title_block(outline["meta"]) + ["## Agenda", "", *(f"{i}. {s['title']}" for i, s in enumerate(sections, 1)), ""]
    lines += ["## Bottom line up front", "", *(f"- {s}" for s in outline["summary"]), ""]
    for section in sections:
        notes = ["::: notes", section.get("notes", ""), ":::", ""]
        lines += [f"## {section['title']}", "", section.get("lead", ""), ""]
        lines += [f"## {section['title']}", "", *bullets(section.get("points", [])), "", *notes]
        for fig in section.get("figures", []):
            lines += [f"## {fig['title']}", "", *figure(fig), *notes]
    lines += ["## Sources", "", *sources(outline), "", "## Questions and discussion", "", outline["meta"]["title"], ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outline", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    outline = load(args.outline)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "brief.md").write_text(brief(outline), encoding="utf-8")
    (args.out / "deck.md").write_text(deck(outline), encoding="utf-8")


if __name__ == "__main__":
    main()
