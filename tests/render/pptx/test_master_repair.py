"""Defects a master brings with it and that have a known fix are repaired as it is cleaned."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

from pptx import Presentation

from reportgen.render.pptx.master_check import check_master
from reportgen.render.pptx.master_repair import VIEW_PROPS_REL, VIEW_PROPS_TYPE


def without_view_props(path: Path) -> Path:
    """python-pptx's default master as LibreOffice Impress saves one: no ppt/viewProps.xml, no relationship, no content type."""
    source = io.BytesIO()
    Presentation().save(source)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "ppt/viewProps.xml":
                continue
            if item.filename in ("ppt/_rels/presentation.xml.rels", "[Content_Types].xml"):
                data = "<".join(piece for piece in data.decode().split("<") if "viewProps" not in piece).encode()
            out.writestr(item, data)
    return path


def test_a_master_without_view_properties_gets_a_minimal_part_its_relationship_and_its_content_type(tmp_path):
    master = without_view_props(tmp_path / "lo.pptx")
    with zipfile.ZipFile(master) as z:
        assert "ppt/viewProps.xml" not in z.namelist()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cleaned = check_master(master)
    assert cleaned.warnings == ()
    with zipfile.ZipFile(io.BytesIO(cleaned.data)) as z:
        assert b"<p:viewPr" in z.read("ppt/viewProps.xml")
        rels = z.read("ppt/_rels/presentation.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    assert rels.count(VIEW_PROPS_REL) == 1 and 'Target="viewProps.xml"' in rels
    assert f'PartName="/ppt/viewProps.xml" ContentType="{VIEW_PROPS_TYPE}"' in types
    prs = Presentation(io.BytesIO(cleaned.data))
    assert any(rel.reltype == VIEW_PROPS_REL for rel in prs.part.rels.values())


def test_a_master_with_view_properties_keeps_its_own(tmp_path):
    master = tmp_path / "pp.pptx"
    Presentation().save(master)
    cleaned = check_master(master)
    with zipfile.ZipFile(master) as original, zipfile.ZipFile(io.BytesIO(cleaned.data)) as z:
        assert z.read("ppt/viewProps.xml") == original.read("ppt/viewProps.xml")
        assert z.read("ppt/_rels/presentation.xml.rels").decode().count(VIEW_PROPS_REL) == 1
