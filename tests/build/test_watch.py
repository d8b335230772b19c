"""Watch mode rebuilds on a change to what the build reads (only that), and keeps the last good pack when a
save breaks the outline."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from reportgen.build.batch import Job
from reportgen.build.watch import Rebuild, watch, watched
from reportgen.templating.sets import load_set

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
        assert rebuilds[-1].outcome.error.splitlines() == [  # both references, one line each
            f"{outline}:20:17: sections[0].points[1].source: unknown source 'missing' (known: src)",
            f"{outline}:39:17: sections[1].figures[0].source: unknown source 'missing' (known: src)",
        ]
        assert (out / "brief.pdf").read_bytes() == good_pdf
        assert (out / "deck.pptx").read_bytes() == good_deck
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_watch_first_puts_back_a_pack_a_crashed_build_left_half_replaced(tmp_path, monkeypatch):
    import os

    from reportgen.build import manifest
    from reportgen.build.pipeline import build_pack

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


def start(job: Job) -> tuple[list[Rebuild], threading.Event, threading.Thread]:
    rebuilds: list[Rebuild] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(job, rebuilds.append), kwargs={"stop": stop})
    thread.start()
    assert wait_for(lambda: len(rebuilds) == 1)
    return rebuilds, stop, thread


def test_a_file_written_beside_the_outline_does_not_rebuild_but_an_edit_does(tmp_path):
    outline = tmp_path / "brief.yaml"
    shutil.copy(SMALL, outline)
    rebuilds, stop, thread = start(Job(outline, "default", tmp_path / "out", "pdf", False))
    try:
        time.sleep(0.3)
        for n in range(5):  # a log in the outline's folder, written while watching: no rebuild, no loop
            with (tmp_path / "build.log").open("a") as log:
                log.write(f"round {n}\n")
            (tmp_path / "notes").mkdir(exist_ok=True)
            (tmp_path / "notes" / f"n{n}.txt").write_text("x")
            time.sleep(0.1)
        time.sleep(1.0)
        assert len(rebuilds) == 1, [r.changed for r in rebuilds]

        outline.write_text(outline.read_text().replace("Alpha point", "Alpha point, edited"))
        assert wait_for(lambda: len(rebuilds) == 2)
        assert rebuilds[-1].changed == (outline,) and rebuilds[-1].outcome.error is None
        time.sleep(1.0)
        assert len(rebuilds) == 2  # its own output did not trigger another
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_what_is_watched_is_what_the_build_reads(tmp_path):
    from PIL import Image

    outline = tmp_path / "brief.yaml"
    figure = "      - {id: pic, type: image, title: P, path: img/pic.png}\nsources:"
    outline.write_text(SMALL.read_text().replace("sources:", figure, 1))
    (tmp_path / "img").mkdir()
    Image.new("RGB", (4, 4)).save(tmp_path / "img" / "pic.png")
    deck = tmp_path / "corporate.pptx"
    deck.write_bytes(b"")
    inputs = watched(Job(outline, "default", None, None, False, deck))
    default_set = load_set("default")
    assert outline in inputs and tmp_path / "img" / "pic.png" in inputs and deck in inputs
    assert default_set.folders[0] / "brief.md.j2" in inputs and default_set.theme.font_paths
    assert all(path in inputs for faces in default_set.theme.font_paths.values() for path in faces.values())
    assert tmp_path / "build.log" not in inputs and tmp_path / "img" / "other.png" not in inputs
    assert Path("output/brief/brief.pdf").resolve() not in inputs
    assert tmp_path in inputs.roots() and default_set.folders[0] in inputs.roots()


def test_a_broken_outline_keeps_watching_its_images(tmp_path):
    outline = tmp_path / "brief.yaml"
    outline.write_text(SMALL.read_text().replace("sources:", "      - {id: pic, type: image, title: P, path: pic.png}\nsources:", 1))
    before = watched(Job(outline, "default", None, None, False))
    outline.write_text("meta: [unclosed\n")
    after = watched(Job(outline, "default", None, None, False), before)
    assert tmp_path / "pic.png" in after and outline in after
