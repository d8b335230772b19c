"""A build's processes can never hang it or outlive it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STRESS = REPO / "tests" / "fixtures" / "stress.yaml"

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def large_outline(folder: Path, sections: int = 60) -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import make_outlines
    finally:
        sys.path.remove(str(REPO / "bench"))
    return make_outlines.write(folder, sections)


def children_of(pid: int) -> set[int]:
    """Every live descendant of *pid*, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


SLOW_FAILING_BRIEF = "{% for i in range(5000) %}{% for j in range(2000) %}{% endfor %}{% endfor %}{{ no_such_name }}\n"
"""A brief template that fails only after the deck (larger than a pipe's buffer) is ready to send."""


@pytest.mark.parametrize("failing", ["font", "late template"])
def test_a_brief_that_fails_while_a_large_deck_renders_ends_at_once(tmp_path, failing):
    theme = tmp_path / "myset" / "theme.yaml"
    theme.parent.mkdir()
    if failing == "font":
        theme.write_text("extends: default\nfonts:\n  heading: SerifBold\n", encoding="utf-8")
    else:
        theme.write_text("extends: default\n", encoding="utf-8")
        (theme.parent / "brief.md.j2").write_text(SLOW_FAILING_BRIEF, encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(STRESS), "--template", str(theme.parent), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert time.monotonic() - started < 10
    assert ("SerifBold" if failing == "font" else "no_such_name") in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "deck.pptx").exists()


def test_no_process_of_a_build_is_alive_3_seconds_after_its_parent_is_killed(tmp_path):
    outline = large_outline(tmp_path)
    build = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "build", str(outline), "--out", str(tmp_path / "out")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    descendants: set[int] = set()
    deadline = time.monotonic() + 30
    while not descendants and time.monotonic() < deadline and build.poll() is None:
        descendants = children_of(build.pid)
        time.sleep(0.02)
    assert descendants, "the build forked no renderer"
    time.sleep(0.3)
    descendants |= children_of(build.pid)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    time.sleep(3)
    assert [pid for pid in descendants if alive(pid)] == []
    assert not (tmp_path / "out" / "deck.pptx").exists()
