"""The handout's own theme keys (``handout:`` in theme.yaml): how many slides a page, and the closing page."""

from __future__ import annotations

from typing import Literal

from reportgen.theme.common import Section


class HandoutOptions(Section):
    per_page: Literal[1, 2, 3, 4, 6] = 3
    """Slides on each page: 1 or 2 large with ruled space below, 3 beside ruled lines, 4 or 6 in a grid."""
    closing_page: bool = False
    """A last page with the bottom line and the sources."""
