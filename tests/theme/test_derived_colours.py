"""Colours a set leaves unnamed follow the primary and accent it names, readably."""

from __future__ import annotations

from pathlib import Path

from reportgen.colour import BODY_MINIMUM, contrast_ratio
from reportgen.templating.sets import load_set
from reportgen.theme.derived_colours import derived, readable_on
from reportgen.theme.model import Colours

BURGUNDY = "#7A1F2B"


def test_naming_only_primary_moves_charts_headers_rules_and_boxes():
    colours = derived(Colours(primary=BURGUNDY))
    assert colours.chart[0] == BURGUNDY and colours.chart[1] == Colours().accent
    assert len(set(colours.chart)) == len(colours.chart) == 6
    assert colours.table_header_fill == BURGUNDY
    assert colours.table_header_text == "#FFFFFF"
    assert colours.rule != Colours().rule and colours.box_fill != Colours().box_fill
    assert contrast_ratio(colours.table_header_fill, colours.table_header_text) >= BODY_MINIMUM
    assert contrast_ratio(colours.box_fill, colours.text) >= BODY_MINIMUM
    assert {"chart", "table_header_fill", "box_fill"} <= colours.model_fields_set


def test_what_the_set_names_is_kept():
    colours = derived(Colours(primary=BURGUNDY, chart=["#112233"], box_fill="#FFFFFF"))
    assert colours.chart == ["#112233"] and colours.box_fill == "#FFFFFF"
    assert colours.table_header_fill == BURGUNDY


def test_nothing_named_leaves_the_defaults():
    assert derived(Colours()) == Colours()


def test_header_text_on_a_light_primary_is_dark():
    colours = derived(Colours(primary="#F2D16B"))
    assert colours.table_header_text == colours.text
    assert contrast_ratio(colours.table_header_fill, colours.table_header_text) >= BODY_MINIMUM
    assert readable_on("#000000", "#1F2328") == "#FFFFFF"


def test_a_named_header_fill_alone_gets_readable_text():
    colours = derived(Colours(table_header_fill="#FFFBEA"))
    assert colours.table_header_text == colours.text


def test_the_loader_derives_for_a_thin_set(tmp_path: Path):
    (tmp_path / "theme.yaml").write_text(f"extends: default\ncolours:\n  primary: '{BURGUNDY}'\n", encoding="utf-8")
    theme = load_set(tmp_path).theme
    assert theme.colours.table_header_fill == BURGUNDY and theme.named("colours", "chart")
    assert not load_set("default").theme.named("colours", "chart")


def test_the_palette_s_colours_are_told_apart_at_a_glance():
    from reportgen.theme.palette import DISTINCT, difference

    for primary in (BURGUNDY, "#1E5631", "#1B365D"):
        chart = derived(Colours(primary=primary)).chart
        closest = min(difference(a, b) for i, a in enumerate(chart) for b in chart[i + 1 :])
        assert len(chart) == 6 and closest >= DISTINCT, (primary, chart, closest)
        assert all(contrast_ratio(colour, "#FFFFFF") >= 1.8 for colour in chart[2:])


def test_header_text_on_a_mid_tone_fill_falls_back_to_black():
    fill = "#777777"  # neither white (4.48:1) nor the theme's near-black text reads at 4.5:1 on it
    assert contrast_ratio(fill, readable_on(fill, "#5A5A5A")) >= BODY_MINIMUM


def test_with_from_master_a_named_primary_pairs_with_the_master_s_accent():
    from reportgen.theme.master_colours import from_master

    scheme = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "222222", "lt2": "EEEEEE"} | {f"accent{i}": "0070C0" for i in range(1, 7)}
    colours = derived(from_master(Colours(primary=BURGUNDY), scheme))
    assert colours.chart[:2] == [BURGUNDY, "#0070C0"] and colours.table_header_fill == BURGUNDY
