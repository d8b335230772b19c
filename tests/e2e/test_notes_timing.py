"""Notes for every slide, none repeated (read back from the built decks), and the talk's timing."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.build.pipeline import prepare, write_markdown
from reportgen.document.markdown import parse_markdown
from reportgen.document.model import plain
from reportgen.errors import OutlineError
from reportgen.outline import load_outline
from reportgen.render.pptx.master import open_master
from reportgen.slides.plan import plan_deck

REPO = Path(__file__).resolve().parents[2]
DECKS = {
    "default": REPO / "content" / "japan-defense.yaml",
    "stress": REPO / "tests" / "fixtures" / "stress.yaml",
    "japanese": REPO / "content" / "japan-defense.ja.yaml",
}


def deck_notes(outline: Path, out: Path) -> list[str]:
    command = [sys.executable, "-m", "reportgen", "build", str(outline), "--out", str(out), "--format", "pptx"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(out / "deck.pptx"))
    return [slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "" for slide in prs.slides]


@pytest.mark.parametrize("name", list(DECKS))
def test_every_slide_has_notes_and_none_repeats(name, tmp_path):
    notes = deck_notes(DECKS[name], tmp_path)
    assert len(notes) > 5
    assert all(text.strip() for text in notes), [i + 1 for i, text in enumerate(notes) if not text.strip()]
    repeated = {text for text in notes if notes.count(text) > 1}
    assert not repeated, repeated


def timed_outline(tmp_path: Path, meta: str, minutes: dict[str, str]) -> Path:
    text = DECKS["default"].read_text(encoding="utf-8").replace("  language: en\n", f"  language: en\n{meta}", 1)
    for ident, value in minutes.items():
        text = text.replace(f"  - id: {ident}\n", f"  - id: {ident}\n    minutes: {value}\n", 1)
    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def planned(path: Path):
    prepared = prepare(path, "default")
    document = parse_markdown(
        write_markdown(prepared, "pptx"), prepared.info, prepared.figures,
        sources=prepared.sources, origin="deck.md.j2", folders=prepared.template_folders,
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plans = plan_deck(document, prepared.theme, open_master(prepared.theme))
    return plans, [str(w.message) for w in caught]


def test_twenty_minutes_are_shared_to_the_second_with_the_floor_and_section_minutes(tmp_path):
    plans, said = planned(timed_outline(tmp_path, "  duration: 20\n", {"strategy": "5"}))
    seconds = [plan.seconds for plan in plans]
    assert sum(seconds) == 1200
    assert min(seconds) >= 30
    titles = [plain(plan.title.paras[0].runs) if plan.title else "" for plan in plans]
    first, after = titles.index("Defense strategy"), titles.index("Alliances and partnerships")
    strategy = plans[first:after]  # the second section's slides: its bullets, their continuation, its chart
    assert len(strategy) >= 3 and sum(plan.seconds for plan in strategy) == 300
    assert not [s for s in said if "meta.duration" in s]


def test_without_a_duration_the_build_says_how_long_the_talk_is(tmp_path):
    plans, said = planned(DECKS["default"])
    total = sum(plan.seconds for plan in plans)
    assert all(plan.seconds >= 30 for plan in plans) and not [s for s in said if "meta.duration" in s]
    command = [sys.executable, "-m", "reportgen", "build", str(DECKS["default"]), "--out", str(tmp_path / "o"), "--format", "pptx"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"deck {len(plans)} slides (about {round(total / 60)} min at 130 words a minute)"


def test_section_minutes_over_the_duration_name_the_line(tmp_path):
    path = timed_outline(tmp_path, "  duration: 10\n", {"threats": "6", "strategy": "5"})
    with pytest.raises(OutlineError) as raised:
        load_outline(path)
    line = path.read_text(encoding="utf-8").splitlines().index("    minutes: 5") + 1
    text = str(raised.value)
    assert f"outline.yaml:{line}:" in text and "sections[1].minutes" in text and "more than meta.duration (10)" in text
    command = [sys.executable, "-m", "reportgen", "build", path.name, "--out", "o"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"reportgen: error: outline.yaml:{line}:"), result.stderr
    assert "sections[1].minutes: the sections' minutes reach 11, more than meta.duration (10)" in lines[0]
