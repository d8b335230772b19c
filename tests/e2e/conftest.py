from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.render import base

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def audit():
    """openxml-audit, the deck validator reportgen does not use (skip without it, fail under REPORTGEN_REQUIRE_CLIENTS=1)."""
    try:
        import openxml_audit
    except ImportError:
        if os.environ.get("REPORTGEN_REQUIRE_CLIENTS") == "1":
            pytest.fail("openxml-audit is required (REPORTGEN_REQUIRE_CLIENTS=1) but not installed")
        pytest.skip("openxml-audit is not installed")
    return openxml_audit


@pytest.fixture(scope="session")
def default_pack(tmp_path_factory) -> Path:
    """The default pack built once through the command line, from a folder that is not the checkout."""
    cwd = tmp_path_factory.mktemp("anywhere")
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build"], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    folder = cwd / "output" / "japan-defense"
    *paths, summary = result.stdout.splitlines()
    assert paths == [str(Path("output/japan-defense") / base.get(name).output) for name in base.default_formats()]
    assert summary.startswith("brief ") and " · deck " in summary

    return folder
