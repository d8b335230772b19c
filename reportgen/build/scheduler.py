"""Where each format of a build runs: side by side in a forked child, or one after another here.

Process policy only; the pipeline hands over one job per format and gets each
job's result back, whichever process ran it. On two cores a pack takes as long
as its slowest format when the first format is made here while a forked child
makes the others (:mod:`reportgen.isolate` keeps that child from blocking or
outliving this process).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from reportgen import isolate
from reportgen.errors import RenderError

T = TypeVar("T")

LARGE_PACK_TEXTS = 400
"""Above this many texts in the outline, building side by side in a warm process beats the cost of the
fork itself (about 0.1 s here: the default outline has 209 texts and builds faster in one process)."""

_warm = False
"""Whether this process has built a pack before (so its renderers are imported and warm)."""


def run(jobs: dict[str, Callable[[], T]], *, side_by_side: bool, texts: int) -> dict[str, T]:
    """Each job's result by name. With *side_by_side* (and where it pays) the first job runs here while a
    forked child runs the rest; *texts* (the outline's size) says whether a warm process gains by it."""
    global _warm
    forked = side_by_side and len(jobs) > 1 and can_fork() and (not _warm or texts > LARGE_PACK_TEXTS)
    with _fewer_collections():
        results = _run_forked(jobs) if forked else {name: job() for name, job in jobs.items()}
    _warm = True
    return results


def can_fork() -> bool:
    """Forking is safe (and worth it) only from a single-threaded process with a second core."""
    return isolate.can_fork() and (os.cpu_count() or 1) > 1


def _run_forked(jobs: dict[str, Callable[[], T]]) -> dict[str, T]:
    """The first job here, the others in a child. Whatever fails here, the child is killed, drained and
    reaped before the error travels on."""
    first, *others = jobs
    child = isolate.start(_run_all, {name: jobs[name] for name in others})
    try:
        results = {first: jobs[first]()}
        results.update(child.result())
    except isolate.ChildFailed as failure:
        raise RenderError(f"the renderer of {', '.join(others)} failed: {failure.reason}") from None
    finally:
        child.cancel()
    return {name: results[name] for name in jobs}


def _run_all(jobs: dict[str, Callable[[], T]]) -> dict[str, T]:
    return {name: job() for name, job in jobs.items()}


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Rendering makes millions of short-lived objects, and each full run of Python's cycle collector
    would walk every long-lived one (modules, the outline) again: a fifth of a 200-section build.
    They are frozen out of its sight for the build (and so stay shared with a forked child instead of
    being copied), and it runs less often; both are restored afterwards."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
