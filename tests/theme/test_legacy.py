"""Themes written for the flat layout keep working: old keys are read at their new place, with a warning."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from reportgen.errors import ReportgenWarning, TemplateError
from reportgen.templating.sets import load_set

OLD = """extends: default
page:
  size: Letter
fonts:
  deck_latin: Georgia
sizes:
  h1: 18
  slide_body: 22
  slide_body_min: 20
deck_layouts:
  title: Title Slide
"""


def write_set(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "theme.yaml").write_text(text, encoding="utf-8")
    return folder


def test_old_keys_land_at_their_new_place_with_one_warning(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        theme = load_set(write_set(tmp_path, OLD)).theme
    assert theme.brief.page.size == "Letter"
    assert theme.deck.fonts.latin == "Georgia"
    assert (theme.brief.sizes.h1, theme.deck.sizes.body, theme.deck.sizes.body_min) == (18, 22, 20)
    assert theme.deck.layouts["title"] == "Title Slide"
    assert theme.brief.fonts.body == "NotoSans"  # the parent's value, untouched
    found = [str(w.message) for w in caught if isinstance(w.message, ReportgenWarning)]
    assert len(found) == 1
    assert "fonts.deck_latin -> deck.fonts.latin" in found[0] and "deck_layouts -> deck.layouts" in found[0]


def test_a_bad_value_under_an_old_key_points_at_the_line_written(tmp_path):
    folder = write_set(tmp_path, OLD.replace("slide_body: 22", "slide_body: huge"))
    with pytest.raises(TemplateError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_set(folder)
    assert caught.value.one_line().startswith(f"{folder / 'theme.yaml'}:8:")
    assert "deck.sizes.body" in caught.value.one_line()


def test_per_language_words_are_checked_when_the_set_loads(tmp_path):
    folder = write_set(tmp_path, "extends: default\nlanguages:\n  fr:\n    page_of: 'Page {pag}'\n")
    with pytest.raises(TemplateError) as caught:
        load_set(folder)
    assert caught.value.one_line().startswith(f"{folder / 'theme.yaml'}:4:")
    assert "languages.fr.page_of" in caught.value.one_line()
