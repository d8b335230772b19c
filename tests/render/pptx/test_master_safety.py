"""Reference decks are untrusted: size limits before anything is read, dangerous content removed, damage in one line."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from reportgen.errors import ReportgenWarning, TemplateError
from reportgen.render.pptx import master_check, render_pptx
from reportgen.render.pptx.master_check import check_master, safe_master
from reportgen.render.pptx.master_clean import clean
from support import hostile_masters as hm

REPO = Path(__file__).resolve().parents[3]
SMALL = REPO / "tests" / "fixtures" / "small.yaml"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

MEASURE = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the build and its children (this wrapper's own
# peak would carry over, through exec, that of the process that forked it: pytest's)
print(json.dumps({"code": done.returncode, "stderr": done.stderr, "seconds": seconds, "peak_kb": peak}))
"""


def build(tmp_path: Path, master: Path) -> dict:
    """The full command-line build with *master*, in a subprocess: exit code, stderr, time, peak memory of the build."""
    script = tmp_path / "measure.py"
    script.write_text(MEASURE, encoding="utf-8")
    command = [
        sys.executable,
        str(script),
        sys.executable,
        "-m",
        "reportgen",
        "build",
        str(SMALL),
        "--out",
        str(tmp_path / "out"),
        "--reference-pptx",
        str(master),
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=True)
    return json.loads(done.stdout)


def refused(path: Path) -> str:
    with pytest.raises(TemplateError) as caught:
        check_master(path)
    return str(caught.value)


def one_clear_line(result: dict) -> str:
    lines = result["stderr"].strip().splitlines()
    assert result["code"] == 2, result["stderr"]
    assert len(lines) == 1 and lines[0].startswith("reportgen: error: "), result["stderr"]
    assert "Traceback" not in result["stderr"] and "Error:" not in lines[0]
    return lines[0]


# -- size limits


def test_a_zip_bomb_master_is_refused_in_one_line_quickly_and_in_little_memory(tmp_path):
    bomb = hm.bomb(tmp_path / "bomb.pptx")  # 1 GiB of zeros in a few megabytes
    assert bomb.stat().st_size < 10_000_000
    result = build(tmp_path, bomb)
    line = one_clear_line(result)
    assert str(bomb) in line and "1.1 GB uncompressed" in line and "over the limit of 100 MB" in line
    assert result["seconds"] < 5, result
    assert result["peak_kb"] < 300 * 1024, result
    assert not (tmp_path / "out").exists()


def test_a_part_that_unpacks_to_more_than_it_declares_is_caught_while_reading(tmp_path):
    liar = hm.lying_bomb(tmp_path / "liar.pptx")  # 200 MiB of zeros declared as 1,000 bytes
    tracemalloc.start()
    try:
        message = refused(liar)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "ppt/media/image90.png" in message and "cannot be unpacked" in message
    assert peak < 20_000_000


def test_too_many_parts(tmp_path):
    message = refused(hm.write_master(tmp_path / "many.pptx", hm.too_many_parts))
    assert re.search(r"it has 5,0\d\d parts, over the limit of 5,000", message)


def test_a_large_part_compressed_beyond_the_ratio(tmp_path):
    message = refused(hm.bomb(tmp_path / "dense.pptx", size=4 << 20))
    assert "its part ppt/media/image90.png unpacks" in message and "over the limit of 100:1" in message


def test_small_parts_are_not_held_to_the_ratio(tmp_path):
    def padding(members):
        members["ppt/media/padding.bin"] = bytes(900_000)

    assert check_master(hm.write_master(tmp_path / "padded.pptx", padding)).data


# -- dangerous content


def _rels(z: zipfile.ZipFile) -> dict[str, list[etree._Element]]:
    return {name: list(etree.fromstring(z.read(name))) for name in z.namelist() if name.endswith(".rels")}


def _unresolved_references(z: zipfile.ZipFile) -> list[str]:
    """r:id, r:embed ... attributes that name no relationship of their part."""
    bad = []
    for name in z.namelist():
        if not name.endswith(".xml") or name == "[Content_Types].xml":
            continue
        folder, base = name.rsplit("/", 1) if "/" in name else ("", name)
        rels_name = f"{folder}/_rels/{base}.rels".lstrip("/")
        ids = {el.get("Id") for el in etree.fromstring(z.read(rels_name))} if rels_name in z.namelist() else set()
        for el in etree.fromstring(z.read(name)).iter():
            for key, value in el.attrib.items():
                if key.startswith(R) and value and value not in ids:
                    bad.append(f"{name}: {value}")
    return bad


def test_a_hostile_master_builds_with_one_warning_per_kind_and_nothing_of_it_reaches_the_deck(tmp_path, normal, theme):
    path = hm.write_master(tmp_path / "corporate.pptx", hm.hostile)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = render_pptx(normal, theme.model_copy(update={"reference_pptx": path}))
    found = [str(w.message) for w in caught if isinstance(w.message, ReportgenWarning)]
    assert len(found) == 4, found
    assert all(text.startswith(f"{path}: removed ") for text in found)
    external, macros, ole, activex = found
    assert "1 external link" in external and hm.SHARE_PICTURE in external
    assert "ppt/vbaProject.bin" in macros and "macro-enabled file type" in macros
    assert "1 OLE object" in ole and "1 ActiveX control" in activex

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert not any("vbaProject" in n or "activeX" in n or "oleObject" in n for n in names)
        assert not any(el.get("TargetMode") == "External" for rels in _rels(z).values() for el in rels)
        types = z.read("[Content_Types].xml").decode()
        assert "macroEnabled" not in types and "vbaProject" not in types
        assert "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml" in types
        layout = z.read(hm.LAYOUT)
        assert b"oleObj" not in layout and b"AlternateContent" not in layout and b'name="Logo"' not in layout
        assert b"p:control" not in z.read(hm.MASTER)
        assert _unresolved_references(z) == []
    assert len(Presentation(io.BytesIO(data)).slides) == len(Presentation(io.BytesIO(render_pptx(normal, theme))).slides)


def test_the_hostile_master_on_the_command_line(tmp_path):
    result = build(tmp_path, hm.write_master(tmp_path / "corporate.pptx", hm.hostile))
    assert result["code"] == 0, result["stderr"]
    lines = result["stderr"].strip().splitlines()
    assert len(lines) == 4 and all(line.startswith("reportgen: warning: ") for line in lines)
    with zipfile.ZipFile(tmp_path / "out" / "deck.pptx") as z:
        assert not any("vbaProject" in n for n in z.namelist())
        assert b"External" not in b"".join(z.read(n) for n in z.namelist() if n.endswith(".rels"))


def test_a_picture_both_linked_and_embedded_keeps_its_embedded_copy():
    root = etree.fromstring(
        '<p:pic xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
        f' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{R[1:-1]}">'
        '<p:blipFill><a:blip r:embed="rId1" r:link="rId2"/></p:blipFill></p:pic>'
    )
    result = clean(root, {"rId2"})
    assert result.changed and b'r:embed="rId1"' in etree.tostring(root) and b"r:link" not in etree.tostring(root)


def test_a_linked_shape_fill_becomes_no_fill_and_a_linked_hyperlink_goes_alone():
    ns = (
        'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
        f' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{R[1:-1]}"'
    )
    root = etree.fromstring(
        f'<p:spTree {ns}><p:sp><p:nvSpPr><p:cNvPr id="2" name="Box"><a:hlinkClick r:id="rId3"/></p:cNvPr></p:nvSpPr>'
        '<p:spPr><a:blipFill><a:blip r:link="rId2"/></a:blipFill></p:spPr></p:sp></p:spTree>'
    )
    result = clean(root, {"rId2", "rId3"})
    text = etree.tostring(root).decode()
    assert "<a:noFill/>" in text and "blip" not in text and "hlinkClick" not in text and 'name="Box"' in text
    assert result.loose == {"rId2", "rId3"}


# -- damage


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (hm.dangling_relationship, "its part ppt/slideMasters/slideMaster1.xml refers to relationship rId1, which the part does not have"),
        (hm.missing_layout, "its part ppt/slideMasters/slideMaster1.xml uses ppt/slideLayouts/slideLayout1.xml, which is not in the file"),
        (hm.no_presentation, "it has no presentation in it"),
        (hm.no_slide_master, "it has no slide master"),
        (hm.no_layouts, "its slide master ppt/slideMasters/slideMaster1.xml has no layouts"),
        (hm.broken_xml, "its part ppt/slideMasters/slideMaster1.xml is not well-formed XML (line 2)"),
        (hm.without("[Content_Types].xml"), "it has no [Content_Types].xml"),
        (hm.replaced(hm.TYPES, rb"presentationml\.presentation\.main", b"wordprocessingml.document.main"), "its main part is a Word document"),
        (hm.replaced(hm.MASTER_RELS, rb'<Relationship Id="rId12" [^>]*/>', b""), "has no theme"),
        (hm.replaced(hm.TYPES, rb'<Default Extension="jpeg" [^>]*/>', b""), "its part docProps/thumbnail.jpeg has no content type in [Content_Types].xml"),
    ],
    ids=[
        "dangling relationship",
        "missing part",
        "no presentation",
        "no slide master",
        "no layouts",
        "broken XML",
        "no content types",
        "a Word document",
        "no theme",
        "no content type",
    ],
)
def test_a_damaged_master_gets_one_line_naming_the_file(tmp_path, edit, expected):
    path = hm.write_master(tmp_path / "damaged.pptx", edit)
    message = refused(path)
    assert message.startswith(f"{path}: cannot use the reference deck: ") and expected in message
    assert "KeyError" not in message and "Error" not in message


@pytest.mark.parametrize("edit", [hm.dangling_relationship, hm.missing_layout], ids=["dangling relationship", "missing part"])
def test_a_damaged_master_on_the_command_line_is_one_line_and_exit_2(tmp_path, edit):
    line = one_clear_line(build(tmp_path, hm.write_master(tmp_path / "damaged.pptx", edit)))
    assert "damaged.pptx: cannot use the reference deck: " in line and "no relationship with key" not in line


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (lambda p: p.write_text("not a PowerPoint file", encoding="utf-8"), "it is not a PowerPoint file"),
        (lambda p: p.write_bytes(b""), "the file is empty"),
        (hm.password_protected, "it is password-protected or an old binary .ppt file"),
        (lambda p: p.write_bytes(hm.write_master(p).read_bytes()[:-30]), "the file is cut short"),
        (lambda p: p.write_bytes(hm.write_master(p).read_bytes().replace(b"PK\x01\x02", b"PK\x01\x03", 1)), "its zip directory is damaged"),
    ],
    ids=["not a zip", "empty", "password-protected", "truncated", "damaged directory"],
)
def test_not_a_deck_in_plain_words(tmp_path, write, expected):
    path = tmp_path / "deck.pptx"
    write(path)
    assert expected in refused(path)


def test_encrypted_parts(tmp_path):
    path = hm.write_master(tmp_path / "locked.pptx")
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at + 8] |= 0x1  # the directory's general-purpose flag: encrypted
    path.write_bytes(bytes(data))
    assert "its parts are encrypted" in refused(path)


# -- the same master twice, and masters that are fine


def test_the_cleaned_master_is_cached_per_file_size_and_time_and_warns_each_time(tmp_path, monkeypatch):
    path = hm.write_master(tmp_path / "corporate.pptx", hm.linked_picture)
    calls = []
    monkeypatch.setattr(master_check, "check_master", lambda p: calls.append(p) or check_master(p))
    for _ in range(2):
        with pytest.warns(ReportgenWarning, match="1 external link"):
            safe_master(path)
    assert len(calls) == 1
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    with pytest.warns(ReportgenWarning):
        safe_master(path)
    assert len(calls) == 2


def test_a_template_master_potx_is_opened_as_a_presentation(tmp_path, normal, theme):
    potx = hm.replaced(hm.TYPES, rb"presentationml\.presentation\.main", b"presentationml.template.main")
    path = hm.write_master(tmp_path / "corporate.potx", potx)
    data = render_pptx(normal, theme.model_copy(update={"reference_pptx": path}))
    assert b"presentationml.presentation.main+xml" in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")


def test_the_sample_slides_are_left_out_before_python_pptx_opens_the_master(tmp_path):
    with zipfile.ZipFile(io.BytesIO(check_master(hm.write_master(tmp_path / "m.pptx")).data)) as z:
        assert not any(n.startswith("ppt/slides/") for n in z.namelist())
        assert b"sldId " not in z.read("ppt/presentation.xml")
