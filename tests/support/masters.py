"""Organisations' masters, as the tests meet them, built from python-pptx's default template (no binary fixtures).

Each function writes one .pptx into *path* and returns it: localised layout names (Japanese, German), four slide
masters as LibreOffice saves them (and without ``ppt/viewProps.xml``, as LibreOffice saves), a dark master, a
master with a photographic background, a 4:3 master in Caladea and Carlito; all but the last are 16:9. The edits are made on the zip's
members with lxml, so what each master changes is plain to read.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from pptx import Presentation

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "[Content_Types].xml"
PRESENTATION = "ppt/presentation.xml"
PRESENTATION_RELS = "ppt/_rels/presentation.xml.rels"
MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
THEME = "ppt/theme/theme1.xml"
LAYOUT_COUNT = 11
"""python-pptx's default master has 11 layouts, slideLayout1..11 in this order of types."""
LAYOUT_TYPES = ("title", "obj", "secHead", "twoObj", "twoTxTwoObj", "titleOnly", "blank", "objTx", "picTx", "vertTx", "vertTitleAndTx")

JAPANESE = ("タイトル スライド", "タイトルとコンテンツ", "セクション見出し", "2 つのコンテンツ", "比較", "タイトルのみ", "白紙",
            "タイトル付きのコンテンツ", "タイトル付きの図", "タイトルと縦書きテキスト", "縦書きタイトルと縦書きテキスト")
"""The names PowerPoint's Japanese edition gives the default layouts, in python-pptx's order."""
GERMAN = ("Titelfolie", "Titel und Inhalt", "Abschnittsüberschrift", "Zwei Inhalte", "Vergleich", "Nur Titel", "Leer",
          "Inhalt mit Überschrift", "Bild mit Überschrift", "Titel und vertikaler Text", "Vertikaler Titel und Text")
LIBREOFFICE = ("Title Slide", "Title, Content", "Title, Content and 2 Content", "Title, 2 Content", "Title, 2 Content and Content",
               "Title Only", "Blank", "Title, Content over Content", "Title, 2 Content over Content", "Title, Vertical Text",
               "Vertical Title, Vertical Text")
"""Layout names as LibreOffice Impress writes them into a .pptx."""
SEVERAL = ("Default", "Ocean", "Forest", "Sunset")
"""The four masters of :func:`several_masters`, in order; each has its own accent1 (:data:`SEVERAL_ACCENTS`)."""
SEVERAL_ACCENTS = ("1F4E79", "00838F", "2E7D32", "E65100")
DARK_BACKGROUND = "1E1E2E"
DARK_SCHEME = {"dk1": "111111", "lt1": "F5F5F5", "dk2": "1E1E2E", "lt2": "D8DEE9",
               "accent1": "89B4FA", "accent2": "F38BA8", "accent3": "A6E3A1", "accent4": "F9E2AF", "accent5": "CBA6F7", "accent6": "94E2D5"}
CARLITO_SCHEME = {"accent1": "005F73", "accent2": "AE2012", "accent3": "EE9B00", "accent4": "0A9396", "accent5": "9B2226", "accent6": "CA6702"}
FOUR_THREE = (9144000, 6858000)
WIDE = (12192000, 6858000)
"""16:9, as today's masters are; every master here but :func:`four_three_carlito` is made wide."""

Members = dict[str, bytes]


def japanese_names(path: Path) -> Path:
    """Every layout under its Japanese name; the layout types are kept."""
    return _write(path, _renamed(JAPANESE))


def german_names(path: Path) -> Path:
    """Every layout under its German name; the layout types are kept."""
    return _write(path, _renamed(GERMAN))


def several_masters(path: Path) -> Path:
    """Four named slide masters, each with its own theme and its own 11 layouts (LibreOffice's names), no viewProps."""
    def edit(members: Members) -> None:
        _renamed(LIBREOFFICE)(members)
        for number in range(2, len(SEVERAL) + 1):
            _copy_master(members, number)
        for number, (name, accent) in enumerate(zip(SEVERAL, SEVERAL_ACCENTS, strict=True), start=1):
            _edit_xml(members, f"ppt/slideMasters/slideMaster{number}.xml", lambda root, name=name: root.find(f"{{{P}}}cSld").set("name", name))
            _edit_xml(members, f"ppt/theme/theme{number}.xml", _scheme({"accent1": accent}, name=f"{name} Theme"))
        _drop_view_props(members)

    return _write(path, edit)


def dark(path: Path) -> Path:
    """A dark solid background, a colour map that makes text light (bg1=dk1, tx1=lt1), a theme of its own colours."""
    def edit(members: Members) -> None:
        _set_background(members, f'<p:bgPr><a:solidFill><a:srgbClr val="{DARK_BACKGROUND}"/></a:solidFill><a:effectLst/></p:bgPr>')
        _edit_xml(members, MASTER, _colour_map(bg1="dk1", tx1="lt1", bg2="dk2", tx2="lt2"))
        _edit_xml(members, THEME, _scheme(DARK_SCHEME, name="Dark"))

    return _write(path, edit)


def photographic(path: Path) -> Path:
    """A master whose background is a picture: a noisy mid-grey 1280 x 720 PNG, the same on every run."""
    def edit(members: Members) -> None:
        members["ppt/media/background1.png"] = noisy_grey()
        _add_rel(members, MASTER_RELS, "rId90", f"{R}/image", "../media/background1.png")
        _add_default(members, "png", "image/png")
        _set_background(members, '<p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="rId90"/><a:srcRect/>'
                                  '<a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr>')

    return _write(path, edit)


def four_three_carlito(path: Path) -> Path:
    """A 4:3 master in Caladea (headings) and Carlito (body), with an accent palette of its own."""
    def edit(members: Members) -> None:
        _edit_xml(members, THEME, _scheme(CARLITO_SCHEME, name="Carlito", major="Caladea", minor="Carlito"))

    return _write(path, edit, wide=False)


MASTERS: dict[str, Callable[[Path], Path]] = {
    "japanese-names": japanese_names,
    "german-names": german_names,
    "several-masters": several_masters,
    "dark": dark,
    "photographic": photographic,
    "4x3-carlito": four_three_carlito,
}


def noisy_grey(size: tuple[int, int] = (1280, 720), seed: int = 15) -> bytes:
    """A mid-grey picture with coarse noise (a stand-in for a photograph), deterministic for *seed*."""
    from PIL import Image

    rng = random.Random(seed)
    small = Image.new("L", (size[0] // 8, size[1] // 8))
    small.putdata([max(0, min(255, round(rng.gauss(128, 28)))) for _ in range(small.width * small.height)])
    out = io.BytesIO()
    small.resize(size, Image.Resampling.BILINEAR).convert("RGB").save(out, "PNG")
    return out.getvalue()


def _write(path: Path, edit: Callable[[Members], None], *, wide: bool = True) -> Path:
    members = _default_members()
    if wide:
        _widen(members)
    edit(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _default_members() -> Members:
    out = io.BytesIO()
    Presentation().save(out)
    with zipfile.ZipFile(out) as z:
        return {name: z.read(name) for name in z.namelist()}


def _widen(members: Members) -> None:
    """The default 4:3 template made 16:9: the slide size, and every shape of the master and layouts stretched across."""
    factor = WIDE[0] / FOUR_THREE[0]
    for name in [MASTER] + [f"ppt/slideLayouts/slideLayout{n}.xml" for n in range(1, LAYOUT_COUNT + 1)]:
        def stretch(root: etree._Element) -> None:
            for tag, attr in (("off", "x"), ("ext", "cx")):
                for el in root.iter(f"{{{A}}}{tag}"):
                    el.set(attr, str(round(int(el.get(attr)) * factor)))

        _edit_xml(members, name, stretch)

    def size(root: etree._Element) -> None:
        found = root.find(f"{{{P}}}sldSz")
        found.set("cx", str(WIDE[0]))
        found.set("cy", str(WIDE[1]))
        del found.attrib["type"]

    _edit_xml(members, PRESENTATION, size)


def _edit_xml(members: Members, name: str, edit: Callable[[etree._Element], None]) -> None:
    root = etree.fromstring(members[name])
    edit(root)
    members[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _renamed(names: tuple[str, ...]) -> Callable[[Members], None]:
    def edit(members: Members) -> None:
        for number, name in enumerate(names, start=1):
            part = f"ppt/slideLayouts/slideLayout{number}.xml"

            def rename(root: etree._Element, name: str = name, number: int = number) -> None:
                assert root.get("type") == LAYOUT_TYPES[number - 1], (number, root.get("type"))
                root.find(f"{{{P}}}cSld").set("name", name)

            _edit_xml(members, part, rename)

    return edit


def _scheme(colours: dict[str, str], *, name: str, major: str | None = None, minor: str | None = None) -> Callable[[etree._Element], None]:
    """An edit of a theme part: its name, scheme colours (as srgbClr) and, if given, its major/minor Latin faces."""
    def edit(root: etree._Element) -> None:
        root.set("name", name)
        scheme = root.find(f".//{{{A}}}clrScheme")
        scheme.set("name", name)
        for key, value in colours.items():
            slot = scheme.find(f"{{{A}}}{key}")
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
        for tag, face in (("majorFont", major), ("minorFont", minor)):
            if face is not None:
                root.find(f".//{{{A}}}{tag}/{{{A}}}latin").set("typeface", face)

    return edit


def _colour_map(**mapping: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        found = root.find(f"{{{P}}}clrMap")
        for key, value in mapping.items():
            found.set(key, value)

    return edit


def _set_background(members: Members, inner: str) -> None:
    """Replace the master's ``p:bg`` with one holding *inner* (a ``p:bgPr``)."""
    xml, count = re.subn(r"<p:bg>.*?</p:bg>", lambda _: f"<p:bg>{inner}</p:bg>", members[MASTER].decode(), count=1, flags=re.S)
    assert count == 1
    members[MASTER] = xml.encode()


def _add_rel(members: Members, rels: str, rid: str, kind: str, target: str) -> None:
    def edit(root: etree._Element) -> None:
        etree.SubElement(root, f"{{{PKG}}}Relationship", Id=rid, Type=kind, Target=target)

    _edit_xml(members, rels, edit)


def _add_default(members: Members, extension: str, content_type: str) -> None:
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"

    def edit(root: etree._Element) -> None:
        if not any(d.get("Extension") == extension for d in root.iter(f"{{{ct}}}Default")):
            root.insert(0, etree.Element(f"{{{ct}}}Default", Extension=extension, ContentType=content_type))

    _edit_xml(members, TYPES, edit)


def _add_override(members: Members, part: str, content_type: str) -> None:
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    _edit_xml(members, TYPES, lambda root: etree.SubElement(root, f"{{{ct}}}Override", PartName=f"/{part}", ContentType=content_type))


def _copy_master(members: Members, number: int) -> None:
    """Slide master *number* (2, 3...): master 1, its 11 layouts and its theme copied under new part names and ids.

    Ids of masters and layouts share one space in a presentation (ST_SlideMasterId, ST_SlideLayoutId: from
    2147483648, unique): master *n* takes 2147483648 + 12 (n - 1), its layouts the next 11.
    """
    base = 2147483648 + 12 * (number - 1)
    first = LAYOUT_COUNT * (number - 1)
    master, theme = f"ppt/slideMasters/slideMaster{number}.xml", f"ppt/theme/theme{number}.xml"
    members[theme] = members[THEME]
    _add_override(members, theme, "application/vnd.openxmlformats-officedocument.theme+xml")
    members[master] = re.sub(
        rb'<p:sldLayoutId id="2147483(\d+)" ',
        lambda m: b'<p:sldLayoutId id="%d" ' % (base + int(m.group(1)) - 648),
        members[MASTER],
    )
    _add_override(members, master, "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml")
    rels = members[MASTER_RELS].replace(b"../theme/theme1.xml", f"../theme/theme{number}.xml".encode())
    for layout in range(LAYOUT_COUNT, 0, -1):  # 11 before 1, so that slideLayout1 does not match slideLayout11
        rels = rels.replace(f"slideLayout{layout}.xml".encode(), f"slideLayout{first + layout}.xml".encode())
        source = f"ppt/slideLayouts/slideLayout{layout}.xml"
        copy = f"ppt/slideLayouts/slideLayout{first + layout}.xml"
        members[copy] = members[source]
        members[f"ppt/slideLayouts/_rels/slideLayout{first + layout}.xml.rels"] = members[
            f"ppt/slideLayouts/_rels/slideLayout{layout}.xml.rels"
        ].replace(b"slideMaster1.xml", f"slideMaster{number}.xml".encode())
        _add_override(members, copy, "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml")
    members[f"ppt/slideMasters/_rels/slideMaster{number}.xml.rels"] = rels
    rid = f"rId{100 + number}"
    _add_rel(members, PRESENTATION_RELS, rid, f"{R}/slideMaster", f"slideMasters/slideMaster{number}.xml")

    def listed(root: etree._Element) -> None:
        entry = etree.SubElement(root.find(f"{{{P}}}sldMasterIdLst"), f"{{{P}}}sldMasterId", id=str(base))
        entry.set(f"{{{R}}}id", rid)

    _edit_xml(members, PRESENTATION, listed)


def _drop_view_props(members: Members) -> None:
    """What LibreOffice leaves out: ``ppt/viewProps.xml``, its relationship and its content type."""
    del members["ppt/viewProps.xml"]
    members[PRESENTATION_RELS] = re.sub(rb'<Relationship [^>]*viewProps"[^>]*/>', b"", members[PRESENTATION_RELS])
    members[TYPES] = re.sub(rb'<Override PartName="/ppt/viewProps.xml"[^>]*/>', b"", members[TYPES])
