"""A real client draws every word on its slide and inside its shape: default and stress outlines, many masters, wide fonts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from reportgen.outline import load_outline
from support.deck_geometry import stray_words
from support.masters import MASTERS as ORGANISATIONS
from support.readers import deck_texts, libreoffice_pdf, outline_points, squash
from support.tools import require_tool

REPO = Path(__file__).resolve().parents[2]
OUTLINES = {
    "default": REPO / "content" / "japan-defense.yaml",
    "stress": REPO / "tests" / "fixtures" / "stress.yaml",
    "hazards": REPO / "tests" / "fixtures" / "hazards.yaml",
    "japanese": REPO / "content" / "japan-defense.ja.yaml",
    "korean": REPO / "content" / "japan-defense.ko.yaml",
    "simplified-chinese": REPO / "tests" / "data" / "outlines" / "regional-security.zh-Hans.yaml",
    "traditional-chinese": REPO / "tests" / "data" / "outlines" / "regional-security.zh-Hant.yaml",
    "arabic": REPO / "tests" / "data" / "outlines" / "regional-security.ar.yaml",
    "mixed-scripts": REPO / "tests" / "data" / "outlines" / "mixed-scripts.en.yaml",
}
RENAMED = {
    "Title Slide": "Cover",
    "Title and Content": "Body Text",
    "Section Header": "Divider",
    "Two Content": "Split",
    "Title Only": "Heading Only",
    "Blank": "Empty",
}
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def python_pptx_default(path: Path) -> Path:
    """python-pptx's own default template (4:3), with a sample slide that must not reach the deck."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "SAMPLE SLIDE FROM THE MASTER"
    deck.save(path)
    return path


def renamed_master(path: Path) -> Path:
    """Layouts renamed (as a localised or corporate master names them) and their order reversed."""
    deck = Presentation()
    for layout in deck.slide_layouts:
        layout.name = RENAMED.get(layout.name, layout.name)
    id_list = deck.slide_master._element.get_or_add_sldLayoutIdLst()
    entries = list(id_list)
    for entry in entries:
        id_list.remove(entry)
    for entry in reversed(entries):
        id_list.append(entry)
    deck.save(path)
    return path


def four_three_georgia(path: Path) -> Path:
    """A 4:3 master whose theme fonts are Georgia and Verdana."""
    deck = Presentation()
    theme_part = next(rel.target_part for rel in deck.slide_master.part.rels.values() if rel.reltype.endswith("/theme"))
    root = etree.fromstring(theme_part.blob)
    for tag, face in (("majorFont", "Georgia"), ("minorFont", "Verdana")):
        root.find(f".//{{{A}}}{tag}/{{{A}}}latin").set("typeface", face)
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    deck.save(path)
    return path


MASTERS = {"builtin-16x9": None, "python-pptx-default": python_pptx_default, "renamed": renamed_master, "4x3-georgia": four_three_georgia,
           **ORGANISATIONS}
SETS = {
    "master-2": "extends: default\ndeck:\n  master: 2\n",
    "dejavu-sans": "extends: default\ndeck:\n  fonts:\n    latin: DejaVu Sans\n",
    "dejavu-serif": "extends: default\ndeck:\n  fonts:\n    latin: DejaVu Serif\n",
}
"""Template sets (theme.yaml) a case may build with: a second slide master, fonts wider than Arial at Arial's sizes."""


@pytest.fixture(scope="module")
def soffice() -> str:
    return require_tool("soffice")


def build(tmp_path: Path, outline: Path, master: str, template_set: str | None = None) -> Path:
    args = [sys.executable, "-m", "reportgen", "build", str(outline), "--format", "pptx", "--out", str(tmp_path / "pack")]
    if template_set is not None:
        folder = tmp_path / "set"
        folder.mkdir()
        (folder / "theme.yaml").write_text(SETS[template_set], encoding="utf-8")
        args += ["--template", str(folder)]
    if MASTERS[master] is not None:
        reference = MASTERS[master](tmp_path / "reference.pptx")
        args += ["--reference-pptx", str(reference)]
        if master == "renamed":
            theme = tmp_path / "set" / "theme.yaml"
            theme.parent.mkdir()
            theme.write_text("extends: default\ndeck:\n  layouts:\n" + "".join(
                f"    {ours}: {RENAMED[theirs]}\n" for ours, theirs in {
                    "title": "Title Slide", "section": "Section Header", "bullets": "Title and Content", "agenda": "Title and Content",
                    "summary": "Title and Content", "sources": "Title and Content", "two-column": "Two Content", "chart": "Title Only",
                    "table": "Title Only", "image": "Title Only", "quote": "Title Only", "closing": "Title Slide"}.items()))
            args += ["--template", str(theme.parent)]
    result = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return tmp_path / "pack" / "deck.pptx"


CASES = [(outline, master) for outline in ("default", "stress") for master in MASTERS]
CASES += [("hazards", "builtin-16x9"), ("japanese", "builtin-16x9"), ("japanese", "4x3-georgia"), ("korean", "builtin-16x9")]
CASES += [(language, "builtin-16x9") for language in ("simplified-chinese", "traditional-chinese", "arabic", "mixed-scripts")]
SET_CASES = [("default", "several-masters", "master-2")]
SET_CASES += [(outline, master, face) for outline in ("default", "stress") for master in ("builtin-16x9", "4x3-carlito")
              for face in ("dejavu-serif", "dejavu-sans")]
"""Wide faces at the sizes Arial would take: the fitter measures the face that draws, so no word runs out."""


@pytest.mark.parametrize(("outline", "master"), CASES)
def test_every_rendered_word_is_inside_its_shape(tmp_path, soffice, outline, master):
    deck = build(tmp_path, OUTLINES[outline], master)
    rendered = libreoffice_pdf(deck, tmp_path, soffice)
    total, stray = stray_words(deck, rendered)
    assert total > 200
    assert stray == [], stray[:10]
    texts = deck_texts(deck)
    assert not any("SAMPLE SLIDE FROM THE MASTER" in text for text in texts)
    if master != "builtin-16x9":
        reference = Presentation(tmp_path / "reference.pptx")
        assert Presentation(deck).slide_width == reference.slide_width


@pytest.mark.parametrize(("outline", "master", "theme"), SET_CASES)
def test_every_word_stays_inside_its_shape_with_a_set(tmp_path, soffice, outline, master, theme):
    """A second master, or a font wider than Arial (DejaVu) at the sizes Arial gets: no word outside its box."""
    deck = build(tmp_path, OUTLINES[outline], master, theme)
    if theme.startswith("dejavu"):
        face = "DejaVu Serif" if theme == "dejavu-serif" else "DejaVu Sans"
        with zipfile.ZipFile(deck) as z:
            assert any(f'typeface="{face}"'.encode() in z.read(name) for name in z.namelist() if name.endswith(".xml"))
    total, stray = stray_words(deck, libreoffice_pdf(deck, tmp_path, soffice))
    assert total > 200
    assert stray == [], stray[:10]


def test_stress_outline_loses_no_text(tmp_path):
    deck = build(tmp_path, OUTLINES["stress"], "builtin-16x9")
    outline = load_outline(OUTLINES["stress"])
    text = squash(" ".join(deck_texts(deck)))
    missing = [p for p in outline_points(outline) if squash(p) not in text]
    assert missing == []
    for row in outline.sections[3].figures[0].rows:
        assert all(squash(cell) in text for cell in row.cells)
    titles = [slide.shapes.title.text for slide in Presentation(deck).slides if slide.shapes.title is not None]
    assert any(title.endswith("(cont.)") for title in titles)


def test_a_master_with_unknown_layout_names_builds_by_layout_type(tmp_path):
    deck = Presentation()
    for layout in deck.slide_layouts:
        layout.name = f"Custom {layout.name}"
    reference = tmp_path / "odd.pptx"
    deck.save(reference)
    dividers = tmp_path / "set"
    dividers.mkdir()
    (dividers / "theme.yaml").write_text("extends: default\ndeck:\n  section_dividers: true\n", encoding="utf-8")  # every role
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(OUTLINES["default"]), "--format", "pptx", "--out", str(tmp_path / "p"),
         "--reference-pptx", str(reference), "--template", str(dividers)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr  # the recorded types say which layout is which
    used = {slide.slide_layout.name for slide in Presentation(tmp_path / "p" / "deck.pptx").slides}
    assert {"Custom Title Slide", "Custom Title and Content", "Custom Section Header", "Custom Title Only"} <= used
    assert used <= {"Custom Title Slide", "Custom Title and Content", "Custom Section Header", "Custom Two Content", "Custom Title Only"}
