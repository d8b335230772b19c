from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def default_pack(tmp_path_factory) -> Path:
    """The default pack built once through the command line, from a folder that is not the checkout."""
    cwd = tmp_path_factory.mktemp("anywhere")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build"], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    folder = cwd / "output" / "japan-defense"
    assert result.stdout.split() == [str(Path("output/japan-defense/brief.pdf")), str(Path("output/japan-defense/deck.pptx"))]
    return folder
