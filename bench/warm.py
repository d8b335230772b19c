"""Warm rebuilds: builds after the first in one process, as watch mode does, whole and per stage.

Builds the pack once to warm imports, fonts and caches, then times RUNS more
calls of ``reportgen.build.pipeline.build_pack`` as watch mode makes them (wall and CPU
seconds, the CPU including forked children), in two cases:

- *build*: the input is unchanged (an editor saving twice, a touched file), so
  each format's last bytes are reused;
- *edit*: before each build one section's lead is edited in a copy of the
  outline, so both documents change and both files are rendered again.

Then it times RUNS edited builds with ``parallel=False``, so every stage runs in
this process, with the pipeline's steps wrapped in timers where the pipeline looks
them up; the stages add up to that build: load, templates (finding the set,
running Jinja), parse, pdf, pptx, write, and other (everything between: figures,
glyph checks, file stamps, the manifest).
Prints JSON ``{"build": [s, ...], "build_cpu": [...], "edit": [...], "edit_cpu": [...],
"stages": {"total": [...], "load": [...], ...}}``;
with --profile, prints a cProfile of one edited warm build (parallel=False) instead.

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
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import reportgen.render.pdf
import reportgen.render.pptx  # noqa: F401 - imported before the first build, as watch mode does
from reportgen.build.pipeline import build_pack, default_outline

STAGES: dict[str, list[tuple[str, str]]] = {
    "load": [("reportgen.build.pipeline", "load_outline")],
    "templates": [("reportgen.build.pipeline", "load_set"), ("reportgen.build.pipeline", "render")],
    "parse": [("reportgen.build.pipeline", "parse_markdown")],
    "pdf": [("reportgen.render.pdf", "render")],
    "pptx": [("reportgen.render.pptx", "render")],
    "write": [("reportgen.build.pipeline", "write_pack")],
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


class Editor:
    """A copy of the outline whose first section lead changes before every build."""

    def __init__(self, outline_path: Path, folder: Path) -> None:
        self.text = outline_path.read_text(encoding="utf-8")
        if not LEAD.search(self.text):
            raise SystemExit(f"{outline_path}: no section lead to edit")
        self.path = folder / outline_path.name
        self.edits = 0

    def edit(self) -> Path:
        self.edits += 1
        self.path.write_text(LEAD.sub(rf"\g<0> (edit {self.edits})", self.text, count=1), encoding="utf-8")
        return self.path


FORMATS = "pdf,pptx"
"""The brief and the deck: the work the peer does, and what these rows have measured since they began
(the meeting kit's notes and handout are timed cold, in run.py's kit row)."""

LEAD = re.compile(r"^ +lead: [^\n]*[^\s\n]", re.MULTILINE)


def timed_builds(runs: int, outline: Callable[[], Path], out: Path) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        path = outline()
        start, start_cpu = time.perf_counter(), cpu_seconds()
        build_pack(path, out_dir=out, formats=FORMATS)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - start_cpu)
    return walls, cpus


def measure(outline_path: Path, work: Path, runs: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    out = work / "out"
    editor = Editor(outline_path, work)
    build_pack(outline_path, out_dir=out, formats=FORMATS)
    results["build"], results["build_cpu"] = timed_builds(runs, lambda: outline_path, out)
    results["edit"], results["edit_cpu"] = timed_builds(runs, editor.edit, out)
    spent = dict.fromkeys(STAGES, 0.0)
    instrument(spent)
    build_pack(editor.edit(), out_dir=out, formats=FORMATS, parallel=False)
    stages: dict[str, list[float]] = {"total": [], **{stage: [] for stage in STAGES}, "other": []}
    for _ in range(runs):
        path = editor.edit()
        spent.update(dict.fromkeys(STAGES, 0.0))
        start = time.perf_counter()
        build_pack(path, out_dir=out, formats=FORMATS, parallel=False)
        total = time.perf_counter() - start
        stages["total"].append(total)
        for stage, seconds in spent.items():
            stages[stage].append(seconds)
        stages["other"].append(total - sum(spent.values()))
    results["stages"] = stages
    return results


def profile(outline_path: Path, work: Path) -> None:
    editor = Editor(outline_path, work)
    build_pack(editor.edit(), out_dir=work / "out", formats=FORMATS, parallel=False)
    profiler = cProfile.Profile()
    profiler.runcall(build_pack, editor.edit(), out_dir=work / "out", formats=FORMATS, parallel=False)
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
