"""The paragraph flowable every module here uses.

Platypus measures a paragraph many times: once per layout pass, again when
keep-together groups and table cells are measured, again when a table splits.
Line breaking depends only on the available width (the style is fixed), so
:class:`Para` breaks its lines once per width and answers later measurements
from that. Splitting a paragraph makes new paragraphs, which measure afresh.

It also breaks lines where each script allows (:mod:`render.pdf.linebreak`):
the words are cut at those places once, and words too long for a width are
cut between grapheme clusters when the paragraph is broken at that width.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph

from reportgen.render.pdf.linebreak import FragWord, break_words, cut_long_words


class Para(Paragraph):
    frags: list[Any]
    _measured: tuple[float, tuple[float, float]] | None = None
    _words: list[FragWord] | None = None
    _words_found = False

    def breakLines(self, width: float | list[float] | tuple[float, ...]) -> Any:
        widest = max(width) if isinstance(width, (list, tuple)) else width
        if not self._words_found:
            self._words_found = True
            self._words = break_words(self.frags, widest)
        if self._words is not None:
            self.frags = cut_long_words(self._words, widest)
        return super().breakLines(width)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # (a failed split throws the line breaks away: measure again then)
        if self._measured is not None and self._measured[0] == availWidth and "blPara" in self.__dict__:
            return self._measured[1]
        size = super().wrap(availWidth, availHeight)
        self._measured = (availWidth, size)
        return size
