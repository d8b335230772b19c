"""The command line: parses arguments, calls the commands, turns errors into one line and exit code 2."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from reportgen.errors import Location, ReportgenError, collected_warnings
from reportgen.render import base as formats_registry

app = typer.Typer(
    help="Turn one outline of an analytical essay into a PDF brief and a PowerPoint deck.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_USER_ERROR = 2


def _formats_help() -> str:
    listed = "; ".join(f"{fmt.name}: {fmt.output}, {fmt.description}" for fmt in formats_registry.formats(plugins=False).values())
    return (
        f"Comma-separated formats ({listed}; and any an installed plug-in registers). "
        f"Default: {','.join(formats_registry.default_formats())}."
    )


FORMATS_HELP = _formats_help()

TemplateOption = Annotated[
    str, typer.Option("--template", "-t", help="Template set: a built-in name, a name under ./templates, or a folder.")
]
FormatsOption = Annotated[str | None, typer.Option("--format", "-f", help=FORMATS_HELP)]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace output files even if reportgen did not write them.")]
ReferenceOption = Annotated[
    Path | None, typer.Option("--reference-pptx", help="A corporate PowerPoint file whose masters and theme the deck uses.")
]


def _print_error(text: str, *, suffix: str = "") -> None:
    """An error's text (one line per error, as :meth:`ReportgenError.one_line` gives it), each line
    marked as an error; *suffix* ends the last line."""
    lines = text.splitlines() or [text]
    for index, line in enumerate(lines):
        end = suffix if index == len(lines) - 1 else ""
        print(f"reportgen: error: {line}{end}", file=sys.stderr, flush=True)


def _fail(error: ReportgenError) -> None:
    _print_error(error.one_line())
    raise typer.Exit(EXIT_USER_ERROR)


def _warn(texts: list[str]) -> None:
    for text in texts:
        print(f"reportgen: warning: {text}", file=sys.stderr)


EXIT_INTERRUPTED = 130


def _interrupted() -> None:
    print("reportgen: interrupted; no file was left half-written", file=sys.stderr)
    raise typer.Exit(EXIT_INTERRUPTED)


def _run(action: Callable[[], None]) -> None:
    """Run a command: its warnings first, then any error as one line (exit 2)."""
    found: list[str] = []
    try:
        with collected_warnings() as found:
            action()
    except ReportgenError as error:
        _warn(found)
        _fail(error)
    except OSError as error:
        _warn(found)
        _fail(ReportgenError(error.strerror or str(error), location=Location(error.filename) if error.filename else None))
    except KeyboardInterrupt:
        _interrupted()
    _warn(found)


def _pack_json(outcome) -> dict[str, object]:
    """``build --json``: one pack's outline, each file's path and pages or slides (and the talk's minutes), and the summary line."""
    from reportgen.build import facts

    files = {path.name: {"path": str(path), **(facts.as_dict(outcome.facts[path.name]) if path.name in outcome.facts else {})} for path in outcome.written}
    outline = str(outcome.job.outline) if outcome.job.outline else "(the bundled default outline)"
    return {"outline": outline, "files": files, "summary": facts.line(outcome.facts)}


@app.command()
def build(
    outlines: Annotated[list[Path] | None, typer.Argument(help="Outline YAML files (default: the bundled Japan outline).")] = None,
    template: TemplateOption = "default",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Output folder (default: output/<outline name>/); with several outlines, the folder that holds one folder per outline."
        ),
    ] = None,
    formats: FormatsOption = None,
    force: ForceOption = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Packs to build at once, in separate processes.")] = 1,
    reference_pptx: ReferenceOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print each pack as one JSON object (outline, files, pages, slides, minutes) instead of its paths and summary.")
    ] = False,
) -> None:
    """Build the pack (brief, deck, notes and handout) for each outline; a failed outline does not stop the others.

    Prints each written file's path, then one line saying what the pack holds."""
    from reportgen.build import facts
    from reportgen.build.batch import Job, Outcome, build_all

    paths: list[Path | None] = [*outlines] if outlines else [None]
    several = len(paths) > 1
    batch = [
        Job(
            path,
            template,
            (out / path.name.removesuffix(".yaml").removesuffix(".yml")) if several and out and path else out,
            formats,
            force,
            reference_pptx,
            parallel=not several,
        )
        for path in paths
    ]

    def report(outcome: Outcome) -> None:
        for warning in outcome.warnings:
            print(f"reportgen: warning: {warning}", file=sys.stderr)
        if outcome.error:
            _print_error(outcome.error)
        if as_json:
            if not outcome.error:
                print(json.dumps(_pack_json(outcome), ensure_ascii=False), flush=True)
            return
        for path in outcome.written:
            print(path)
        if outcome.facts:
            print(facts.line(outcome.facts), flush=True)

    try:
        succeeded = build_all(batch, jobs, report)
    except KeyboardInterrupt:
        _interrupted()
    if not succeeded:
        raise typer.Exit(EXIT_USER_ERROR)


@app.command()
def watch(
    outline: Annotated[Path | None, typer.Argument(help="The outline to watch (default: the bundled Japan outline).")] = None,
    template: TemplateOption = "default",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder (default: output/<outline name>/).")] = None,
    formats: FormatsOption = None,
    force: ForceOption = False,
    reference_pptx: ReferenceOption = None,
) -> None:
    """Rebuild the pack on every save of a file the build reads: the outline, its images, the template
    set and its assets, the reference deck (Ctrl-C stops)."""
    from reportgen.build.batch import Job
    from reportgen.build.watch import Rebuild
    from reportgen.build.watch import watch as watch_pack

    def report(rebuild: Rebuild) -> None:
        what = ", ".join(path.name for path in rebuild.changed) or "first build"
        for warning in rebuild.outcome.warnings:
            print(f"reportgen: warning: {warning}", file=sys.stderr)
        if rebuild.outcome.error:
            _print_error(rebuild.outcome.error, suffix=" (kept the last good pack)")
        else:
            names = ", ".join(str(path) for path in rebuild.outcome.written)
            print(f"rebuilt {names} in {rebuild.seconds * 1000:.0f} ms ({what})", flush=True)

    _run(lambda: watch_pack(Job(outline, template, out, formats, force, reference_pptx), report))


@app.command()
def validate(
    outlines: Annotated[list[Path] | None, typer.Argument(help="Outline YAML files to check (default: the bundled Japan outline).")] = None,
    template: TemplateOption = "default",
    formats: FormatsOption = None,
    reference_pptx: ReferenceOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 2) on warnings too.")] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print the findings as JSON Lines on stdout: one object per finding, with file, line, column, field, severity, message and hint."
        ),
    ] = False,
) -> None:
    """Run every check a build runs, without writing anything: the outline, the template set and its theme,
    the master, the templates and their Markdown, fonts and glyphs, figures and images; every finding at once.
    Exit 0 when it would build (warnings printed), 2 on any error. It cannot see the output folder: a full
    disk, a lock or a folder that cannot be written is found only by build."""
    from reportgen.validate import printed
    from reportgen.validate import validate as check

    failed = False
    checked: list[Path | None] = [*outlines] if outlines else [None]  # None: the bundled outline
    for outline in checked:
        try:
            report = check(outline, template=template, formats=formats, reference_pptx=reference_pptx)
        except KeyboardInterrupt:
            _interrupted()
        out, err = printed(report, strict=strict, as_json=as_json)
        for line in err:
            print(line, file=sys.stderr)
        for line in out:
            print(line, flush=True)
        failed |= bool(report.errors(strict=strict))
    if failed:
        raise typer.Exit(EXIT_USER_ERROR)


class SchemaName(StrEnum):
    outline = "outline"
    theme = "theme"


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Whose schema: an outline's or a template set's theme.yaml.")] = SchemaName.outline,
) -> None:
    """Print the JSON Schema of the outline (or of theme.yaml), for editors that check YAML as you type."""
    from reportgen.schema import schema_text

    def action() -> None:
        sys.stdout.write(schema_text(name.value))

    _run(action)


@app.command()
def master(
    file: Annotated[Path, typer.Argument(help="A PowerPoint file (.pptx or .potx) whose slide master a template set would use.")],
    which: Annotated[str | None, typer.Option("--master", help="The slide master to describe: its number (from 1) or its name.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print everything as one JSON object instead.")] = False,
) -> None:
    """List a master's slide masters, layouts, theme fonts and colours, checked as builds check them, and print
    the deck.layouts mapping reportgen would use, ready to paste into theme.yaml."""
    from reportgen.render.pptx.master_info import as_json as json_text
    from reportgen.render.pptx.master_info import as_text, describe

    def action() -> None:
        info = describe(file, which)
        print(json_text(info) if as_json else as_text(info), end="\n" if as_json else "")

    _run(action)


templates_app = typer.Typer(help="List the template sets, or copy one to edit.", invoke_without_command=True)
app.add_typer(templates_app, name="templates")


@templates_app.callback()
def templates(ctx: typer.Context) -> None:
    """List the template sets: built-in ones and those in ./templates."""
    if ctx.invoked_subcommand is not None:
        return
    from reportgen.templating.catalog import list_sets

    def action() -> None:
        entries = list_sets()
        width = max(len(entry.name) for entry in entries)
        for entry in entries:
            where = "built-in" if entry.builtin else str(entry.folder)
            print(f"{entry.name:<{width}}  {entry.description}  [{where}]")

    _run(action)


@templates_app.command("copy")
def templates_copy(
    name: Annotated[str, typer.Argument(help="The set to copy (a name or a folder).")],
    destination: Annotated[Path, typer.Argument(help="The new folder to write.")],
    thin: Annotated[bool, typer.Option("--thin", help="Write only a theme that says 'extends: NAME'.")] = False,
) -> None:
    """Write an editable copy of a template set (or a thin child that extends it)."""
    from reportgen.templating.catalog import copy_set

    def action() -> None:
        written = copy_set(name, destination, thin=thin)
        print(f"{written}: {'a thin child of' if thin else 'a copy of'} '{name}'; build with --template {written}")

    _run(action)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so temporary files are cleaned up and nothing half-written stays."""
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KeyboardInterrupt:
        try:
            _interrupted()
        except typer.Exit as done:
            sys.exit(done.exit_code)
