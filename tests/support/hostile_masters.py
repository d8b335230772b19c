"""Hostile reference decks, built from python-pptx's default template by editing its zip.

Shared by tests/render/pptx/test_master_safety.py and the bad-input corpus (tests/support/bad_inputs.py).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from pptx import Presentation

RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LAYOUT = "ppt/slideLayouts/slideLayout1.xml"
LAYOUT_RELS = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
PRESENTATION_RELS = "ppt/_rels/presentation.xml.rels"
TYPES = "[Content_Types].xml"
SHARE_PICTURE = "file://///fileserver/brand/logo.png"
MACRO_CT = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"

Edit = Callable[[dict[str, bytes]], None]


def default_master() -> dict[str, bytes]:
    """python-pptx's default template with one sample slide, as zip members."""
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[1]).shapes.title.text = "SAMPLE SLIDE"
    out = io.BytesIO()
    prs.save(out)
    with zipfile.ZipFile(out) as z:
        return {name: z.read(name) for name in z.namelist()}


def write_master(path: Path, *edits: Edit) -> Path:
    members = default_master()
    for edit in edits:
        edit(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _insert(members: dict[str, bytes], name: str, before: bytes, text: str) -> None:
    assert before in members[name], (name, before)
    members[name] = members[name].replace(before, text.encode() + before, 1)


def add_rel(members: dict[str, bytes], rels: str, rid: str, kind: str, target: str, external: bool = False) -> None:
    mode = ' TargetMode="External"' if external else ""
    _insert(members, rels, b"</Relationships>", f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>')


def add_override(members: dict[str, bytes], part: str, content_type: str) -> None:
    _insert(members, TYPES, b"</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/>')


def add_shape(members: dict[str, bytes], xml: str, part: str = LAYOUT) -> None:
    _insert(members, part, b"</p:spTree>", xml)


def linked_picture(members: dict[str, bytes]) -> None:
    """A picture on the title layout that PowerPoint fetches from a file share."""
    add_rel(members, LAYOUT_RELS, "rId90", f"{RELS}/image", SHARE_PICTURE, external=True)
    add_shape(
        members,
        '<p:pic><p:nvPicPr><p:cNvPr id="90" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        '<p:blipFill><a:blip r:link="rId90"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>',
    )


def macros(members: dict[str, bytes]) -> None:
    """A VBA project, related from the presentation, and the macro-enabled content type."""
    members["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name = \"Module1\"" * 10
    add_rel(members, PRESENTATION_RELS, "rId90", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin")
    add_override(members, "ppt/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    members[TYPES] = members[TYPES].replace(
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", MACRO_CT.encode()
    )


def ole_object(members: dict[str, bytes]) -> None:
    """An embedded OLE object (with its preview picture) on the title layout, as PowerPoint writes it."""
    members["ppt/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    members["ppt/media/ole-preview.png"] = _png()
    add_rel(members, LAYOUT_RELS, "rId91", f"{RELS}/oleObject", "../embeddings/oleObject1.bin")
    add_rel(members, LAYOUT_RELS, "rId92", f"{RELS}/image", "../media/ole-preview.png")
    add_override(members, "ppt/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject")
    _insert(members, TYPES, b"<Override", '<Default Extension="png" ContentType="image/png"/>')
    frame = (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Object"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
        '<p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">{ole}</a:graphicData></a:graphic></p:graphicFrame>'
    )
    choice = frame.format(id=91, ole='<p:oleObj spid="_x0000_s1025" name="Worksheet" r:id="rId91" imgW="100" imgH="100" progId="Excel.Sheet.12"><p:embed/></p:oleObj>')
    fallback = frame.format(
        id=91,
        ole='<p:oleObj name="Worksheet" r:id="rId91" imgW="100" imgH="100" progId="Excel.Sheet.12"><p:embed/><p:pic><p:nvPicPr><p:cNvPr id="0" name=""/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        '<p:blipFill><a:blip r:embed="rId92"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic></p:oleObj>',
    )
    add_shape(
        members,
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice xmlns:v="urn:schemas-microsoft-com:vml" Requires="v">{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>',
    )


def activex_control(members: dict[str, bytes]) -> None:
    """An ActiveX button on the slide master."""
    members["ppt/activeX/activeX1.xml"] = b'<?xml version="1.0"?><ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{D7053240-CE69-11CD-A777-00DD01143C57}"/>'
    add_rel(members, MASTER_RELS, "rId93", f"{RELS}/control", "../activeX/activeX1.xml")
    add_override(members, "ppt/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml")
    _insert(members, MASTER, b"</p:cSld>", '<p:controls><p:control spid="_x0000_s1026" name="CommandButton1" r:id="rId93" imgW="100" imgH="100"/></p:controls>')


def hostile(members: dict[str, bytes]) -> None:
    """Every kind of dangerous content at once."""
    for edit in (linked_picture, macros, ole_object, activex_control):
        edit(members)


def too_many_parts(members: dict[str, bytes]) -> None:
    for i in range(5_001):
        members[f"ppt/junk/part{i}.xml"] = b"<x/>"


def without(name: str) -> Edit:
    def edit(members: dict[str, bytes]) -> None:
        del members[name]

    return edit


def replaced(name: str, pattern: bytes, new: bytes) -> Edit:
    def edit(members: dict[str, bytes]) -> None:
        members[name], count = re.subn(pattern, new, members[name], count=1)
        assert count, (name, pattern)

    return edit


dangling_relationship = replaced(MASTER_RELS, rb'<Relationship Id="rId1" [^>]*/>', b"")
"""The master's first layout relationship is gone, its layout list still names rId1."""
missing_layout = without(LAYOUT)
no_slide_master = replaced("ppt/presentation.xml", rb"<p:sldMasterIdLst>.*?</p:sldMasterIdLst>", b"")
no_layouts = replaced(MASTER, rb"<p:sldLayoutIdLst>.*?</p:sldLayoutIdLst>", b"")
no_presentation = replaced("_rels/.rels", rb'<Relationship [^>]*officeDocument"[^>]*/>', b"")
broken_xml = replaced(MASTER, rb"</p:sldMaster>", b"</p:sldMastr>")


def bomb(path: Path, size: int = 1 << 30) -> Path:
    """The default master with a picture on its first layout that unpacks to *size* zeros (1 GiB: a 1 MB file).

    Written in chunks, so building it takes a second and little memory.
    """
    members = default_master()
    add_rel(members, LAYOUT_RELS, "rId90", f"{RELS}/image", "../media/image90.png")
    _insert(members, TYPES, b"<Override", '<Default Extension="png" ContentType="image/png"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in members.items():
            z.writestr(name, data)
        zeros = bytes(1 << 20)
        with z.open("ppt/media/image90.png", "w") as part:
            for _ in range(size // len(zeros)):
                part.write(zeros)
    return path


def lying_bomb(path: Path, real: int = 200 << 20, declared: int = 1000) -> Path:
    """A bomb whose zip entries (local header and directory) declare *declared* bytes for *real* ones."""
    bomb(path, real)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("ppt/media/image90.png")
    assert data[info.header_offset : info.header_offset + 4] == b"PK\x03\x04"
    struct.pack_into("<L", data, info.header_offset + 22, declared)
    name = info.filename.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0 and data[at + 46 : at + 46 + len(name)] != name:
        at = data.find(b"PK\x01\x02", at + 4)
    assert at >= 0
    struct.pack_into("<L", data, at + 24, declared)
    path.write_bytes(bytes(data))
    return path


def password_protected(path: Path) -> Path:
    """What PowerPoint writes for a deck with a password: an OLE compound file, not a zip."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return path


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 0, 0)).save(out, "PNG")
    return out.getvalue()
