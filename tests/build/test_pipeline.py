"""One pack: a rebuild renders only the formats whose input changed, and a forked deck build reports like an in-process one."""

from __future__ import annotations

import os
import warnings
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PIL import Image

from conftest import MINIMAL
from reportgen.build import pipeline as pack
from reportgen.build import scheduler
from reportgen.errors import RenderError, ReportgenWarning, collected_warnings
from reportgen.render import base


def wrap_renderers(monkeypatch, wrapper):
    """Register each built-in format again with ``wrapper(fmt, real_render)`` as its render function."""
    for name in ("pdf", "pptx"):
        fmt = base.get(name)
        real = fmt.load()
        renderer = SimpleNamespace(render=wrapper(name, real.render), check_texts=getattr(real, "check_texts", None))
        monkeypatch.setitem(base._registry, name, replace(fmt, load=lambda renderer=renderer: renderer))


@pytest.fixture
def rendered(monkeypatch):
    """The formats rendered, in order (the real renderers still run)."""
    calls: list[str] = []

    def counting(fmt, real):
        def render(document, theme):
            calls.append(fmt)
            return real(document, theme)

        return render

    wrap_renderers(monkeypatch, counting)
    return calls


def test_a_rebuild_renders_only_what_changed(tmp_path, rendered, monkeypatch):
    outline = tmp_path / "brief.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    first = pack.build_pack(outline, out_dir=out, parallel=False)
    written = {path: path.read_bytes() for path in first}
    assert rendered == ["pdf", "pptx"]

    pack.build_pack(outline, out_dir=out, parallel=False)
    assert rendered == ["pdf", "pptx"]  # nothing changed: both reused
    assert {path: path.read_bytes() for path in first} == written

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # another timestamp in both files
    pack.build_pack(outline, out_dir=out, parallel=False)
    assert rendered == ["pdf", "pptx"] * 2
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    pack.build_pack(outline, out_dir=out, parallel=False)
    rendered[2:] = []

    outline.write_text(MINIMAL.replace("notes: Say this.", "notes: Say this twice."), encoding="utf-8")
    pack.build_pack(outline, out_dir=out, parallel=False)
    assert rendered == ["pdf", "pptx", "pptx"]  # speaker notes are only in the deck

    outline.write_text(MINIMAL.replace("Alpha point", "Alpha point, revised"), encoding="utf-8")
    pack.build_pack(outline, out_dir=out, parallel=False)
    assert rendered[3:] == ["pdf", "pptx"]
    assert (out / "brief.pdf").read_bytes() != written[out / "brief.pdf"]


def test_a_changed_image_file_is_rendered_again(tmp_path, rendered):
    picture = tmp_path / "map.png"
    Image.new("RGB", (40, 30), "navy").save(picture)
    outline = tmp_path / "brief.yaml"
    outline.write_text(
        MINIMAL.replace(
            "    notes: Say this.\n",
            "    notes: Say this.\n    figures:\n      - id: map\n        type: image\n        title: A map\n"
            "        path: map.png\n        alt: A plain rectangle\n",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    pack.build_pack(outline, out_dir=out, parallel=False)
    count = len(rendered)
    Image.new("RGB", (40, 30), "crimson").save(picture)
    stat = picture.stat()
    os.utime(picture, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000))
    pack.build_pack(outline, out_dir=out, parallel=False)
    assert rendered[count:] == ["pdf", "pptx"]


@pytest.mark.skipif(not scheduler.can_fork(), reason="needs fork and two cores")
def test_the_forked_deck_build_hands_back_its_warnings_and_errors(tmp_path, monkeypatch):
    outline = tmp_path / "brief.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")

    def warning_deck(fmt, real):
        def render(document, theme):
            if fmt == "pptx":
                warnings.warn(ReportgenWarning("the deck says hello", field="deck"), stacklevel=1)
            return real(document, theme)

        return render

    monkeypatch.setattr(scheduler, "_warm", False)  # the first pack of a process is built side by side
    wrap_renderers(monkeypatch, warning_deck)
    with collected_warnings() as found:
        written = pack.build_pack(outline, out_dir=tmp_path / "a", formats="pdf,pptx")
    assert found == ["deck: the deck says hello"]
    assert (tmp_path / "a" / "deck.pptx").read_bytes()[:2] == b"PK"
    assert [path.name for path in written] == ["brief.pdf", "deck.pptx"]

    def failing_deck(fmt, real):
        def render(document, theme):
            if fmt == "pptx":
                raise RenderError("the deck cannot be drawn", field="deck")
            return real(document, theme)

        return render

    monkeypatch.setattr(scheduler, "_warm", False)
    wrap_renderers(monkeypatch, failing_deck)
    with pytest.raises(RenderError, match="the deck cannot be drawn"):
        pack.build_pack(outline, out_dir=tmp_path / "b")
    assert not (tmp_path / "b").exists()
