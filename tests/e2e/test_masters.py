"""An organisation's master, with the default set and no layout mapping: the deck builds, uses the chosen
master's layouts, keeps its theme fonts, colours, background and slide size, and is valid OOXML.

The masters are built by tests/support/masters.py; the LibreOffice fitting check over them is in
test_deck_fitting.py (its MASTERS include these).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from reportgen.render.pptx.master_theme import read_theme
from support import masters
from support.masters import MASTERS

REPO = Path(__file__).resolve().parents[2]
OUTLINE = REPO / "content" / "japan-defense.yaml"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
MASTER_TWO = "extends: default\ndeck:\n  master: 2\n"
DIVIDERS = "extends: default\ndeck:\n  section_dividers: true\n"
"""For the masters with localised layout names: with divider slides, every role's layout is looked up."""
LOCALISED = {"japanese-names": masters.JAPANESE, "german-names": masters.GERMAN}
CASES = [(name, DIVIDERS if name in LOCALISED else None) for name in MASTERS] + [("several-masters", MASTER_TWO)]
IDS = [f"{name}-master-2" if theme == MASTER_TWO else name for name, theme in CASES]


class Built:
    """A deck built from one master (and optionally a set), with what the build printed."""

    def __init__(self, folder: Path, name: str, theme: str | None) -> None:
        folder.mkdir(parents=True)
        self.reference = MASTERS[name](folder / "reference.pptx")
        args = [sys.executable, "-m", "reportgen", "build", str(OUTLINE), "--format", "pptx", "--out", str(folder / "pack"),
                "--reference-pptx", str(self.reference)]
        if theme is not None:
            (folder / "set").mkdir()
            (folder / "set" / "theme.yaml").write_text(theme, encoding="utf-8")
            args += ["--template", str(folder / "set")]
        result = subprocess.run(args, capture_output=True, text=True, timeout=300)
        self.returncode, self.stderr = result.returncode, result.stderr
        self.deck = folder / "pack" / "deck.pptx"
        self.master = 1 if theme == MASTER_TWO else 0


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Built]:
    root = tmp_path_factory.mktemp("masters")
    return {case_id: Built(root / case_id, name, theme) for case_id, (name, theme) in zip(IDS, CASES, strict=True)}


@pytest.fixture(params=IDS)
def built(request, builds) -> Built:
    found = builds[request.param]
    assert found.returncode == 0, found.stderr
    return found


def test_the_deck_builds_without_a_mapping(built):
    lacking = [line for line in built.stderr.splitlines() if "lacks" in line]
    assert lacking == []
    assert built.deck.is_file()


@pytest.mark.parametrize("name", list(LOCALISED))
def test_localised_layouts_are_found_by_type_without_warnings(builds, name):
    found = builds[name]
    assert found.returncode == 0, found.stderr
    assert "warning" not in found.stderr.casefold(), found.stderr
    names = LOCALISED[name]
    used = {slide.slide_layout.name for slide in Presentation(found.deck).slides}
    assert {names[0], names[1], names[2], names[5]} <= used  # title, title and content, section header, title only
    assert used <= set(names)


def test_the_slides_use_the_chosen_masters_layouts(built):
    deck = Presentation(built.deck)
    chosen = deck.slide_masters[built.master]
    own = {layout.part.partname for layout in chosen.slide_layouts}
    used = {slide.slide_layout.part.partname for slide in deck.slides}
    assert len(deck.slides) > 5
    assert used <= own, sorted(str(name) for name in used - own)
    if built.master:
        assert chosen.name == masters.SEVERAL[built.master]


def test_the_deck_keeps_the_masters_theme_and_slide_size(built):
    deck, reference = Presentation(built.deck), Presentation(built.reference)
    assert (deck.slide_width, deck.slide_height) == (reference.slide_width, reference.slide_height)
    assert len(deck.slide_masters) == len(reference.slide_masters)
    for index in range(len(reference.slide_masters)):
        ours, theirs = read_theme(deck, index), read_theme(reference, index)
        assert (ours.major.latin, ours.minor.latin) == (theirs.major.latin, theirs.minor.latin)
        assert ours.colours == theirs.colours
        assert ours.colour_map == theirs.colour_map
        assert _background(deck, index) == _background(reference, index)


def test_the_deck_is_valid_ooxml(built, audit):
    """The several-masters master lacks ppt/viewProps.xml, as LibreOffice saves it: the deck has it back."""
    errors = [str(error) for error in audit.validate_pptx(str(built.deck)).errors]
    assert errors == [], "\n".join(errors[:20])


def test_the_masters_are_what_they_say(tmp_path):
    """The corpus itself: each master has the property its test relies on."""
    dark = read_theme(Presentation(masters.dark(tmp_path / "dark.pptx")))
    assert dark.colour("tx1") == "F5F5F5" and dark.colour("bg1") == "111111"
    carlito = Presentation(masters.four_three_carlito(tmp_path / "carlito.pptx"))
    assert (carlito.slide_width, carlito.slide_height) == masters.FOUR_THREE
    assert (read_theme(carlito).major.latin, read_theme(carlito).minor.latin) == ("Caladea", "Carlito")
    several = Presentation(masters.several_masters(tmp_path / "several.pptx"))
    assert [master.name for master in several.slide_masters] == list(masters.SEVERAL)
    assert [read_theme(several, i).colours["accent1"] for i in range(4)] == list(masters.SEVERAL_ACCENTS)
    ids = [int(i) for i in several.part._element.xpath("//p:sldMasterId/@id")]
    ids += [int(i) for master in several.slide_masters for i in master._element.xpath(".//p:sldLayoutId/@id")]
    assert len(ids) == len(set(ids)) == 4 * 12
    photo = Presentation(masters.photographic(tmp_path / "photo.pptx"))
    assert photo.slide_master._element.xpath("./p:cSld/p:bg/p:bgPr/a:blipFill/a:blip/@r:embed")
    assert masters.noisy_grey() == masters.noisy_grey()


def _background(prs, index: int) -> bytes | None:
    """The slide master's ``p:bg``, as XML (relationship ids included: a picture keeps its own)."""
    found = prs.slide_masters[index]._element.find(f"{{{P}}}cSld/{{{P}}}bg")
    return None if found is None else etree.tostring(found)


def test_the_slides_leave_faces_bullets_and_inherited_sizes_to_the_master(built):
    """No run names a face, and no body paragraph a bullet of its own: the master's theme faces and bullets draw."""
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    deck = Presentation(built.deck)
    runs = paragraphs = 0
    for slide in deck.slides:
        for shape in slide.placeholders:
            body = shape._element.find(f"{{{P}}}txBody")
            if body is None:
                continue
            for rpr in body.iter(f"{a}rPr"):
                runs += 1
                assert rpr.find(f"{a}latin") is None and rpr.find(f"{a}cs") is None, etree.tostring(rpr)[:200]
            if shape.placeholder_format.type not in (1, 3):  # not a title: a body, subtitle or footer
                for ppr in body.iter(f"{a}pPr"):
                    paragraphs += 1
                    assert ppr.find(f"{a}buChar") is None and ppr.find(f"{a}buClr") is None
    assert runs > 100 and paragraphs > 50
