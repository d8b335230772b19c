"""Outline values never change the documents' structure: they come out literally in both files."""

from __future__ import annotations

import yaml
from pptx import Presentation
from pypdf import PdfReader

import reportgen
from support.readers import deck_texts, pdf_text, squash
from support.tools import require_tool

INJECTIONS = ["---", "# Title", "::: notes", "{{ x }}", "<b>&", "![](figure:budget)", "x {layout=chart}", "1. one", "| a | b |"]


def test_structure_injection_comes_out_literally(tmp_path):
    outline = {
        "meta": {"title": "Injection {{ meta }} <i>", "date": "2025-01-01"},
        "summary": ["::: box Not a box"],
        "sections": [
            {"id": "a", "title": "# Not a heading {layout=title}", "points": INJECTIONS, "notes": "---\n\n::: notes\n\n# x"},
        ],
    }
    path = tmp_path / "inject.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    brief, deck = reportgen.build_pack(path, out_dir=tmp_path / "out", formats="pdf,pptx")

    brief_text = squash(pdf_text(brief))
    deck_text = squash(" ".join(deck_texts(deck)))
    for value in [*INJECTIONS, "Injection {{ meta }} <i>", "::: box Not a box", "# Not a heading {layout=title}"]:
        assert squash(value) in brief_text, value
        assert squash(value) in deck_text, value

    slides = Presentation(deck).slides
    titles = [slide.shapes.title.text for slide in slides if slide.shapes.title is not None]
    assert titles.count("# Not a heading {layout=title}") == 1  # its content slide (its divider is folded into it)
    notes = [s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide]
    assert any("::: notes" in text and "---" in text for text in notes)
    assert len(PdfReader(brief).outline) >= 1


def test_library_api_loads_and_builds(tmp_path):
    outline = reportgen.load_outline(reportgen.build.pipeline.default_outline())
    assert outline.meta.author == "Jane Zhou"
    written = reportgen.build_pack(template="executive", out_dir=tmp_path, formats="pdf")
    assert written == [tmp_path / "brief.pdf"]
    qpdf = require_tool("qpdf")
    import subprocess

    assert subprocess.run([qpdf, "--check", str(written[0])], capture_output=True).returncode == 0
