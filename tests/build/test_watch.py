"""Watch mode rebuilds on a change and keeps the last good pack when a save breaks the outline."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from reportgen.build.batch import Job
from reportgen.build.watch import Rebuild, watch

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "small.yaml"


def wait_for(condition, seconds=60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_rebuilds_on_change_and_keeps_last_good(tmp_path):
    outline = tmp_path / "brief.yaml"
    shutil.copy(SMALL, outline)
    out = tmp_path / "out"
    rebuilds: list[Rebuild] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(Job(outline, "default", out, "pdf,pptx", False), rebuilds.append), kwargs={"stop": stop})
    thread.start()
    try:
        assert wait_for(lambda: len(rebuilds) == 1)
        assert rebuilds[0].outcome.error is None
        first = (out / "brief.pdf").read_bytes()

        time.sleep(0.3)
        outline.write_text(outline.read_text().replace("Alpha point", "Alpha point, revised"))
        assert wait_for(lambda: len(rebuilds) >= 2)
        assert rebuilds[-1].outcome.error is None and outline in rebuilds[-1].changed
        good_pdf, good_deck = (out / "brief.pdf").read_bytes(), (out / "deck.pptx").read_bytes()
        assert good_pdf != first

        count = len(rebuilds)
        outline.write_text(outline.read_text().replace("source: src", "source: missing"))
        assert wait_for(lambda: len(rebuilds) > count)
        assert "unknown source 'missing'" in rebuilds[-1].outcome.error
        assert (out / "brief.pdf").read_bytes() == good_pdf
        assert (out / "deck.pptx").read_bytes() == good_deck
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_watch_first_puts_back_a_pack_a_crashed_build_left_half_replaced(tmp_path, monkeypatch):
    import os

    from reportgen.build import manifest
    from reportgen.pack import build_pack

    outline = tmp_path / "brief.yaml"
    shutil.copy(SMALL, outline)
    out = tmp_path / "out"
    build_pack(outline, out_dir=out, parallel=False)
    outline.write_text(outline.read_text().replace("Alpha point", "Alpha point, revised"))
    real, done = os.replace, []

    def dying(source, destination):
        real(source, destination)
        done.append(destination)
        if len(done) == 2:
            raise KeyboardInterrupt  # stands for the process ending after the journal and the brief

    monkeypatch.setattr(os, "replace", dying)
    try:
        build_pack(outline, out_dir=out, parallel=False)
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert not manifest.is_whole(out)
    outline.write_text(outline.read_text().replace("source: src", "source: missing"))

    rebuilds: list[Rebuild] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(Job(outline, "default", out, "pdf,pptx", False), rebuilds.append), kwargs={"stop": stop})
    thread.start()
    try:
        assert wait_for(lambda: len(rebuilds) == 1)
        assert "unknown source 'missing'" in rebuilds[0].outcome.error
        assert manifest.problems(out) == []
    finally:
        stop.set()
        thread.join(timeout=30)
