"""Installed fonts, through fontconfig."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.fonts import system
from support.tools import require_tool


@pytest.fixture(autouse=True)
def _fresh():
    system.installed.cache_clear()
    system.covering.cache_clear()
    yield
    system.installed.cache_clear()
    system.covering.cache_clear()


def test_a_family_is_found_in_the_weight_asked_for():
    require_tool("fc-list")
    regular = system.find("DejaVu Sans")
    bold = system.find("dejavusans", bold=True)
    assert regular is not None and regular.path.is_file() and not regular.bold
    assert bold is not None and bold.bold and bold.path != regular.path


def test_an_unknown_family_is_not_found():
    assert system.find("No Such Family Anywhere") is None


def test_an_empty_fontconfig_lists_nothing(tmp_path, monkeypatch):
    require_tool("fc-list")
    empty = tmp_path / "fonts.conf"
    empty.write_text("<?xml version='1.0'?><fontconfig><cachedir>" + str(tmp_path / "cache") + "</cachedir></fontconfig>")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    assert system.installed() == ()
    assert system.covering("ก") == ()


def test_covering_finds_fonts_that_have_a_character():
    require_tool("fc-list")
    faces = system.covering("ä")
    assert faces and all(face.path.is_file() for face in faces)
    assert not faces[0].bold


def test_without_fontconfig_the_platform_folders_are_read(monkeypatch, tmp_path):
    fonts = Path(__file__).resolve().parents[2] / "templates" / "default" / "assets" / "fonts"
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        shutil.copy(fonts / name, tmp_path / name)
    (tmp_path / "notes.txt").write_text("not a font")
    (tmp_path / "broken.ttf").write_bytes(b"\0" * 64)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(system, "_font_folders", lambda: [tmp_path])
    faces = system.installed()
    assert [(face.families, face.bold) for face in faces] == [(("Noto Sans",), True), (("Noto Sans",), False)]
    assert system.find("Noto Sans", bold=True).path.name == "NotoSans-Bold.ttf"
    assert system.covering("a") == ()
