"""The peer: what Pandoc makes of the same outline, run as one fresh process like `reportgen build`.

Reads the outline YAML, exports it as Markdown (bench/export.py), has Pandoc
write the deck (PPTX, level-2 headings are slides) and the brief as Typst
source, and compiles that to PDF with the `typst` package.

    python bench/peer.py OUTLINE.yaml OUT_DIR     # writes brief.pdf and deck.pptx
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pypandoc
import typst
from export import brief, deck, load


def build(outline_path: Path, out: Path) -> None:
    outline = load(outline_path)
    out.mkdir(parents=True, exist_ok=True)
    pypandoc.convert_text(deck(outline), "pptx", format="markdown", outputfile=str(out / "deck.pptx"), extra_args=["--slide-level=2"])
    source = pypandoc.convert_text(brief(outline), "typst", format="markdown", extra_args=["--standalone"])
    (out / "brief.typ").write_text(source, encoding="utf-8")
    typst.compile(str(out / "brief.typ"), output=str(out / "brief.pdf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outline", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    build(args.outline, args.out)


if __name__ == "__main__":
    main()
