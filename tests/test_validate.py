"""``reportgen validate``: every check a build runs, without writing; all findings at once; --strict, --json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import MINIMAL
from reportgen.validate import Finding, Report, printed, validate

EMOJI = MINIMAL.replace("Alpha point", "Alpha point \U0001FAE0")  # an emoji of Unicode 14 no font here has yet
GLYPH = "no font here can draw '\U0001FAE0' (U+1FAE0); the brief will show blanks"
GLYPH_HINT = "install fonts-symbola (Debian/Ubuntu), or name a font that has them under font_files and brief.fonts.scripts in theme.yaml"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_a_sound_outline_is_valid_and_nothing_is_written(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run("validate", "o.yaml", "--format", "pdf,pptx", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "o.yaml: valid (1 sections, 2 top-level points)\n", "")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["o.yaml"]


def test_a_broken_outline_does_not_hide_a_broken_theme(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL.replace("  author:", "  autor:", 1), encoding="utf-8")
    (tmp_path / "myset").mkdir()
    (tmp_path / "myset" / "theme.yaml").write_text("extends: default\ncolours:\n  primary: navy\n", encoding="utf-8")
    result = run("validate", "o.yaml", "--template", "myset", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "reportgen: error: o.yaml:3:3: meta.autor: unknown key 'autor' (did you mean 'author'?)",
        f"reportgen: error: {tmp_path / 'myset' / 'theme.yaml'}:3:12: colours.primary: must be a colour written as #RRGGBB, "
        "not 'navy' (e.g. '#1B365D', in quotes)",
    ]


def test_template_mistakes_are_found_by_rendering_the_templates(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "myset").mkdir()
    (tmp_path / "myset" / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (tmp_path / "myset" / "brief.md.j2").write_text("# {{ meta.titel }}\n", encoding="utf-8")
    result = run("validate", "o.yaml", "-t", "myset", "-f", "pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert "brief.md.j2:1: meta has no field 'titel'; did you mean 'title'?" in result.stderr


def test_warnings_pass_unless_strict(tmp_path):
    (tmp_path / "o.yaml").write_text(EMOJI, encoding="utf-8")
    plain = run("validate", "o.yaml", "--format", "pdf", cwd=tmp_path)
    assert plain.returncode == 0 and plain.stdout == "o.yaml: valid, with 1 warning (1 sections, 2 top-level points)\n"
    assert plain.stderr == f"reportgen: warning: o.yaml:13:9: sections[0].points[0].text: {GLYPH} ({GLYPH_HINT})\n"
    strict = run("validate", "o.yaml", "--format", "pdf", "--strict", cwd=tmp_path)
    assert strict.returncode == 2 and strict.stdout == ""
    assert strict.stderr == f"reportgen: error: o.yaml:13:9: sections[0].points[0].text: {GLYPH} ({GLYPH_HINT})\n"


def test_json_prints_one_object_per_finding(tmp_path):
    (tmp_path / "o.yaml").write_text(EMOJI.replace("source: src", "source: nope"), encoding="utf-8")
    result = run("validate", "o.yaml", "--json", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr == ""
    assert result.stdout.startswith('{"file": "o.yaml", "line": 15, "column": 17, "field": ')
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"file": "o.yaml", "line": 15, "column": 17, "field": "sections[0].points[1].source", "severity": "error",
         "message": "unknown source 'nope' (known: src)", "hint": None},
    ]


def test_json_with_warnings_only_exits_0(tmp_path):
    (tmp_path / "o.yaml").write_text(EMOJI, encoding="utf-8")
    result = run("validate", "o.yaml", "--json", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 0
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"file": "o.yaml", "line": 13, "column": 9, "field": "sections[0].points[0].text", "severity": "warning",
         "message": GLYPH, "hint": GLYPH_HINT},
    ]


def test_each_format_is_checked_and_a_missing_master_is_named(tmp_path):
    (tmp_path / "o.yaml").write_text(MINIMAL, encoding="utf-8")
    report = validate(tmp_path / "o.yaml", reference_pptx=tmp_path / "nope.pptx")
    assert [finding.one_line() for finding in report.errors()] == [
        f"--reference-pptx: reference deck not found: looked for {tmp_path / 'nope.pptx'}"
    ]


def test_an_unknown_format_is_a_finding():
    report = validate(None, formats="docx")
    assert [finding.message for finding in report.errors()] == ["unknown format 'docx'"]


def test_more_than_twenty_findings_are_cut_short_except_in_json():
    findings = [Finding("error", f"problem {i}", "o.yaml", i + 1, 1) for i in range(23)]
    out, err = printed(Report(Path("o.yaml"), findings))
    assert out == [] and len(err) == 21
    assert err[-1] == "reportgen: error: and 3 more (fix these and run again to see them, or use --json)"
    assert len(printed(Report(Path("o.yaml"), findings), as_json=True)[0]) == 23
