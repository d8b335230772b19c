"""``colours: from_master`` in a set's theme: resolved when the set loads, from the set's own master."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import TemplateError
from reportgen.templating.sets import load_set
from support.themed_masters import BRAND, themed_master


def brand_set(tmp_path: Path, theme: str, master: bool = True, name: str = "brand") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "theme.yaml").write_text(theme, encoding="utf-8")
    if master:
        themed_master(folder / "reference.pptx")
    return folder


@pytest.mark.parametrize("colours", ["colours: from_master\n", "colours:\n  from_master: true\n"])
def test_both_spellings_take_the_masters_colours(tmp_path, colours):
    theme = load_set(brand_set(tmp_path, "extends: default\n" + colours)).theme
    assert (theme.colours.primary, theme.colours.accent, theme.colours.text) == (f"#{BRAND['dk2']}", f"#{BRAND['accent1']}", f"#{BRAND['dk1']}")
    assert theme.colours.chart == [f"#{BRAND[f'accent{i}']}" for i in range(1, 7)]
    assert not theme.named("colours", "chart")  # the deck on this master writes the accents as scheme colours


def test_a_colour_named_beside_from_master_wins(tmp_path):
    theme = load_set(brand_set(tmp_path, 'extends: default\ncolours:\n  from_master: true\n  accent: "#123456"\n')).theme
    assert theme.colours.accent == "#123456" and theme.named("colours", "accent")
    assert theme.colours.primary == f"#{BRAND['dk2']}"


def test_the_shorthand_merges_with_a_childs_colours(tmp_path):
    brand_set(tmp_path, "extends: default\ncolours: from_master\n")
    child = brand_set(tmp_path, 'extends: brand\ncolours:\n  primary: "#654321"\n', master=False, name="child")
    theme = load_set(child).theme
    assert theme.colours.primary == "#654321" and theme.colours.accent == f"#{BRAND['accent1']}"


def test_without_from_master_the_masters_colours_are_not_taken(tmp_path):
    theme = load_set(brand_set(tmp_path, "extends: default\n")).theme
    assert theme.colours.accent == load_set("default").theme.colours.accent != f"#{BRAND['accent1']}"


def test_from_master_without_a_master_is_one_error_with_file_line_field_and_hint(tmp_path):
    folder = brand_set(tmp_path, "extends: default\ndescription: mine\ncolours: from_master\n", master=False)
    with pytest.raises(TemplateError) as caught:
        load_set(folder)
    error = caught.value
    assert error.field == "colours.from_master" and error.hint and "reference.pptx" in error.hint
    assert error.one_line().startswith(f"{folder / 'theme.yaml'}:3:"), error.one_line()
    assert "no reference.pptx" in error.one_line()
