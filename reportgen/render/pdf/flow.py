"""The paragraph flowable every module here uses.

Platypus measures a paragraph many times: once per layout pass, again when
keep-together groups and table cells are measured, again when a table splits.
Line breaking depends only on the available width (the style is fixed), so
:class:`Para` breaks its lines once per width and answers later measurements
from that. Splitting a paragraph makes new paragraphs, which measure afresh.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph


class Para(Paragraph):
    _measured: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # (a failed split throws the line breaks away: measure again then)
        if self._measured is not None and self._measured[0] == availWidth and "blPara" in self.__dict__:
            return self._measured[1]
        size = super().wrap(availWidth, availHeight)
        self._measured = (availWidth, size)
        return size
