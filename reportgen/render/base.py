"""The formats a pack can hold, and the protocol every renderer follows.

A format is declared once, as a :class:`Format`: its name on the command line,
the file it writes, the template that writes its Markdown, the image types it
can place, and where its renderer lives. The pipeline loops over the registry
and names no format; a renderer's module is imported only when its format is
built (a brief alone never imports python-pptx).

Built-in formats are registered below; another package registers one through
the entry-point group ``reportgen.formats`` (each entry point names a
:class:`Format`), or a program calls :func:`register`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reportgen.errors import FieldText, ReportgenError

if TYPE_CHECKING:
    from reportgen.document.model import Document
    from reportgen.theme import Theme

ENTRY_POINT_GROUP = "reportgen.formats"


class Renderer(Protocol):
    """What a format's renderer module (or object) provides."""

    def render(self, document: Document, theme: Theme) -> bytes:
        """The output file's bytes; identical input gives identical bytes."""
        ...


@dataclass(frozen=True)
class Facts:
    """One file of a pack: how many of what it holds, and (for a talk) how long it runs."""

    count: int
    unit: str
    """``pages`` or ``slides``."""
    minutes: float | None = None
    """The talk's length, where the file is a talk's (None: not a talk, or not known)."""
    paced: str = ""
    """How the length was found when the outline gives none: ``at 130 words a minute``."""


class Describer(Protocol):
    """Optional: what the file holds, in the renderer's own words (otherwise its pages or slides are counted)."""

    def describe(self, document: Document, theme: Theme, data: bytes) -> Facts: ...


class TextChecker(Protocol):
    """Optional: warn about text the format cannot carry, before anything is rendered."""

    def check_texts(self, texts: Iterable[FieldText], theme: Theme, source: Path | None) -> None: ...


@dataclass(frozen=True)
class Format:
    """One output format of a pack."""

    name: str
    """As ``--format`` names it: ``pdf``."""
    output: str
    """The file it writes in the pack's folder: ``brief.pdf``."""
    template: str
    """The template (in the set) that writes its Markdown: ``brief.md.j2``."""
    description: str
    image_types: frozenset[str] = field(default_factory=frozenset)
    """Image file types (lower-case suffixes) it can place."""
    load: Callable[[], Renderer] = field(default=lambda: _missing(), compare=False, repr=False)
    """Returns the renderer, importing it on first use."""
    default: bool = True
    """Built when ``--format`` is not given."""


def module(path: str) -> Callable[[], Renderer]:
    """A loader that imports the renderer module *path* when the format is first built."""

    def load() -> Renderer:
        loaded: Renderer = importlib.import_module(path)  # a module with render()
        return loaded

    return load


def _missing() -> Renderer:
    raise ReportgenError("this format has no renderer")


_registry: dict[str, Format] = {}
_plugins_loaded = False
_plugin_names: set[str] = set()


def register(fmt: Format) -> Format:
    """Add *fmt* to the registry (a later registration of the same name replaces the earlier one)."""
    _registry[fmt.name] = fmt
    return fmt


def unregister(name: str) -> None:
    _registry.pop(name, None)


def formats(*, plugins: bool = True) -> dict[str, Format]:
    """Every registered format by name, built-in ones first, in the order a pack lists them.

    With ``plugins=False``, only those registered in this process (the built-in ones and any a
    caller registered), without looking for installed plug-ins: that look-up reads every installed
    package's metadata, about 40 ms, so a build pays for it only when it names a format it lacks.
    """
    if plugins:
        _load_plugins()
    return dict(_registry)


def default_formats() -> tuple[str, ...]:
    """The formats a pack holds unless asked otherwise (a plug-in's format is built when it is named)."""
    return tuple(name for name, fmt in formats(plugins=False).items() if fmt.default and name not in _plugin_names)


def get(name: str) -> Format:
    known = formats(plugins=False)
    return known[name] if name in known else formats()[name]


def parse_formats(wanted: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"pdf,pptx"`` (or a list; None: the default formats) -> known format names, in the order given, each once."""
    if wanted is None:
        return default_formats()
    names = [f.strip().lower() for f in (wanted.split(",") if isinstance(wanted, str) else wanted) if f.strip()]
    known = formats(plugins=False)
    if any(name not in known for name in names):
        known = formats()
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise ReportgenError(f"unknown format '{','.join(unknown) or wanted}'", hint=f"use one or more of: {', '.join(known)}")
    return tuple(dict.fromkeys(names))


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    from importlib.metadata import entry_points

    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            found = entry.load()
        except Exception as error:  # noqa: BLE001 - a broken plug-in must not stop the built-in formats
            raise ReportgenError(f"the format plug-in '{entry.name}' cannot be loaded: {type(error).__name__}: {error}") from None
        if not isinstance(found, Format):
            raise ReportgenError(f"the format plug-in '{entry.name}' does not name a reportgen Format")
        if found.name not in _registry:
            _plugin_names.add(found.name)  # a plug-in replacing a built-in format keeps its place in the defaults
        register(found)


register(
    Format(
        "pdf",
        "brief.pdf",
        "brief.md.j2",
        "the print-ready brief (reportlab)",
        frozenset({".png", ".jpg", ".jpeg", ".gif"}),
        module("reportgen.render.pdf"),
    )
)
register(
    Format(
        "pptx",
        "deck.pptx",
        "deck.md.j2",
        "the presentation deck (python-pptx)",
        frozenset({".png", ".jpg", ".jpeg", ".gif"}),
        module("reportgen.render.pptx"),
    )
)
register(
    Format(
        "notes",
        "notes.pdf",
        "deck.md.j2",
        "the presenter's notes pages (reportlab)",
        frozenset({".png", ".jpg", ".jpeg", ".gif"}),
        module("reportgen.render.notes"),
    )
)
register(
    Format(
        "handout",
        "handout.pdf",
        "deck.md.j2",
        "the audience handout (reportlab)",
        frozenset({".png", ".jpg", ".jpeg", ".gif"}),
        module("reportgen.render.handout"),
    )
)
