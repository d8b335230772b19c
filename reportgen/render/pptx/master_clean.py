"""Take out of one part's XML the elements that use removed relationships, keeping the part valid.

When a master's external links, OLE objects or ActiveX controls are removed,
the shapes, fills and hyperlinks that point at them must go too, or PowerPoint
reports the deck as damaged. Each kind of reference is removed at the level
where the schema allows it: a hyperlink element on its own, a picture's
external link attribute when the picture is also embedded, a shape's picture
fill replaced by no fill, otherwise the whole shape (an OLE object's frame, a
linked picture, a movie). Wrappers left empty (markup-compatibility choices,
the control list) are removed after them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

R_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R_PREFIXES = tuple(f"{{{ns}}}" for ns in R_NAMESPACES)

HYPERLINKS = {_A + "hlinkClick", _A + "hlinkHover", _A + "hlinkMouseOver"}
SHAPES = {_P + tag for tag in ("sndAc", "timing", "pic", "sp", "cxnSp", "graphicFrame", "contentPart", "control")}
"""The elements a reference is removed with when nothing smaller can go alone (nearest first)."""
_STAND_INS = {_A + "blipFill": _A + "noFill", _A + "buBlip": _A + "buNone"}
"""A shape's or background's picture fill, a picture bullet: replaced by what the schema allows in their place."""
OLE_OBJECT = _P + "oleObj"
CONTROL = _P + "control"


@dataclass
class Cleaned:
    changed: bool = False
    loose: set[str] = field(default_factory=set)
    """Relationship ids the removed elements used: dropped unless something left still uses them."""
    ole: set[str] = field(default_factory=set)
    """Relationship ids of the OLE objects removed."""
    controls: set[str] = field(default_factory=set)
    """Relationship ids of the ActiveX controls removed."""


_IN_R = "namespace-uri()='{}' or namespace-uri()='{}'".format(*R_NAMESPACES)
_R_VALUES = etree.XPath(f"descendant-or-self::*/@*[{_IN_R}]")
_USERS = etree.XPath(f"descendant-or-self::*[@*[{_IN_R}]]")
"""Found by XPath, in C: walking every element of a theme in Python costs more than parsing it."""


def references(element: etree._Element) -> set[str]:
    """Every relationship id used in *element*'s subtree (``r:id``, ``r:embed``, ``r:link`` ...)."""
    return {str(value) for value in _R_VALUES(element) if value}


def clean(root: etree._Element, removed: set[str]) -> Cleaned:
    """Remove from *root* every OLE object, every ActiveX control and whatever uses an id in *removed*."""
    out = Cleaned()
    doomed: list[etree._Element] = []
    emptied: list[etree._Element] = []
    for el in root.iter(OLE_OBJECT):
        out.ole |= _own_ids(el)
        doomed.append(_nearest(el, {_P + "graphicFrame"}))
    for el in root.iter(CONTROL):
        out.controls |= _own_ids(el)
        doomed.append(el)
    for el in _USERS(root) if removed else ():
        if el.tag in (OLE_OBJECT, CONTROL):
            continue
        used = [name for name, value in el.attrib.items() if name.startswith(_R_PREFIXES) and value in removed]
        if not used:
            continue
        if el.tag in HYPERLINKS:
            doomed.append(el)
        elif el.tag == _A + "blip":
            embedded = next((v for k, v in el.attrib.items() if k.endswith("}embed") and k.startswith(_R_PREFIXES)), None)
            if embedded and embedded not in removed:
                for name in used:
                    del el.attrib[name]
                out.changed = True
            elif el.getparent() is not None and el.getparent().tag in _STAND_INS:
                emptied.append(el.getparent())
            else:
                doomed.append(_nearest(el, SHAPES))
        else:
            doomed.append(_nearest(el, SHAPES))
    for fill in emptied:
        if fill.getparent() is not None:
            out.loose |= references(fill)
            fill.getparent().replace(fill, etree.Element(_STAND_INS[fill.tag]))
            out.changed = True
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        out.loose |= references(el)
        parent.remove(el)
        _tidy(parent)
        out.changed = True
    if out.changed:
        out.loose -= references(root)
    return out


def _own_ids(el: etree._Element) -> set[str]:
    return {value for name, value in el.attrib.items() if name.startswith(_R_PREFIXES) and value}


def _nearest(el: etree._Element, tags: set[str]) -> etree._Element:
    """The nearest ancestor of *el* with one of *tags*, else *el* itself."""
    return next((ancestor for ancestor in el.iterancestors() if ancestor.tag in tags), el)


def _tidy(el: etree._Element | None) -> None:
    """Remove the wrappers a removal left empty, from *el* upwards."""
    while el is not None:
        parent = el.getparent()
        if el.tag == _MC + "AlternateContent":
            _settle(el)
        elif el.tag in (_MC + "Choice", _MC + "Fallback", _P + "controls") and len(el) == 0 and parent is not None:
            parent.remove(el)
        else:
            return
        el = parent


def _settle(alternate: etree._Element) -> None:
    """An AlternateContent needs a choice: drop empty ones; with none left, put the fallback in its place."""
    for choice in [c for c in alternate if c.tag == _MC + "Choice" and len(c) == 0]:
        alternate.remove(choice)
    if any(c.tag == _MC + "Choice" for c in alternate):
        return
    parent = alternate.getparent()
    if parent is None:
        return
    fallback = next((c for c in alternate if c.tag == _MC + "Fallback"), None)
    index = parent.index(alternate)
    parent.remove(alternate)
    for offset, child in enumerate(list(fallback) if fallback is not None else []):
        parent.insert(index + offset, child)
