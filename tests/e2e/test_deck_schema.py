"""The English, Japanese and Korean decks are valid OOXML, by a validator reportgen does not use (openxml-audit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen import build_pack
from support.themed_masters import themed_master

REPO = Path(__file__).resolve().parents[2]
EDITIONS = {"en": "japan-defense.yaml", "ja": "japan-defense.ja.yaml", "ko": "japan-defense.ko.yaml"}


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_deck_is_valid_ooxml(tmp_path, audit, edition):
    (deck,) = build_pack(REPO / "content" / EDITIONS[edition], out_dir=tmp_path / edition, formats="pptx")
    result = audit.validate_pptx(str(deck))
    assert result.errors == [], "\n".join(map(str, result.errors[:20]))
    assert result.is_valid


def test_the_validator_finds_a_broken_deck(tmp_path, audit):
    """The check can fail: a chart axis id below zero, as python-pptx's template writes it, is an error."""
    import zipfile

    (deck,) = build_pack(REPO / "content" / EDITIONS["en"], out_dir=tmp_path / "en", formats="pptx")
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(deck) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("ppt/charts/chart") and item.filename.endswith(".xml"):
                data = data.replace(b'<c:axId val="', b'<c:axId val="-', 1)
            out.writestr(item, data)
    assert not audit.validate_pptx(str(broken)).is_valid


def test_a_deck_on_a_corporate_master_with_its_colours_is_valid_ooxml(tmp_path, audit):
    """Charts and tables in the master's scheme colours (tints, run fills replaced) and a set with ``colours: from_master``."""
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "theme.yaml").write_text("extends: default\ncolours: from_master\n", encoding="utf-8")
    themed_master(folder / "reference.pptx")
    (deck,) = build_pack(REPO / "content" / EDITIONS["en"], template=folder, out_dir=tmp_path / "out", formats="pptx")
    result = audit.validate_pptx(str(deck))
    assert result.errors == [], "\n".join(map(str, result.errors[:20]))


@pytest.mark.parametrize("edition", ["en", "ja"])
def test_a_deck_on_a_master_saved_by_libreoffice_is_valid_ooxml(tmp_path, audit, edition):
    """LibreOffice leaves out ppt/viewProps.xml, which PowerPoint then offers to repair; the deck has it back."""
    import subprocess

    from pptx import Presentation

    from support.tools import require_tool

    soffice = require_tool("soffice")
    Presentation().save(tmp_path / "master.pptx")
    converted = tmp_path / "libreoffice"
    command = [soffice, "--headless", "--convert-to", "pptx", "--outdir", str(converted), str(tmp_path / "master.pptx")]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    master = converted / "master.pptx"
    assert audit.validate_pptx(str(master)).errors, "the LibreOffice-saved master was expected to lack viewProps"
    (deck,) = build_pack(REPO / "content" / EDITIONS[edition], out_dir=tmp_path / edition, formats="pptx", reference_pptx=master)
    result = audit.validate_pptx(str(deck))
    assert result.errors == [], "\n".join(map(str, result.errors[:20]))
