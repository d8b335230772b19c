"""Colours that follow the theme: what a set leaves unnamed is derived from the ``primary`` and ``accent`` it names.

A set that changes ``colours.primary`` alone should not leave its charts and
table headers in reportgen's navy. So when a set names ``primary`` or
``accent``, every colour it leaves unnamed of those drawn from them (the chart
palette, the table header and its text, the stripes, rules and box fills) is
made from them here, as the loader reads the set, after a master's colours
have filled what the set left (so ``from_master`` with ``primary`` alone pairs
that primary with the master's accent). A derived colour counts as the set's
own (``Theme.named``: the deck writes it as hex, not as a scheme colour): it
comes from what the set named, the first rung of the order of precedence.
Text on a derived fill always reads at 4.5:1 or more.
"""

from __future__ import annotations

from collections.abc import Callable

from reportgen.colour import BODY_MINIMUM, contrast_ratio
from reportgen.theme.master_colours import mix
from reportgen.theme.model import Colours
from reportgen.theme.palette import palette

WHITE = "#FFFFFF"
BLACK = "#000000"
SOURCES = frozenset({"primary", "accent"})
"""The keys the others derive from."""


def readable_on(fill: str, text: str) -> str:
    """White or *text*, whichever reads better on *fill*; black if neither reaches 4.5:1 (black or white always can)."""
    best = max((WHITE, text), key=lambda colour: contrast_ratio(fill, colour))
    return best if contrast_ratio(fill, best) >= BODY_MINIMUM else max((WHITE, BLACK), key=lambda colour: contrast_ratio(fill, colour))


def _box_fill(c: Colours) -> str:
    """A light tint of primary that body text still reads on (lightened further if it would not)."""
    share = 0.92
    fill = mix(c.primary, WHITE, share)
    while contrast_ratio(fill, c.text) < BODY_MINIMUM and share < 1:
        share = min(1.0, share + 0.02)
        fill = mix(c.primary, WHITE, share)
    return fill


DERIVED: dict[str, Callable[[Colours], object]] = {
    "chart": lambda c: palette(c.primary, c.accent),
    "table_header_fill": lambda c: c.primary,
    "table_header_text": lambda c: readable_on(c.primary, c.text),
    "table_stripe": lambda c: mix(c.primary, WHITE, 0.95),
    "rule": lambda c: mix(c.primary, WHITE, 0.75),
    "box_fill": _box_fill,
}
"""Each derived key and how it is made from the colours the set names."""


def derived(colours: Colours) -> Colours:
    """*colours* with every key of :data:`DERIVED` the set leaves unnamed made from its named primary and accent."""
    named = colours.model_fields_set
    made = {key: make(colours) for key, make in DERIVED.items() if key not in named} if named & SOURCES else {}
    if "table_header_fill" in named and "table_header_text" not in named:
        made["table_header_text"] = readable_on(colours.table_header_fill, colours.text)
    if not made:
        return colours
    values = {name: getattr(colours, name) for name in Colours.model_fields}
    return Colours.model_construct(_fields_set=named | set(made), **{**values, **made})
