"""The handout's own theme keys (``handout:`` in theme.yaml): how many slides a page, and the closing page."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator

from reportgen.theme.common import Section


def _number(value: object) -> object:
    """theme.yaml's scalars arrive as text; ``"4"`` means the number 4 (a choice of numbers does not convert by itself)."""
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


class HandoutOptions(Section):
    per_page: Annotated[Literal[1, 2, 3, 4, 6], BeforeValidator(_number)] = 3
    """Slides on each page: 1 or 2 large with ruled space below, 3 beside ruled lines, 4 or 6 in a grid."""
    closing_page: bool = False
    """A last page with the bottom line and the sources."""
