"""Only regular files in the output folder are read: pipes, devices and links are refused unopened."""

from __future__ import annotations

import hashlib
import os

import pytest

from reportgen.build import regular
from reportgen.errors import OutputError


def test_what_stands_at_a_path_is_told_without_following_it(tmp_path):
    (tmp_path / "file").write_bytes(b"x")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link").symlink_to(tmp_path / "file")
    assert regular.kind(tmp_path / "file") == "a regular file"
    assert regular.kind(tmp_path / "pipe") == "a named pipe (FIFO)"
    assert regular.kind(tmp_path / "link") == "a symbolic link"
    assert regular.kind(tmp_path) == "a folder"
    assert regular.kind(tmp_path / "nothing") is None


def test_a_pipe_or_a_link_is_refused_naming_it(tmp_path):
    os.mkfifo(tmp_path / "deck.pptx")
    (tmp_path / "brief.pdf").symlink_to("/dev/zero")
    with pytest.raises(OutputError, match="a named pipe") as pipe:
        regular.read(tmp_path / "deck.pptx", 100)
    assert pipe.value.location.file == tmp_path / "deck.pptx"
    with pytest.raises(OutputError, match="a symbolic link stands where the output file goes"):
        regular.sha256(tmp_path / "brief.pdf", 10)


def test_reads_are_capped_and_hashes_need_the_recorded_size(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"abcdef")
    assert regular.read(path, 6) == b"abcdef"
    with pytest.raises(OutputError, match="larger than 5 bytes"):
        regular.read(path, 5)
    assert regular.read(tmp_path / "missing", 5) is None
    assert regular.sha256(path, 6) == hashlib.sha256(b"abcdef").hexdigest()
    assert regular.sha256(path, 5) is None and regular.sha256(tmp_path / "missing", 6) is None
