"""Shapes as PresentationML elements: placeholders, text boxes, rectangles and tables.

python-pptx builds these through generic proxies that search the tree on every
step; a deck has hundreds of them, so the writer builds the few kinds it needs
directly. The XML is what python-pptx itself would write (it reads it back in
the tests). Charts and pictures still go through python-pptx, which owns their parts.
"""

from __future__ import annotations

from lxml import etree

from reportgen.render.pptx.figure_colours import Paint
from reportgen.render.pptx.xml import qn
from reportgen.slides.units import Box

TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"
"""PowerPoint's built-in "No Style, No Grid" table style: every fill and line is ours."""


class ShapeTree:
    """A slide's ``p:spTree`` with the next free shape id."""

    def __init__(self, sp_tree) -> None:
        self.tree = sp_tree

    def next_id(self) -> int:
        ids = [int(el.get("id")) for el in self.tree.iter(qn("p:cNvPr")) if el.get("id", "").isdigit()]
        return max(ids, default=1) + 1

    def _nv(self, parent, tag: str, name: str, descr: str | None = None):
        nv = etree.SubElement(parent, qn(tag))
        c_nv_pr = etree.SubElement(nv, qn("p:cNvPr"), id=str(self.next_id()), name=name)
        if descr is not None:
            c_nv_pr.set("descr", descr)
        return nv

    def placeholder(self, ph_attrs: dict[str, str], name: str):
        """A placeholder that inherits everything (position included) from the layout's one."""
        sp = etree.SubElement(self.tree, qn("p:sp"))
        nv = self._nv(sp, "p:nvSpPr", name)
        etree.SubElement(etree.SubElement(nv, qn("p:cNvSpPr")), qn("a:spLocks"), noGrp="1")
        etree.SubElement(etree.SubElement(nv, qn("p:nvPr")), qn("p:ph"), ph_attrs)
        etree.SubElement(sp, qn("p:spPr"))
        _empty_text(sp)
        return sp

    def textbox(self, box: Box, name: str):
        sp = etree.SubElement(self.tree, qn("p:sp"))
        nv = self._nv(sp, "p:nvSpPr", name)
        etree.SubElement(nv, qn("p:cNvSpPr"), txBox="1")
        etree.SubElement(nv, qn("p:nvPr"))
        sp_pr = etree.SubElement(sp, qn("p:spPr"))
        set_xfrm(sp_pr, box)
        etree.SubElement(etree.SubElement(sp_pr, qn("a:prstGeom"), prst="rect"), qn("a:avLst"))
        etree.SubElement(sp_pr, qn("a:noFill"))
        _empty_text(sp)
        return sp

    def rectangle(self, box: Box, colour: str, name: str):
        sp = etree.SubElement(self.tree, qn("p:sp"))
        nv = self._nv(sp, "p:nvSpPr", name)
        etree.SubElement(nv, qn("p:cNvSpPr"))
        etree.SubElement(nv, qn("p:nvPr"))
        sp_pr = etree.SubElement(sp, qn("p:spPr"))
        set_xfrm(sp_pr, box)
        etree.SubElement(etree.SubElement(sp_pr, qn("a:prstGeom"), prst="rect"), qn("a:avLst"))
        etree.SubElement(etree.SubElement(sp_pr, qn("a:solidFill")), qn("a:srgbClr"), val=colour)
        etree.SubElement(etree.SubElement(sp_pr, qn("a:ln")), qn("a:noFill"))
        return sp

    def table(self, box: Box, columns, row_heights, name: str, descr: str):
        """A table frame with its grid and empty rows; returns (graphicFrame, [tr...])."""
        frame = etree.SubElement(self.tree, qn("p:graphicFrame"))
        nv = self._nv(frame, "p:nvGraphicFramePr", name, descr)
        etree.SubElement(etree.SubElement(nv, qn("p:cNvGraphicFramePr")), qn("a:graphicFrameLocks"), noGrp="1")
        etree.SubElement(nv, qn("p:nvPr"))
        xfrm = etree.SubElement(frame, qn("p:xfrm"))
        etree.SubElement(xfrm, qn("a:off"), x=str(int(box.x)), y=str(int(box.y)))
        etree.SubElement(xfrm, qn("a:ext"), cx=str(int(sum(columns))), cy=str(int(sum(row_heights))))
        data = etree.SubElement(etree.SubElement(frame, qn("a:graphic")), qn("a:graphicData"), uri=TABLE_URI)
        tbl = etree.SubElement(data, qn("a:tbl"))
        tbl_pr = etree.SubElement(tbl, qn("a:tblPr"), firstRow="1", bandRow="0")
        etree.SubElement(tbl_pr, qn("a:tableStyleId")).text = NO_STYLE_TABLE
        grid = etree.SubElement(tbl, qn("a:tblGrid"))
        for width in columns:
            etree.SubElement(grid, qn("a:gridCol"), w=str(int(width)))
        rows = [etree.SubElement(tbl, qn("a:tr"), h=str(int(h))) for h in row_heights]
        return frame, rows


def _empty_text(sp) -> None:
    body = etree.SubElement(sp, qn("p:txBody"))
    etree.SubElement(body, qn("a:bodyPr"))
    etree.SubElement(body, qn("a:lstStyle"))
    etree.SubElement(body, qn("a:p"))


def set_xfrm(sp_pr, box: Box) -> None:
    """Give a shape its own position and size (first child of ``spPr``)."""
    xfrm = sp_pr.find(qn("a:xfrm"))
    if xfrm is None:
        xfrm = etree.Element(qn("a:xfrm"))
        sp_pr.insert(0, xfrm)
    for child in list(xfrm):
        xfrm.remove(child)
    etree.SubElement(xfrm, qn("a:off"), x=str(int(box.x)), y=str(int(box.y)))
    etree.SubElement(xfrm, qn("a:ext"), cx=str(int(box.w)), cy=str(int(box.h)))


def table_cell(tr, margins: tuple[int, int, int], fill: Paint, rule: Paint):
    """An empty cell (``a:tc``) with explicit margins (sides, top, bottom), thin horizontal rules and a fill;
    returns its txBody."""
    tc = etree.SubElement(tr, qn("a:tc"))
    body = etree.SubElement(tc, qn("a:txBody"))
    etree.SubElement(body, qn("a:bodyPr"))
    etree.SubElement(body, qn("a:lstStyle"))
    x, top, bottom = (str(int(m)) for m in margins)
    tc_pr = etree.SubElement(tc, qn("a:tcPr"), marL=x, marR=x, marT=top, marB=bottom, anchor="t")
    for tag, show in (("a:lnL", False), ("a:lnR", False), ("a:lnT", True), ("a:lnB", True)):
        ln = etree.SubElement(tc_pr, qn(tag), w="9525" if show else "0")
        if show:
            etree.SubElement(ln, qn("a:solidFill")).append(rule.element())
        else:
            etree.SubElement(ln, qn("a:noFill"))
    etree.SubElement(tc_pr, qn("a:solidFill")).append(fill.element())
    return body
