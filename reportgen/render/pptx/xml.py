"""Qualified XML names, cached (python-pptx's ``qn`` parses the prefix on every call)."""

from __future__ import annotations

from functools import lru_cache

from pptx.oxml.ns import qn as _qn


@lru_cache(maxsize=512)
def qn(tag: str) -> str:
    """``"a:p"`` -> ``"{http://schemas.openxmlformats.org/drawingml/2006/main}p"``."""
    return _qn(tag)
