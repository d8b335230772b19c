"""Template sets: discovery, extends, theme merging and theme errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import TemplateError
from reportgen.templating.catalog import copy_set, list_sets
from reportgen.templating.sets import load_set


def child(tmp_path: Path, theme: str, name: str = "mine") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "theme.yaml").write_text(theme, encoding="utf-8")
    return folder


def test_builtin_sets_are_listed_with_descriptions(tmp_path):
    entries = {entry.name: entry for entry in list_sets(tmp_path)}
    assert {"default", "executive"} <= set(entries)
    assert all(entry.description for entry in entries.values())
    assert entries["default"].builtin


def test_thin_child_inherits_files_and_theme(tmp_path):
    folder = child(tmp_path, 'extends: default\ncolours:\n  primary: "#FF6600"\n')
    loaded = load_set(folder)
    assert loaded.theme.colours.primary == "#FF6600"
    assert loaded.theme.colours.accent == load_set("default").theme.colours.accent
    assert loaded.find("brief.md.j2").parent.name == "default"


def test_child_file_shadows_parent(tmp_path):
    folder = child(tmp_path, "extends: default\n")
    (folder / "deck.md.j2").write_text("# Mine\n", encoding="utf-8")
    assert load_set(folder).find("deck.md.j2") == folder / "deck.md.j2"


@pytest.mark.parametrize(
    ("theme", "line", "expected"),
    [
        ("extends: default\ncolours:\n  primary: red\n", 3, "colours.primary"),
        ("extends: default\npage:\n  sise: A4\n", 3, "unknown theme key 'sise'"),
        ("extends: default\nsizes:\n  body: large\n", 3, "sizes.body"),
        ("extends: nowhere\n", 1, "no template set 'nowhere'"),
        ("extends: default\nlogo: assets/missing.png\n", 2, "logo not found: looked for"),
        ("extends: default\nlogo: ../../etc/passwd\n", 2, "leaves the template set's folder"),
        ("extends: default\ncolours: [\n", 3, "YAML syntax error"),
    ],
)
def test_theme_errors_name_file_line_and_key(tmp_path, theme, line, expected):
    folder = child(tmp_path, theme)
    with pytest.raises(TemplateError) as caught:
        load_set(folder)
    message = caught.value.one_line()
    assert message.startswith(f"{folder / 'theme.yaml'}:{line}:"), message
    assert expected in message


def test_copy_writes_an_editable_set(tmp_path):
    copy = copy_set("default", tmp_path / "copy")
    assert (copy / "brief.md.j2").is_file() and (copy / "deck.md.j2").is_file()
    assert load_set(copy).folders == (copy.resolve(),)


def test_copy_of_an_extending_set_is_self_contained(tmp_path):
    copy = copy_set("executive", tmp_path / "exec")
    loaded = load_set(copy)
    assert loaded.folders == (copy.resolve(),)
    assert loaded.theme.colours.primary == load_set("default").theme.colours.primary


def test_thin_copy_extends_its_source(tmp_path):
    thin = copy_set("default", tmp_path / "thin", thin=True)
    assert "extends: default" in (thin / "theme.yaml").read_text()
    assert len(load_set(thin).folders) == 2


def test_copy_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("keep me")
    with pytest.raises(TemplateError, match="not empty"):
        copy_set("default", tmp_path / "full")
    assert (tmp_path / "full" / "x").read_text() == "keep me"
