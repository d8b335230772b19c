"""What a placeholder's text looks like when its runs name nothing: the size, weight and face it inherits.

PowerPoint resolves a run's properties through the placeholder's own list style
on the layout, then the same placeholder on the slide master, then the master's
text styles (``p:titleStyle`` for titles, ``p:bodyStyle`` for bodies and
subtitles, ``p:otherStyle`` for everything else). On a corporate master the deck
writes no size, face or colour of its own where the inherited one serves, so the
fitter must measure the inherited ones: this module reads them, level by level.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from reportgen.render.pptx.drawing_colour import first_colour, resolve
from reportgen.render.pptx.master_theme import MasterTheme
from reportgen.render.pptx.xml import qn

LEVELS = 3
"""Levels read (reportgen writes points at most three deep)."""


@dataclass(frozen=True)
class TextLook:
    """The inherited look of one placeholder's text: size in points per level, bold, and the Latin face."""

    sizes: tuple[float, ...] = (18.0,) * LEVELS
    bold: bool = False
    face: str = ""
    colour: str = ""
    """The first level's text colour (hex, no ``#``; "": the master's ``tx1``)."""


def _style_for(ph_type: str) -> str:
    if ph_type in ("title", "ctrTitle"):
        return "p:titleStyle"
    if ph_type in ("body", "subTitle", "obj"):
        return "p:bodyStyle"
    return "p:otherStyle"


def _level_props(list_style: etree._Element | None, level: int) -> etree._Element | None:
    if list_style is None:
        return None
    props = list_style.find(f"{qn(f'a:lvl{level}pPr')}/{qn('a:defRPr')}")
    return props


def look(ph_type: str, layout_sp: etree._Element | None, master_sp: etree._Element | None, master: etree._Element, theme: MasterTheme) -> TextLook:
    """The look a placeholder of *ph_type* inherits (*layout_sp*, *master_sp*: its ``p:sp`` on the layout and master)."""
    styles = [sp.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}") for sp in (layout_sp, master_sp) if sp is not None]
    text_styles = master.find(f"{qn('p:txStyles')}/{qn(_style_for(ph_type))}")
    styles.append(text_styles)
    sizes: list[float] = []
    bold: bool | None = None
    face = ""
    colour = ""
    for level in range(1, LEVELS + 1):
        size: float | None = None
        for style in styles:
            props = _level_props(style, level)
            if props is None:
                continue
            if size is None and props.get("sz"):
                size = int(props.get("sz")) / 100
            if level == 1 and bold is None and props.get("b") is not None:
                bold = props.get("b") in ("1", "true")
            latin = props.find(qn("a:latin"))
            if level == 1 and not face and latin is not None and latin.get("typeface"):
                face = theme.face(str(latin.get("typeface")))
            found = first_colour(props.find(qn("a:solidFill")))
            if level == 1 and not colour and found is not None:
                colour = resolve(found, theme)
        sizes.append(size if size is not None else (sizes[-1] if sizes else 18.0))
    if not face:
        face = (theme.major if ph_type in ("title", "ctrTitle") else theme.minor).latin
    return TextLook(tuple(sizes), bool(bold), face, colour)


def other_look(master: etree._Element, theme: MasterTheme) -> TextLook:
    """What a text box on this master inherits (``p:otherStyle``)."""
    return look("other", None, None, master, theme)


def placeholder_sps(part: etree._Element) -> list[tuple[str, str, etree._Element]]:
    """The placeholder shapes of a layout or master part: (type, idx, shape)."""
    found = []
    for sp in part.iterfind(f"{qn('p:cSld')}/{qn('p:spTree')}/{qn('p:sp')}"):
        ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is not None:
            found.append((str(ph.get("type", "obj")), str(ph.get("idx", "0")), sp))
    return found


def family(ph_type: str) -> str:
    """The text style a placeholder type draws from: title, body, or its own (date, footer, slide number)."""
    return "title" if ph_type in ("title", "ctrTitle") else ph_type if ph_type in ("dt", "ftr", "sldNum") else "body"


def placeholder_looks(layout: etree._Element, master: etree._Element, theme: MasterTheme) -> dict[tuple[str, str], TextLook]:
    """Each placeholder of *layout*, keyed by (type, idx), with the look its text inherits."""
    on_master = {family(kind): sp for kind, _idx, sp in placeholder_sps(master)}
    return {(kind, idx): look(kind, sp, on_master.get(family(kind)), master, theme) for kind, idx, sp in placeholder_sps(layout)}
