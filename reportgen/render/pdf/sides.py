"""Which side of the page a line starts on: the one place the brief's direction is decided.

A right-to-left brief (Arabic, Hebrew, Persian, Urdu) is the left-to-right one
in a mirror: text aligned to the right, list bullets and indents on the right,
the rule of a quote or box on its right edge, table columns from right to
left, page numbers of the contents on the left, the running header's and
footer's two sides swapped, the cover's colour band on the right. Every module
asks a :class:`Sides` (``Styles.sides``) for the start or end side instead of
testing the language, so a left-to-right brief is drawn exactly as before.
Charts are not mirrored: their axes run left to right in every language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from reportlab.lib.enums import TA_LEFT, TA_RIGHT

T = TypeVar("T")
HAlign = Literal["LEFT", "RIGHT"]


@dataclass(frozen=True)
class Sides:
    """The start (where reading begins) and end sides of a line, as page sides."""

    mirrored: bool = False
    """True for a right-to-left brief: the start is the right-hand side."""

    @property
    def alignment(self) -> int:
        """Paragraph alignment flush with the start side (``TA_LEFT`` or ``TA_RIGHT``)."""
        return TA_RIGHT if self.mirrored else TA_LEFT

    @property
    def h_align(self) -> HAlign:
        """A flowable narrower than the frame (image, short rule, table) sits at the start side."""
        return "RIGHT" if self.mirrored else "LEFT"

    @property
    def anchor(self) -> Literal["e", "w"]:
        """The compass anchor of a picture in a box at the start side (reportlab's ``drawImage(anchor=)``)."""
        return "e" if self.mirrored else "w"

    @property
    def start_rule(self) -> str:
        """The table-style line command for a rule along the start edge (a quote's, a box's)."""
        return "LINEAFTER" if self.mirrored else "LINEBEFORE"

    def indents(self, start: float = 0, end: float = 0) -> dict[str, float]:
        """``leftIndent``/``rightIndent`` keywords for an indent of *start* at the start side and *end* at the end."""
        if self.mirrored:
            return {"leftIndent": end, "rightIndent": start}
        return {"leftIndent": start, "rightIndent": end}

    def in_reading_order(self, items: Sequence[T]) -> list[T]:
        """*items* (table cells, columns) in their left-to-right page order: reversed when mirrored."""
        return list(reversed(items)) if self.mirrored else list(items)

    def start_x(self, left: float, right: float, width: float = 0) -> float:
        """Where a thing *width* wide starts when it sits at the start side of the span *left*..*right*."""
        return right - width if self.mirrored else left

    def end_x(self, left: float, right: float, width: float = 0) -> float:
        """Where a thing *width* wide starts when it sits at the end side of the span *left*..*right*."""
        return left if self.mirrored else right - width
