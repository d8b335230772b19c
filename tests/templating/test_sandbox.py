"""The allow-list: templates reach no file, no model method, nothing that is not listed."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from reportgen.errors import TemplateError
from reportgen.outline.model import Meta
from reportgen.templating import filters, methods
from reportgen.templating.env import environment, render

DOC = Path(__file__).resolve().parents[2] / "docs" / "templates.md"


def render_here(folder: Path, context: dict) -> str:
    return render(environment((folder,)), "brief.md.j2", context)


def template(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "set"
    folder.mkdir(exist_ok=True)
    (folder / "brief.md.j2").write_text(text, encoding="utf-8")
    return folder


def test_the_font_path_escape_of_issue_11_prints_no_file(render_set):
    brief = "# Brief\n{{ (theme.font_paths.NotoSans.regular.parent / '/etc/hostname').read_text() }}\n"
    with pytest.raises(TemplateError) as caught:
        render_set(brief)
    assert "brief.md.j2:2: theme has no field 'font_paths'" in caught.value.one_line()
    assert socket.gethostname() not in caught.value.one_line()


@pytest.mark.parametrize(
    ("call", "name"),
    [("p.read_text()", "read_text"), ("p.write_text('gone')", "write_text"), ("p.unlink()", "unlink"), ("p.iterdir()|list", "iterdir")],
)
def test_a_path_that_reaches_a_template_is_useless(tmp_path, call, name):
    """Even if a Path slipped into the context, its methods (and attributes) are refused."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret", encoding="utf-8")
    folder = template(tmp_path, "# Brief\n{{ " + call + " }}\n")
    with pytest.raises(TemplateError) as caught:
        render_here(folder, {"p": secret})
    assert caught.value.one_line().startswith(f"{folder / 'brief.md.j2'}:2: templates may not call PosixPath.{name}")
    assert secret.read_text(encoding="utf-8") == "the secret"


@pytest.mark.parametrize(
    ("brief", "expected"),
    [
        ("{{ p.parent }}", "templates may not use PosixPath.parent"),
        ("{{ m.model_dump() }}", "templates may not call Meta.model_dump"),
        ("{{ m.title }}", "templates may not use Meta.title"),
        ("{{ ''.__class__ }}", "templates may not use str.__class__"),
        ("{{ 'x'.format_map({}) }}", "templates may not call str.format_map"),
        ("{{ 'x'.encode() }}", "templates may not call str.encode"),
        ("{{ d.update(a=1) }}", "templates may not call dict.update"),
        ("{{ d.pop('a') }}", "templates may not call dict.pop"),
        ("{{ l.clear() }}", "templates may not call list.clear"),
        ("{{ d.items }}", "templates may use dict.items only as a call"),
        ("{{ 'x'.upper }}", "templates may use str.upper only as a call"),
        ("{{ d.a() }}", "templates may not call a int value"),
        ("{{ lipsum(1000000) }}", "'lipsum' is undefined"),
        ("{{ 'x'|pprint }}", "templates may not use the filter 'pprint'"),
        ("{{ 'x'|attr('upper') }}", "templates may not use the filter 'attr'"),
        ("{{ [1, 2]|random }}", "templates may not use the filter 'random'"),
        ("{{ 'x' is callable }}", "templates may not use the test 'callable'"),
    ],
)
def test_what_is_not_listed_is_refused_with_file_and_line(tmp_path, brief, expected):
    folder = template(tmp_path, "# Brief\n" + brief + "\n")
    with pytest.raises(TemplateError) as caught:
        render_here(folder, {"p": tmp_path, "m": Meta(title="T"), "d": {"a": 1}, "l": [1]})
    message = caught.value.one_line()
    assert message.startswith(f"{folder / 'brief.md.j2'}:2: "), message
    assert expected in message


def test_what_is_listed_works(tmp_path):
    brief = (
        "{% set charts = [] %}{% for s in sections %}{% do charts.append(s.title|upper) %}{% endfor %}"
        "{{ charts|join(', ') }}; {{ 'a-b'.split('-')|join('+') }}; {{ ' x '.strip() }}; {{ 'Ab'.lower().startswith('a') }}; "
        "{{ '{}/{:>3}'.format('a', 7) }}; {{ '%s=%d' % ('n', 3) }}; {{ d.get('a') }}; {{ d.keys()|list }}; "
        "{{ day.year }} {{ day.isoformat() }}; {% for k, v in d.items() %}{{ k }}{{ v }}{% endfor %}; "
        "{% for x in [1, 1, 2] %}{{ loop.index }}{{ loop.cycle('a', 'b') }}{% if loop.changed(x) %}!{% endif %}{% endfor %}; "
        "{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}; "
        "{% macro m(x) %}<{{ x }}{{ caller() }}>{% endmacro %}{% call m(1) %}c{% endcall %}\n"
    )
    import datetime as dt

    out = render_here(template(tmp_path, brief), {"sections": [{"title": "One"}, {"title": "Two"}], "d": {"a": 1}, "day": dt.date(2025, 3, 1)})
    assert out == "ONE, TWO; a+b; x; True; a/ 7; n=3; 1; ['a']; 2025 2025-03-01; a1; 1a!2b3a!; 3; <1c>"


def test_extends_blocks_super_imports_and_includes_work(tmp_path):
    folder = template(tmp_path, "{% extends 'base.j2' %}{% block body %}child+{{ super() }}+{{ self.other() }}{% endblock %}")
    (folder / "base.j2").write_text("[{% block body %}base{% endblock %}|{% block other %}o{% endblock %}]", encoding="utf-8")
    (folder / "lib.j2").write_text("{% macro shout(x) %}{{ x|upper }}!{% endmacro %}{% set answer = 42 %}", encoding="utf-8")
    assert render_here(folder, {}) == "[child+base+o|o]"
    (folder / "brief.md.j2").write_text("{% import 'lib.j2' as lib %}{{ lib.shout('hi') }} {{ lib.answer }} {% include 'lib.j2' %}", encoding="utf-8")
    assert render_here(folder, {}) == "HI! 42 "


def test_every_allowed_name_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    names = [*filters.FILTERS, *filters.TESTS, *methods.STR_METHODS, "format", *methods.DICT_METHODS, *methods.LIST_METHODS,
             *methods.DATE_METHODS, *methods.LOOP_METHODS, *methods.CYCLER_METHODS]
    for name in names:
        assert f"`{name}`" in doc, name
    for name in filters.REFUSED_FILTERS:
        assert f"`{name}`" in doc, f"{name}: docs/templates.md should say it is not available"
