"""One process at a time writes a folder; the one that waits too long says which process it waited for."""

from __future__ import annotations

import fcntl
import os
import threading
import time

import pytest

from reportgen.build import folder_lock
from reportgen.errors import OutputError


def test_the_holder_writes_its_pid_and_empties_the_file_on_release(tmp_path):
    with folder_lock.held(tmp_path):
        assert folder_lock.holder(tmp_path) == os.getpid()
    assert (tmp_path / folder_lock.LOCK).read_bytes() == b""
    with folder_lock.held(tmp_path, timeout=0):
        pass


def test_a_second_holder_gives_up_after_the_timeout_naming_the_first(tmp_path):
    with open(tmp_path / folder_lock.LOCK, "w") as other:
        fcntl.flock(other, fcntl.LOCK_EX)
        other.write("4242\n")
        other.flush()
        start = time.monotonic()
        with pytest.raises(OutputError) as caught, folder_lock.held(tmp_path, timeout=0.3):
            pass
        assert 0.3 <= time.monotonic() - start < 5
    line = caught.value.one_line()
    assert line.startswith(f"{tmp_path}: reportgen process 4242 is writing this folder; gave up waiting after 0.3 s")
    assert "stop process 4242" in line


def test_a_second_holder_waits_for_the_first(tmp_path, monkeypatch):
    monkeypatch.setattr(folder_lock, "TIMEOUT", 10.0)
    order: list[str] = []
    inside = threading.Event()

    def first() -> None:
        with folder_lock.held(tmp_path):
            inside.set()
            time.sleep(0.4)
            order.append("first")

    thread = threading.Thread(target=first)
    thread.start()
    inside.wait(5)
    with folder_lock.held(tmp_path):
        order.append("second")
    thread.join()
    assert order == ["first", "second"]


def test_a_link_where_the_lock_file_goes_is_refused(tmp_path):
    (tmp_path / folder_lock.LOCK).symlink_to("/dev/null")
    with pytest.raises(OutputError, match="a symbolic link stands where the lock file goes"):
        with folder_lock.held(tmp_path):
            pass
