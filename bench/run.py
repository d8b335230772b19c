"""Benchmark reportgen against Pandoc (the peer) and bare reportlab + python-pptx (the floor).

Every row is measured in this one run, each command as a fresh process (one untimed
warm-up run, then the runs interleaved). Prints a Markdown table and puts it, with the
machine it ran on, in the marked block of docs/performance.md.

    python bench/run.py [--runs 5] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import make_outlines

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DOC = ROOT / "docs" / "performance.md"
DEFAULT = ROOT / "content" / "japan-defense.yaml"
SCALES = (10, 50, 200)
PEER_FORMATS = ["--format", "pdf,pptx"]
"""What the peer makes: the brief and the deck (the whole kit has a row of its own)."""
BATCH = 20
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
PY = sys.executable
REPORTGEN = str(Path(sysconfig.get_path("scripts")) / "reportgen")
"""The console script itself, not a version manager's shim in front of it."""
Command = Callable[[Path], list[str]]
COUNT = "import sys, pptx, pypdf; print(len(pypdf.PdfReader(sys.argv[1]).pages), len(pptx.Presentation(sys.argv[2]).slides))"
"""Pages and slides of a pack, counted in a child process: a child's peak memory (ru_maxrss) is never
below this process's own resident size when it starts, so this process must stay small."""


@dataclass
class Times:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: float = 0.0


@dataclass
class Row:
    name: str
    times: Times | None
    """None while the feature it measures is missing (printed as pending)."""
    peer: float | None = None
    """Median seconds of the peer doing the same work; likewise floor."""
    floor: float | None = None
    target: str = ""
    met: bool | None = None
    gap: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times.wall) if self.times else 0.0

    def cells(self) -> list[str]:
        if not self.times:
            return [self.name, *[""] * 6, self.target, "pending", ""]

        def ratio(reference: float | None) -> str:
            return f"{self.median / reference:.2f}x" if reference else ""

        wall, cpu = self.times.wall, self.times.cpu
        numbers = [f"{statistics.median(wall):.3f}", f"{min(wall):.3f}", f"{max(wall):.3f}"]
        peak = f"{self.times.peak_mb:.0f}" if self.times.peak_mb else ""
        met = {True: "yes", False: "**no**", None: ""}[self.met]
        return [self.name, *numbers, peak, ratio(self.peer), ratio(self.floor), self.target, met, f"{statistics.median(cpu):.3f}" if cpu else ""]


def run(cmd: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """Run *cmd* as a fresh process: wall seconds, CPU seconds, peak resident MB (its own and its children's), output."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode(errors="replace")
    if child.returncode:
        sys.exit(f"bench: {' '.join(cmd)} failed ({child.returncode}):\n{output}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def sample(commands: dict[str, Command], runs: int, work: Path) -> dict[str, Times]:
    """Each command once untimed, then *runs* times interleaved, each in a new folder."""
    times = {name: Times() for name in commands}
    for index in range(runs + 1):
        for name, command in commands.items():
            folder = Path(tempfile.mkdtemp(dir=work))
            wall, cpu, peak, _ = run(command(folder), folder)
            if index:
                times[name].wall.append(wall)
                times[name].cpu.append(cpu)
                times[name].peak_mb = max(times[name].peak_mb, peak)
    return times


def trio(outline: Path, work: Path, runs: int, default: bool = False) -> dict[str, Times]:
    """reportgen, the peer and the floor on one outline (for the default pack, `reportgen build` in a fresh folder)."""
    run([REPORTGEN, "build", str(outline), "--out", str(work / "size")], work)
    pages, slides = run([PY, "-c", COUNT, str(work / "size" / "brief.pdf"), str(work / "size" / "deck.pptx")], work)[3].split()
    commands: dict[str, Command] = {
        "reportgen": (lambda d: [REPORTGEN, "build", *PEER_FORMATS])
        if default
        else (lambda d: [REPORTGEN, "build", str(outline), "--out", str(d), *PEER_FORMATS]),
        "peer": lambda d: [PY, str(BENCH / "peer.py"), str(outline), str(d)],
        "floor": lambda d: [PY, str(BENCH / "floor.py"), str(outline), str(d), pages, slides],
    }
    if default:
        commands["kit"] = lambda d: [REPORTGEN, "build"]
    return sample(commands, runs, work)


def default_rows(work: Path, runs: int) -> tuple[list[Row], float, float]:
    got = trio(DEFAULT, work, runs, default=True)
    peer, floor = statistics.median(got["peer"].wall), statistics.median(got["floor"].wall)
    cold = Row("cold: `reportgen build --format pdf,pptx`, default brief and deck", got["reportgen"], peer, floor, "<= 1.0x peer, <= 1.2x floor")
    limit = min(peer, 1.2 * floor)
    cold.met = cold.median <= limit
    cold.gap = f"{cold.median - limit:.2f} s over the tighter limit ({limit:.2f} s); needs {cold.median / limit:.2f}x faster"
    rows = [
        Row("peer: Pandoc + typst, default pack", got["peer"], peer, floor),
        Row("floor: reportlab + python-pptx, default pack", got["floor"], peer, floor),
        cold,
        Row("cold: `reportgen build`, the whole kit (brief, deck, notes, handout)", got["kit"], peer, floor),
    ]
    _, _, peak, output = run([PY, str(BENCH / "warm.py"), str(DEFAULT), "--runs", str(runs)], work)
    warm = json.loads(output.strip().splitlines()[-1])
    for key, name in (("build", "warm: rebuild, input unchanged"), ("edit", "warm: rebuild after an edit")):
        rebuild = Row(name, Times(warm[key], warm[f"{key}_cpu"], peak), peer, floor, "<= 0.060 s")
        rebuild.met = rebuild.median <= 0.060
        rebuild.gap = f"{1000 * (rebuild.median - 0.060):.0f} ms over; needs {rebuild.median / 0.060:.1f}x faster"
        rows.append(rebuild)
    stages = warm["stages"]
    rows.append(Row("warm: rebuild after an edit, parallel=False (the stages below)", Times(stages.pop("total")), peer, floor))
    rows += [Row(f"warm stage: {stage}", Times(seconds), peer, floor) for stage, seconds in stages.items()]
    return rows, peer, floor


def scale_rows(work: Path, runs: int) -> list[Row]:
    rows: list[Row] = []
    for count in SCALES:
        outline = make_outlines.write(work, count)
        run([REPORTGEN, "validate", str(outline)], work)
        got = trio(outline, work, runs)
        peer, floor = statistics.median(got["peer"].wall), statistics.median(got["floor"].wall)
        ours = got["reportgen"]
        per_section = Times([s / count for s in ours.wall], [s / count for s in ours.cpu])
        rows += [
            Row(f"scale: {count} sections, wall", ours, peer, floor),
            Row(f"scale: {count} sections, per section", per_section, peer / count, floor / count),
        ]
    small, wall, each = rows[1], rows[-2], rows[-1]
    wall.target, wall.met = "<= 10 s, <= 500 MB", wall.median <= 10 and wall.times.peak_mb <= 500
    wall.gap = f"{wall.median:.1f} s and {wall.times.peak_mb:.0f} MB against 10 s and 500 MB; needs {wall.median / 10:.1f}x faster"
    each.target, each.met = f"<= 1.25x per section at {SCALES[0]}", each.median <= 1.25 * small.median
    each.gap = f"{each.median / small.median:.2f}x the per-section time at {SCALES[0]} sections"
    return rows


def batch_rows(work: Path, runs: int, peer: float, floor: float) -> list[Row]:
    rows = [Row(f"batch: {BATCH} default packs, --jobs {jobs}", None, BATCH * peer, BATCH * floor) for jobs in (1, 2)]
    rows[1].target = ">= 1.7x faster than --jobs 1"
    if "--jobs" not in run([REPORTGEN, "build", "--help"], work)[3]:
        return rows
    folder = work / "batch"
    folder.mkdir()
    outlines = []
    for index in range(1, BATCH + 1):
        outlines.append(str(folder / f"pack-{index:02d}.yaml"))
        Path(outlines[-1]).write_bytes(DEFAULT.read_bytes())
    got = sample({jobs: (lambda d, j=jobs: [REPORTGEN, "build", *outlines, "--jobs", j, "--out", str(d)]) for jobs in ("1", "2")}, runs, work)
    rows[0].times, rows[1].times = got["1"], got["2"]
    speedup = rows[0].median / rows[1].median
    rows[1].met = speedup >= 1.7
    rows[1].target += f" (measured {speedup:.2f}x)"
    rows[1].gap = f"--jobs 2 is {speedup:.2f}x as fast as --jobs 1, not 1.7x"
    return rows


def installed(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "(not installed)"


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    packages = ", ".join(f"{name} {installed(name)}" for name in ("reportgen", "reportlab", "rl_accel", "python-pptx", "pypandoc-binary", "typst"))
    return (
        f"{cpu}, {len(os.sched_getaffinity(0))} usable cores ({os.cpu_count()} online), {mem_kb / 2**20:.1f} GB RAM; "
        f"{platform.platform()}; Python {platform.python_version()}; {packages}"
    )


def report(rows: list[Row], runs: int, about: str, started: str, loads: tuple[float, float]) -> str:
    head = ["row", "median s", "min s", "max s", "peak MB", "x peer", "x floor", "target", "met?", "cpu s"]
    table = [head, ["---"] * len(head), *(row.cells() for row in rows)]
    gaps = [f"- {row.name}: {row.gap}." for row in rows if row.met is False]
    gaps += [f"- {row.name}: pending, `reportgen build --jobs` is not available yet." for row in rows if not row.times]
    return "\n".join(
        [
            f"Run `python bench/run.py` ({started}, medians of {runs} runs after one untimed warm-up run of each command).",
            f"Machine: {about}. Load average (1 min) at start {loads[0]:.2f}, at end {loads[1]:.2f}.",
            "",
            *("| " + " | ".join(cells) + " |" for cells in table),
            "",
            *(["**Targets not met** (measured gap):", "", *gaps] if gaps else ["All targets met."]),
        ]
    )


def save(block: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + f"{BEGIN}\n{block}\n{END}" + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n{block}\n{END}\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per row (default 5)")
    parser.add_argument("--quick", action="store_true", help="3 runs per row, for trying changes")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    started, start_load = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as tmp:
        work = Path(tmp)
        # Python's bytecode cache on, as in any normal install, kept out of the source tree.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        rows, peer, floor = default_rows(work, runs)
        rows += scale_rows(work, runs)
        rows += batch_rows(work, runs, peer, floor)
    block = report(rows, runs, machine(), started, (start_load, os.getloadavg()[0]))
    print(block)
    save(block)


if __name__ == "__main__":
    main()
