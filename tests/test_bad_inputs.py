"""Every bad input in the corpus gets one clear line, exit code 2, and no traceback; docs/bad-inputs.md is current."""

from __future__ import annotations

import pytest

from bad_inputs import CASES, DOC, run


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_one_clear_line(case, tmp_path):
    result = run(case, tmp_path)
    assert result.returncode == case.exit_code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    if case.exit_code == 0:
        assert all(line.startswith("reportgen: warning: ") for line in lines), result.stderr
        assert case.expected in result.stderr if case.expected else lines == []
        assert result.stdout.split() == ["output/outline/brief.pdf", "output/outline/deck.pptx"]
        return
    assert len(lines) == 1 and lines[0].startswith("reportgen: error: "), result.stderr
    assert case.expected in lines[0]
    assert not (tmp_path / "output").exists()


def test_the_documented_table_lists_every_case():
    doc = DOC.read_text(encoding="utf-8")
    for case in CASES:
        assert f"| {case.name} |" in doc, f"{case.name}: regenerate with python tests/bad_inputs.py"
