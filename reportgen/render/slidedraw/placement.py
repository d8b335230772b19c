"""Where a placeholder puts text the plan leaves to it (``Para.align`` or ``Frame.anchor`` None).

PowerPoint takes the alignment from the first of the layout placeholder's list
style, the same placeholder on the slide master, and the master's text style
(``p:titleStyle``, ``p:bodyStyle``) that names one; the anchor from the first
``a:bodyPr`` that names one. With none, text is left-aligned and top-anchored.
"""

from __future__ import annotations

from typing import Any, Literal

from lxml import etree

from reportgen.render.pptx import _internals
from reportgen.render.pptx.inherited import family, placeholder_sps
from reportgen.render.pptx.master import Placeholder
from reportgen.render.pptx.xml import qn

Align = Literal["l", "ctr", "r"]
Anchor = Literal["t", "ctr", "b"]
_ALIGN: dict[str, Align] = {"l": "l", "ctr": "ctr", "r": "r", "just": "l", "dist": "l"}
_ANCHOR: dict[str, Anchor] = {"t": "t", "ctr": "ctr", "b": "b", "just": "t", "dist": "t"}


def _chain(slide_layout: Any, placeholder: Placeholder) -> list[etree._Element]:
    """The ``p:sp`` of *placeholder* on its layout and on the master, nearest first."""
    layout = _internals.element(slide_layout)
    master = _internals.element(slide_layout.slide_master)
    own = [sp for kind, idx, sp in placeholder_sps(layout) if kind == placeholder.type and idx == str(placeholder.idx)]
    wanted = family(placeholder.type)
    return own[:1] + [sp for kind, _idx, sp in placeholder_sps(master) if family(kind) == wanted][:1]


def placeholder_align(slide_layout: Any, placeholder: Placeholder | None, level: int = 0) -> Align:
    """``l``, ``ctr`` or ``r``: how *placeholder* aligns a paragraph at *level* that names no alignment."""
    if placeholder is None:
        return "l"
    styles = [sp.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}") for sp in _chain(slide_layout, placeholder)]
    master = _internals.element(slide_layout.slide_master)
    text_style = "p:titleStyle" if family(placeholder.type) == "title" else "p:bodyStyle" if family(placeholder.type) == "body" else "p:otherStyle"
    styles.append(master.find(f"{qn('p:txStyles')}/{qn(text_style)}"))
    for style in styles:
        props = style.find(qn(f"a:lvl{level + 1}pPr")) if style is not None else None
        if props is not None and props.get("algn"):
            return _ALIGN.get(str(props.get("algn")), "l")
    return "l"


def placeholder_anchor(slide_layout: Any, placeholder: Placeholder | None) -> Anchor:
    """``t``, ``ctr`` or ``b``: where *placeholder* anchors text in a frame that names no anchor."""
    if placeholder is None:
        return "t"
    for sp in _chain(slide_layout, placeholder):
        body = sp.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
        if body is not None and body.get("anchor"):
            return _ANCHOR.get(str(body.get("anchor")), "t")
    return "t"
