"""Independent readers for built packs: pypdf/pdfplumber for the brief, python-pptx and LibreOffice for the deck."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from markdown_it import MarkdownIt
from pptx import Presentation
from pypdf import PdfReader

_MD = MarkdownIt("commonmark")


def squash(text: str) -> str:
    """Text with all whitespace removed, so line wrapping cannot hide or fake a match."""
    return re.sub(r"\s+", "", text)


def markdown_plain(text: str) -> str:
    """The visible text of an inline-Markdown value (emphasis markers and link targets dropped)."""
    tokens = _MD.parseInline(text)[0].children or []
    return "".join(t.content for t in tokens if t.type in ("text", "code_inline", "softbreak"))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def deck_texts(path: Path) -> list[str]:
    """All text of each slide: text frames, table cells and chart titles, in shape order."""
    out = []
    for slide in Presentation(path).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        out.append("\n".join(parts))
    return out


def libreoffice_pdf(deck: Path, out_dir: Path, soffice: str) -> Path:
    """Render the deck to PDF with LibreOffice (a real client) and return the PDF's path."""
    profile = out_dir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(deck)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return out_dir / (deck.stem + ".pdf")


def outline_points(outline) -> list[str]:
    """Visible text of every point of every section, at every depth."""
    found = []

    def walk(points):
        for point in points:
            found.append(markdown_plain(point.text))
            walk(point.points)

    for section in outline.sections:
        walk(section.points)
    return found
