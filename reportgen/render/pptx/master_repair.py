"""Defects a master brings with it that have a known fix, repaired as the cleaned package is written.

A master saved by LibreOffice Impress has no view properties part
(``ppt/viewProps.xml``). The schema lets a presentation go without one, but
PowerPoint offers to repair such a file when it opens it, and openxml-audit
reports it; a minimal part, its relationship and its content type are added.
"""

from __future__ import annotations

import posixpath

from lxml import etree

_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
VIEW_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/viewProps"
VIEW_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml"
VIEW_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    b' xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    b'<p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr>'
    b'<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'
)
"""The smallest view properties PowerPoint accepts: the normal view's pane sizes and the grid, as python-pptx's own template gives them."""


def add_view_props(main: str, rels: etree._Element, types: etree._Element, kept: set[str]) -> dict[str, bytes]:
    """Give the presentation *main*, which has no view properties among the *kept* parts, a minimal one.

    *rels* (the presentation's relationships) and *types* (``[Content_Types].xml``) are changed in place;
    the new part is returned by zip member name.
    """
    name = _free_name(posixpath.join(posixpath.dirname(main), "viewProps.xml"), kept)
    taken = {el.get("Id") for el in rels}
    number = len(taken) + 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(rels, _RELS_NS + "Relationship", Id=f"rId{number}", Type=VIEW_PROPS_REL, Target=posixpath.relpath(name, posixpath.dirname(main)))
    for el in list(types):
        if el.tag == _CT_NS + "Override" and (el.get("PartName") or "").lstrip("/").lower() == name.lower():
            types.remove(el)
    etree.SubElement(types, _CT_NS + "Override", PartName="/" + name, ContentType=VIEW_PROPS_TYPE)
    return {name: VIEW_PROPS}


def _free_name(wanted: str, kept: set[str]) -> str:
    """*wanted*, or *wanted* numbered when a kept part already has that name."""
    name, number = wanted, 1
    while name in kept:
        number += 1
        name = wanted.replace(".xml", f"{number}.xml")
    return name
