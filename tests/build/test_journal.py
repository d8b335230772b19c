"""A journaled replacement: all files or none, finished or undone after a crash, left-overs swept."""

from __future__ import annotations

import errno
import json
import os

import pytest

from reportgen.build import atomic, journal
from reportgen.errors import OutputError

OLD = {"brief.pdf": b"old brief", "deck.pptx": b"old deck", "m.json": b"old manifest"}
NEW = {"brief.pdf": b"new brief!", "deck.pptx": b"new deck!", "m.json": b"new manifest"}


class Died(BaseException):
    """The process ending where it stands (no clean-up of ours runs after it)."""


def folder_with(tmp_path, files):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def contents(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def dying_after(monkeypatch, renames: int) -> None:
    real, done = os.replace, []

    def replace(source, destination):
        real(source, destination)
        done.append(destination)
        if len(done) == renames:
            raise Died

    monkeypatch.setattr(os, "replace", replace)


def test_every_file_is_replaced_and_nothing_is_left_over(tmp_path):
    folder = folder_with(tmp_path, OLD)
    journal.replace_all({folder / name: data for name, data in NEW.items()})
    assert contents(folder) == NEW


@pytest.mark.parametrize("renames", range(1, len(NEW) + 2))
def test_after_a_crash_at_any_rename_recovery_finishes_the_replacement(tmp_path, monkeypatch, renames):
    folder = folder_with(tmp_path, OLD)
    dying_after(monkeypatch, renames)
    with pytest.raises(Died):
        journal.replace_all({folder / name: data for name, data in NEW.items()})
    monkeypatch.undo()
    assert (folder / journal.JOURNAL).exists()
    assert journal.recover(folder) == "forward"
    journal.sweep(folder)
    assert contents(folder) == NEW


def test_recovery_puts_the_old_files_back_when_a_new_one_is_missing(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, {"brief.pdf": b"old brief", "deck.pptx": b"old deck"})
    dying_after(monkeypatch, 2)
    with pytest.raises(Died):
        journal.replace_all({folder / "brief.pdf": b"new brief", folder / "deck.pptx": b"new deck", folder / "new.txt": b"new"})
    monkeypatch.undo()
    assert (folder / "brief.pdf").read_bytes() == b"new brief"
    for staged in folder.glob(".deck.pptx.*.reportgen-tmp"):
        staged.write_bytes(b"damaged")
    assert journal.recover(folder) == "back"
    journal.sweep(folder)
    assert contents(folder) == {"brief.pdf": b"old brief", "deck.pptx": b"old deck"}


def test_a_failed_rename_puts_the_old_files_back_and_names_the_file(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, OLD)
    real, failed = os.replace, []

    def replace(source, destination):
        if str(destination).endswith("deck.pptx") and not failed:
            failed.append(destination)
            raise OSError(errno.EIO, "Input/output error")
        real(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError) as caught:
        journal.replace_all({folder / name: data for name, data in NEW.items()})
    assert caught.value.one_line().startswith(f"{folder / 'deck.pptx'}: cannot write the output: the disk reported an input/output error")
    assert contents(folder) == OLD


def test_a_failure_while_staging_leaves_the_old_files_and_nothing_else(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, OLD)
    real = atomic.stage

    def stage(path, data, kind=atomic.TEMP):
        if path.name == "m.json":
            raise OutputError("full")
        return real(path, data, kind)

    monkeypatch.setattr(atomic, "stage", stage)
    with pytest.raises(OutputError):
        journal.replace_all({folder / name: data for name, data in NEW.items()})
    assert contents(folder) == OLD


@pytest.mark.parametrize(
    "entry",
    [
        {"name": "../outside", "temp": "..outside.0123456789abcdef.reportgen-tmp"},
        {"name": "brief.pdf", "temp": "notes.txt"},
        {"name": "brief.pdf", "temp": ".brief.pdf.0123456789abcdef.reportgen-tmp", "previous": "deck.pptx"},
    ],
)
def test_a_journal_that_names_other_files_is_refused_and_nothing_is_touched(tmp_path, entry):
    folder = folder_with(tmp_path, {"notes.txt": b"mine", "deck.pptx": b"mine too"})
    record = {"name": "x", "temp": "", "size": 1, "sha256": "0" * 64, "previous": None, **entry}
    (folder / journal.JOURNAL).write_text(json.dumps({"files": [record]}))
    with pytest.raises(OutputError, match="the journal of an interrupted build cannot be used"):
        journal.recover(folder)
    assert (folder / "notes.txt").read_bytes() == b"mine" and (folder / "deck.pptx").read_bytes() == b"mine too"


def test_only_reportgens_own_leftovers_are_swept(tmp_path):
    own = [".brief.pdf.0123456789abcdef.reportgen-tmp", ".deck.pptx.fedcba9876543210.reportgen-old", ".deck.pptx.k2_9abcd.tmp"]
    users = ["brief.pdf", ".brief.pdf.draft.tmp", "my.reportgen-tmp", ".deck.pptx.0123456789abcdef.reportgen-old.bak"]
    for name in own + users:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".a.0123456789abcdef.reportgen-tmp").mkdir()
    assert journal.sweep(tmp_path) == sorted(own)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*users, ".a.0123456789abcdef.reportgen-tmp"])
