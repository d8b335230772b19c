"""A set's theme files are checked as a whole: every mistake at once, in file order, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import TemplateError, TemplateErrors
from reportgen.templating.sets import load_set

THREE_MISTAKES = """\
extends: default
colours:
  primary: navy
brief:
  fonts:
    body: NotoSnas
  sizes:
    body: large
"""


def theme_errors(folder: Path, theme: str) -> list[str]:
    folder.mkdir(exist_ok=True)
    (folder / "theme.yaml").write_text(theme, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_set(folder)
    return caught.value.one_line().replace(f"{folder / 'theme.yaml'}:", "").splitlines()


def test_a_theme_with_three_mistakes_reports_all_three_in_one_run(tmp_path):
    assert theme_errors(tmp_path / "mine", THREE_MISTAKES) == [
        "3:12: colours.primary: must be a colour written as #RRGGBB, not 'navy' (e.g. '#1B365D', in quotes)",
        "6:11: brief.fonts.body: no font 'NotoSnas' in the set's font_files or the standard PDF fonts (did you mean 'NotoSans'?)",
        "8:11: brief.sizes.body: must be a number, got 'large' (write digits only, such as 12.5: no units or thousands separators)",
    ]


def test_the_errors_are_one_list_a_caller_can_walk(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "theme.yaml").write_text(THREE_MISTAKES, encoding="utf-8")
    with pytest.raises(TemplateErrors) as caught:
        load_set(tmp_path / "mine")
    assert [error.field for error in caught.value.errors] == ["colours.primary", "brief.fonts.body", "brief.sizes.body"]


def test_per_language_words_and_language_tags_are_checked(tmp_path):
    theme = "extends: default\nlanguages:\n  ja:\n    contnts: 目次\n  en_GB:\n    contents: Contents\n"
    assert theme_errors(tmp_path / "mine", theme) == [
        "4:5: languages.ja.contnts: unknown theme key 'contnts' (did you mean 'contents'?)",
        "5:3: languages.en_GB: 'en_GB' is not a language tag such as 'en' or 'ja-JP' (BCP 47) (did you mean 'en-GB'?)",
    ]


def test_a_font_mistake_with_broken_assets_and_a_theme_key_are_reported_together(tmp_path):
    theme = "extends: default\nlogo: assets/none.png\nbrief:\n  fonts:\n    heading: helvetica-bold\ncolurs: {}\n"
    folder = tmp_path / "mine"
    assert theme_errors(folder, theme) == [
        f"2:7: logo: logo not found: looked for {folder.resolve() / 'assets' / 'none.png'}",
        "5:14: brief.fonts.heading: no font 'helvetica-bold' in the set's font_files or the standard PDF fonts (did you mean 'Helvetica-Bold'?)",
        "6:1: colurs: unknown theme key 'colurs' (did you mean 'colours'?)",
    ]


def test_a_mistake_inherited_from_the_parent_names_the_parent_file(tmp_path):
    theme_errors(tmp_path / "parent", "extends: default\ncolours:\n  accent: crimson\n")
    child = tmp_path / "child"
    child.mkdir()
    (child / "theme.yaml").write_text("extends: parent\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_set(child)
    assert caught.value.one_line().startswith(f"{tmp_path / 'parent' / 'theme.yaml'}:3:11: colours.accent: must be a colour")
