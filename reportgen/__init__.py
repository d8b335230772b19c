"""reportgen: one outline in, a PDF brief and a PowerPoint deck out.

The library API mirrors the command line::

    outline = reportgen.load_outline("content/japan-defense.yaml")
    paths = reportgen.build_pack("content/japan-defense.yaml", template="default", out_dir="output/x")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["build_pack", "load_outline"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from reportgen.build.pipeline import build_pack
    from reportgen.outline import load_outline


def __getattr__(name: str) -> Any:
    """Import lazily, so ``import reportgen`` stays cheap for the command line."""
    if name == "load_outline":
        from reportgen.outline import load_outline

        return load_outline
    if name == "build_pack":
        from reportgen.build.pipeline import build_pack

        return build_pack
    raise AttributeError(name)
