"""Watch mode: rebuild the pack whenever a file the build reads changes.

The build reads the outline, its images, the template set's folders (templates,
theme, logo, fonts, master) and the ``--reference-pptx`` file; a change to any
other file (a log written beside the outline, the pack itself) is ignored, so
nothing rebuilds in a loop. The folders holding those files are watched and
the events filtered to them; after each rebuild the set is worked out again
(a new image, an ``extends`` that names another set).

Each rebuild runs in this process, so imports and fonts are warm. A save
that breaks the outline prints the error and leaves the last good pack as it
was (builds write atomically, and only after every step succeeded).
"""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.build.batch import Job, Outcome, run_job
from reportgen.build.pack_folder import recover
from reportgen.build.pipeline import default_outline, output_dir_for

if TYPE_CHECKING:
    from watchfiles import Change  # imported lazily at run time: watching is rare
from reportgen.errors import Location, OutlineError, ReportgenError, ReportgenWarning
from reportgen.outline.files import image_paths
from reportgen.templating.sets import load_set, resolve_set_folder
from reportgen.yamlfile import read_yaml_with_problems


@dataclass(frozen=True)
class Rebuild:
    outcome: Outcome
    seconds: float
    changed: tuple[Path, ...]


@dataclass(frozen=True)
class Watched:
    """What a build of the job reads: single files, and folders each of whose files counts."""

    files: frozenset[Path]
    folders: tuple[Path, ...]
    """The template set's folders, its own first."""
    outputs: Path
    """The pack's folder: never an input, even inside a watched folder."""

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, Path) or path.is_relative_to(self.outputs):
            return False
        return path in self.files or any(path.is_relative_to(folder) for folder in self.folders)

    def roots(self) -> tuple[Path, ...]:
        """The folders to watch: those of the files and the set's, none inside another."""
        candidates = sorted({file.parent for file in self.files} | set(self.folders))
        roots: list[Path] = []
        for folder in candidates:
            if folder.is_dir() and not any(folder.is_relative_to(root) for root in roots):
                roots.append(folder)
        return tuple(roots)


def watched(job: Job, previous: Watched | None = None) -> Watched:
    """The files a build of *job* reads; what cannot be worked out now (a broken outline or theme
    mid-edit) is taken from *previous*."""
    outline = (job.outline or default_outline()).resolve()
    if previous is None and not outline.is_file():
        raise OutlineError("no such outline file", location=Location(outline))
    files = {outline, *_images(outline, previous)}
    folders, assets = _template_set(job.template, previous)
    files |= assets
    if job.reference_pptx is not None:
        files.add(Path(job.reference_pptx).resolve())
    outputs = output_dir_for(job.outline or outline, job.out_dir).resolve()
    return Watched(frozenset(files), folders, outputs)


def _images(outline: Path, previous: Watched | None) -> set[Path]:
    """The image files the outline names (read as plain YAML: an outline the model rejects still names them)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReportgenWarning)
            data, _, _ = read_yaml_with_problems(outline, what="outline", error=OutlineError)
    except ReportgenError:
        return {file for file in previous.files if file.is_relative_to(outline.parent)} if previous else set()
    return {(outline.parent / relative).resolve() for _, relative in image_paths(data)}


def _template_set(template: str, previous: Watched | None) -> tuple[tuple[Path, ...], set[Path]]:
    """The set's folders and the assets its theme names (logo, fonts, master)."""
    try:
        template_set = load_set(template)
    except ReportgenError:
        kept = previous.folders if previous else ()
        try:
            return tuple(dict.fromkeys((resolve_set_folder(template), *kept))), set()
        except ReportgenError:
            return kept, set()
    theme = template_set.theme
    assets = {path for faces in theme.font_paths.values() for path in faces.values()}
    assets |= {path for path in (theme.logo_path, theme.reference_pptx) if path is not None}
    return tuple(folder.resolve() for folder in template_set.folders), {path.resolve() for path in assets}


class _Inputs:
    """A watchfiles filter passing changes to the build's inputs only (and not editors' scratch files)."""

    def __init__(self, targets: Watched) -> None:
        import watchfiles

        self.targets = targets
        self.default = watchfiles.DefaultFilter()

    def __call__(self, change: Change, path: str) -> bool:
        return self.default(change, path) and Path(path) in self.targets


def watch(job: Job, report: Callable[[Rebuild], None], *, stop: threading.Event | None = None) -> None:
    """Build once, then again after every change to an input, until *stop* is set (or Ctrl-C)."""
    import watchfiles

    from reportgen.render import base

    for name in base.parse_formats(job.formats):
        base.get(name).load()  # warm: rebuilds then fork only for large packs

    def rebuild(changed: tuple[Path, ...]) -> None:
        started = time.perf_counter()
        outcome = run_job(job)
        report(Rebuild(outcome, time.perf_counter() - started, changed))

    inputs = _Inputs(watched(job))
    recover(output_dir_for(job.outline or default_outline(), job.out_dir))  # even if the first build fails
    rebuild(())
    while True:
        roots = inputs.targets.roots()
        for changes in watchfiles.watch(*roots, watch_filter=inputs, stop_event=stop, debounce=150, step=50):
            rebuild(tuple(sorted({Path(path) for _, path in changes})))
            inputs.targets = watched(job, inputs.targets)
            if inputs.targets.roots() != roots:
                break
        else:
            return
