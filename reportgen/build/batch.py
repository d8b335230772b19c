"""Build many packs, in parallel processes, isolating failures: one bad outline never stops the others."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportgen.errors import ReportgenError, collected_warnings
from reportgen.render.base import Facts


@dataclass(frozen=True)
class Job:
    outline: Path | None
    template: str
    out_dir: Path | None
    formats: str | None
    force: bool
    reference_pptx: Path | None = None
    parallel: bool = True
    """Render the brief and the deck side by side (off when packs already build side by side)."""


@dataclass
class Outcome:
    job: Job
    written: list[Path] = field(default_factory=list)
    facts: dict[str, Facts] = field(default_factory=dict)
    """Each written file's pages or slides (and the talk's length), by file name."""
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def run_job(job: Job) -> Outcome:
    """Build one pack, catching what the user must hear about as text (picklable, so it can run in a worker)."""
    from reportgen.build.pipeline import build

    outcome = Outcome(job)
    with collected_warnings() as outcome.warnings:
        try:
            built = build(
                job.outline,
                template=job.template,
                out_dir=job.out_dir,
                formats=job.formats,
                force=job.force,
                reference_pptx=job.reference_pptx,
                parallel=job.parallel,
            )
            outcome.written, outcome.facts = built.files, built.facts
        except ReportgenError as error:
            outcome.error = error.one_line()
        except Exception as error:  # a bug of ours: still one line, and the other packs still build
            outcome.error = f"internal error while building {job.outline or 'the default outline'}: {type(error).__name__}: {error} (please report it)"
    return outcome


def run_jobs(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    """Outcomes as they finish: in this process for one worker, else in a pool of *workers* processes."""
    if workers <= 1 or len(jobs) == 1:
        for job in jobs:
            yield run_job(job)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # the pipeline is imported once here and inherited by every forked worker; the renderers are imported by the workers themselves, side by side
    import reportgen.build.pipeline  # noqa: F401 - imported for its side effect (see above)
    from reportgen.isolate import die_with

    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=die_with, initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(run_job, replace(job, parallel=False)) for job in jobs]
        for future in as_completed(futures):
            yield future.result()


def build_all(jobs: list[Job], workers: int, report: Callable[[Outcome], None]) -> bool:
    """Build every job, calling *report* for each; True when all succeeded.

    On an interactive terminal a rich progress bar runs beside the reports.
    """
    ok = True
    if sys.stderr.isatty() and len(jobs) > 1:
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("building packs", total=len(jobs))
            for outcome in run_jobs(jobs, workers):
                ok &= outcome.error is None
                progress.console.print(end="")
                report(outcome)
                progress.advance(task)
        return ok
    for outcome in run_jobs(jobs, workers):
        ok &= outcome.error is None
        report(outcome)
    return ok
