"""Writing a pack: an operating-system error names the file or folder it happened to, in plain words."""

from __future__ import annotations

import errno
import os

import pytest

from conftest import MINIMAL
from reportgen.build import manifest, pack_folder
from reportgen.build import pipeline as pack
from reportgen.errors import OutputError


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def built(tmp_path):
    outline = tmp_path / "brief.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    pack.build_pack(outline, out_dir=out, parallel=False)
    outline.write_text(MINIMAL.replace("Alpha point", "Alpha point, revised"), encoding="utf-8")
    return outline, out, snapshot(out)


def test_a_full_disk_while_staging_the_deck_names_the_deck(built, monkeypatch):
    outline, out, before = built
    real = os.fsync

    def full(fd):
        if ".deck.pptx." in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as caught:
        pack.build_pack(outline, out_dir=out, parallel=False)
    assert caught.value.one_line() == (
        f"{out / 'deck.pptx'}: cannot write the output: the disk is full (free some space, or choose another folder with --out)"
    )
    assert snapshot(out) == before


@pytest.mark.parametrize(("code", "words"), [(errno.EROFS, "the folder is read-only (its disk is mounted read-only)"),
                                             (errno.EACCES, "the folder is read-only for this user (permission denied)")])
def test_a_read_only_folder_names_the_folder(built, monkeypatch, code, words):
    outline, out, before = built
    real = os.open

    def refusing(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and ".reportgen-tmp" in str(path):
            raise OSError(code, os.strerror(code), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(OutputError) as caught:
        pack.build_pack(outline, out_dir=out, parallel=False)
    assert caught.value.one_line() == f"{out}: cannot write the output: {words} (choose another folder with --out)"
    assert snapshot(out) == before


def test_a_folder_that_refuses_the_lock_file_is_named_before_anything_is_rendered(built, monkeypatch):
    outline, out, _ = built
    (out / ".reportgen.lock").unlink()
    real, rendered = os.open, []

    def refusing(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and str(path).endswith(".reportgen.lock"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    monkeypatch.setattr(pack, "build_formats", lambda *args, **kwargs: rendered.append(args))
    with pytest.raises(OutputError, match="the folder is read-only") as caught:
        pack.build_pack(outline, out_dir=out, parallel=False)
    assert caught.value.location.file == out and rendered == []


def test_a_file_where_the_folder_goes_is_named(tmp_path):
    (tmp_path / "out").write_text("a file")
    with pytest.raises(OutputError, match="a file stands where the output folder goes") as caught:
        pack_folder.write_pack(tmp_path / "out", {tmp_path / "out" / "brief.pdf": b"%PDF"})
    assert caught.value.location.file == tmp_path / "out"


def test_the_pack_written_is_whole_and_byte_for_byte_the_same_when_built_again(built):
    outline, out, _ = built
    pack.build_pack(outline, out_dir=out, parallel=False)
    first = snapshot(out)
    assert manifest.is_whole(out)
    pack.build_pack(outline, out_dir=out, parallel=False)
    assert snapshot(out) == first


def test_a_pack_that_already_holds_the_bytes_is_left_as_it_is(built, monkeypatch):
    outline, out, _ = built
    pack.build_pack(outline, out_dir=out, parallel=False)
    inodes = {p.name: p.stat().st_ino for p in out.iterdir()}
    replaced = []
    real = pack_folder.journal.replace_all
    monkeypatch.setattr(pack_folder.journal, "replace_all", lambda files: replaced.append(files) or real(files))
    pack.build_pack(outline, out_dir=out, parallel=False)
    assert replaced == [] and {p.name: p.stat().st_ino for p in out.iterdir()} == inodes
    outline.write_text(MINIMAL.replace("Alpha point", "Alpha point, revised again"), encoding="utf-8")
    pack.build_pack(outline, out_dir=out, parallel=False)
    assert len(replaced) == 1 and manifest.is_whole(out)


def test_a_file_changed_by_hand_is_written_again_even_when_the_build_is_unchanged(built):
    outline, out, _ = built
    pack.build_pack(outline, out_dir=out, parallel=False)
    first = snapshot(out)
    brief = out / "brief.pdf"
    brief.write_bytes(b"%PDF-1.4 edited")
    pack.build_pack(outline, out_dir=out, parallel=False, force=True)
    assert snapshot(out) == first
