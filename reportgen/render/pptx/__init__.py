"""The deck renderer: a Document in, .pptx bytes out.

Two steps, as in Pandoc's PowerPoint writer: :mod:`reportgen.slides` turns
the Document into fitted slide plans (plain data) on the geometry of the
master :mod:`master` opened, then :mod:`write` carries the plans out with
python-pptx. :mod:`package` makes the bytes reproducible.
"""

from __future__ import annotations

from reportgen.document.model import Document
from reportgen.locale import locale_for
from reportgen.render.pptx.master import Master, open_master
from reportgen.render.pptx.package import number_parts_in_order, package_bytes, set_core_properties, timestamp
from reportgen.render.pptx.write import write_deck
from reportgen.slides.model import SlidePlan
from reportgen.slides.plan import plan_deck
from reportgen.theme import Theme

__all__ = ["render", "render_pptx", "slide_plans"]


def slide_plans(document: Document, theme: Theme) -> tuple[Master, list[SlidePlan]]:
    """*theme*'s master, opened, and the fitted plans of *document*'s slides on it (the deck's and its pictures')."""
    master = open_master(theme)
    number_parts_in_order(master.prs)
    return master, plan_deck(document, theme, master)


def render_pptx(document: Document, theme: Theme) -> bytes:
    """The deck for *document* in *theme*'s master, as .pptx bytes (identical input, identical bytes)."""
    master, plans = slide_plans(document, theme)
    when = timestamp(document.info)
    write_deck(master, plans, theme, when, locale_for(document.info.language))
    set_core_properties(master.prs, document.info, when)
    return package_bytes(master.prs, when)


render = render_pptx
"""The :class:`reportgen.render.base.Renderer` entry point."""
