"""A set's files come from inside its folder (links resolved first), and its fonts are checked when it loads."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reportgen.build import pipeline as pack
from reportgen.errors import TemplateError
from reportgen.templating import fontfile
from reportgen.templating.env import environment, render
from reportgen.templating.fontfile import font_problem
from reportgen.templating.sets import builtin_sets_dir, load_set

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "small.yaml"
NOTO = builtin_sets_dir() / "default" / "assets" / "fonts" / "NotoSans-Regular.ttf"


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


FONT_THEME = "name: mine\nfonts:\n  body: Mine\nfont_files:\n  Mine:\n    regular: assets/mine.ttf\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not a font at all", "is not a TrueType font (its first bytes are not a TrueType header)"),
        (b"OTTO" + bytes(200), "has PostScript (CFF) outlines"),
        (NOTO.read_bytes()[:4000], "is truncated or damaged"),
        (b"\x00\x01\x00\x00\x00\x00" + bytes(20), "its table directory claims 0 tables"),
    ],
)
def test_a_font_that_is_not_truetype_is_refused_at_the_theme_line(write_set, content, expected):
    folder = write_set("x", theme=FONT_THEME)
    (folder / "assets").mkdir()
    (folder / "assets" / "mine.ttf").write_bytes(content)
    with pytest.raises(TemplateError) as caught:
        load_set(folder)
    message = caught.value.one_line()
    assert message.startswith(f"{folder / 'theme.yaml'}:6:14: font_files.Mine.regular: the font file {folder / 'assets' / 'mine.ttf'} "), message
    assert expected in message


def test_an_oversized_font_is_refused(write_set, monkeypatch):
    monkeypatch.setattr(fontfile, "MAX_FONT_BYTES", 100_000)
    folder = write_set("x", theme=FONT_THEME)
    (folder / "assets").mkdir()
    shutil.copy(NOTO, folder / "assets" / "mine.ttf")
    with pytest.raises(TemplateError) as caught:
        load_set(folder)
    message = caught.value.one_line()
    size = NOTO.stat().st_size / 1e6
    assert message == (
        f"{folder / 'theme.yaml'}:6:14: font_files.Mine.regular: the font file {folder / 'assets' / 'mine.ttf'} "
        f"is {size:.1f} MB; a set's font files may be at most 0.1 MB"
    )


def test_a_good_font_passes_and_a_changed_file_is_checked_again(tmp_path):
    font = tmp_path / "font.ttf"
    shutil.copy(NOTO, font)
    assert font_problem(font) is None
    font.write_bytes(b"garbage" * 100)
    os.utime(font, ns=(1, 1))
    assert font_problem(font) is not None


def test_the_bundled_fonts_pass():
    for font in (builtin_sets_dir() / "default" / "assets" / "fonts").glob("*.ttf"):
        assert font_problem(font) is None, font
