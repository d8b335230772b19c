"""The brief's last page is never a stranded few lines: its text reaches a fifth of the frame at least.

Before every top-level heading the story gets a :class:`BalanceBreak`. When the frame reaches it,
it measures everything after it (at the frame's width, one measurement per width shared by all
breaks, :class:`Tail`). If that would spill onto a new last page by less than
:data:`LAST_PAGE_FILL` of the frame, the latest heading whose rest fills that much starts the last
page instead: the previous page ends short, the last one is fuller, and the page count stays.

The measure adds each flowable's height and spacing, and a container's parts; it cannot foresee
where a kept-together block moves whole, so it is a close estimate. A rest that changes pages on
its own (a landscape table's page breaks) is not measured and never moved.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import UseUpSpace

from reportgen.render.pdf.story import SectionHeading

LAST_PAGE_FILL = 0.2
"""The least share of the frame's height the last page's text reaches."""
_TALL = 1e6


class Tail:
    """The story's flowables and, per width, the height of the story from each one to its end.

    Spacing is counted as a frame sets it: between two flowables the larger of the first's space
    after and the second's space before; none before the first, which opens a page.
    """

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        self.flowables = list(flowables)
        self._rests: dict[float, list[float | None]] = {}

    def rest(self, start: int, width: float, canv: Canvas) -> float | None:
        """The height from flowable *start* to the end, or None if a flowable there changes pages itself."""
        if width not in self._rests:
            self._rests[width] = self._measure(width, canv)
        return self._rests[width][start]

    def _measure(self, width: float, canv: Canvas) -> list[float | None]:
        rests: list[float | None] = []
        rest: float | None = 0.0
        before_next = 0.0
        for flowable in reversed(self.flowables):
            parts = _parts(flowable, width, canv)
            for before, height, after in reversed(parts or []):
                if rest is not None:
                    rest = height + (max(after, before_next) + rest if rest else 0.0)
                before_next = before
            if parts is None:
                rest = None
            rests.append(rest)
        return rests[::-1]


def _parts(flowable: Flowable, width: float, canv: Canvas) -> list[tuple[float, float, float]] | None:
    """*flowable* as it stacks in a frame: (space before, height, space after) of it or of each of its
    parts; None if it changes pages itself."""
    if isinstance(flowable, KeepTogether):
        parts = [_parts(part, width, canv) for part in flowable._content]
        return None if any(p is None for p in parts) else [item for p in parts if p for item in p]
    if isinstance(flowable, (ActionFlowable, UseUpSpace, CondPageBreak)):
        return None
    _, height = flowable.wrapOn(canv, width, _TALL)
    return [(flowable.getSpaceBefore(), float(height), flowable.getSpaceAfter())]


class BalanceBreak(CondPageBreak):
    """Breaks the page here if the rest would otherwise leave the last page with less than its share.

    *later* are the story positions of the breaks after this one: a later heading whose rest fills
    the share starts the last page instead, so the previous page ends as low as it can. It takes no
    room and passes the space after the flowable above it on to the heading below (``_SPACETRANSFER``),
    so a break that does not fire leaves the page as it was.
    """

    _ZEROSIZE = True
    _SPACETRANSFER = True

    def __init__(self, tail: Tail, start: int, later: Sequence[int], frame_height: float) -> None:
        super().__init__(0)
        self.tail = tail
        self.start = start
        self.later = tuple(later)
        self.frame_height = frame_height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = availHeight + 1 if self._moves_rest(availWidth, availHeight) else 0
        return super().wrap(availWidth, availHeight)

    def drawOn(self, *args: object, **kwargs: object) -> None:  # noqa: N802 - reportlab's name
        """Nothing to draw, so not even an empty graphics state: a brief without a break keeps its bytes."""

    def _moves_rest(self, width: float, available: float) -> bool:
        least = LAST_PAGE_FILL * self.frame_height
        rest = self.tail.rest(self.start, width, self.canv)
        spill = None if rest is None else rest + self.tail.flowables[self.start].getSpaceBefore() - available
        if rest is None or spill is None or not least <= rest <= self.frame_height or not 0 < spill < least:
            return False
        later = (self.tail.rest(start, width, self.canv) for start in self.later)
        return not any(other is not None and other >= least for other in later)


def balance_last_page(story: Sequence[Flowable], frame_height: float) -> list[Flowable]:
    """*story* with a :class:`BalanceBreak` before every heading of the outline."""
    tail = Tail(story)
    starts = [index for index, flowable in enumerate(story) if index and _starts_section(flowable)]
    out: list[Flowable] = []
    for index, flowable in enumerate(story):
        if starts and index == starts[0]:
            starts.pop(0)
            out.append(BalanceBreak(tail, index, starts, frame_height))
        out.append(flowable)
    return out


def _starts_section(flowable: Flowable) -> bool:
    """*flowable* is a heading of the outline, or a kept-together block that begins with one."""
    if isinstance(flowable, KeepTogether) and flowable._content:
        flowable = flowable._content[0]
    return isinstance(flowable, SectionHeading) and flowable.outline is not None
