"""A corporate master built in the test: python-pptx's default template with its theme's colour scheme changed."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation

from reportgen.render.pptx import _internals

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
BRAND = {"dk1": "102030", "lt1": "FFFFFF", "dk2": "0A3D62", "lt2": "EAF2F8", "accent1": "00875A", "accent2": "E8590C",
         "accent3": "5F3DC4", "accent4": "F59F00", "accent5": "1C7ED6", "accent6": "C2255C"}
"""A brand's scheme, far from both Office's and reportgen's colours, so any colour drawn from it is recognisable."""


def themed_master(path: Path, colours: dict[str, str] | None = None) -> Path:
    """Save python-pptx's default template at *path* with its scheme's colours replaced by *colours* (``BRAND``)."""
    prs = Presentation()
    part = next(rel.target_part for rel in prs.slide_master.part.rels.values() if rel.reltype.endswith("/theme"))
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{{{A}}}clrScheme")
    for name, value in (colours or BRAND).items():
        slot = scheme.find(f"{{{A}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    _internals.set_blob(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
    prs.save(path)
    return path
