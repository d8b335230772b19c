"""Warm rebuilds: builds after the first in one process, as watch mode does, whole and per stage.

Builds the pack once to warm imports, fonts and caches, then times RUNS more
calls of ``reportgen.pack.build_pack`` as watch mode makes them (wall and CPU
seconds, the CPU including forked children). Then it times RUNS builds with
``parallel=False``, so every stage runs in this process, with the pipeline's
steps wrapped in timers where build_pack looks them up; the stages add up to
that build: load, templates (finding the set, running Jinja), parse, pdf, pptx,
write, and other (everything between: figures, glyph checks, the manifest).
Prints JSON ``{"build": [s, ...], "build_cpu": [...], "stages": {"total": [...], "load": [...], ...}}``;
with --profile, prints a cProfile of one warm build (parallel=False) instead.

    python bench/warm.py [OUTLINE.yaml] [--runs 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import json
import os
import pstats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportgen.pack import build_pack, default_outline

STAGES: dict[str, list[tuple[str, str]]] = {
    "load": [("reportgen.pack", "load_outline")],
    "templates": [("reportgen.pack", "load_set"), ("reportgen.pack", "render")],
    "parse": [("reportgen.pack", "parse_markdown")],
    "pdf": [("reportgen.render.pdf", "render_pdf")],
    "pptx": [("reportgen.render.pptx", "render_pptx")],
    "write": [("reportgen.pack", "write_all")],
}
"""Stage -> the (module, name) lookups build_pack makes for it."""


def instrument(spent: dict[str, float]) -> None:
    """Replace each stage's functions with ones that add their time to ``spent[stage]``."""

    def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.perf_counter() - start

        return wrapper

    for stage, targets in STAGES.items():
        for module_name, name in targets:
            module = importlib.import_module(module_name)
            setattr(module, name, timed(stage, getattr(module, name)))


def cpu_seconds() -> float:
    """User and system time of this process and of its children that have ended."""
    return sum(os.times()[:4])


def measure(outline_path: Path, out: Path, runs: int) -> dict[str, Any]:
    results: dict[str, Any] = {"build": [], "build_cpu": []}
    build_pack(outline_path, out_dir=out)
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        build_pack(outline_path, out_dir=out)
        results["build"].append(time.perf_counter() - start)
        results["build_cpu"].append(cpu_seconds() - start_cpu)
    spent = dict.fromkeys(STAGES, 0.0)
    instrument(spent)
    build_pack(outline_path, out_dir=out, parallel=False)
    stages: dict[str, list[float]] = {"total": [], **{stage: [] for stage in STAGES}, "other": []}
    for _ in range(runs):
        spent.update(dict.fromkeys(STAGES, 0.0))
        start = time.perf_counter()
        build_pack(outline_path, out_dir=out, parallel=False)
        total = time.perf_counter() - start
        stages["total"].append(total)
        for stage, seconds in spent.items():
            stages[stage].append(seconds)
        stages["other"].append(total - sum(spent.values()))
    results["stages"] = stages
    return results


def profile(outline_path: Path, out: Path) -> None:
    build_pack(outline_path, out_dir=out, parallel=False)
    profiler = cProfile.Profile()
    profiler.runcall(build_pack, outline_path, out_dir=out, parallel=False)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outline", type=Path, nargs="?", default=default_outline())
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one warm build, in this process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        if args.profile:
            profile(args.outline, Path(out))
        else:
            print(json.dumps(measure(args.outline, Path(out), args.runs)))


if __name__ == "__main__":
    main()
