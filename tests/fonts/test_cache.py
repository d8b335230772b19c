"""The derived-font cache: where it is, files made once and written whole, and a fallback when it cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.fonts import cache
from reportgen.fonts.cache import cache_folder, cached_file


def test_the_cache_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "reportgen" / "fonts"


@pytest.mark.parametrize("value", ["", "relative/path"])
def test_an_unset_or_relative_xdg_cache_home_means_the_home_cache(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", value)
    assert cache_folder() == Path.home() / ".cache" / "reportgen" / "fonts"


def test_a_file_is_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[int] = []

    def make() -> bytes:
        calls.append(1)
        return b"font bytes"

    first = cached_file("a.ttf", make)
    assert cached_file("a.ttf", make) == first
    assert first.read_bytes() == b"font bytes"
    assert len(calls) == 1


def test_a_failed_make_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def make() -> bytes:
        raise ValueError("no font")

    with pytest.raises(ValueError):
        cached_file("b.ttf", make)
    assert not (tmp_path / "reportgen" / "fonts" / "b.ttf").exists()


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fallback = tmp_path / "fallback"
    fallback.mkdir()
    monkeypatch.setattr(cache, "fallback_folder", lambda: fallback)

    def refuse(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", refuse)
    with pytest.raises(OSError):
        cached_file("c.ttf", lambda: b"bytes")
    assert list((tmp_path / "reportgen" / "fonts").iterdir()) == []
    assert list(fallback.iterdir()) == []


def test_an_uncreatable_cache_uses_the_process_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = cached_file("d.ttf", lambda: b"bytes")
    assert path.read_bytes() == b"bytes"
    assert path.parent == cache.fallback_folder()
    assert cache.fallback_folder().name.startswith("reportgen-fonts-")
