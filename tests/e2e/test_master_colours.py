"""``colours: from_master`` through the command line: the brief is drawn in the master's colours."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfplumber

from support.themed_masters import BRAND, themed_master


def reportgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def _rgb(hex_colour: str) -> tuple[float, ...]:
    return tuple(round(int(hex_colour[i : i + 2], 16) / 255, 3) for i in (0, 2, 4))


def test_a_brief_and_deck_from_a_set_that_takes_its_colours_from_its_master(tmp_path):
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "theme.yaml").write_text("extends: default\ncolours: from_master\n", encoding="utf-8")
    themed_master(folder / "reference.pptx")
    result = reportgen("build", "--template", str(folder), "--out", "pack", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(tmp_path / "pack" / "brief.pdf") as pdf:
        page = pdf.pages[0]
        title = {tuple(round(v, 3) for v in (c["non_stroking_color"] or ())) for c in page.chars if c["size"] > 20}
        body = {tuple(round(v, 3) for v in (c["non_stroking_color"] or ())) for c in pdf.pages[1].chars if 8 < c["size"] < 12}
    assert _rgb(BRAND["dk2"]) in title  # the title in primary: the master's dk2
    assert _rgb(BRAND["dk1"]) in body  # body text: the master's dk1
    with zipfile.ZipFile(io.BytesIO((tmp_path / "pack" / "deck.pptx").read_bytes())) as deck:
        charts = [deck.read(name) for name in deck.namelist() if name.startswith("ppt/charts/chart")]
    assert charts and all(b'<a:schemeClr val="accent1"/>' in chart for chart in charts)  # the deck keeps the theme's own colours


def test_from_master_without_a_master_fails_with_exit_2_naming_the_line(tmp_path):
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "theme.yaml").write_text("extends: default\ncolours: from_master\n", encoding="utf-8")
    result = reportgen("build", "--template", str(folder), "--out", "pack", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{folder / 'theme.yaml'}:2:" in result.stderr and "colours.from_master" in result.stderr, result.stderr
    assert not (tmp_path / "pack" / "brief.pdf").exists()
