"""extra: fields of an organisation's own reach a thin template set untouched; bad ones are refused in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.build.pipeline import build_pack
from support.readers import pdf_text, squash

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "recommendations.yaml"
BRIEF = """\
# {{ meta.title }}

Desk: {{ meta.extra.desk }}; review on {{ meta.extra.review | date(meta.language) }}.

{% for section in sections %}
## {{ section.title }}

Owner: {{ section.extra.owner | default("unassigned") }}.

{% endfor %}
{% set judgments = [] %}
{% for section in sections %}{% for point in section.points if point.extra.judgment is defined %}{% do judgments.append(point) %}{% endfor %}{% endfor %}
::: box Key judgments
{% for point in judgments %}
- {{ point.text }} ({{ point.extra.confidence }} confidence)
{% endfor %}
:::
"""


def _thin_set(tmp_path: Path) -> Path:
    folder = tmp_path / "our-set"
    folder.mkdir()
    (folder / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (folder / "brief.md.j2").write_text(BRIEF, encoding="utf-8")
    return folder


def test_a_thin_set_reads_extra_from_meta_a_section_and_a_point(tmp_path):
    build_pack(FIXTURE, template=_thin_set(tmp_path), out_dir=tmp_path / "out", formats="pdf")
    text = squash(pdf_text(tmp_path / "out" / "brief.pdf"))
    assert squash("Desk: Maritime; review on 15 January 2027.") in text
    assert squash("Owner: Ports team.") in text and squash("Owner: unassigned.") in text
    assert squash("Two thirds of container cargo passes through three ports. (high confidence)") in text
    assert squash("War-risk premiums rose by a quarter during the last scare. (moderate confidence)") in text
    assert squash("Dock labour") not in text


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("{run: !!python/object/apply:os.system ['touch pwned']}", "meta.extra.run: the YAML tag '!!python/object/apply:os.system' is not allowed"),
        ("{memo: '" + "x" * 10_000_000 + "'}", "meta.extra.memo: is 10,000,000 characters long; the most is 10,000"),
    ],
    ids=["python-tag", "ten-megabyte-string"],
)
def test_bad_extra_values_are_refused_in_one_line(tmp_path, extra, expected):
    text = FIXTURE.read_text(encoding="utf-8").replace("  extra: {desk: Maritime, review: 2027-01-15}", f"  extra: {extra}")
    outline = tmp_path / "bad.yaml"
    outline.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(outline), "--out", "out"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"reportgen: error: {outline}:8:"), lines
    assert expected in lines[0] and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "pwned").exists()
