"""What a notes page says, as plain data: the notes split into paragraphs and list items, and the clock line.

The slide plans carry their notes as text, one paragraph a line, list items
written ``- ...`` (:mod:`reportgen.slides.cues`); each slide's ``seconds`` are
its share of the talk (:mod:`reportgen.slides.timing`). Nothing here measures
or draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.slides.cues import fill, spoken_time
from reportgen.slides.timing import clock
from reportgen.theme.model import Strings

_ITEM_MARKS = ("- ", "* ", "• ")


@dataclass(frozen=True)
class NoteLine:
    """One paragraph of a slide's notes; *item*: a list item (drawn indented, with a bullet)."""

    text: str
    item: bool = False


def note_lines(notes: str) -> list[NoteLine]:
    """*notes* as paragraphs, one per non-empty line; a line starting ``- `` (or ``* ``, ``• ``) is a list item."""
    out: list[NoteLine] = []
    for raw in notes.splitlines():
        line = raw.strip()
        if not line:
            continue
        mark = next((m for m in _ITEM_MARKS if line.startswith(m)), None)
        out.append(NoteLine(line[len(mark) :].strip(), item=True) if mark else NoteLine(line))
    return out


@dataclass(frozen=True)
class Span:
    """Where one slide sits in the talk, in seconds."""

    start: float
    seconds: float
    total: float

    def line(self, strings: Strings) -> str:
        """The theme's ``clock`` line: ``2 min · 6:00 of 20:00``."""
        return fill(strings.clock, slide=spoken_time(self.seconds, strings), start=clock(self.start), total=clock(self.total))


def spans(seconds: Sequence[float]) -> list[Span]:
    """Each slide's start, share and the talk's total, from the slides' shares in order."""
    total = sum(seconds)
    out: list[Span] = []
    start = 0.0
    for share in seconds:
        out.append(Span(start, share, total))
        start += share
    return out


def slide_of(strings: Strings, slide: int, slides: int, *, continued: bool = False) -> str:
    """The header's right side: ``Slide 3 of 16``, with the theme's ``continued`` word on a continuation page."""
    text = fill(strings.slide_of, slide=slide, slides=slides)
    return f"{text} {strings.continued}" if continued else text
