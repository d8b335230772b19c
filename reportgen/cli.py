"""The command line: parses arguments, calls the commands, turns errors into one line and exit code 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportgen.errors import ReportgenError

app = typer.Typer(
    help="Turn one outline of an analytical essay into a PDF brief and a PowerPoint deck.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_USER_ERROR = 2


def _fail(error: ReportgenError) -> None:
    print(f"reportgen: error: {error.one_line()}", file=sys.stderr)
    raise typer.Exit(EXIT_USER_ERROR)


@app.command()
def build(
    outlines: Annotated[
        Optional[list[Path]], typer.Argument(help="Outline YAML files (default: the bundled Japan outline).")
    ] = None,
    template: Annotated[str, typer.Option("--template", "-t", help="Template set: a built-in name, a name under ./templates, or a folder.")] = "default",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output folder (default: output/<outline name>/).")] = None,
    formats: Annotated[str, typer.Option("--format", "-f", help="Comma-separated formats: pdf, pptx.")] = "pdf,pptx",
) -> None:
    """Build the brief (PDF) and deck (PPTX) for each outline."""
    from reportgen.pack import build_pack

    try:
        for outline in outlines or [None]:
            for path in build_pack(outline, template=template, out_dir=out, formats=formats):
                print(path)
    except ReportgenError as error:
        _fail(error)


@app.command()
def validate(outline: Annotated[Path, typer.Argument(help="The outline YAML file to check.")]) -> None:
    """Check an outline against the outline model, without building anything."""
    from reportgen.outline import load_outline

    try:
        loaded = load_outline(outline)
    except ReportgenError as error:
        _fail(error)
    points = sum(len(section.points) for section in loaded.sections)
    print(f"{outline}: valid ({len(loaded.sections)} sections, {points} top-level points)")


templates_app = typer.Typer(help="List the template sets, or copy one to edit.", invoke_without_command=True)
app.add_typer(templates_app, name="templates")


@templates_app.callback()
def templates(ctx: typer.Context) -> None:
    """List the template sets: built-in ones and those in ./templates."""
    if ctx.invoked_subcommand is not None:
        return
    from reportgen.templating.catalog import list_sets

    try:
        entries = list_sets()
    except ReportgenError as error:
        _fail(error)
    width = max(len(entry.name) for entry in entries)
    for entry in entries:
        where = "built-in" if entry.builtin else str(entry.folder)
        print(f"{entry.name:<{width}}  {entry.description}  [{where}]")


@templates_app.command("copy")
def templates_copy(
    name: Annotated[str, typer.Argument(help="The set to copy (a name or a folder).")],
    destination: Annotated[Path, typer.Argument(help="The new folder to write.")],
    thin: Annotated[bool, typer.Option("--thin", help="Write only a theme that says 'extends: NAME'.")] = False,
) -> None:
    """Write an editable copy of a template set (or a thin child that extends it)."""
    from reportgen.templating.catalog import copy_set

    try:
        written = copy_set(name, destination, thin=thin)
    except ReportgenError as error:
        _fail(error)
    print(f"{written}: {'a thin child of' if thin else 'a copy of'} '{name}'; build with --template {written}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("reportgen: interrupted", file=sys.stderr)
        sys.exit(130)
