"""The per-output memo: bytes come back only for an equal key, file stamps change with the file, few entries kept."""

from __future__ import annotations

import os

from reportgen.build import memo


def test_bytes_come_back_only_for_an_equal_key(tmp_path):
    target = tmp_path / "brief.pdf"
    one, two = memo.digest("pdf", (1, "a")), memo.digest("pdf", (1, "b"))
    assert one == memo.digest("pdf", (1, "a")) and one != two
    assert memo.reused(target, one) is None
    memo.remember(target, one, b"first")
    assert memo.reused(target, one) == b"first"
    assert memo.reused(target, two) is None
    assert memo.reused(tmp_path / "deck.pptx", one) is None
    assert memo.last(target) == (one, b"first")


def test_stamps_change_with_the_file_and_mark_missing_ones(tmp_path):
    image = tmp_path / "map.png"
    image.write_bytes(b"one")
    before = memo.stamps([image, tmp_path / "gone.png"])
    assert before[1] == (str(tmp_path / "gone.png"), -1, -1)
    stat = image.stat()
    image.write_bytes(b"two")  # same size: only the modification time tells
    os.utime(image, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert memo.stamps([image])[0] != before[0]


def test_only_the_latest_outputs_are_kept(tmp_path):
    targets = [tmp_path / f"{n}.pdf" for n in range(memo.KEPT + 1)]
    keys = [memo.digest(n) for n in range(len(targets))]
    for key, target in zip(keys, targets, strict=True):
        memo.remember(target, key, b"x")
    assert memo.reused(targets[0], keys[0]) is None
    assert all(memo.reused(target, key) == b"x" for key, target in zip(keys[1:], targets[1:], strict=True))
