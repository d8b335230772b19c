"""``colours: from_master``: a set's colours taken from its master's colour scheme.

The brief has no master to inherit from, so it is given the master's colours as
hex: headings in dk2, text in dk1, the accent in accent1, the charts in the six
accents, and the light colours (rules, boxes, stripes) mixed from accent1 and
the scheme's light colours. The scheme's own colours are used, not what a
slide's colour map makes of them: a brief is printed on white paper whatever
background the master's slides have. A key the set names beside
``from_master`` keeps the set's value.
"""

from __future__ import annotations

from collections.abc import Mapping

from reportgen.theme.model import Colours


def mix(colour: str, other: str, share: float) -> str:
    """*colour* moved *share* of the way towards *other* (hex, with or without ``#``), as ``#RRGGBB``."""
    a, b = (value.lstrip("#") for value in (colour, other))
    channels = (round(int(a[i : i + 2], 16) * (1 - share) + int(b[i : i + 2], 16) * share) for i in (0, 2, 4))
    return "#" + "".join(f"{channel:02X}" for channel in channels)


def scheme_colours(scheme: Mapping[str, str]) -> dict[str, str | list[str]]:
    """Every colour key of the theme, from a colour scheme (``dk1``...``accent6`` -> hex without ``#``)."""
    dk1, lt1, dk2, lt2, accent1 = (scheme[name] for name in ("dk1", "lt1", "dk2", "lt2", "accent1"))
    return {
        "primary": f"#{dk2}",
        "accent": f"#{accent1}",
        "text": f"#{dk1}",
        "muted": mix(dk1, lt1, 0.4),
        "rule": mix(accent1, lt1, 0.6),
        "box_fill": f"#{lt2}",
        "table_header_fill": f"#{accent1}",
        "table_header_text": f"#{lt1}",
        "table_stripe": mix(accent1, lt1, 0.9),
        "marking": f"#{accent1}",
        "chart": [f"#{scheme[f'accent{i}']}" for i in range(1, 7)],
    }


def from_master(colours: Colours, scheme: Mapping[str, str]) -> Colours:
    """*colours* with every key the set did not name taken from *scheme*. The keys taken from the master
    are not counted as named (``Theme.named``), so a deck on that master still writes them as the
    master's scheme colours rather than as copies of their hex."""
    named = colours.model_fields_set - {"from_master"}
    values = {**scheme_colours(scheme), **{key: getattr(colours, key) for key in named}}
    return Colours.model_construct(_fields_set=named | {"from_master"}, **values, from_master=True)
