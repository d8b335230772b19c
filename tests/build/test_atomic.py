"""The steps of a replacement: staged files, kept old files, left-over names, errors naming the right file."""

from __future__ import annotations

import errno
import os

import pytest

from reportgen.build import atomic
from reportgen.errors import OutputError


def test_a_staged_file_is_hidden_beside_its_final_name_and_recognised_as_ours(tmp_path):
    temp = atomic.stage(tmp_path / "deck.pptx", b"data")
    assert temp.parent == tmp_path and temp.read_bytes() == b"data"
    assert temp.name.startswith(".deck.pptx.") and temp.name.endswith(".reportgen-tmp")
    assert oct(temp.stat().st_mode & 0o777) == "0o644"
    assert atomic.is_leftover(temp.name) and atomic.is_own(temp.name, "deck.pptx", atomic.TEMP)
    assert not atomic.is_own(temp.name, "brief.pdf", atomic.TEMP) and not atomic.is_own(temp.name, "deck.pptx", atomic.BACKUP)


@pytest.mark.parametrize("name", [".brief.pdf.0123456789abcdef.reportgen-old", ".deck.pptx.ab_12xyz.tmp", "..reportgen-manifest.json.a1b2c3d4.tmp"])
def test_own_leftover_names(name):
    assert atomic.is_leftover(name)


@pytest.mark.parametrize(
    "name",
    [
        "brief.pdf",
        ".brief.pdf.notes.tmp",
        ".report.docx.ab12cd34.tmp",
        ".x.0123456789abcdef.reportgen-tmp.keep",
        "x.reportgen-old",
        ".brief.pdf.0123456789ABCDEF.reportgen-tmp",
    ],
)
def test_names_a_user_might_choose_are_never_leftovers(name):
    assert not atomic.is_leftover(name)


def test_the_previous_file_is_kept_as_a_hard_link_and_a_link_is_kept_unfollowed(tmp_path):
    (tmp_path / "brief.pdf").write_bytes(b"old")
    backup = atomic.keep_previous(tmp_path / "brief.pdf")
    assert backup is not None and backup.stat().st_ino == (tmp_path / "brief.pdf").stat().st_ino
    (tmp_path / "deck.pptx").symlink_to("/dev/zero")
    kept = atomic.keep_previous(tmp_path / "deck.pptx")
    assert kept is not None and kept.is_symlink() and os.readlink(kept) == "/dev/zero"
    assert atomic.keep_previous(tmp_path / "nothing") is None


def test_a_full_disk_while_staging_names_the_final_file_not_the_temporary_one(tmp_path, monkeypatch):
    real = os.fsync

    def full(fd):
        if ".deck.pptx." in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as caught:
        atomic.stage(tmp_path / "deck.pptx", b"data")
    assert caught.value.one_line().startswith(f"{tmp_path / 'deck.pptx'}: cannot write the output: the disk is full (free some space")
    assert list(tmp_path.iterdir()) == []
