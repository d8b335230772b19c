"""A template set written for one test, rendered with the context a real build gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.build import pipeline as pack

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "small.yaml"


@pytest.fixture
def write_set(tmp_path: Path):
    """``write_set(brief, **files)``: a set extending ``default`` with this ``brief.md.j2`` (and other files)."""

    def write(brief: str, theme: str = "extends: default\n", **files: str) -> Path:
        folder = tmp_path / "myset"
        folder.mkdir(exist_ok=True)
        (folder / "theme.yaml").write_text(theme, encoding="utf-8")
        (folder / "brief.md.j2").write_text(brief, encoding="utf-8")
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def render_set(write_set):
    """``render_set(brief, **files)``: the brief's Markdown for the small outline, as a build makes it."""

    def render(brief: str, theme: str = "extends: default\n", **files: str) -> str:
        folder = write_set(brief, theme, **files)
        return pack.write_markdown(pack.prepare(SMALL, folder), "pdf")

    return render
