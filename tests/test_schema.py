"""`reportgen schema` prints the outline's (and theme.yaml's) JSON Schema; schema/ holds exactly that."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.outline import load_outline
from reportgen.schema import schema_text

REPO = Path(__file__).resolve().parent.parent
HEADER = "# yaml-language-server: $schema=../schema/outline.schema.json\n"


@pytest.mark.parametrize(("args", "file"), [([], "outline.schema.json"), (["theme"], "theme.schema.json"), (["outline"], "outline.schema.json")])
def test_the_committed_schemas_are_the_commands_output(args, file):
    result = subprocess.run([sys.executable, "-m", "reportgen", "schema", *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    committed = (REPO / "schema" / file).read_text(encoding="utf-8")
    assert result.stdout == committed, f"regenerate with: reportgen schema {' '.join(args)} > schema/{file}"


def test_the_outline_schema_describes_its_fields_and_shapes():
    schema = json.loads(schema_text("outline"))
    assert schema["$schema"].endswith("2020-12/schema") and schema["additionalProperties"] is False
    defs = schema["$defs"]
    assert all("description" in field for field in defs["Meta"]["properties"].values())
    assert all("description" in field for field in defs["Section"]["properties"].values())
    assert {"type": "string", "minLength": 1} in defs["Point"]["anyOf"]  # a point may be plain text
    assert {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"} in defs["Point"]["anyOf"][1]["properties"]["source"]["anyOf"]
    assert defs["Meta"]["properties"]["language"]["pattern"].startswith("^[A-Za-z]{2,3}")


def test_the_theme_schema_leaves_out_what_the_loader_fills_in():
    properties = json.loads(schema_text("theme"))["properties"]
    assert {"colours", "brief", "deck", "languages", "logo"} <= set(properties)
    assert not {"logo_path", "reference_pptx", "font_paths"} & set(properties)


@pytest.mark.parametrize("outline", sorted((REPO / "content").glob("*.yaml")), ids=lambda path: path.name)
def test_bundled_outlines_name_the_schema_and_still_load(outline):
    assert outline.read_text(encoding="utf-8").startswith(HEADER)
    assert (outline.parent / "../schema/outline.schema.json").resolve().is_file()
    assert load_outline(outline).sections
