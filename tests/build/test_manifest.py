"""The manifest: what reportgen wrote, with one build id for the pack; what is not a regular file is never read."""

from __future__ import annotations

import json
import os

import pytest

from reportgen.build import journal, manifest
from reportgen.errors import OutputError


def write_pack(folder, files):
    folder.mkdir(exist_ok=True)
    paths = {folder / name: data for name, data in files.items()}
    record = manifest.updated(folder, paths)
    journal.replace_all({**paths, folder / manifest.MANIFEST: record})
    return json.loads(record)


def test_the_build_id_depends_on_the_contents_only(tmp_path):
    one = write_pack(tmp_path / "one", {"brief.pdf": b"a", "deck.pptx": b"b"})
    write_pack(tmp_path / "two", {"deck.pptx": b"b", "brief.pdf": b"a"})
    assert (tmp_path / "one" / manifest.MANIFEST).read_bytes() == (tmp_path / "two" / manifest.MANIFEST).read_bytes()
    assert {entry["build"] for entry in one["files"].values()} == {one["build"]}
    other = write_pack(tmp_path / "three", {"brief.pdf": b"a", "deck.pptx": b"c"})
    assert other["build"] != one["build"]


def test_a_whole_pack_and_what_breaks_it(tmp_path):
    folder = tmp_path / "pack"
    write_pack(folder, {"brief.pdf": b"a", "deck.pptx": b"b"})
    assert manifest.problems(folder) == [] and manifest.is_whole(folder)
    (folder / "deck.pptx").write_bytes(b"B")
    assert manifest.problems(folder) == ["deck.pptx: missing, or not the file the manifest lists"]
    (folder / "deck.pptx").write_bytes(b"b")
    record = json.loads((folder / manifest.MANIFEST).read_text())
    record["files"]["deck.pptx"]["build"] = "0" * 64
    (folder / manifest.MANIFEST).write_text(json.dumps(record))
    assert manifest.problems(folder) == ["deck.pptx: written by another build"]
    (folder / journal.JOURNAL).write_text("{}")
    assert manifest.problems(folder)[0].startswith("a replacement is under way")


def test_a_partial_build_keeps_the_other_files_in_the_pack(tmp_path):
    folder = tmp_path / "pack"
    first = write_pack(folder, {"brief.pdf": b"a", "deck.pptx": b"b"})
    second = write_pack(folder, {"brief.pdf": b"A"})
    assert set(second["files"]) == {"brief.pdf", "deck.pptx"} and second["build"] != first["build"]
    assert manifest.is_whole(folder)


def test_a_pipe_where_the_manifest_goes_is_refused_unread_or_replaced_with_force(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    os.mkfifo(folder / manifest.MANIFEST)
    with pytest.raises(OutputError, match="a named pipe \\(FIFO\\) stands where the manifest goes"):
        manifest.check_replaceable([folder / "brief.pdf"])
    manifest.check_replaceable([folder / "brief.pdf"], force=True)
    assert json.loads(manifest.updated(folder, {folder / "brief.pdf": b"a"}, force=True))["files"].keys() == {"brief.pdf"}


def test_a_manifest_too_large_to_be_ours_is_refused(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "brief.pdf").write_bytes(b"a")
    (folder / manifest.MANIFEST).write_bytes(b" " * (manifest.LIMIT + 1))
    with pytest.raises(OutputError, match="too large to be reportgen's the manifest|larger than"):
        manifest.check_replaceable([folder / "brief.pdf"])


def test_the_check_first_finishes_what_a_crashed_build_left(tmp_path, monkeypatch):
    folder = tmp_path / "pack"
    write_pack(folder, {"brief.pdf": b"a", "deck.pptx": b"b"})
    real, done = os.replace, []

    def dying(source, destination):
        real(source, destination)
        done.append(destination)
        if len(done) == 2:
            raise KeyboardInterrupt  # stands for the process ending here: the journal stays

    monkeypatch.setattr(os, "replace", dying)
    with pytest.raises(KeyboardInterrupt):
        write_pack(folder, {"brief.pdf": b"A", "deck.pptx": b"B"})
    monkeypatch.undo()
    assert not manifest.is_whole(folder)
    manifest.check_replaceable([folder / "brief.pdf", folder / "deck.pptx"])
    assert manifest.is_whole(folder) and (folder / "deck.pptx").read_bytes() == b"B"
