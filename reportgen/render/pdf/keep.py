"""Keeping a heading with what follows it, where platypus's own ``keepWithNext`` does not reach.

Platypus keeps a flowable whose style says ``keepWithNext`` with the next one by wrapping both in a
``KeepTogether`` (``BaseDocTemplate.handle_keepWithNext``), but not when the next one is a container
already: a box, a figure or a table is a ``KeepTogether`` of its own, and the heading above it was
left to end a page. :func:`keep_with_next` moves such headings into the container they precede.

A box is a table cell, which platypus splits flowable by flowable with no regard for
``keepWithNext`` (``Table._splitCell``); :class:`KeptPair` makes the box's title and the first
flowable of its body one flowable, split only below the title.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether

from reportgen.render.pdf.figures import KeepTogetherIfItFits


def keep_with_next(story: Sequence[Flowable]) -> list[Flowable]:
    """*story* with every run of keep-with-next flowables that precedes a ``KeepTogether`` moved into it."""
    out: list[Flowable] = []
    for flowable in story:
        heads = _trailing_heads(out)
        if heads and isinstance(flowable, KeepTogether):
            del out[-len(heads):]
            flowable._content[:0] = heads
            if isinstance(flowable, KeepTogetherIfItFits):
                flowable.heads += len(heads)
        out.append(flowable)
    return out


def _trailing_heads(flowables: list[Flowable]) -> list[Flowable]:
    count = 0
    while count < len(flowables) and _keeps_with_next(flowables[-1 - count]):
        count += 1
    return flowables[len(flowables) - count:]


def _keeps_with_next(flowable: Flowable) -> bool:
    return not isinstance(flowable, KeepTogether) and bool(flowable.getKeepWithNext())


class KeptPair(Flowable):
    """*head* over *body* as one flowable: a split leaves the head with at least the body's first piece."""

    def __init__(self, head: Flowable, body: Flowable) -> None:
        super().__init__()
        self.head = head
        self.body = body
        self._body_height = 0.0

    def _gap(self) -> float:
        """The space between the two as a table cell stacks its flowables: the one's after plus the other's before."""
        return self.head.getSpaceAfter() + self.body.getSpaceBefore()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, head = self.head.wrap(availWidth, availHeight)
        _, body = self.body.wrap(availWidth, max(availHeight - head - self._gap(), 0))
        self._body_height = body
        self.width, self.height = availWidth, head + self._gap() + body
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.head.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.body.getSpaceAfter()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        _, head = self.head.wrap(availWidth, availHeight)
        parts = self.body.split(availWidth, availHeight - head - self._gap())
        if len(parts) < 2:
            return []
        return [KeptPair(self.head, parts[0]), *parts[1:]]

    def draw(self) -> None:
        self.body.drawOn(self.canv, 0, 0)
        self.head.drawOn(self.canv, 0, self._body_height + self._gap())
