"""A set's files come from inside its folder (links resolved first), and its templates are of a sensible size."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen import pack
from reportgen.errors import TemplateError
from reportgen.templating.env import environment, render
from reportgen.templating.sets import load_set

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "small.yaml"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "secret.txt"
    path.parent.mkdir()
    path.write_text("the secret\n", encoding="utf-8")
    return path


def test_an_included_link_to_a_file_outside_the_set_is_refused(write_set, secret):
    folder = write_set("# Brief\n{% include 'leak.txt' %}\n")
    (folder / "leak.txt").symlink_to(secret)
    with pytest.raises(TemplateError) as caught:
        pack.write_markdown(pack.prepare(SMALL, folder), "pdf")
    message = caught.value.one_line()
    assert message == f"{folder / 'leak.txt'}: the template {folder / 'leak.txt'} is a link to {secret}, outside its set's folder {folder}"


def test_a_template_that_is_a_link_outside_the_set_is_refused(write_set, secret):
    folder = write_set("unused")
    (folder / "brief.md.j2").unlink()
    (folder / "brief.md.j2").symlink_to(secret)
    with pytest.raises(TemplateError, match="is a link to .*secret.txt, outside its set's folder"):
        pack.write_markdown(pack.prepare(SMALL, folder), "pdf")


def test_a_linked_folder_leading_outside_the_set_is_refused(write_set, secret):
    folder = write_set("{% include 'partials/secret.txt' %}")
    (folder / "partials").symlink_to(secret.parent, target_is_directory=True)
    with pytest.raises(TemplateError, match="partials/secret.txt is a link to .*elsewhere/secret.txt"):
        pack.write_markdown(pack.prepare(SMALL, folder), "pdf")


def test_an_oversized_template_is_refused_before_it_is_read(write_set, monkeypatch):
    from reportgen.templating import loader

    monkeypatch.setattr(loader, "MAX_TEMPLATE_BYTES", 1000)
    folder = write_set("x" * 1001)
    with pytest.raises(TemplateError) as caught:
        pack.write_markdown(pack.prepare(SMALL, folder), "pdf")
    assert caught.value.one_line() == f"{folder / 'brief.md.j2'}: the template {folder / 'brief.md.j2'} is 0.0 MB; templates may be at most 0.001 MB"


def test_a_template_nested_too_deeply_to_compile_is_one_line(write_set):
    folder = write_set("{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}")
    with pytest.raises(TemplateError, match="brief.md.j2: the template nests its tags or expressions too deeply to compile"):
        pack.write_markdown(pack.prepare(SMALL, folder), "pdf")


def test_a_link_within_the_set_is_fine(write_set):
    folder = write_set("{% include 'alias.j2' %}", **{"real.j2": "from the set"})
    (folder / "alias.j2").symlink_to(folder / "real.j2")
    assert render(environment((folder,)), "brief.md.j2", {}) == "from the set"


@pytest.mark.parametrize("name", ["reference.pptx", "theme.yaml"])
def test_a_master_or_theme_that_links_outside_the_set_is_refused(write_set, tmp_path, name):
    folder = write_set("x")
    outside = tmp_path / "elsewhere" / name
    outside.parent.mkdir(exist_ok=True)
    shutil.move(folder / name, outside) if name == "theme.yaml" else outside.write_bytes(b"PK")
    (folder / name).symlink_to(outside)
    with pytest.raises(TemplateError) as caught:
        load_set(folder)
    assert caught.value.one_line() == f"{folder / name}: {folder / name} is a link to {outside}, outside the template set's folder"


def test_a_logo_that_links_outside_the_set_is_refused(write_set, tmp_path):
    folder = write_set("x", theme="extends: default\nlogo: logo.png\n")
    (folder / "logo.png").symlink_to(tmp_path / "elsewhere.png")
    with pytest.raises(TemplateError) as caught:
        load_set(folder)
    message = caught.value.one_line()
    assert message.startswith(f"{folder / 'theme.yaml'}:2:") and f"leaves the template set's folder (it leads to {tmp_path / 'elsewhere.png'})" in message

