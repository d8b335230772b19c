"""The floor: the least a Python tool must do to turn the outline into a PDF and a deck.

A fresh process that reads the outline YAML, takes the same text the peer gets
(bench/export.py) and writes it with bare reportlab (Platypus paragraphs) and
python-pptx (the default template's title-and-content layout), spread over the
given number of pages and slides. No styling, charts, tables or fitting.

    python bench/floor.py OUTLINE.yaml OUT_DIR PAGES SLIDES
"""

from __future__ import annotations

import argparse
from pathlib import Path
from xml.sax.saxutils import escape

from export import brief, deck, load
from pptx import Presentation
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate


def chunks(lines: list[str], count: int) -> list[list[str]]:
    """*lines* cut into *count* runs of nearly equal length."""
    size, extra = divmod(len(lines), count)
    out, start = [], 0
    for index in range(count):
        end = start + size + (index < extra)
        out.append(lines[start:end])
        start = end
    return out


def text_lines(markdown: str) -> list[str]:
    return [line.strip() for line in markdown.splitlines() if line.strip() and line.strip() not in ("---", ":::")]


def write_pdf(lines: list[str], pages: int, path: Path) -> None:
    style = getSampleStyleSheet()["BodyText"]
    story = []
    for index, page in enumerate(chunks(lines, pages)):
        if index:
            story.append(PageBreak())
        story += [Paragraph(escape(line), style) for line in page]
    SimpleDocTemplate(str(path)).build(story)


def write_pptx(lines: list[str], slides: int, path: Path) -> None:
    deck = Presentation()
    layout = deck.slide_layouts[1]
    for chunk in chunks(lines, slides):
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = chunk[0] if chunk else ""
        slide.placeholders[1].text_frame.text = "\n".join(chunk[1:])
    deck.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outline", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("pages", type=int)
    parser.add_argument("slides", type=int)
    args = parser.parse_args()
    outline = load(args.outline)
    args.out.mkdir(parents=True, exist_ok=True)
    write_pdf(text_lines(brief(outline)), args.pages, args.out / "brief.pdf")
    write_pptx(text_lines(deck(outline)), args.slides, args.out / "deck.pptx")


if __name__ == "__main__":
    main()
