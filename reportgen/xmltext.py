"""Characters no output can carry: XML 1.0 refuses C0 controls (but tab and newlines), lone surrogates and
U+FFFE/U+FFFF; DEL and the C1 controls it takes, but no reader shows them. The loader removes them from
outlines with a warning; the renderers remove them again from whatever reaches them by another way."""

from __future__ import annotations

import re

UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def carriable(text: str) -> str:
    """*text* without the characters no output can carry."""
    return UNCARRIABLE.sub("", text)
