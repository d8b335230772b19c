"""Every bad input in the corpus gets one clear line per mistake, exit code 2, no traceback and none of
pydantic's words; docs/bad-inputs.md is current."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reportgen.render import base
from support.bad_inputs import CASES, DOC, Case, run, run_validate
from support.plain_words import pydantic_phrases_in

_RUNS: dict[str, tuple[subprocess.CompletedProcess, Path]] = {}


def ran(case: Case, folders: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    """The case's run and its folder; each case runs once however many tests look at it."""
    if case.name not in _RUNS:
        folder = folders.mktemp("case")
        _RUNS[case.name] = (run(case, folder), folder)
    return _RUNS[case.name]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_one_clear_line(case, tmp_path_factory):
    result, folder = ran(case, tmp_path_factory)
    assert result.returncode == case.exit_code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    if case.exit_code == 0:
        assert all(line.startswith("reportgen: warning: ") for line in lines), result.stderr
        assert case.expected in result.stderr if case.expected else lines == []
        *paths, summary = result.stdout.splitlines()
        assert paths == [f"output/outline/{base.get(name).output}" for name in base.default_formats()]
        assert summary.startswith("brief ") and " · deck " in summary
        return
    wanted = case.expected.split("\n")  # several mistakes: one expected line each
    assert len(lines) == len(wanted) and all(line.startswith("reportgen: error: ") for line in lines), result.stderr
    assert all(part in line for part, line in zip(wanted, lines, strict=True)), result.stderr
    assert not (folder / "output").exists()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_no_message_uses_pydantics_words(case, tmp_path_factory):
    result, _ = ran(case, tmp_path_factory)
    assert pydantic_phrases_in(result.stderr) == [], result.stderr


_VALIDATED: dict[str, tuple[subprocess.CompletedProcess, Path]] = {}


def validated(case: Case, folders: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    if case.name not in _VALIDATED:
        folder = folders.mktemp("validate")
        _VALIDATED[case.name] = (run_validate(case, folder), folder)
    return _VALIDATED[case.name]


def warnings_in(stderr: str, folder: Path) -> list[str]:
    return [line.replace(str(folder), "…") for line in stderr.splitlines() if line.startswith("reportgen: warning: ")]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_validate_fails_where_build_fails_and_warns_where_it_warns(case, tmp_path_factory):
    """validate says what build says, before anything is written: exit 2 and the same error where build
    fails (but for faults of the output folder, which validate cannot see), the same warnings where it warns."""
    built, build_folder = ran(case, tmp_path_factory)
    checked, folder = validated(case, tmp_path_factory)
    assert "Traceback" not in checked.stderr
    if case.output_fault:
        assert checked.returncode == 0 and "valid" in checked.stdout, checked.stderr
        return
    assert checked.returncode == built.returncode, checked.stderr
    if built.returncode == 2:
        errors = [line for line in checked.stderr.splitlines() if line.startswith("reportgen: error: ")]
        assert errors and all(part in checked.stderr for part in case.expected.split("\n")[:20]), checked.stderr
        assert checked.stdout == ""
        return
    assert warnings_in(checked.stderr, folder) == warnings_in(built.stderr, build_folder)
    assert "valid" in checked.stdout


def test_the_documented_table_lists_every_case():
    doc = DOC.read_text(encoding="utf-8")
    for case in CASES:
        assert f"| {case.name} |" in doc, f"{case.name}: regenerate with PYTHONPATH=tests python -m support.bad_inputs"
