"""Shared helpers: the default outline as text, small outlines, and external tools that may be required."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["support.deck_audit"]  # every deck the session builds is audited at its end

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTLINE = REPO / "content" / "japan-defense.yaml"

MINIMAL = """\
meta:
  title: A small brief
  author: Test Author
  date: 2025-03-01
  marking: TEST MARKING
summary:
  - One judgment.
sections:
  - id: one
    title: First section
    lead: The lead.
    points:
      - Alpha point
      - text: Beta point
        source: src
        points:
          - Beta child
    notes: Say this.
sources:
  - id: src
    title: A source
    author: Someone
"""


@pytest.fixture
def default_text() -> str:
    return DEFAULT_OUTLINE.read_text(encoding="utf-8")


@pytest.fixture
def write_outline(tmp_path: Path):
    """Write outline text to a file in tmp_path and return its path."""

    def write(text: str, name: str = "outline.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write

