"""What templates are given: plain data only, read by key, with misspellings explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image

from reportgen.build import pipeline as pack
from reportgen.errors import TemplateError
from reportgen.templating.escape import Markdown

PLAIN = {dict, list, tuple, str, int, float, bool, type(None), dt.date, Markdown}
REPO = Path(__file__).resolve().parents[2]


def walk(value, at="context"):
    """Every (path, value) in the context, containers included."""
    yield at, value
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str, f"{at}: key {key!r}"
            yield from walk(item, f"{at}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from walk(item, f"{at}[{index}]")


@pytest.fixture
def outline_with_every_figure(tmp_path: Path) -> Path:
    """The bundled outline (a chart and a table) plus an image figure, whose file path once reached templates."""
    Image.new("RGB", (40, 30), (10, 80, 160)).save(tmp_path / "pic.png")
    text = (REPO / "content" / "japan-defense.yaml").read_text(encoding="utf-8")
    image = "      - {id: pic, type: image, title: A picture, path: pic.png}\n"
    marker = "    figures:\n"
    assert marker in text
    path = tmp_path / "outline.yaml"
    path.write_text(text.replace(marker, marker + image, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("template_set", ["default", "executive"])
def test_the_context_holds_plain_data_only(outline_with_every_figure, template_set):
    context = pack.prepare(outline_with_every_figure, template_set).context
    kinds = {figure["type"] for section in context["sections"] for figure in section["figures"]}
    assert {"bar", "table", "image"} <= kinds and len(context["figures"]) >= 3
    seen = 0
    for at, value in walk(context):
        assert type(value) in PLAIN, f"{at} is a {type(value).__name__}"
        seen += 1
    assert seen > 500


def test_the_theme_in_the_context_has_no_file_paths(outline_with_every_figure):
    context = pack.prepare(outline_with_every_figure, "default").context
    assert not {"font_paths", "logo_path", "reference_pptx"} & set(context["theme"])
    assert "path" not in context["figures"]["pic"]
    assert context["figures"]["pic"]["label"].startswith("Figure ")
    assert context["theme"]["font_files"]["NotoSans"]["regular"] == "assets/fonts/NotoSans-Regular.ttf"


def test_a_key_named_like_a_method_reads_as_the_key(render_set):
    """``series.values`` is the numbers, not ``dict.values``; a call is always the method."""
    out = render_set(
        "{% for section in sections %}{% for figure in section.figures %}values {{ figure.series[0].values|sum|int }}{% endfor %}{% endfor %}\n\n"
        "{{ glossary.items()|list|length }} {{ dict(items='x').items }}\n"
    )
    assert out == "values 6\n1 x\n"


def test_a_glossary_term_named_like_a_method_does_not_break_the_glossary(tmp_path, write_set):
    outline = tmp_path / "outline.yaml"
    text = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    outline.write_text(text.rstrip() + "\n  items: a term named like a method\n", encoding="utf-8")
    folder = write_set("{% for term, meaning in glossary.items() %}{{ term }}={{ meaning }};{% endfor %}\n")
    assert "items=a term named like a method;" in pack.write_markdown(pack.prepare(outline, folder), "pdf")


@pytest.mark.parametrize(
    ("brief", "expected"),
    [
        ("{{ meta.titel }}", "meta has no field 'titel'; did you mean 'title'? (it has: title, subtitle,"),
        ("{{ sections[0].titel }}", "sections[0] has no field 'titel'; did you mean 'title'? (it has: id, title, lead,"),
        ("{{ theme.colours.primery }}", "theme.colours has no field 'primery'; did you mean 'primary'?"),
        ("{{ theme.font_paths }}", "theme has no field 'font_paths'"),
    ],
)
def test_a_misspelled_field_names_where_and_the_closest(render_set, brief, expected):
    with pytest.raises(TemplateError) as caught:
        render_set("line one\n" + brief + "\n")
    message = caught.value.one_line()
    assert "brief.md.j2:2: " in message
    assert expected in message
