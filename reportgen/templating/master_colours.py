"""``colours: from_master`` as the loader reads it: the shorthand written out, then the master's colours filled in.

Resolved when the set loads, so every renderer (the brief too, which has no
master) just sees colours. This is the one place the templating stage opens a
master: through the pptx renderer's checked reader (``safe_master``) and its
theme reader, imported only for a set that asks.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from reportgen.templating.theme_check import Layer, error_at
from reportgen.theme import Theme
from reportgen.theme.master_colours import from_master
from reportgen.yamlfile import Positions

SHORTHAND = "from_master"


def written_out(data: dict[str, Any], positions: Positions) -> tuple[dict[str, Any], Positions]:
    """A theme file's ``colours: from_master`` as ``colours: {from_master: true}``, so that it merges with
    the colours a parent or child set names like any other key."""
    if data.get("colours") != SHORTHAND:
        return data, positions
    at = positions.get(("colours",))
    moved = dict(positions) | ({("colours", "from_master"): at} if at else {})
    return {**data, "colours": {"from_master": True}}, moved


def with_master_colours(theme: Theme, reference: Path | None, layers: list[Layer]) -> Theme:
    """*theme* with the colours it does not name taken from its master, when it says ``from_master``."""
    if not theme.colours.from_master:
        return theme
    if reference is None:
        raise error_at(
            layers, ("colours", "from_master"), "takes the colours from the set's master, but the set has no reference.pptx",
            hint="put the master in the set's folder as reference.pptx, extend a set that has one, or name the colours instead of from_master",
        )
    from reportgen.render.pptx.master import master_theme  # python-pptx, only for a set that asks

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what the master check says is said again when the deck is rendered
        scheme = master_theme(reference, theme.deck.master).colours
    return theme.model_copy(update={"colours": from_master(theme.colours, scheme)})
