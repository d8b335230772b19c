"""A failed or interrupted build loses nothing; identical input gives identical bytes; foreign files are left alone."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.tools import assert_qpdf_accepts

REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO / "content" / "japan-defense.yaml"
SMALL = REPO / "tests" / "fixtures" / "small.yaml"


BRIEF_AND_DECK = ("--format", "pdf,pptx")
"""What these tests replace: the pack's first two files (the replacement does not depend on the format)."""


def build(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", "build", *BRIEF_AND_DECK, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_failed_build_leaves_the_previous_pack_exactly_as_it_was(tmp_path):
    outline = tmp_path / "brief.yaml"
    shutil.copy(SMALL, outline)
    assert build(str(outline), cwd=tmp_path).returncode == 0
    pack = tmp_path / "output" / "brief"
    before = snapshot(pack)
    outline.write_text(outline.read_text().replace("source: src", "source: broken"))
    result = build(str(outline), cwd=tmp_path)
    assert result.returncode == 2
    assert snapshot(pack) == before


def test_same_input_gives_the_same_bytes(tmp_path):
    for name in ("one", "two"):
        assert build(str(DEFAULT), "--out", name, cwd=tmp_path).returncode == 0
    for file in ("brief.pdf", "deck.pptx", ".reportgen-manifest.json"):
        assert (tmp_path / "one" / file).read_bytes() == (tmp_path / "two" / file).read_bytes(), file
    assert_qpdf_accepts(tmp_path / "one" / "brief.pdf")


def test_source_date_epoch_sets_the_timestamps(tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    assert build(str(DEFAULT), "--out", "a", cwd=tmp_path, env=env).returncode == 0
    assert build(str(DEFAULT), "--out", "b", cwd=tmp_path).returncode == 0
    assert b"20231114" in (tmp_path / "a" / "brief.pdf").read_bytes()
    assert (tmp_path / "a" / "brief.pdf").read_bytes() != (tmp_path / "b" / "brief.pdf").read_bytes()


def test_files_reportgen_did_not_write_are_never_replaced(tmp_path):
    pack = tmp_path / "output" / "small"
    pack.mkdir(parents=True)
    (pack / "brief.pdf").write_bytes(b"the user's own file")
    shutil.copy(SMALL, tmp_path / "small.yaml")
    result = build("small.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "was not written by reportgen" in result.stderr
    assert (pack / "brief.pdf").read_bytes() == b"the user's own file"
    assert not (pack / "deck.pptx").exists()
    assert build("small.yaml", "--force", cwd=tmp_path).returncode == 0
    assert (pack / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert build("small.yaml", cwd=tmp_path).returncode == 0, "its own files are replaced without --force"


def test_an_unwritable_output_folder_is_one_line(tmp_path):
    if os.geteuid() == 0:
        target = Path("/proc/reportgen-cannot-write-here")
    else:
        target = tmp_path / "locked"
        target.mkdir()
        target.chmod(0o500)
    shutil.copy(SMALL, tmp_path / "small.yaml")
    result = build("small.yaml", "--out", str(target), cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write the output" in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_no_partial_or_temporary_files(tmp_path, sig):
    outline = tmp_path / "big.yaml"
    shutil.copy(REPO / "tests" / "fixtures" / "stress.yaml", outline)
    out = tmp_path / "out"
    assert build(str(outline), "--out", str(out), cwd=tmp_path).returncode == 0
    before = snapshot(out)
    outline.write_text(outline.read_text().replace("Stress outline for fitting tests", "Changed title"))
    for delay in (0.6, 0.9, 1.2, 1.5):
        process = subprocess.Popen([sys.executable, "-m", "reportgen", "build", *BRIEF_AND_DECK, str(outline), "--out", str(out)], cwd=tmp_path,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=120)
        names = sorted(p.name for p in out.iterdir())
        assert names == sorted(before), names
        assert "Traceback" not in stderr
        if process.returncode == 130 and stderr:  # under heavy load the message was once missing (see the closing note of stop 18)
            assert "interrupted; no file was left half-written" in stderr
        elif process.returncode != 0:  # the signal came while Python was still starting up
            assert process.returncode in (-sig, 1), stderr
        after = snapshot(out)
        if process.returncode != 0 and after != before:  # interrupted once the pack was written: all of it is new
            recorded = json.loads(after[".reportgen-manifest.json"])["files"]
            for name in ("brief.pdf", "deck.pptx"):
                assert hashlib.sha256(after[name]).hexdigest() == recorded[name]["sha256"], name
                assert after[name] != before[name], name


# A pack is replaced as one unit: crashes, concurrent builds, locks and what stands in the folder.

FAULTS = Path(__file__).with_name("faults.py")
CRASHED = 86
PACK = ("brief.pdf", "deck.pptx", ".reportgen-manifest.json")
"""What these builds write (BRIEF_AND_DECK): two files and the manifest."""
REPLACES = len(PACK) + 1
"""Renames into the folder in one build: the journal, then each file of the pack and the manifest."""


def faulty(folder: Path, *options: str, args: tuple[str, ...], cwd: Path, **popen) -> subprocess.CompletedProcess:
    """A build with faults injected (tests/e2e/faults.py)."""
    command = [sys.executable, str(FAULTS), "--folder", str(folder), *options, "--", "build", *BRIEF_AND_DECK, *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300, **popen)


def started(folder: Path, *options: str, args: tuple[str, ...], cwd: Path) -> subprocess.Popen:
    command = [sys.executable, str(FAULTS), "--folder", str(folder), *options, "--", "build", *BRIEF_AND_DECK, *args]
    return subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def pack_of(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in PACK if (folder / name).is_file()}


def leftovers(folder: Path) -> list[str]:
    from reportgen.build import atomic, journal

    return sorted(p.name for p in folder.iterdir() if atomic.is_leftover(p.name) or p.name == journal.JOURNAL)


def whole(folder: Path) -> list[str]:
    """Why *folder* is not one whole pack (empty when it is)."""
    from reportgen.build import manifest

    return manifest.problems(folder)


@pytest.fixture(scope="module")
def two_packs(tmp_path_factory) -> tuple[Path, dict[str, bytes], Path, dict[str, bytes]]:
    """Two outlines and their packs, built once: (old outline, old pack, new outline, new pack)."""
    work = tmp_path_factory.mktemp("packs")
    old, new = work / "old.yaml", work / "new.yaml"
    shutil.copy(SMALL, old)
    new.write_text(SMALL.read_text().replace("title: A small brief", "title: A revised brief"))
    packs = []
    for outline in (old, new):
        assert build(str(outline), "--out", str(work / outline.stem), cwd=work).returncode == 0
        packs.append(pack_of(work / outline.stem))
    assert packs[0]["brief.pdf"] != packs[1]["brief.pdf"] and packs[0]["deck.pptx"] != packs[1]["deck.pptx"]
    return old, packs[0], new, packs[1]


def holding(folder: Path, pack: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True)
    for name, data in pack.items():
        (folder / name).write_bytes(data)
    return folder


def not_a_deck(tmp_path: Path) -> str:
    """A reference deck that is not one: the build reads the folder, then fails while rendering."""
    (tmp_path / "broken.pptx").write_text("not a PowerPoint file")
    return str(tmp_path / "broken.pptx")


@pytest.mark.parametrize("replaces", range(1, REPLACES + 1))
def test_a_crash_after_any_rename_is_finished_by_the_next_command(tmp_path, two_packs, replaces):
    old_outline, old_pack, new_outline, new_pack = two_packs
    out = holding(tmp_path / "out", old_pack)
    crashed = faulty(out, "--crash-after-replace", str(replaces), args=(str(new_outline), "--out", str(out)), cwd=tmp_path)
    assert crashed.returncode == CRASHED, crashed.stderr
    assert whole(out), "the crash left the replacement under way"

    failing = build(str(new_outline), "--out", str(out), "--reference-pptx", not_a_deck(tmp_path), cwd=tmp_path)
    assert failing.returncode == 2 and "cannot use the reference deck" in failing.stderr, failing.stderr
    assert whole(out) == [] and leftovers(out) == []
    assert pack_of(out) == new_pack, "every new file was staged: the replacement is finished"

    again = build(str(old_outline), "--out", str(out), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert whole(out) == [] and pack_of(out) == old_pack and leftovers(out) == []


def test_a_crash_whose_new_files_are_lost_puts_the_old_pack_back(tmp_path, two_packs):
    old_outline, old_pack, new_outline, _ = two_packs
    out = holding(tmp_path / "out", old_pack)
    crashed = faulty(out, "--crash-after-replace", "2", args=(str(new_outline), "--out", str(out)), cwd=tmp_path)
    assert crashed.returncode == CRASHED
    assert pack_of(out)["brief.pdf"] != old_pack["brief.pdf"], "the new brief is in place beside the old deck"
    for staged in out.glob(".deck.pptx.*.reportgen-tmp"):
        staged.unlink()  # the new deck was lost (a disk that did not keep what it was given)

    failing = build(str(old_outline), "--out", str(out), "--reference-pptx", not_a_deck(tmp_path), cwd=tmp_path)
    assert failing.returncode == 2
    assert whole(out) == [] and pack_of(out) == old_pack and leftovers(out) == []


def test_the_temporary_files_of_a_crash_are_swept_by_the_next_build(tmp_path, two_packs):
    old_outline, old_pack, new_outline, new_pack = two_packs
    out = holding(tmp_path / "out", old_pack)
    crashed = faulty(out, "--crash-before-replace", "1", args=(str(new_outline), "--out", str(out)), cwd=tmp_path)
    assert crashed.returncode == CRASHED
    stale = leftovers(out)
    assert len(stale) == 2 * len(PACK) + 1, stale  # each file and the manifest staged and backed up, the staged journal
    assert whole(out) == [] and pack_of(out) == old_pack, "before the journal, the old pack is untouched"
    (out / ".brief.pdf.ab12_xyz.tmp").write_bytes(b"left by an earlier reportgen")
    users = [".brief.pdf.notes.tmp", "notes.tmp", ".deck.pptx.0123456789abcdef.reportgen-tmp.keep", "x.reportgen-old"]
    for name in users:
        (out / name).write_text("the user's")

    result = build(str(new_outline), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert leftovers(out) == [] and whole(out) == [] and pack_of(out) == new_pack
    assert all((out / name).read_text() == "the user's" for name in users)


def test_two_builds_into_one_folder_leave_one_whole_pack(tmp_path, two_packs):
    old_outline, old_pack, new_outline, new_pack = two_packs
    out, marker = tmp_path / "out", tmp_path / "first-rename"
    slow = started(out, "--slow-replace", "1", "--signal", str(marker), args=(str(old_outline), "--out", str(out)), cwd=tmp_path)
    second = started(out, "--wait-for", str(marker), args=(str(new_outline), "--out", str(out)), cwd=tmp_path)
    results = [(*process.communicate(timeout=120), process.returncode) for process in (slow, second)]
    assert [code for _, _, code in results] == [0, 0], results
    assert whole(out) == [] and leftovers(out) == []
    assert pack_of(out) == new_pack, "the second build waited for the first, then replaced its whole pack"


def test_a_build_that_waits_too_long_for_another_exits_2_naming_it(tmp_path, two_packs):
    old_outline, old_pack, new_outline, _ = two_packs
    out, marker = tmp_path / "out", tmp_path / "first-rename"
    slow = started(out, "--slow-replace", "1.5", "--signal", str(marker), args=(str(old_outline), "--out", str(out)), cwd=tmp_path)
    second = started(out, "--wait-for", str(marker), "--lock-timeout", "0.5", args=(str(new_outline), "--out", str(out)), cwd=tmp_path)
    _, stderr = second.communicate(timeout=120)
    _, slow_stderr = slow.communicate(timeout=120)
    assert slow.returncode == 0, slow_stderr
    lines = stderr.strip().splitlines()
    assert second.returncode == 2 and len(lines) == 1, stderr
    assert f"reportgen process {slow.pid} is writing this folder; gave up waiting after 0.5 s" in lines[0]
    assert whole(out) == [] and pack_of(out) == old_pack


def test_a_held_lock_makes_a_build_exit_2_within_the_timeout(tmp_path):
    import fcntl

    shutil.copy(SMALL, tmp_path / "small.yaml")
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".reportgen.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        start = time.monotonic()
        result = faulty(out, "--lock-timeout", "1", args=("small.yaml", "--out", str(out)), cwd=tmp_path)
        elapsed = time.monotonic() - start
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert f"reportgen process {os.getpid()} is writing this folder" in lines[0] and str(out) in lines[0]
    assert elapsed < 15, elapsed
    assert sorted(p.name for p in out.iterdir()) == [".reportgen.lock"]


def test_a_build_waits_for_a_lock_that_is_released(tmp_path):
    import fcntl
    import threading

    shutil.copy(SMALL, tmp_path / "small.yaml")
    out = tmp_path / "out"
    out.mkdir()
    lock = open(out / ".reportgen.lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    released: list[float] = []

    def release() -> None:
        released.append(time.time())
        lock.close()

    threading.Timer(3.0, release).start()
    result = build("small.yaml", "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (out / ".reportgen-manifest.json").stat().st_mtime >= released[0], "written only after the lock was released"
    assert whole(out) == []


def test_a_named_pipe_where_the_deck_goes_is_refused_without_hanging(tmp_path):
    shutil.copy(SMALL, tmp_path / "small.yaml")
    out = tmp_path / "out"
    assert build("small.yaml", "--out", str(out), cwd=tmp_path).returncode == 0
    (out / "deck.pptx").unlink()
    os.mkfifo(out / "deck.pptx")
    try:
        result = subprocess.run([sys.executable, "-m", "reportgen", "build", "small.yaml", "--out", str(out)],
                                cwd=tmp_path, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the build hung opening the named pipe")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert f"{out / 'deck.pptx'}: a named pipe (FIFO) stands where the output file goes" in lines[0]
    forced = build("small.yaml", "--out", str(out), "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (out / "deck.pptx").is_file() and whole(out) == []


def _small_address_space() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def test_a_link_to_dev_zero_where_the_brief_goes_is_refused_unread(tmp_path):
    shutil.copy(SMALL, tmp_path / "small.yaml")
    out = tmp_path / "out"
    assert build("small.yaml", "--out", str(out), cwd=tmp_path).returncode == 0
    (out / "brief.pdf").unlink()
    (out / "brief.pdf").symlink_to("/dev/zero")
    command = [sys.executable, "-m", "reportgen", "build", "small.yaml", "--out", str(out)]
    try:  # reading /dev/zero would end in a MemoryError under this limit, or the timeout
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60, preexec_fn=_small_address_space)
    except subprocess.TimeoutExpired:
        pytest.fail("the build read the link to /dev/zero")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert f"{out / 'brief.pdf'}: a symbolic link stands where the output file goes" in lines[0]
    forced = subprocess.run([*command, "--force"], cwd=tmp_path, capture_output=True, text=True, timeout=120, preexec_fn=_small_address_space)
    assert forced.returncode == 0, forced.stderr
    assert not (out / "brief.pdf").is_symlink() and (out / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert whole(out) == []
