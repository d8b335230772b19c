"""External tools the end-to-end tests use: skipped where missing, unless required."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def require_tool(name: str) -> str:
    """The path of an external tool; skip without it, unless REPORTGEN_REQUIRE_CLIENTS=1 makes that a failure."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("REPORTGEN_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"{name} is required (REPORTGEN_REQUIRE_CLIENTS=1) but not installed")
    pytest.skip(f"{name} is not installed")


def assert_qpdf_accepts(pdf: object) -> None:
    """qpdf, a reader reportgen does not use, finds the PDF's structure sound."""
    import subprocess

    qpdf = require_tool("qpdf")
    result = subprocess.run([qpdf, "--check", str(pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def require_font(path: str) -> Path:
    """A system font file the tests draw with; skip without it, unless REPORTGEN_REQUIRE_CLIENTS=1 makes that a failure."""
    found = Path(path)
    if found.is_file():
        return found
    if os.environ.get("REPORTGEN_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"the font {path} is required (REPORTGEN_REQUIRE_CLIENTS=1) but not installed")
    pytest.skip(f"the font {path} is not installed")


def registered_font(name: str, path: Path) -> str:
    """*name*, registered with reportlab as the TrueType font at *path* (skipped or failed as :func:`require_font`)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from reportgen.render.pdf._internals import register_fresh

    require_font(str(path))
    if name not in pdfmetrics.getRegisteredFontNames():
        register_fresh(TTFont(name, str(path)))
    return name
