"""Many packs at once: one failed outline is reported, the others still build, the exit code says so."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "small.yaml"


def test_one_bad_outline_does_not_stop_the_others(tmp_path):
    for name in ("a", "b", "c"):
        shutil.copy(SMALL, tmp_path / f"{name}.yaml")
    bad = tmp_path / "b.yaml"
    bad.write_text(bad.read_text().replace("source: src", "source: nope"))
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", "a.yaml", "b.yaml", "c.yaml", "--jobs", "2", "--format", "pdf,pptx"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [  # both of b's errors, from its worker, each on its line
        "reportgen: error: b.yaml:20:17: sections[0].points[1].source: unknown source 'nope' (known: src)",
        "reportgen: error: b.yaml:39:17: sections[1].figures[0].source: unknown source 'nope' (known: src)",
    ]
    for name in ("a", "c"):
        assert (tmp_path / "output" / name / "brief.pdf").stat().st_size > 1000
        assert (tmp_path / "output" / name / "deck.pptx").stat().st_size > 1000
    assert not (tmp_path / "output" / "b").exists()
    lines = result.stdout.splitlines()
    summaries = [text for text in lines if " · " in text]
    assert len(summaries) == 2 and all(text.startswith("brief ") for text in summaries)  # one per pack that was built
    assert sorted(set(lines) - set(summaries)) == sorted(f"output/{n}/{f}" for n in "ac" for f in ("brief.pdf", "deck.pptx"))


def test_out_holds_one_folder_per_outline(tmp_path):
    for name in ("x", "y"):
        shutil.copy(SMALL, tmp_path / f"{name}.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", "x.yaml", "y.yaml", "--out", "packs", "--format", "pdf"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "packs" / "x" / "brief.pdf").is_file() and (tmp_path / "packs" / "y" / "brief.pdf").is_file()
    assert not (tmp_path / "packs" / "x" / "deck.pptx").exists()
