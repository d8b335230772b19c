"""What a build made, in numbers: pages or slides per file and the talk's length, for the line after a build.

A renderer may say it itself (an optional ``describe(document, theme, data)``
returning :class:`Facts`); otherwise the file's own bytes are counted: a PDF's
page objects, a deck's slide parts. Nothing here names a format.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from reportgen.render.base import Facts

_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_SLIDE = re.compile(r"ppt/slides/slide\d+\.xml")


def counted(output: str, data: bytes) -> Facts | None:
    """The pages of a PDF or the slides of a deck, counted in *data* (None: a kind of file not counted)."""
    suffix = Path(output).suffix.lower()
    if suffix == ".pdf":
        return Facts(len(_PAGE.findall(data)), "pages")
    if suffix == ".pptx":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                return Facts(sum(1 for name in package.namelist() if _SLIDE.fullmatch(name)), "slides")
        except zipfile.BadZipFile:
            return None
    return None


def line(facts: dict[str, Facts]) -> str:
    """``brief 6 pages · deck 14 slides (20 min) · notes 14 pages``: each file by its name's stem, in pack order."""
    parts = []
    for name, fact in facts.items():
        unit = fact.unit.removesuffix("s") if fact.count == 1 else fact.unit
        text = f"{Path(name).stem} {fact.count} {unit}"
        if fact.minutes is not None:
            text += f" (about {minutes(fact.minutes)} {fact.paced})" if fact.paced else f" ({minutes(fact.minutes)})"
        parts.append(text)
    return " · ".join(parts)


def minutes(value: float) -> str:
    """A talk's length for people: ``20 min``, ``1 h 05 min``."""
    whole = round(value)
    return f"{whole // 60} h {whole % 60:02d} min" if whole >= 60 else f"{whole} min"


def as_dict(fact: Facts) -> dict[str, int | float | str]:
    """One file's facts as plain data (``build --json``): ``{"slides": 14, "minutes": 20.0}``; minutes only where known."""
    out: dict[str, int | float | str] = {fact.unit: fact.count}
    if fact.minutes is not None:
        out["minutes"] = round(fact.minutes, 1)
        out["timed_by"] = "speaking rate" if fact.paced else "meta.duration"
    return out
