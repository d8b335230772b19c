"""Where a built brief's text sits on its pages, for layout tests: its lines, headings and box titles.

Positions come from pdfplumber (top-down, in points); headings from the PDF outline (pypdf), each
with the page and the height its bookmark points at. Only text inside the body frame counts: the
running header, footer and markings sit in the margins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from reportgen.render.pdf.styles import Geometry


@dataclass(frozen=True)
class Line:
    """One line of text on a page: its words joined, the top of its tallest word and its lowest bottom."""

    text: str
    top: float
    bottom: float


@dataclass(frozen=True)
class Heading:
    title: str
    page: int
    """0-based page index."""
    top: float
    """The height the bookmark points at, from the top of the page."""


def page_lines(page: pdfplumber.page.Page, geometry: Geometry) -> list[Line]:
    """The page's lines of text inside the body frame, top to bottom."""
    frame_top = float(page.height) - geometry.bottom - geometry.frame_height
    frame_bottom = float(page.height) - geometry.bottom
    words = [w for w in page.extract_words() if w["top"] >= frame_top - 1 and w["bottom"] <= frame_bottom + 1]
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [Line(" ".join(w["text"] for w in line), min(w["top"] for w in line), max(w["bottom"] for w in line))
            for line in lines]


def headings(path: Path) -> list[Heading]:
    """Every bookmark of the PDF's outline, nested ones included."""
    reader = PdfReader(path)
    found: list[Heading] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            page = reader.get_destination_page_number(item)
            height = float(reader.pages[page].mediabox.height)
            found.append(Heading(str(item.title), page, height - float(item.top)))

    walk(reader.outline)
    return found


def heading_last_line(lines: list[Line], heading: Heading) -> int | None:
    """The index of the last line the heading is set on (it may wrap), found below its bookmark."""
    words = heading.title.split()
    for start, line in enumerate(lines):
        if line.top < heading.top - 2 or line.text.split()[:1] != words[:1]:
            continue
        seen = line.text.split()
        end = start
        while len(seen) < len(words) and end + 1 < len(lines):
            end += 1
            seen += lines[end].text.split()
        if seen[: len(words)] == words:
            return end
    return None


def box_title_lines(page: pdfplumber.page.Page, lines: list[Line], size: float) -> list[int]:
    """Indexes of the lines set in the box title's bold type of *size* points."""
    tops = {round(c["bottom"]) for c in page.chars if "Bold" in c["fontname"] and abs(c["size"] - size) < 0.05}
    return [i for i, line in enumerate(lines) if any(abs(round(line.bottom) - top) <= 1 for top in tops)]


def last_page_fill(path: Path, geometry: Geometry) -> float:
    """How far down the frame the last page's text reaches, as a fraction of the frame's height."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[-1]
        lines = page_lines(page, geometry)
        frame_top = float(page.height) - geometry.bottom - geometry.frame_height
        return (max(line.bottom for line in lines) - frame_top) / geometry.frame_height if lines else 0.0


def stranded(path: Path, geometry: Geometry, box_title_size: float) -> list[str]:
    """Headings and box titles that are the last text line on their page, each as ``page N: title``."""
    found: list[str] = []
    with pdfplumber.open(path) as pdf:
        pages = [(page, page_lines(page, geometry)) for page in pdf.pages]
        for heading in headings(path):
            _, lines = pages[heading.page]
            at = heading_last_line(lines, heading)
            if at is None:
                found.append(f"page {heading.page + 1}: {heading.title} (not found)")
            elif at == len(lines) - 1:
                found.append(f"page {heading.page + 1}: {heading.title}")
        for number, (page, lines) in enumerate(pages, start=1):
            for at in box_title_lines(page, lines, box_title_size):
                if at == len(lines) - 1:
                    found.append(f"page {number}: box {lines[at].text}")
    return found
