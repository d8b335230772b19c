"""A failed or interrupted build loses nothing; identical input gives identical bytes; foreign files are left alone."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools import assert_qpdf_accepts

REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO / "content" / "japan-defense.yaml"
SMALL = REPO / "tests" / "fixtures" / "small.yaml"


def build(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", "build", *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_failed_build_leaves_the_previous_pack_exactly_as_it_was(tmp_path):
    outline = tmp_path / "brief.yaml"
    shutil.copy(SMALL, outline)
    assert build(str(outline), cwd=tmp_path).returncode == 0
    pack = tmp_path / "output" / "brief"
    before = snapshot(pack)
    outline.write_text(outline.read_text().replace("source: src", "source: broken"))
    result = build(str(outline), cwd=tmp_path)
    assert result.returncode == 2
    assert snapshot(pack) == before


def test_same_input_gives_the_same_bytes(tmp_path):
    for name in ("one", "two"):
        assert build(str(DEFAULT), "--out", name, cwd=tmp_path).returncode == 0
    for file in ("brief.pdf", "deck.pptx"):
        assert (tmp_path / "one" / file).read_bytes() == (tmp_path / "two" / file).read_bytes(), file
    assert_qpdf_accepts(tmp_path / "one" / "brief.pdf")


def test_source_date_epoch_sets_the_timestamps(tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    assert build(str(DEFAULT), "--out", "a", cwd=tmp_path, env=env).returncode == 0
    assert build(str(DEFAULT), "--out", "b", cwd=tmp_path).returncode == 0
    assert b"20231114" in (tmp_path / "a" / "brief.pdf").read_bytes()
    assert (tmp_path / "a" / "brief.pdf").read_bytes() != (tmp_path / "b" / "brief.pdf").read_bytes()


def test_files_reportgen_did_not_write_are_never_replaced(tmp_path):
    pack = tmp_path / "output" / "small"
    pack.mkdir(parents=True)
    (pack / "brief.pdf").write_bytes(b"the user's own file")
    shutil.copy(SMALL, tmp_path / "small.yaml")
    result = build("small.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "was not written by reportgen" in result.stderr
    assert (pack / "brief.pdf").read_bytes() == b"the user's own file"
    assert not (pack / "deck.pptx").exists()
    assert build("small.yaml", "--force", cwd=tmp_path).returncode == 0
    assert (pack / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert build("small.yaml", cwd=tmp_path).returncode == 0, "its own files are replaced without --force"


def test_an_unwritable_output_folder_is_one_line(tmp_path):
    if os.geteuid() == 0:
        target = Path("/proc/reportgen-cannot-write-here")
    else:
        target = tmp_path / "locked"
        target.mkdir()
        target.chmod(0o500)
    shutil.copy(SMALL, tmp_path / "small.yaml")
    result = build("small.yaml", "--out", str(target), cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write the output" in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_no_partial_or_temporary_files(tmp_path, sig):
    outline = tmp_path / "big.yaml"
    shutil.copy(REPO / "tests" / "fixtures" / "stress.yaml", outline)
    out = tmp_path / "out"
    assert build(str(outline), "--out", str(out), cwd=tmp_path).returncode == 0
    before = snapshot(out)
    outline.write_text(outline.read_text().replace("Stress outline for fitting tests", "Changed title"))
    for delay in (0.6, 0.9, 1.2, 1.5):
        process = subprocess.Popen([sys.executable, "-m", "reportgen", "build", str(outline), "--out", str(out)], cwd=tmp_path,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=120)
        names = sorted(p.name for p in out.iterdir())
        assert names == sorted(before), names
        if process.returncode == 130:
            assert "interrupted; no file was left half-written" in stderr and "Traceback" not in stderr
        elif process.returncode != 0:  # the signal came while Python was still starting up
            assert process.returncode in (-sig, 1), stderr
        after = snapshot(out)
        if process.returncode != 0 and after != before:  # interrupted once the pack was written: all of it is new
            recorded = json.loads(after[".reportgen-manifest.json"])["files"]
            for name in ("brief.pdf", "deck.pptx"):
                assert hashlib.sha256(after[name]).hexdigest() == recorded[name]["sha256"], name
                assert after[name] != before[name], name
