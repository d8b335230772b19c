"""Rendering templates: strict variables, errors with template file and line, filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reportgen.dates import format_date
from reportgen.errors import TemplateError
from reportgen.templating.env import environment, render
from reportgen.templating.filters import FILTERS
from reportgen.templating.plain import plain
from reportgen.templating.sets import load_set


def set_with(tmp_path: Path, brief: str) -> Path:
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (folder / "brief.md.j2").write_text(brief, encoding="utf-8")
    return folder


def render_brief(folder: Path, context: dict) -> str:
    return render(environment(load_set(folder).folders), "brief.md.j2", context)


def test_misspelled_variable_names_file_line_and_known_names(tmp_path):
    folder = set_with(tmp_path, "# {{ meta.title }}\n\n{{ sumary }}\n")
    with pytest.raises(TemplateError) as caught:
        render_brief(folder, {"meta": {"title": "T"}, "summary": []})
    message = caught.value.one_line()
    assert f"{folder / 'brief.md.j2'}:3" in message
    assert "'sumary' is undefined" in message and "meta, summary" in message


def test_misspelled_field_suggests_the_closest(tmp_path):
    from reportgen.outline.model import Meta

    folder = set_with(tmp_path, "# {{ meta.titel }}\n")
    with pytest.raises(TemplateError) as caught:
        render_brief(folder, {"meta": plain(Meta(title="T"))})
    message = caught.value.one_line()
    assert f"{folder / 'brief.md.j2'}:1" in message
    assert "meta has no field 'titel'; did you mean 'title'?" in message


@pytest.mark.parametrize(
    ("body", "words"),
    [("{{ 2.0 ** 100000 }}", "a number the template computes is too large to hold (it overflows)"), ("{{ 1 // 0 }}", "the template divides by zero")],
)
def test_arithmetic_failures_are_in_plain_words(tmp_path, body, words):
    folder = set_with(tmp_path, f"line one\n{body}\n")
    with pytest.raises(TemplateError) as caught:
        render_brief(folder, {})
    assert caught.value.one_line() == f"{folder / 'brief.md.j2'}:2: {words}"


def test_syntax_error_names_file_and_line(tmp_path):
    folder = set_with(tmp_path, "line one\n{% for x in %}\n")
    with pytest.raises(TemplateError) as caught:
        render_brief(folder, {})
    assert f"{folder / 'brief.md.j2'}:2" in caught.value.one_line()


def test_values_are_escaped_even_without_a_filter(tmp_path):
    folder = set_with(tmp_path, "- {{ value }}\n")
    assert render_brief(folder, {"value": "# not a heading"}) == "- \\# not a heading\n"


def test_template_literals_are_markdown(tmp_path):
    folder = set_with(tmp_path, "# {{ value }} {layout=chart}\n")
    assert render_brief(folder, {"value": "T"}) == "# T {layout=chart}\n"


def test_dates_follow_the_language():
    day = dt.date(2025, 1, 15)
    assert format_date(day, "en") == "15 January 2025"
    assert format_date(day, "ja") == "2025年1月15日"
    assert format_date(None) == ""


def test_filters_are_documented():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    for name in FILTERS:
        assert f"`{name}`" in doc, name


def test_every_theme_key_is_documented_with_its_default():
    from reportgen.theme import Theme

    doc = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    theme = Theme()
    sections = {"colours": theme.colours, "strings": theme.strings, "brief.page": theme.brief.page, "brief.fonts": theme.brief.fonts,
                "brief.sizes": theme.brief.sizes, "deck.fonts": theme.deck.fonts, "deck.sizes": theme.deck.sizes}
    for section, group in sections.items():
        for key in type(group).model_fields:
            value = getattr(group, key)
            shown = ", ".join(value) if isinstance(value, list) else value
            assert f"| `{section}.{key}` | `{shown}` |" in doc, f"{section}.{key}"
    assert theme.deck.section_dividers is False and "| `deck.section_dividers` | `false` |" in doc
    assert theme.handout.per_page == 3 and "| `handout.per_page` | `3` |" in doc
    assert theme.handout.closing_page is False and "| `handout.closing_page` | `false` |" in doc


def test_every_context_name_is_documented(default_text, write_outline):
    from reportgen import assemble
    from reportgen.outline import load_outline

    outline = load_outline(write_outline(default_text))
    context = assemble.template_context(outline, {}, assemble.cited_sources(outline), load_set("default").theme)
    doc = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    for name in context:
        assert f"| `{name}` |" in doc, name


def test_runaway_output_is_stopped(tmp_path, monkeypatch):
    from reportgen.templating import env as env_module

    monkeypatch.setattr(env_module, "MAX_OUTPUT_CHARS", 10_000)
    folder = set_with(tmp_path, "{% for i in range(100000) %}xxxxxxxxxx{% endfor %}\n")
    with pytest.raises(TemplateError, match="more than 10,000 characters"):
        render_brief(folder, {})


def test_endless_loop_is_stopped(tmp_path, monkeypatch):
    from reportgen.templating import env as env_module

    monkeypatch.setattr(env_module, "MAX_SECONDS", 0.5)
    folder = set_with(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n")
    with pytest.raises(TemplateError, match="ran for more than"):
        render_brief(folder, {})


def test_endless_recursion_is_stopped(tmp_path):
    folder = set_with(tmp_path, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}\n")
    with pytest.raises(TemplateError, match="recurses without end"):
        render_brief(folder, {})


def test_templates_cannot_reach_python_internals(tmp_path):
    folder = set_with(tmp_path, "{{ meta.__class__.__mro__ }}\n")
    with pytest.raises(TemplateError):
        render_brief(folder, {"meta": {}})
