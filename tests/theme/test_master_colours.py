"""The mapping of ``colours: from_master``: a master's colour scheme to every colour key of the theme."""

from __future__ import annotations

from reportgen.theme.master_colours import from_master, mix, scheme_colours
from reportgen.theme.model import Colours
from support.themed_masters import BRAND


def test_mix_moves_each_channel_towards_the_other_colour():
    assert mix("#000000", "FFFFFF", 0.4) == "#666666"
    assert mix("00875A", "#FFFFFF", 0.0) == "#00875A" and mix("00875A", "FFFFFF", 1.0) == "#FFFFFF"


def test_the_scheme_gives_every_colour_key():
    colours = scheme_colours(BRAND)
    assert (colours["primary"], colours["accent"], colours["text"]) == ("#0A3D62", "#00875A", "#102030")
    assert colours["chart"] == ["#00875A", "#E8590C", "#5F3DC4", "#F59F00", "#1C7ED6", "#C2255C"]
    assert (colours["table_header_fill"], colours["table_header_text"], colours["box_fill"]) == ("#00875A", "#FFFFFF", "#EAF2F8")
    assert colours["muted"] == mix("102030", "FFFFFF", 0.4)  # between dk1 and lt1
    assert colours["table_stripe"] == mix("00875A", "FFFFFF", 0.9) and colours["rule"] == mix("00875A", "FFFFFF", 0.6)
    assert set(colours) == set(Colours.model_fields) - {"from_master"}


def test_keys_the_set_names_beside_from_master_win_and_only_they_count_as_named():
    resolved = from_master(Colours.model_validate({"from_master": True, "accent": "#123456"}), BRAND)
    assert resolved.accent == "#123456" and resolved.primary == "#0A3D62" and resolved.chart[0] == "#00875A"
    assert resolved.model_fields_set == {"from_master", "accent"}
    assert Colours.model_validate(resolved.model_dump()) == resolved  # every value a valid colour
