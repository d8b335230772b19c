"""Where in the templates a piece of generated Markdown came from.

The reader sees only the Markdown a template wrote; a mistake in it is the
template's, so its message should name the template's file and line. The
pipeline passes the set's folders (searched in order, like the template
loader); the offending token is looked for literally in the format's own
template first, then in every other template of the set. When no template
holds it (the token was assembled from variables), the message names the
generated Markdown's line instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from reportgen.errors import Location

TEMPLATE_SUFFIX = ".j2"


@dataclass(frozen=True)
class Origin:
    """The template *name* (``deck.md.j2``) that wrote a Markdown text, and the set's *folders*."""

    name: str = ""
    folders: Sequence[Path] = field(default=())

    @cached_property
    def files(self) -> tuple[Path, ...]:
        """The set's templates, the format's own (nearest set first) before the others."""
        own = [folder / self.name for folder in self.folders if self.name and (folder / self.name).is_file()]
        others = [
            path
            for folder in self.folders
            if folder.is_dir()
            for path in sorted(folder.rglob(f"*{TEMPLATE_SUFFIX}"))
            if path.is_file() and path not in own
        ]
        return tuple(own + others)

    def locate(self, pattern: re.Pattern[str] | None, markdown_line: int | None) -> tuple[Location | None, str]:
        """(the template location of the first match of *pattern*, ``""``), or, failing that,
        (None, the words naming *markdown_line* of the generated Markdown)."""
        if pattern is not None:
            for path in self.files:
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                match = pattern.search(text)
                if match:
                    line = text.count("\n", 0, match.start()) + 1
                    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                    return Location(path, line, column), ""
        where = f"line {markdown_line} of the Markdown the template wrote: " if markdown_line else ""
        return None, where
