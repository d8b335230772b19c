"""One build: an outline and a template set in, a brief and a deck out.

This is the whole pipeline in order; each step lives in its own package::

    outline -> templates -> Markdown -> Document -> renderers -> atomic write

Everything that can reject the user's input about the outline or the set
happens in :func:`prepare`, once. Each format then runs its own template,
parse and renderer (:func:`build_format`); with both formats, the deck's runs
in a forked process while this one makes the brief. A rebuild in the same
process (watch mode) reuses a format's last file when its Markdown, theme and
files are unchanged (:mod:`reportgen.memo`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reportgen import assemble, manifest, memo
from reportgen.document.markdown import parse_markdown
from reportgen.document.model import Document, DocumentInfo, Figure, Image
from reportgen.errors import RenderError, ReportgenError, ReportgenWarning, TemplateError
from reportgen.outline import Outline, load_outline
from reportgen.pack_folder import write_pack
from reportgen.templating.env import environment, render
from reportgen.templating.sets import load_set
from reportgen.templating.theme import Theme

FORMATS = ("pdf", "pptx")
OUTPUT_NAMES = {"pdf": "brief.pdf", "pptx": "deck.pptx"}
TEMPLATE_NAMES = {"pdf": "brief.md.j2", "pptx": "deck.md.j2"}
DEFAULT_OUTLINE = "japan-defense.yaml"


def default_outline() -> Path:
    """The bundled Japan outline: packaged in the wheel, or the checkout's ``content/``."""
    here = Path(__file__).resolve().parent
    for folder in (here / "_data" / "content", here.parent / "content"):
        if (folder / DEFAULT_OUTLINE).is_file():
            return folder / DEFAULT_OUTLINE
    raise ReportgenError("the bundled default outline is missing from this installation", hint="reinstall reportgen")


def parse_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    wanted = [f.strip().lower() for f in (formats.split(",") if isinstance(formats, str) else formats) if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise ReportgenError(f"unknown format '{','.join(unknown) or formats}'", hint="use pdf, pptx or pdf,pptx")
    return tuple(dict.fromkeys(wanted))


@dataclass(frozen=True)
class Prepared:
    """An outline and a template set, loaded and checked: what every format's build starts from."""

    outline_path: Path
    outline: Outline
    template_folders: tuple[Path, ...]
    theme: Theme
    """The set's theme in the outline's language."""
    info: DocumentInfo
    figures: dict[str, Figure]
    context: dict[str, Any]
    """What the templates see."""


def prepare(outline_path: Path, template: str | Path, reference_pptx: Path | None = None) -> Prepared:
    """Load and check the outline and the template set (*reference_pptx* replaces the set's master)."""
    outline = load_outline(outline_path)
    template_set = load_set(template)
    theme = template_set.theme.for_language(outline.meta.language)
    if reference_pptx is not None:
        if not Path(reference_pptx).is_file():
            raise TemplateError(f"reference deck not found: looked for {Path(reference_pptx).resolve()}", field="--reference-pptx")
        theme = theme.model_copy(update={"reference_pptx": Path(reference_pptx).resolve()})
    figures = assemble.figures(outline, outline_path.resolve().parent, theme)
    context = assemble.template_context(outline, figures, theme)
    return Prepared(outline_path, outline, template_set.folders, theme, assemble.document_info(outline), figures, context)


def write_markdown(prepared: Prepared, fmt: str) -> str:
    """Run *fmt*'s template."""
    return render(environment(prepared.template_folders), TEMPLATE_NAMES[fmt], prepared.context)


def build_format(prepared: Prepared, fmt: str, target: Path) -> bytes:
    """The file for *fmt*, unless this process made *target* from the same Markdown, theme and files last."""
    if fmt == "pdf":
        from reportgen.render.pdf.fonts import report_missing_glyphs

        report_missing_glyphs(prepared.outline.texts(), prepared.theme, prepared.outline_path)
    markdown = write_markdown(prepared, fmt)
    files = memo.stamps(_files_read(prepared))
    stamp_time = os.environ.get("SOURCE_DATE_EPOCH")  # the files' timestamp (dates.build_time)
    key = memo.digest(fmt, markdown, prepared.info, prepared.figures, prepared.theme, files, stamp_time)
    data = memo.reused(target, key)
    if data is None:
        document = parse_markdown(markdown, prepared.info, prepared.figures, origin=TEMPLATE_NAMES[fmt])
        data = _render(fmt, document, prepared.theme)
        memo.remember(target, key, data)
    return data


def _render(fmt: str, document: Document, theme: Theme) -> bytes:
    if fmt == "pdf":
        from reportgen.render.pdf import render_pdf

        return render_pdf(document, theme)
    from reportgen.render.pptx import render_pptx

    return render_pptx(document, theme)


def _files_read(prepared: Prepared) -> list[Path]:
    """The files a renderer reads besides the document: fonts, logo, master and images."""
    theme = prepared.theme
    paths = [path for faces in theme.font_paths.values() for path in faces.values()]
    paths += [path for path in (theme.logo_path, theme.reference_pptx) if path is not None]
    paths += [figure.path for figure in prepared.figures.values() if isinstance(figure, Image)]
    return paths


def build_formats(prepared: Prepared, targets: dict[str, Path], *, parallel: bool = True) -> dict[str, bytes]:
    """Each format's file (*targets*: format -> the path it will be written to).

    With both formats and *parallel*, the deck is written, parsed and rendered in a forked process while
    this one makes the brief: on two cores the pack takes as long as the slower of the two.
    """
    global _rendered_here
    forked = parallel and len(targets) > 1 and _can_fork() and _worth_forking(prepared)
    with _fewer_collections():
        if forked:
            built = _build_forked(prepared, targets)
        else:
            built = {fmt: build_format(prepared, fmt, target) for fmt, target in targets.items()}
    _rendered_here = True
    return built


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


def _can_fork() -> bool:
    """Forking is safe (and worth it) only from a single-threaded process with a second core."""
    return hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


LARGE_OUTLINE_TEXTS = 400
"""Above this many texts in the outline, building side by side in a warm process beats the cost of the
fork itself (about 0.1 s here: the default outline has 209 texts and builds faster in one process)."""


_rendered_here = False
"""Whether this process has built a pack before (so its renderers are imported and warm)."""


def _worth_forking(prepared: Prepared) -> bool:
    """For a process's first pack the child imports python-pptx while this one imports reportlab and
    lays out the brief; after that (watch mode, a batch) the renderers are warm here and only a large
    pack repays the fork."""
    return not _rendered_here or sum(1 for _ in prepared.outline.texts()) > LARGE_OUTLINE_TEXTS


def _build_forked(prepared: Prepared, targets: dict[str, Path]) -> dict[str, bytes]:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_build_in_child, args=(sender, prepared, "pptx", targets["pptx"]))
    child.start()
    sender.close()
    try:
        out = {fmt: build_format(prepared, fmt, target) for fmt, target in targets.items() if fmt != "pptx"}
        status, payload, raised = receiver.recv()
    except EOFError:
        raise RenderError("the deck renderer stopped without an answer") from None
    finally:
        if child.is_alive() and not receiver.poll():
            child.kill()
        child.join()
    for warning in raised:
        warnings.warn(warning, stacklevel=2)
    if status == "error":
        raise payload
    if status == "crash":
        raise RenderError(f"the deck renderer failed: {payload}")
    key, out["pptx"] = payload
    memo.remember(targets["pptx"], key, out["pptx"])
    return {fmt: out[fmt] for fmt in targets}


def _build_in_child(sender: Connection, prepared: Prepared, fmt: str, target: Path) -> None:
    """Build one format and send the parent (status, (memo key, bytes) or the error, the warnings raised)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportgenWarning)
        try:
            build_format(prepared, fmt, target)
            result: tuple[str, Any] = ("ok", memo.last(target))
        except ReportgenError as error:
            result = ("error", error)
        except BaseException as error:  # noqa: BLE001 - whatever happens, the parent gets one line
            result = ("crash", f"{type(error).__name__}: {error}")
    try:
        sender.send((*result, [w.message for w in caught if isinstance(w.message, ReportgenWarning)]))
    finally:
        sender.close()


def output_dir_for(outline_path: Path, out_dir: str | Path | None) -> Path:
    if out_dir is not None:
        return Path(out_dir)
    stem = outline_path.name.removesuffix(".yaml").removesuffix(".yml")
    return Path("output") / stem


def build_pack(
    outline_path: str | Path | None = None,
    *,
    template: str | Path = "default",
    out_dir: str | Path | None = None,
    formats: str | Iterable[str] = FORMATS,
    force: bool = False,
    reference_pptx: str | Path | None = None,
    parallel: bool = True,
) -> list[Path]:
    """Build the pack for *outline_path* (default: the bundled Japan outline); return the written files.

    Nothing is written unless every step succeeds; files reportgen did not write are never replaced
    (unless *force*).
    """
    path = Path(outline_path) if outline_path is not None else default_outline()
    wanted = parse_formats(formats)
    prepared = prepare(path, template, Path(reference_pptx) if reference_pptx else None)
    folder = output_dir_for(path, out_dir)
    targets = {fmt: folder / OUTPUT_NAMES[fmt] for fmt in wanted}
    manifest.check_replaceable(list(targets.values()), force=force)
    rendered = build_formats(prepared, targets, parallel=parallel)
    files = {targets[fmt]: data for fmt, data in rendered.items()}
    write_pack(folder, files, force=force)
    return list(files)
