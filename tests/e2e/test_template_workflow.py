"""The walk-through of docs/templates.md as a test: copy the default set, change colour, logo and a heading, rebuild."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from reportgen.build.pipeline import default_outline
from reportgen.outline import load_outline
from support.readers import deck_texts, pdf_text
from support.tools import assert_qpdf_accepts

NEW_PRIMARY = "#006B3F"
NEW_HEADING = "Key judgments for the minister"


def reportgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "reportgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result


def test_copy_change_and_rebuild(tmp_path):
    reportgen("templates", "copy", "default", "my-set", cwd=tmp_path)
    folder = tmp_path / "my-set"
    theme = folder / "theme.yaml"
    assert "colours:" not in theme.read_text()  # the default set leaves colours to reportgen's defaults (or a master's)
    theme.write_text(theme.read_text() + f'colours:\n  primary: "{NEW_PRIMARY}"\nlogo: assets/logo.png\n')
    Image.new("RGB", (120, 60), (0, 107, 63)).save(folder / "assets" / "logo.png")
    for name in ("brief.md.j2", "deck.md.j2"):
        template = folder / name
        template.write_text(template.read_text().replace("{{ strings.bottom_line }}", NEW_HEADING))

    reportgen("build", "--template", "my-set", "--out", "pack", cwd=tmp_path)
    brief, deck = tmp_path / "pack" / "brief.pdf", tmp_path / "pack" / "deck.pptx"
    assert_qpdf_accepts(brief)

    assert NEW_HEADING.upper() in pdf_text(brief).upper()
    assert any(NEW_HEADING in text for text in deck_texts(deck))

    rgb = tuple(int(NEW_PRIMARY[i : i + 2], 16) / 255 for i in (1, 3, 5))
    with pdfplumber.open(brief) as pdf:
        title_colours = {tuple(round(v, 3) for v in (c["non_stroking_color"] or ())) for c in pdf.pages[0].chars if c["size"] > 20}
    assert tuple(round(v, 3) for v in rgb) in title_colours

    xml = "".join(slide.part.blob.decode("utf-8") for slide in Presentation(deck).slides)
    assert f'val="{NEW_PRIMARY[1:]}"' in xml

    assert PdfReader(brief).pages[0].images, "no logo on the cover"
    logo_bytes = (folder / "assets" / "logo.png").read_bytes()
    pictures = [shape for slide in Presentation(deck).slides for shape in slide.shapes if shape.shape_type == 13]
    assert any(picture.image.blob == logo_bytes for picture in pictures), "no logo in the deck"


def test_executive_set_is_short_and_keeps_every_section(tmp_path):
    reportgen("build", "--template", "executive", "--out", "exec", cwd=tmp_path)
    outline = load_outline(default_outline())
    brief, deck = tmp_path / "exec" / "brief.pdf", tmp_path / "exec" / "deck.pptx"
    assert_qpdf_accepts(brief)
    assert len(PdfReader(brief).pages) <= 2
    assert len(Presentation(deck).slides) <= 6
    text, slides = pdf_text(brief), "\n".join(deck_texts(deck))
    for section in outline.sections:
        assert section.title in text and section.title in slides, section.title
