"""Fonts per script in the deck's theme font scheme (``a:majorFont`` / ``a:minorFont`` in ppt/theme).

PowerPoint draws a run that names a theme face (``+mn-ea``, ``+mj-cs``) in the
scheme's ``<a:font script="Hang" .../>`` for the run's language, so one
scheme gives Korean, Chinese, Japanese, Thai, Devanagari, Arabic and Hebrew
text their faces without naming a font on each run. reportgen's own master
gets these faces; a corporate master keeps every face it names and gains
only the scripts its scheme lacks.
"""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from reportgen.fonts.scheme import SCRIPT_FONTS
from reportgen.render.pptx import _internals

__all__ = ["SCRIPT_FONTS", "add_script_fonts", "with_script_fonts"]


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def with_script_fonts(theme_xml: bytes, override: bool) -> bytes:
    """*theme_xml* with :data:`SCRIPT_FONTS` in both font collections (*override*: replace faces it has).

    Returns *theme_xml* itself when nothing changes, so a master that names every
    script keeps its bytes.
    """
    root = etree.fromstring(theme_xml)
    changed = False
    for collection in root.iter(f"{_A}majorFont", f"{_A}minorFont"):
        have = {el.get("script"): el for el in collection.iterfind(f"{_A}font")}
        for script, face in SCRIPT_FONTS.items():
            el = have.get(script)
            if el is not None and (el.get("typeface") and not override or el.get("typeface") == face):
                continue
            if el is None:
                el = etree.Element(f"{_A}font", script=script)
                ext = collection.find(f"{_A}extLst")  # a:font comes after latin, ea, cs and before extLst
                if ext is not None:
                    ext.addprevious(el)
                else:
                    collection.append(el)
            el.set("typeface", face)
            changed = True
    if not changed:
        return theme_xml
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    start = theme_xml.index(b"<", theme_xml.index(b"?>") + 2) if theme_xml.startswith(b"<?xml") else 0
    return theme_xml[:start] + body  # the part's own declaration, as it was written


def add_script_fonts(prs, override: bool) -> None:
    """Write the script fonts into the theme of every slide master of *prs*."""
    for master in prs.slide_masters:
        part = master.part.part_related_by(RT.THEME)
        blob = with_script_fonts(part.blob, override)
        if blob is not part.blob:
            _internals.set_blob(part, blob)
