"""The session-end audit of built decks can fail a session, and leaves decks that no build wrote alone."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INNER = '''
import hashlib, json, zipfile
from pptx import Presentation


def write(folder, recorded=None):
    folder.mkdir()
    deck = folder / "deck.pptx"
    Presentation().save(deck)
    with zipfile.ZipFile(deck) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["ppt/presentation.xml"] = parts["ppt/presentation.xml"].replace(b'cx="9144000"', b'cx="-5"')
    with zipfile.ZipFile(deck, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    digest = recorded or hashlib.sha256(deck.read_bytes()).hexdigest()
    files = {"deck.pptx": {"size": 0, "sha256": digest, "build": "x"}}
    (folder / ".reportgen-manifest.json").write_text(json.dumps({"generator": "reportgen", "files": files}))


def test_writes_a_broken_deck(tmp_path):
    write(tmp_path / "pack", RECORDED)
'''


def run(recorded: str) -> subprocess.CompletedProcess[str]:
    """The inner session, in a folder outside this session's base folder (or this session would audit its broken deck too)."""
    with tempfile.TemporaryDirectory() as name:
        return _run(Path(name), recorded)


def _run(tmp_path: Path, recorded: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_inner.py").write_text(INNER.replace("RECORDED", recorded), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "support.deck_audit", "-p", "no:cacheprovider", "--rootdir", str(tmp_path)]
    command += ["--basetemp", str(tmp_path / "base"), str(tmp_path / "test_inner.py")]
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(autouse=True)
def audit_installed(audit):
    """Every test here needs openxml-audit (the e2e conftest's ``audit`` skips or fails without it)."""
    return audit


def test_a_built_deck_with_schema_errors_fails_the_session_and_is_named():
    result = run("None")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    assert "deck audit" in result.stdout and "1 with errors" in result.stdout
    assert str(Path("pack") / "deck.pptx") in result.stdout


def test_a_deck_its_manifest_does_not_vouch_for_is_not_audited():
    result = run("'0' * 64")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "deck audit" not in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
@pytest.mark.parametrize("pipe", ["deck.pptx", ".reportgen-manifest.json"])
def test_a_named_pipe_in_a_pack_folder_is_passed_over_not_read(tmp_path, pipe):
    """Hostile-input tests leave pipes named like pack files; reading one would block the session's end for ever."""
    from support.deck_audit import built_decks

    folder = tmp_path / "pack"
    folder.mkdir()
    for name in ("deck.pptx", ".reportgen-manifest.json"):
        if name == pipe:
            os.mkfifo(folder / name)
        else:
            (folder / name).write_text("{}", encoding="utf-8")
    assert built_decks(tmp_path) == {}
