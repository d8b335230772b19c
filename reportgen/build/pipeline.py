"""One build: an outline and a template set in, a pack of files out.

This is the whole pipeline in order; each step lives in its own package::

    outline -> templates -> Markdown -> Document -> renderers (from the registry) -> atomic write

Everything that can reject the user's input about the outline or the set
happens in :func:`prepare`, once. Each format then runs its own template,
parse and renderer (:func:`build_format`); :mod:`scheduler` decides which
process runs which format. A rebuild in the same process (watch mode) reuses a
format's last file when its Markdown, theme and files are unchanged
(:mod:`memo`). No format is named here: they come from :mod:`reportgen.render.base`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reportgen import assemble
from reportgen.build import manifest, memo, scheduler
from reportgen.build.facts import counted
from reportgen.build.pack_folder import write_pack
from reportgen.document.markdown import parse_markdown
from reportgen.document.model import CitedSource, DocumentInfo, Figure, Image
from reportgen.errors import ReportgenError, TemplateError
from reportgen.outline import Outline, load_outline
from reportgen.render import base
from reportgen.templating.env import environment, render
from reportgen.templating.sets import load_set
from reportgen.theme import Theme

DEFAULT_OUTLINE = "japan-defense.yaml"


def default_outline() -> Path:
    """The bundled Japan outline: packaged in the wheel, or the checkout's ``content/``."""
    here = Path(__file__).resolve().parent.parent
    for folder in (here / "_data" / "content", here.parent / "content"):
        if (folder / DEFAULT_OUTLINE).is_file():
            return folder / DEFAULT_OUTLINE
    raise ReportgenError("the bundled default outline is missing from this installation", hint="reinstall reportgen")


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
    sources: dict[str, CitedSource]
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
    sources = assemble.cited_sources(outline)
    context = assemble.template_context(outline, figures, sources, theme)
    info = assemble.document_info(outline)
    return Prepared(outline_path, outline, template_set.folders, theme, info, figures, sources, context)


def write_markdown(prepared: Prepared, fmt: str) -> str:
    """Run *fmt*'s template."""
    return render(environment(prepared.template_folders), base.get(fmt).template, prepared.context)


@dataclass(frozen=True)
class Rendered:
    """One format's file and what it holds."""

    data: bytes
    facts: base.Facts | None


@dataclass(frozen=True)
class Built:
    """A pack on disk: the files written, and each one's facts by file name (for the line after a build)."""

    files: list[Path]
    facts: dict[str, base.Facts]


def build_format(prepared: Prepared, fmt: str, target: Path) -> bytes:
    """The file for *fmt*, unless this process made *target* from the same Markdown, theme and files last."""
    return _built(prepared, fmt, target)[1].data


def _built(prepared: Prepared, fmt: str, target: Path) -> tuple[bytes, Rendered]:
    """(memo key, file) of *fmt*, rendered or reused."""
    spec = base.get(fmt)
    renderer = spec.load()
    _check_texts(renderer, prepared)
    markdown = write_markdown(prepared, fmt)
    files = memo.stamps(_files_read(prepared))
    stamp_time = os.environ.get("SOURCE_DATE_EPOCH")  # the files' timestamp (dates.build_time)
    key = memo.digest(fmt, markdown, prepared.info, prepared.figures, prepared.sources, prepared.theme, files, stamp_time)
    made = memo.reused(target, key)
    if not isinstance(made, Rendered):
        made = _rendered(prepared, spec, renderer, markdown)
        memo.remember(target, key, made)
    return key, made


def render_format(prepared: Prepared, fmt: str) -> bytes:
    """*fmt*'s file, made in memory by every step a build runs (``reportgen validate`` discards it)."""
    spec = base.get(fmt)
    renderer = spec.load()
    _check_texts(renderer, prepared)
    return _rendered(prepared, spec, renderer, write_markdown(prepared, fmt)).data


def _check_texts(renderer: base.Renderer, prepared: Prepared) -> None:
    """The renderer's check of the outline's texts (glyphs no font has), if it has one."""
    check_texts = getattr(renderer, "check_texts", None)
    if check_texts is not None:
        check_texts(prepared.outline.texts(), prepared.theme, prepared.outline_path)


def _rendered(prepared: Prepared, spec: base.Format, renderer: base.Renderer, markdown: str) -> Rendered:
    """The file, and its facts: the renderer's own account (``describe``) where it gives one, else its pages or slides counted."""
    document = parse_markdown(
        markdown, prepared.info, prepared.figures, sources=prepared.sources, origin=spec.template, folders=prepared.template_folders
    )
    data = renderer.render(document, prepared.theme)
    describe = getattr(renderer, "describe", None)
    facts = describe(document, prepared.theme, data) if describe is not None else counted(spec.output, data)
    return Rendered(data, facts)


def _files_read(prepared: Prepared) -> list[Path]:
    """The files a renderer reads besides the document: fonts, logo, master and images."""
    theme = prepared.theme
    paths = [path for faces in theme.font_paths.values() for path in faces.values()]
    paths += [path for path in (theme.logo_path, theme.reference_pptx) if path is not None]
    paths += [figure.path for figure in prepared.figures.values() if isinstance(figure, Image)]
    return paths


def build_formats(prepared: Prepared, targets: dict[str, Path], *, parallel: bool = True) -> dict[str, Rendered]:
    """Each format's file (*targets*: format -> the path it will be written to), side by side where it pays."""
    jobs: dict[str, Callable[[], tuple[bytes, Rendered]]] = {fmt: partial(_built, prepared, fmt, target) for fmt, target in targets.items()}
    texts = sum(1 for _ in prepared.outline.texts())
    built = scheduler.run(jobs, side_by_side=parallel, texts=texts)
    for fmt, (key, made) in built.items():
        memo.remember(targets[fmt], key, made)
    return {fmt: made for fmt, (_, made) in built.items()}


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
    formats: str | Iterable[str] | None = None,
    force: bool = False,
    reference_pptx: str | Path | None = None,
    parallel: bool = True,
) -> list[Path]:
    """The files :func:`build` wrote."""
    return build(outline_path, template=template, out_dir=out_dir, formats=formats, force=force, reference_pptx=reference_pptx, parallel=parallel).files


def build(
    outline_path: str | Path | None = None,
    *,
    template: str | Path = "default",
    out_dir: str | Path | None = None,
    formats: str | Iterable[str] | None = None,
    force: bool = False,
    reference_pptx: str | Path | None = None,
    parallel: bool = True,
) -> Built:
    """Build the pack for *outline_path* (default: the bundled Japan outline): the written files and their facts.

    Nothing is written unless every step succeeds; files reportgen did not write are never replaced
    (unless *force*).
    """
    path = Path(outline_path) if outline_path is not None else default_outline()
    wanted = base.parse_formats(formats)
    prepared = prepare(path, template, Path(reference_pptx) if reference_pptx else None)
    folder = output_dir_for(path, out_dir)
    targets = {fmt: folder / base.get(fmt).output for fmt in wanted}
    manifest.check_replaceable(list(targets.values()), force=force)
    rendered = build_formats(prepared, targets, parallel=parallel)
    files = {targets[fmt]: made.data for fmt, made in rendered.items()}
    write_pack(folder, files, force=force)
    return Built(list(files), {targets[fmt].name: made.facts for fmt, made in rendered.items() if made.facts is not None})
