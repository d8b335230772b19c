"""One build: an outline and a template set in, a brief and a deck out.

This is the whole pipeline in order; each step lives in its own package::

    outline -> templates -> Markdown -> Document -> renderers -> atomic write
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable
from multiprocessing.connection import Connection
from dataclasses import dataclass
from pathlib import Path

from reportgen import assemble, manifest
from reportgen.atomic import write_all
from reportgen.document.markdown import parse_markdown
from reportgen.document.model import Document
from reportgen.errors import RenderError, ReportgenError, TemplateError
from reportgen.outline import load_outline
from reportgen.templating.env import make_environment, render
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
class Documents:
    """The documents of one pack, before rendering: one per output format."""

    by_format: dict[str, Document]
    theme: Theme
    """The set's theme in the outline's language."""


def compose(
    outline_path: Path, template: str | Path, formats: tuple[str, ...], reference_pptx: Path | None = None
) -> Documents:
    """Load the outline, run the templates and read their Markdown (everything but rendering).

    *reference_pptx*, when given, replaces the template set's corporate master.
    """
    outline = load_outline(outline_path)
    template_set = load_set(template)
    theme = template_set.theme.for_language(outline.meta.language)
    if reference_pptx is not None:
        if not Path(reference_pptx).is_file():
            raise TemplateError(f"reference deck not found: looked for {Path(reference_pptx).resolve()}", field="--reference-pptx")
        theme = theme.model_copy(update={"reference_pptx": Path(reference_pptx).resolve()})
    if "pdf" in formats:
        from reportgen.render.pdf.fonts import report_missing_glyphs

        report_missing_glyphs(outline.texts(), theme, outline_path)
    figures = assemble.figures(outline, outline_path.resolve().parent, theme)
    info = assemble.document_info(outline)
    context = assemble.template_context(outline, figures, theme)
    env = make_environment(template_set)
    documents = {}
    for fmt in formats:
        name = TEMPLATE_NAMES[fmt]
        markdown = render(env, name, context)
        documents[fmt] = parse_markdown(markdown, info, figures, origin=name)
    return Documents(documents, theme)


def render_documents(documents: Documents, *, parallel: bool = True) -> dict[str, bytes]:
    """Render each document with its format's renderer (imported only when asked for).

    With both formats and *parallel*, the deck is rendered in a forked process while this one
    renders the brief: on two cores the pack takes as long as the slower of the two.
    """
    global _rendered_here
    forked = parallel and len(documents.by_format) > 1 and _can_fork() and _worth_forking(documents)
    rendered = _render_forked(documents) if forked else {
        fmt: _render(fmt, document, documents.theme) for fmt, document in documents.by_format.items()
    }
    _rendered_here = True
    return rendered


def _render(fmt: str, document: Document, theme: Theme) -> bytes:
    if fmt == "pdf":
        from reportgen.render.pdf import render_pdf

        return render_pdf(document, theme)
    from reportgen.render.pptx import render_pptx

    return render_pptx(document, theme)


def _can_fork() -> bool:
    """Forking is safe (and worth it) only from a single-threaded process with a second core."""
    return hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


LARGE_DOCUMENT_BLOCKS = 600
"""Above this many blocks in all, rendering side by side beats the cost of the fork itself."""


_rendered_here = False
"""Whether this process has rendered a pack before (so its renderers are imported and warm)."""


def _worth_forking(documents: Documents) -> bool:
    """For a process's first pack the child imports python-pptx while this one lays out the brief; after
    that (watch mode, a batch) the renderers are warm here and only a large pack repays the fork."""
    large = sum(len(document.blocks) for document in documents.by_format.values()) > LARGE_DOCUMENT_BLOCKS
    return large or not _rendered_here


def _render_forked(documents: Documents) -> dict[str, bytes]:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_render_in_child, args=(sender, "pptx", documents.by_format["pptx"], documents.theme))
    child.start()
    sender.close()
    try:
        out = {fmt: _render(fmt, doc, documents.theme) for fmt, doc in documents.by_format.items() if fmt != "pptx"}
        status, payload = receiver.recv()
    except EOFError:
        raise RenderError("the deck renderer stopped without an answer") from None
    finally:
        if child.is_alive() and not receiver.poll():
            child.kill()
        child.join()
    if status == "error":
        raise payload
    if status == "crash":
        raise RenderError(f"the deck renderer failed: {payload}")
    out["pptx"] = payload
    return {fmt: out[fmt] for fmt in documents.by_format}


def _render_in_child(sender: Connection, fmt: str, document: Document, theme: Theme) -> None:
    try:
        sender.send(("ok", _render(fmt, document, theme)))
    except ReportgenError as error:
        sender.send(("error", error))
    except BaseException as error:  # noqa: BLE001 - whatever happens, the parent gets one line
        sender.send(("crash", f"{type(error).__name__}: {error}"))
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
    documents = compose(path, template, wanted, Path(reference_pptx) if reference_pptx else None)
    rendered = render_documents(documents, parallel=parallel)
    folder = output_dir_for(path, out_dir)
    files = {folder / OUTPUT_NAMES[fmt]: data for fmt, data in rendered.items()}
    manifest.check_replaceable(list(files), force=force)
    write_all({**files, folder / manifest.MANIFEST: manifest.updated(folder, files)})
    return list(files)
