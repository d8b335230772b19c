"""``reportgen master``: a master's masters, layouts, theme and the mapping a build would use, as text and JSON."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from reportgen.errors import RenderError
from reportgen.render.pptx.master import open_master
from reportgen.render.pptx.master_info import as_json, as_text, describe, mapping_yaml
from reportgen.theme import Theme
from reportgen.theme.deck import DeckOptions

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument."
JAPANESE = {"Title Slide": "タイトル スライド", "Title and Content": "タイトルとコンテンツ", "Section Header": "セクション見出し",
            "Two Content": "2 つのコンテンツ", "Title Only": "タイトルのみ"}
SECOND = ((1, "Titelfolie"), (6, "Nur Titel"), (7, "Leer"))
"""The second master's layouts: (the default template's layout number it copies, its new name); their types are dropped."""


def default_master(path: Path) -> Path:
    Presentation().save(path)
    return path


def _rels(*rels: tuple[str, str, str]) -> str:
    body = "".join(f'<Relationship Id="{rid}" Type="{_REL}{kind}" Target="{target}"/>' for rid, kind, target in rels)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def two_masters(path: Path) -> Path:
    """python-pptx's template with its master named 'Corporate' and its layouts renamed in Japanese (types kept),
    and a second master 'Dark' (theme 'Dark Theme', Georgia headings) with three layouts named in German, types dropped."""
    buffer = io.BytesIO()
    Presentation().save(buffer)
    with zipfile.ZipFile(buffer) as z:
        parts = {name: z.read(name).decode() if name.endswith((".xml", ".rels")) else z.read(name) for name in z.namelist()}
    for n in range(1, 12):
        name = f"ppt/slideLayouts/slideLayout{n}.xml"
        parts[name] = re.sub(r'<p:cSld name="([^"]*)"', lambda m: f'<p:cSld name="{JAPANESE.get(m.group(1), m.group(1))}"', parts[name])
    master = parts["ppt/slideMasters/slideMaster1.xml"]
    parts["ppt/slideMasters/slideMaster1.xml"] = master.replace("<p:cSld>", '<p:cSld name="Corporate">')
    ids = "".join(f'<p:sldLayoutId id="{2147483661 + i}" r:id="rId{i + 1}"/>' for i in range(len(SECOND)))
    parts["ppt/slideMasters/slideMaster2.xml"] = re.sub(
        r"<p:sldLayoutIdLst>.*</p:sldLayoutIdLst>", f"<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>", master.replace("<p:cSld>", '<p:cSld name="Dark">'))
    layout_rels = [(f"rId{i + 1}", "slideLayout", f"../slideLayouts/slideLayout{12 + i}.xml") for i in range(len(SECOND))]
    parts["ppt/slideMasters/_rels/slideMaster2.xml.rels"] = _rels(*layout_rels, (f"rId{len(SECOND) + 1}", "theme", "../theme/theme2.xml"))
    overrides = []
    for i, (source, name) in enumerate(SECOND):
        layout = parts[f"ppt/slideLayouts/slideLayout{source}.xml"]
        layout = re.sub(r' type="[^"]*"', "", layout, count=1)
        parts[f"ppt/slideLayouts/slideLayout{12 + i}.xml"] = re.sub(r'<p:cSld name="[^"]*"', f'<p:cSld name="{name}"', layout)
        parts[f"ppt/slideLayouts/_rels/slideLayout{12 + i}.xml.rels"] = _rels(("rId1", "slideMaster", "../slideMasters/slideMaster2.xml"))
        overrides.append((f"/ppt/slideLayouts/slideLayout{12 + i}.xml", f"{_CT}presentationml.slideLayout+xml"))
    theme = parts["ppt/theme/theme1.xml"].replace('name="Office Theme"', 'name="Dark Theme"', 1)
    parts["ppt/theme/theme2.xml"] = theme.replace('<a:majorFont><a:latin typeface="Calibri"/>', '<a:majorFont><a:latin typeface="Georgia"/>')
    overrides += [("/ppt/slideMasters/slideMaster2.xml", f"{_CT}presentationml.slideMaster+xml"), ("/ppt/theme/theme2.xml", f"{_CT}theme+xml")]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>", "".join(f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides) + "</Types>")
    parts["ppt/presentation.xml"] = parts["ppt/presentation.xml"].replace(
        "</p:sldMasterIdLst>", '<p:sldMasterId id="2147483660" r:id="rId99"/></p:sldMasterIdLst>')
    parts["ppt/_rels/presentation.xml.rels"] = parts["ppt/_rels/presentation.xml.rels"].replace(
        "</Relationships>", f'<Relationship Id="rId99" Type="{_REL}slideMaster" Target="slideMasters/slideMaster2.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_the_default_template(tmp_path):
    info = describe(default_master(tmp_path / "m.pptx"))
    assert [(m.number, m.name, m.layouts) for m in info.masters] == [(1, "", 11)]
    first = info.layouts[0]
    assert (first.name, first.type, first.placeholders, first.roles) == (
        "Title Slide", "title", ("ctrTitle/0", "subTitle/1", "dt/10", "ftr/11", "sldNum/12"), ("title", "closing"))
    assert info.mapping["bullets"] == "Title and Content" and info.mapping["two-column"] == "Two Content" and info.mapping["chart"] == "Title Only"
    assert info.fallbacks == {}
    assert info.fonts["major"] == {"latin": "Calibri", "ea": "", "cs": ""} and info.theme == "Office Theme"
    assert info.colours["dk2"] == "1F497D" and info.colour_map["tx1"] == "dk1"
    assert mapping_yaml(info).startswith('deck:\n  master: 1\n  layouts:\n    title: "Title Slide"\n    agenda: "Title and Content"\n')


def test_the_mapping_is_what_a_build_chooses(tmp_path):
    path = two_masters(tmp_path / "m.pptx")
    for wanted in (None, "2"):
        info = describe(path, wanted)
        build = open_master(Theme(reference_pptx=path, deck=DeckOptions(master=wanted)))
        assert info.mapping == {role: build.choice(role).layout.name for role in info.mapping}


def test_several_masters_with_renamed_layouts(tmp_path):
    path = two_masters(tmp_path / "m.pptx")
    first = describe(path)
    assert [(m.number, m.name, m.layouts) for m in first.masters] == [(1, "Corporate", 11), (2, "Dark", 3)]
    assert first.chosen == 1 and first.mapping["title"] == "タイトル スライド" and first.mapping["chart"] == "タイトルのみ"
    assert first.fallbacks == {}
    dark = describe(path, "dark")  # names are matched as builds match them: case and spaces ignored
    assert dark.chosen == 2 and [layout.name for layout in dark.layouts] == ["Titelfolie", "Nur Titel", "Leer"]
    assert all(layout.type == "" for layout in dark.layouts)
    assert dark.theme == "Dark Theme" and dark.fonts["major"]["latin"] == "Georgia" and dark.fonts["minor"]["latin"] == "Calibri"
    assert dark.mapping["title"] == "Titelfolie" and dark.mapping["chart"] == "Nur Titel"
    assert dark.mapping["bullets"] == "Titelfolie" and "bullets" in dark.fallbacks and "two-column" in dark.fallbacks
    pasted = mapping_yaml(dark)
    assert "    # bullets: m.pptx has no layout of type obj or tx" in pasted
    assert yaml.safe_load(pasted) == {"deck": {"master": "Dark", "layouts": dark.mapping}}
    text = as_text(dark)
    assert "* 2  Dark" in text and "Layouts of master 2 'Dark':" in text and pasted in text


def test_an_unknown_master_lists_the_masters(tmp_path):
    with pytest.raises(RenderError, match=r"--master is '3', but m.pptx has the slide masters 1 'Corporate', 2 'Dark'"):
        describe(two_masters(tmp_path / "m.pptx"), "3")


def test_json(tmp_path):
    data = json.loads(as_json(describe(two_masters(tmp_path / "m.pptx"), "2")))
    assert data["masters"][1] == {"number": 2, "name": "Dark", "layouts": 3} and data["chosen"] == 2
    assert data["layouts"][1] == {"name": "Nur Titel", "type": "", "placeholders": ["title/0", "dt/10", "ftr/11", "sldNum/12"],
                                  "roles": ["chart", "table", "quote", "image"]}
    assert data["deck"] == {"master": "Dark", "layouts": data["mapping"]} and data["colours"]["accent1"] == "4F81BD"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", "master", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_command(tmp_path):
    two_masters(tmp_path / "m.pptx")
    shown = _cli("m.pptx", "--master", "2", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0] == "m.pptx: 2 slide masters" and '    chart: "Nur Titel"' in shown.stdout
    as_data = _cli("m.pptx", "--json", cwd=tmp_path)
    assert as_data.returncode == 0 and json.loads(as_data.stdout)["deck"]["master"] == "Corporate"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a zip", "m.pptx: cannot use the reference deck: it is not a PowerPoint file"),
        (None, "m.pptx: cannot use the reference deck: it cannot be read"),
    ],
)
def test_an_unreadable_file_is_one_line_and_exit_2(tmp_path, content, expected):
    if content is not None:
        (tmp_path / "m.pptx").write_bytes(content)
    result = _cli("m.pptx", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr and expected in result.stderr


def test_a_hostile_master_is_cleaned_as_builds_clean_it(tmp_path):
    from support.hostile_masters import macros, write_master

    write_master(tmp_path / "m.pptx", macros)
    result = _cli("m.pptx", cwd=tmp_path)
    assert result.returncode == 0 and "removed macros from the reference deck" in result.stderr
    assert "deck:\n  master:" in result.stdout
