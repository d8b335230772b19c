"""Watch mode: rebuild the pack whenever the outline, its images or the template set change.

Each rebuild runs in this process, so imports and fonts are warm. A save
that breaks the outline prints the error and leaves the last good pack as it
was (builds write atomically, and only after every step succeeded).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportgen.build.batch import Job, Outcome, run_job
from reportgen.build.pack_folder import recover
from reportgen.build.pipeline import default_outline, output_dir_for
from reportgen.templating.sets import load_set
from reportgen.errors import Location, OutlineError, ReportgenError


@dataclass(frozen=True)
class Rebuild:
    outcome: Outcome
    seconds: float
    changed: tuple[Path, ...]


def watched_paths(job: Job) -> list[Path]:
    """The outline's folder and every folder of the template set's chain."""
    outline = job.outline or default_outline()
    if not outline.is_file():
        raise OutlineError("no such outline file", location=Location(outline))
    paths = [outline.resolve().parent]
    try:
        paths += list(load_set(job.template).folders)
    except ReportgenError:
        pass
    return list(dict.fromkeys(paths))


def watch(job: Job, report: Callable[[Rebuild], None], *, stop: threading.Event | None = None) -> None:
    """Build once, then again after every change, until *stop* is set (or Ctrl-C)."""
    import watchfiles

    from reportgen.render import base

    for name in base.parse_formats(job.formats):
        base.get(name).load()  # warm: rebuilds then fork only for large packs

    def rebuild(changed: tuple[Path, ...]) -> None:
        started = time.perf_counter()
        outcome = run_job(job)
        report(Rebuild(outcome, time.perf_counter() - started, changed))

    recover(output_dir_for(job.outline or default_outline(), job.out_dir))  # even if the first build fails
    rebuild(())
    output = (job.out_dir or Path("output")).resolve()
    for changes in watchfiles.watch(*watched_paths(job), stop_event=stop, debounce=150, step=50):
        changed = tuple(sorted({Path(path) for _, path in changes if not Path(path).resolve().is_relative_to(output)}))
        if changed:
            rebuild(changed)
