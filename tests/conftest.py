"""Shared helpers: the default outline as text, small outlines, and external tools that may be required."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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


def require_tool(name: str) -> str:
    """The path of an external tool; skip without it, unless REPORTGEN_REQUIRE_CLIENTS=1 makes that a failure."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("REPORTGEN_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"{name} is required (REPORTGEN_REQUIRE_CLIENTS=1) but not installed")
    pytest.skip(f"{name} is not installed")
