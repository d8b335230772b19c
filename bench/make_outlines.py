"""Write synthetic, valid outlines for the scale and batch benchmarks.

Each section has a lead, five points (two with nested sub-points, some citing a
source), speaker notes, one bar chart and one table, like the sections of
content/japan-defense.yaml. The text is seeded, so every run writes the same files.

    python bench/make_outlines.py OUT_DIR 10 50 200
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

WORDS = (
    "alliance deterrence budget maritime readiness doctrine cyber space logistics exercise partner "
    "industry resilience surveillance procurement posture region strategy missile coast guard "
    "interoperability capacity dialogue treaty training disaster relief supply chain forces"
).split()
SOURCES = [
    {"id": "ministry", "title": "Defense of Japan (annual white paper)", "author": "Ministry of Defense", "date": "2024"},
    {"id": "press", "title": "Budget coverage", "author": "Wire service", "publisher": "Daily Herald", "date": "2024-12-27"},
    {"id": "study", "title": "Regional security study", "author": "Policy Institute"},
]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def section(rng: random.Random, index: int) -> dict[str, Any]:
    ident = f"s{index:03d}"
    points: list[Any] = []
    for p in range(5):
        text = sentence(rng, rng.randint(8, 18))
        if p < 2:
            points.append({"text": text, "source": SOURCES[p]["id"], "points": [sentence(rng, 9), sentence(rng, 11)]})
        else:
            points.append(text)
    categories = [f"FY{2021 + i}" for i in range(4)]
    return {
        "id": ident,
        "title": f"Section {index}: {sentence(rng, 4)[:-1]}",
        "lead": sentence(rng, 20),
        "points": points,
        "notes": " ".join(sentence(rng, 14) for _ in range(4)),
        "figures": [
            {
                "id": f"{ident}-chart",
                "type": "bar",
                "title": f"Spending trend {index}",
                "caption": sentence(rng, 10),
                "categories": categories,
                "series": [{"name": "Budget (trillion yen)", "values": [round(rng.uniform(4, 9), 1) for _ in categories]}],
                "source": "press",
            },
            {
                "id": f"{ident}-table",
                "type": "table",
                "title": f"Threats and responses {index}",
                "caption": sentence(rng, 10),
                "columns": ["Threat", "Type", "Actor", "Response"],
                "rows": [[sentence(rng, 3), "Traditional", sentence(rng, 2), sentence(rng, 9)] for _ in range(5)],
                "source": "ministry",
            },
        ],
    }


def outline(sections: int, seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed)
    return {
        "meta": {
            "title": f"Synthetic brief with {sections} sections",
            "subtitle": "Generated for the reportgen benchmark",
            "author": "bench/make_outlines.py",
            "date": "2025-01-15",
            "marking": "UNCLASSIFIED // BENCHMARK",
            "keywords": ["benchmark", "synthetic"],
        },
        "summary": [sentence(rng, 22) for _ in range(4)],
        "sections": [section(rng, i + 1) for i in range(sections)],
        "sources": SOURCES,
        "glossary": {word.upper(): sentence(rng, 8) for word in ("sdf", "nss", "hadr", "quad", "gdp")},
    }


def write(folder: Path, sections: int, name: str | None = None, seed: int = 0) -> Path:
    """Write one outline of *sections* sections to *folder*; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or f'sections-{sections}'}.yaml"
    path.write_text(yaml.safe_dump(outline(sections, seed), sort_keys=False, allow_unicode=True, width=100))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("sections", type=int, nargs="+")
    args = parser.parse_args()
    for count in args.sections:
        print(write(args.out, count))


if __name__ == "__main__":
    main()
