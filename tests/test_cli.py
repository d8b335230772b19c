"""The command line: one clear line and exit 2 for bad input, never a traceback, nothing written."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import MINIMAL


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_help_everywhere(tmp_path):
    for args in ([], ["build"], ["validate"], ["watch"], ["schema"], ["master"], ["templates"], ["templates", "copy"]):
        result = run(*args, "--help", cwd=tmp_path)
        assert result.returncode == 0 and "Usage" in result.stdout, args


def test_validate_reports_valid(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL)
    result = run("validate", "o.yaml", cwd=tmp_path)
    assert result.returncode == 0 and "valid" in result.stdout


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (lambda t: t.replace("source: src", "source: nope"), "o.yaml:15:17: sections[0].points[1].source: unknown source 'nope'"),
        (lambda t: t.replace("  author:", "  autor:", 1), "o.yaml:3:3: meta.autor: unknown key 'autor' (did you mean 'author'?)"),
        (lambda t: t.replace("  title: A small brief", "\ttitle: x"), "o.yaml:2:1: YAML syntax error"),
        (lambda t: "", "o.yaml:1:1: the outline file is empty"),
    ],
)
def test_bad_outline_is_one_line_exit_2_and_nothing_written(tmp_path, mutation, expected):
    (tmp_path / "o.yaml").write_text(mutation(MINIMAL))
    for command in (["validate", "o.yaml"], ["build", "o.yaml"]):
        result = run(*command, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert expected in result.stderr
        assert not (tmp_path / "output").exists()


def test_unknown_template_set_is_one_line(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL)
    result = run("build", "o.yaml", "--template", "nosuch", cwd=tmp_path)
    assert result.returncode == 2 and "no template set 'nosuch'" in result.stderr and "available: default" in result.stderr


def test_unknown_format_is_one_line(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL)
    result = run("build", "o.yaml", "--format", "docx", cwd=tmp_path)
    assert result.returncode == 2 and "unknown format 'docx'" in result.stderr


def test_watch_takes_every_option_build_takes(tmp_path):
    build, watch = (run(command, "--help", cwd=tmp_path).stdout for command in ("build", "watch"))
    for option in ("--template", "--out", "--format", "--force", "--reference-pptx"):
        assert option in build and option in watch, option


def test_validate_prints_every_error_one_line_each(tmp_path):
    text = MINIMAL.replace("  author:", "  autor:", 1).replace("source: src", "source: nope").replace("    lead:", "    laed:")
    (tmp_path / "o.yaml").write_text(text)
    result = run("validate", "o.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "reportgen: error: o.yaml:3:3: meta.autor: unknown key 'autor' (did you mean 'author'?)",
        "reportgen: error: o.yaml:11:5: sections[0].laed: unknown key 'laed' (did you mean 'lead'?)",
        "reportgen: error: o.yaml:15:17: sections[0].points[1].source: unknown source 'nope' (known: src)",
    ]


def test_validate_prints_warnings(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL.replace("  marking:", "  language: kr\n  marking:"))
    result = run("validate", "o.yaml", cwd=tmp_path)
    assert result.returncode == 0 and "valid" in result.stdout
    assert result.stderr.startswith("reportgen: warning: o.yaml:5:13: meta.language: no built-in words for the language 'kr'")
    assert result.stderr.rstrip().endswith("(did you mean 'ko'?)")


def test_watch_prints_each_error_of_a_broken_outline_and_keeps_watching(tmp_path):
    text = MINIMAL.replace("  author:", "  autor:", 1).replace("source: src", "source: nope")
    (tmp_path / "o.yaml").write_text(text)
    watcher = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "watch", "o.yaml", "--format", "pdf"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(watcher.stderr.readline, "")), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 120
        while len(lines) < 2 and time.monotonic() < deadline and watcher.poll() is None:
            time.sleep(0.05)
        assert watcher.poll() is None, "watch stopped at a broken outline"
    finally:
        watcher.send_signal(signal.SIGTERM)
        watcher.wait(timeout=30)
    assert lines[:2] == [
        "reportgen: error: o.yaml:3:3: meta.autor: unknown key 'autor' (did you mean 'author'?)\n",
        "reportgen: error: o.yaml:15:17: sections[0].points[1].source: unknown source 'nope' (known: src) (kept the last good pack)\n",
    ]


def test_a_build_ends_with_what_the_pack_holds_and_json_says_the_same(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL)
    result = run("build", "o.yaml", "-o", "out", "--format", "pdf,pptx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    *paths, summary = result.stdout.strip().splitlines()
    assert [Path(p).name for p in paths] == ["brief.pdf", "deck.pptx"]
    assert summary.startswith("brief ") and " pages · deck " in summary and summary.split(" · ")[1].split()[2] == "slides"
    import json

    as_json = run("build", "o.yaml", "-o", "out", "--format", "pdf,pptx", "--json", cwd=tmp_path)
    (record,) = [json.loads(text) for text in as_json.stdout.splitlines()]
    assert record["summary"] == summary and record["outline"] == "o.yaml"
    assert record["files"]["deck.pptx"]["slides"] == int(summary.split(" · ")[1].split()[1])
    assert Path(record["files"]["brief.pdf"]["path"]) == Path("out") / "brief.pdf"


def test_without_a_duration_the_summary_gives_the_talk_s_length_at_the_speaking_rate(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL)
    result = run("build", "o.yaml", "-o", "out", "--format", "pptx", cwd=tmp_path)
    assert result.returncode == 0 and "meta.duration" not in result.stderr, result.stderr
    assert result.stdout.splitlines()[-1].endswith(" min at 130 words a minute)")
    (tmp_path / "o.yaml").write_text(MINIMAL.replace("meta:\n", "meta:\n  duration: 12\n", 1))
    timed = run("build", "o.yaml", "-o", "out", "--format", "pptx", cwd=tmp_path)
    assert timed.returncode == 0, timed.stderr
    assert timed.stdout.splitlines()[-1].endswith("slides (12 min)")
