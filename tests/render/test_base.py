"""The format registry: formats come from it, renderers load only when built, and a new format needs no pipeline change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import reportgen
from conftest import MINIMAL
from reportgen.document.model import BulletList, Heading, Paragraph, plain
from reportgen.errors import ReportgenError
from reportgen.render import base


def outline_text(document, theme) -> bytes:
    """A plain-text outline of the document: headings, paragraphs and bullets."""
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append("#" * block.level + " " + plain(block.runs))
        elif isinstance(block, Paragraph):
            lines.append(plain(block.runs))
        elif isinstance(block, BulletList):
            lines.extend("- " + plain(item.runs) for item in block.items)
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture
def text_format(monkeypatch, tmp_path):
    """A 'txt' format registered from the test, with its template in a thin template set."""
    monkeypatch.setitem(
        base._registry,
        "txt",
        base.Format("txt", "outline.txt", "outline.md.j2", "a plain-text outline", load=lambda: SimpleNamespace(render=outline_text), default=False),
    )
    folder = tmp_path / "textset"
    folder.mkdir()
    (folder / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (folder / "outline.md.j2").write_text(
        "# {{ meta.title }}\n\n{% for section in sections %}## {{ section.title }}\n\n{{ section.lead }}\n\n{% endfor %}", encoding="utf-8"
    )
    return folder


def test_a_format_registered_from_outside_builds_through_the_public_api(tmp_path, text_format):
    outline = tmp_path / "brief.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")
    written = reportgen.build_pack(outline, template=text_format, out_dir=tmp_path / "out", formats="txt,pdf", parallel=False)
    assert [path.name for path in written] == ["outline.txt", "brief.pdf"]
    assert (tmp_path / "out" / "outline.txt").read_text(encoding="utf-8") == "# A small brief\n## First section\nThe lead.\n"


def test_a_format_that_is_not_default_is_built_only_when_asked(text_format):
    assert "txt" in base.formats()
    assert "txt" not in base.default_formats()
    assert base.parse_formats(None) == base.default_formats() == ("pdf", "pptx", "notes", "handout")


def test_an_unknown_format_names_the_registered_ones():
    with pytest.raises(ReportgenError) as raised:
        base.parse_formats("pdf,docx")
    assert "unknown format 'docx'" in raised.value.one_line() and "pdf, pptx" in raised.value.one_line()


def test_an_installed_plug_in_is_looked_up_only_when_a_format_is_missing(monkeypatch):
    import importlib.metadata

    plugin = base.Format("md", "brief.md", "brief.md.j2", "the Markdown itself", load=lambda: SimpleNamespace(render=outline_text), default=True)
    asked: list[str] = []

    def entry_points(group: str) -> list[SimpleNamespace]:
        asked.append(group)
        return [SimpleNamespace(name="md", load=lambda: plugin)]

    built_in = base.default_formats()
    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.setattr(base, "_plugins_loaded", False)
    monkeypatch.setattr(base, "_registry", dict(base._registry))
    monkeypatch.setattr(base, "_plugin_names", set())
    assert base.parse_formats("pdf,pptx") == ("pdf", "pptx") and base.parse_formats(None) == built_in
    assert asked == []
    assert base.parse_formats("md,pdf") == ("md", "pdf")
    assert asked == [base.ENTRY_POINT_GROUP]
    assert base.default_formats() == built_in  # a plug-in's format is built when named, loaded or not


def test_a_brief_alone_never_imports_the_deck_renderer(tmp_path):
    outline = tmp_path / "brief.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")
    script = (
        "import sys, reportgen\n"
        f"reportgen.build_pack({str(outline)!r}, out_dir={str(tmp_path / 'out')!r}, formats='pdf')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pptx', 'reportgen.render.pptx'}))\n"
        "print('reportgen.render.pptx' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "False"]
