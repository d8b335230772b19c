"""Loading templates from a set's folder chain, and never from anywhere else.

A template set travels between people. A file in it that is a symbolic link
to ``/etc/passwd`` would otherwise be read and printed by ``{% include %}``;
so a template is used only if its real path (links resolved) is inside the
real folder of the set it was found in, and only if it is of a sensible size. :mod:`sets` applies :func:`outside_set`
to the other files a set provides (theme, logo, fonts, master).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from reportgen.errors import Location, TemplateError


def outside_set(path: Path, folder: Path) -> Path | None:
    """Where *path* really is, if that is outside *folder* (both with links resolved); else None."""
    real = path.resolve()
    return None if real.is_relative_to(folder.resolve()) else real


MAX_TEMPLATE_BYTES = 1_000_000
"""Templates are compiled in the build's own process (then kept), outside the rendering child's limits:
their size bounds that work."""


class SetLoader(jinja2.FileSystemLoader):
    """Jinja's file loader over a set chain's folders, refusing a template that leads out of its set."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        super().__init__([str(folder) for folder in folders])
        self.folders = folders

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.folders:
            candidate = folder.joinpath(*pieces)
            if candidate.is_file():
                real = outside_set(candidate, folder)
                if real is not None:
                    raise TemplateError(
                        f"the template {candidate} is a link to {real}, outside its set's folder {folder}",
                        location=Location(candidate),
                    )
                size = candidate.stat().st_size
                if size > MAX_TEMPLATE_BYTES:
                    raise TemplateError(
                        f"the template {candidate} is {size / 1e6:.1f} MB; templates may be at most {MAX_TEMPLATE_BYTES / 1e6:g} MB",
                        location=Location(candidate),
                    )
                break
        return super().get_source(environment, template)
