"""Every use of python-pptx's private internals, each with its reason, in one place.

python-pptx's public API is proxies over lxml elements. The deck writer needs
a few things it does not offer (or offers only at quadratic cost over a large
deck); each is one function here, so that a new python-pptx release that
moves one of them breaks one line, and ``tests/render/test_internals.py``
says which. pyproject.toml pins python-pptx below the next minor release.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.serialized import _ContentTypesItem

TESTED_VERSIONS = ("1.0",)
"""python-pptx releases these functions were checked against (major.minor)."""


def element(proxy: Any) -> etree._Element:
    """The XML element behind a shape, slide, layout, master or notes slide (``_element``): placeholders'
    geometry, alt text and run properties are read or written there, where the API has no property."""
    found: etree._Element = proxy._element
    return found


def slide_id_list(prs: Any) -> etree._Element:
    """The presentation's ``p:sldIdLst``: read once for the next slide id, and appended to directly
    (``Slides.add_slide`` scans every id per slide, n squared over a deck)."""
    found: etree._Element = prs.slides._sldIdLst
    return found


def add_slide_id(id_list: Any, slide_id: int, rel_id: str) -> None:
    """Append a ``p:sldId`` to the list (the generated ``_add_sldId`` child adder)."""
    id_list._add_sldId(id=slide_id, rId=rel_id)


def add_relationship(rels: Any, reltype: str, target: Any) -> str:
    """A new relationship id, without ``relate_to``'s scan of every relationship for an equal one."""
    rel_id: str = rels._add_relationship(reltype, target)
    return rel_id


def text_body(text_frame: Any) -> etree._Element:
    """The ``p:txBody`` of a text frame: every run of the notes gets its fonts set there."""
    found: etree._Element = text_frame._txBody
    return found


def shape_tree(shapes: Any) -> etree._Element:
    """A slide's ``p:spTree``: shapes are written as XML in one pass instead of one proxy at a time."""
    found: etree._Element = shapes._spTree
    return found


def chart_space(chart: Any) -> etree._Element:
    """A chart's ``c:chartSpace``: the text properties of every chart label are set there."""
    found: etree._Element = chart._chartSpace
    return found


def package_rels_xml(package: Any) -> bytes:
    """The package-level ``_rels/.rels`` as python-pptx would save it (the zip is written in one pass)."""
    xml: bytes = package._rels.xml
    return xml


def has_rels(part: Any) -> bool:
    """Whether a part has relationships (a part without them gets no ``.rels`` file)."""
    return bool(part._rels)


def content_types_xml(parts: Any) -> etree._Element:
    """``[Content_Types].xml`` for these parts, as python-pptx would write it."""
    found: etree._Element = _ContentTypesItem.xml_for(parts)
    return found


def set_blob(part: Any, blob: bytes) -> None:
    """Replace the bytes of a part python-pptx keeps as bytes (``Part._blob``): the master's theme part,
    whose font scheme gets the script fonts; python-pptx has no theme API and no blob setter."""
    part._blob = blob
