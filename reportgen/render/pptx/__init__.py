"""The deck renderer: a Document in, .pptx bytes out.

Two steps, as in Pandoc's PowerPoint writer: :mod:`reportgen.slides` turns
the Document into fitted slide plans (plain data) on the geometry of the
master :mod:`master` opened, then :mod:`write` carries the plans out with
python-pptx. :mod:`package` makes the bytes reproducible.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.document.model import Document
from reportgen.locale import locale_for
from reportgen.render.base import Facts
from reportgen.render.pptx.master import Master, open_master
from reportgen.render.pptx.package import number_parts_in_order, package_bytes, set_core_properties, timestamp
from reportgen.render.pptx.write import write_deck
from reportgen.slides.model import SlidePlan
from reportgen.slides.plan import plan_deck
from reportgen.theme import Theme

__all__ = ["describe", "render", "render_pptx", "slide_plans"]


_last: tuple[tuple[object, ...], list[SlidePlan]] | None = None
"""The last plans made in this process and what they were made from: the deck, its notes pages and its handout
plan the same slides, and one plan serves all three (and the build's warnings are said once)."""


def slide_plans(document: Document, theme: Theme) -> tuple[Master, list[SlidePlan]]:
    """*theme*'s master, opened afresh, and the fitted plans of *document*'s slides on it (the deck's and its pictures')."""
    global _last
    master = open_master(theme)
    number_parts_in_order(master.prs)
    plans = _remembered(document, theme)
    if plans is None:
        plans = plan_deck(document, theme, master)
        _last = (_key(document, theme), plans)
    return master, plans


def _key(document: Document, theme: Theme) -> tuple[object, ...]:
    return document, theme, [_stamp(path) for path in (theme.reference_pptx, theme.logo_path) if path is not None]


def _remembered(document: Document, theme: Theme) -> list[SlidePlan] | None:
    """The last plans, if they were made from these inputs (the same objects, mostly: compared by identity first)."""
    if _last is None:
        return None
    key = _key(document, theme)
    return _last[1] if all(a is b or a == b for a, b in zip(_last[0], key, strict=True)) else None


def _stamp(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return str(path), info.st_size, info.st_mtime_ns


def describe(document: Document, theme: Theme, data: bytes) -> Facts:
    """The deck's slides and the talk's length (paced by the speaking rate when the outline gives no duration)."""
    plans = _remembered(document, theme) or slide_plans(document, theme)[1]
    paced = "" if document.info.duration is not None else f"at {theme.deck.timing.words_per_minute:g} words a minute"
    return Facts(len(plans), "slides", sum(plan.seconds for plan in plans) / 60, paced)


def render_pptx(document: Document, theme: Theme) -> bytes:
    """The deck for *document* in *theme*'s master, as .pptx bytes (identical input, identical bytes)."""
    master, plans = slide_plans(document, theme)
    when = timestamp(document.info)
    write_deck(master, plans, theme, when, locale_for(document.info.language))
    set_core_properties(master.prs, document.info, when)
    return package_bytes(master.prs, when)


render = render_pptx
"""The :class:`reportgen.render.base.Renderer` entry point."""
