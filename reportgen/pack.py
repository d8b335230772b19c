"""One build: an outline and a template set in, a brief and a deck out.

This is the whole pipeline in order; each step lives in its own package::

    outline -> templates -> Markdown -> Document -> renderers -> atomic write
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportgen import assemble, manifest
from reportgen.atomic import write_all
from reportgen.document.markdown import parse_markdown
from reportgen.document.model import Document
from reportgen.errors import ReportgenError, TemplateError
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


def render_documents(documents: Documents) -> dict[str, bytes]:
    """Render each document with its format's renderer (imported only when asked for)."""
    theme = documents.theme
    out: dict[str, bytes] = {}
    for fmt, document in documents.by_format.items():
        if fmt == "pdf":
            from reportgen.render.pdf import render_pdf

            out[fmt] = render_pdf(document, theme)
        else:
            from reportgen.render.pptx import render_pptx

            out[fmt] = render_pptx(document, theme)
    return out


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
) -> list[Path]:
    """Build the pack for *outline_path* (default: the bundled Japan outline); return the written files.

    Nothing is written unless every step succeeds; files reportgen did not write are never replaced
    (unless *force*).
    """
    path = Path(outline_path) if outline_path is not None else default_outline()
    wanted = parse_formats(formats)
    documents = compose(path, template, wanted, Path(reference_pptx) if reference_pptx else None)
    rendered = render_documents(documents)
    folder = output_dir_for(path, out_dir)
    files = {folder / OUTPUT_NAMES[fmt]: data for fmt, data in rendered.items()}
    manifest.check_replaceable(list(files), force=force)
    write_all({**files, folder / manifest.MANIFEST: manifest.updated(folder, files)})
    return list(files)
