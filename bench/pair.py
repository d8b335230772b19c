"""Paired, interleaved runs of this checkout against another (an older commit's worktree).

A restructuring must not cost speed. This times the cold row (a fresh
``python -m reportgen build`` of the default pack) and the warm rows (each
checkout's own ``bench/warm.py``) for both checkouts, alternating which goes
first in every round, so drift on a busy machine falls on both alike. Prints a
Markdown table of medians, the other checkout as "before".

    git worktree add /tmp/before <commit>
    python bench/pair.py /tmp/before [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
KIT = ("pdf", "pptx", "notes", "handout")
"""The whole meeting kit, which only this checkout may have."""


def _env(checkout: Path) -> dict[str, str]:
    """Each side imports its own checkout, with bytecode caching on (as an installed package has it)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(checkout), "SOURCE_DATE_EPOCH": "0"}


def cold(checkout: Path, formats: str = "pdf,pptx") -> float:
    """Wall seconds of one fresh build of the default outline's *formats* from *checkout* (the brief and the deck:
    the work both sides do; the meeting kit's other files are timed on this side alone)."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "reportgen", "build", str(checkout / "content" / "japan-defense.yaml"), "--out", out, "--format", formats]
        start = time.perf_counter()
        subprocess.run(cmd, cwd=out, env=_env(checkout), check=True, capture_output=True)
        return time.perf_counter() - start


def warm(checkout: Path, runs: int) -> dict[str, list[float]]:
    """The unchanged and edited warm rebuilds that *checkout*'s own bench/warm.py measures."""
    cmd = [sys.executable, str(checkout / "bench" / "warm.py"), str(checkout / "content" / "japan-defense.yaml"), "--runs", str(runs)]
    done = subprocess.run(cmd, cwd=checkout, env=_env(checkout), check=True, capture_output=True, text=True)
    got = json.loads(done.stdout.strip().splitlines()[-1])
    return {"build": got["build"], "edit": got["edit"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the other checkout (for example a worktree of an older commit)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--warm-runs", type=int, default=5)
    args = parser.parse_args()
    sides = {"before": args.before.resolve(), "after": HERE}
    rows: dict[str, dict[str, list[float]]] = {side: {"cold": [], "build": [], "edit": []} for side in sides}
    kit: list[float] = []
    for side in sides.values():
        cold(side)
    for index in range(args.rounds):
        order = list(sides.items()) if index % 2 == 0 else list(reversed(sides.items()))
        for name, checkout in order:
            rows[name]["cold"].append(cold(checkout))
            if name == "after":
                kit.append(cold(checkout, ",".join(KIT)))
            for key, times in warm(checkout, args.warm_runs).items():
                rows[name][key].append(statistics.median(times))
    labels = {
        "cold": "cold: `reportgen build --format pdf,pptx`, default outline",
        "build": "warm: rebuild, input unchanged",
        "edit": "warm: rebuild after an edit",
    }
    print(f"| row (median of {args.rounds} paired rounds) | before (s) | after (s) | after / before |")
    print("|---|---:|---:|---:|")
    for key, label in labels.items():
        before, after = statistics.median(rows["before"][key]), statistics.median(rows["after"][key])
        print(f"| {label} | {before:.3f} | {after:.3f} | {after / before:.2f} |")
    print(f"| cold: `reportgen build`, the whole kit ({', '.join(KIT)}) | – | {statistics.median(kit):.3f} | – |")


if __name__ == "__main__":
    main()
