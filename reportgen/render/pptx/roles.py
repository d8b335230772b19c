"""Which layout of a master each of reportgen's slide roles uses, found the way a person would find it.

In order: the layout the template set names for the role (``deck.layouts``); a layout whose
``type`` (what PowerPoint and LibreOffice record whatever the layout is called: ``title``,
``secHead``, ``obj``, ``twoObj``, ``titleOnly``) is the role's, with the placeholders the role
needs; a layout with one of the role's usual names in English, Japanese, German, French or
Spanish; else the closest usable layout (one with a title, else the first). The last step,
and a set naming a layout the master lacks, come with a warning that says which was chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from reportgen.document.vocab import Layout


class Candidate(Protocol):
    """What is known of a layout here: its name, its recorded type, its title and body placeholders."""

    @property
    def name(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def bodies(self) -> Sequence[object]: ...

    @property
    def has_title(self) -> bool: ...


ROLE_TYPES: dict[str, tuple[str, ...]] = {
    Layout.TITLE: ("title",),
    Layout.SECTION: ("secHead",),
    Layout.BULLETS: ("obj", "tx"),
    Layout.AGENDA: ("obj", "tx"),
    Layout.SUMMARY: ("obj", "tx"),
    Layout.SOURCES: ("obj", "tx"),
    Layout.RECOMMENDATIONS: ("obj", "tx"),
    Layout.TWO_COLUMN: ("twoObj", "twoTxTwoObj"),
    Layout.CHART: ("titleOnly",),
    Layout.TABLE: ("titleOnly",),
    Layout.IMAGE: ("titleOnly",),
    Layout.QUOTE: ("titleOnly",),
    Layout.CLOSING: ("title", "titleOnly"),
}
"""The OOXML layout types (``ST_SlideLayoutType``) that suit each role, best first."""

_NAMES_BY_TYPE: dict[str, tuple[str, ...]] = {
    "title": ("Title Slide", "タイトル スライド", "Titelfolie", "Diapositive de titre", "Diapositiva de título"),
    "secHead": ("Section Header", "セクション見出し", "Abschnittsüberschrift", "En-tête de section", "Encabezado de sección"),
    "obj": ("Title and Content", "タイトルとコンテンツ", "Titel und Inhalt", "Titre et contenu", "Título y objetos"),
    "twoObj": ("Two Content", "2 つのコンテンツ", "Zwei Inhalte", "Deux contenus", "Dos objetos"),
    "titleOnly": ("Title Only", "タイトルのみ", "Nur Titel", "Titre seul", "Solo el título"),
}
"""The names PowerPoint gives its built-in layouts in English, Japanese, German, French and Spanish."""

_OWN_NAMES: dict[str, tuple[str, ...]] = {Layout.RECOMMENDATIONS: ("Recommendations", "Actions", "Next steps")}
"""Roles no OOXML layout type is made for: a master's layout of one of these names is theirs, before the type's."""


def _needed_bodies(role: str) -> int:
    if role == Layout.TWO_COLUMN:
        return 2
    return 1 if ROLE_TYPES[role][0] in ("obj", "tx") else 0


def _folded(name: str) -> str:
    return "".join(name.split()).casefold()


@dataclass(frozen=True)
class Choice:
    """The layout a role uses, and what to tell the user about how it was found (None: nothing)."""

    layout: Candidate
    warning: str | None = None


def choose(role: str, layouts: Sequence[Candidate], mapping: Mapping[str, str], source: str) -> Choice:
    """The layout of *layouts* that slides of *role* use (the steps in the module's docstring)."""
    by_name: Callable[[str], Candidate | None] = lambda name: next((c for c in layouts if _folded(c.name) == _folded(name)), None)  # noqa: E731
    warning = None
    if role in mapping:
        named = by_name(mapping[role])
        if named is not None:
            return Choice(named)
        warning = f"theme.yaml deck.layouts maps '{role}' to '{mapping[role]}', which {source} lacks"
    usable = [c for c in layouts if len(c.bodies) >= _needed_bodies(role) and (c.has_title or role == Layout.TITLE)]
    for name in _OWN_NAMES.get(role, ()):
        own = by_name(name)
        if own is not None and own in usable:
            return Choice(own, _chosen(warning, own))
    for kind in ROLE_TYPES[role]:
        typed = [c for c in usable if c.kind == kind]
        if typed:
            return Choice(typed[0], _chosen(warning, typed[0]))
        for name in _NAMES_BY_TYPE.get(kind, ()):
            named = by_name(name)
            if named is not None and named in usable:
                return Choice(named, _chosen(warning, named))
    closest = usable or [c for c in layouts if c.has_title] or list(layouts)
    fallback = closest[0]
    because = warning or f"{source} has no layout of type {' or '.join(ROLE_TYPES[role])} or of a usual name for the '{role}' slides"
    return Choice(fallback, f"{because}; using its layout '{fallback.name}'")


def _chosen(warning: str | None, layout: Candidate) -> str | None:
    return f"{warning}; using its layout '{layout.name}' instead" if warning else None
