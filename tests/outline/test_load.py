"""The loader: YAML and model problems each become one error naming file, line, column and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL
from reportgen.errors import OutlineError
from reportgen.outline import load_outline


def error_line(path: Path) -> str:
    with pytest.raises(OutlineError) as caught:
        load_outline(path)
    return caught.value.one_line()


def test_default_outline_is_valid(default_text, write_outline):
    outline = load_outline(write_outline(default_text))
    assert len(outline.sections) >= 5
    assert {"threats", "strategy", "alliances", "challenges", "outlook"} <= {s.id for s in outline.sections}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("source: zhou", "source: zhuo", "sections[0].points[0].source: unknown source 'zhuo' (known: zhou,"),
        ("  subtitle:", "  titel: x\n  subtitle:", "meta.titel: unknown key 'titel' (did you mean 'title'?)"),
        ("  subtitle:", "  author: again\n  subtitle:", "meta.author: duplicate key 'author'"),
        ("values: [5.4, 6.8, 7.9, 8.7]", "values: [5.4, 6.8, 7.9]", "has 3 values but there are 4 categories"),
        ("id: strategy", "id: threats", "sections[1].id: duplicate section id 'threats'"),
        ("type: bar", "type: bars", "sections[1].figures[0].type: unknown figure type 'bars'"),
        ("values: [5.4, 6.8, 7.9, 8.7]", "values: [5.4, oops, 7.9, 8.7]", "series[0].values[1]: must be a number"),
        ("values: [5.4, 6.8, 7.9, 8.7]", "values: [5.4, .inf, 7.9, 8.7]", "series[0].values[1]"),
        ("  date: 2025-01-15", "  date: soon", "meta.date: must be a date written as YYYY-MM-DD"),
        ("  language: en", "  language: english language", "meta.language: must be a language tag"),
    ],
)
def test_model_errors_name_line_and_field(default_text, write_outline, old, new, expected):
    assert old in default_text
    path = write_outline(default_text.replace(old, new, 1))
    message = error_line(path)
    assert message.startswith(f"{path}:")
    assert expected in message
    line = int(message.split(":")[1])
    assert line > 0


def test_dangling_source_points_at_the_reference_line(default_text, write_outline):
    text = default_text.replace("source: zhou", "source: zhuo", 1)
    path = write_outline(text)
    line = int(error_line(path).split(":")[1])
    assert "source: zhuo" in text.splitlines()[line - 1]


def test_unknown_key_points_at_the_key(default_text, write_outline):
    text = default_text.replace("  subtitle:", "  titel: x\n  subtitle:", 1)
    path = write_outline(text)
    line = int(error_line(path).split(":")[1])
    assert text.splitlines()[line - 1].strip().startswith("titel:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the outline file is empty"),
        ("   \n\n", "the outline file is empty"),
        ("- a\n- b\n", "must be a mapping"),
        ("meta:\n\ttitle: x\n", "indent with spaces, not tabs"),
        ('meta:\n  title: "unclosed\n', "YAML syntax error"),
        ("meta: {title: x}\nsummary: [a]\n", "sections: required field is missing"),
        ("a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
         "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
         "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n", "aliases"),
    ],
)
def test_yaml_problems(write_outline, text, expected):
    assert expected in error_line(write_outline(text))


def test_not_utf8_names_the_byte(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"meta:\n  title: caf\xe9\n")
    message = error_line(path)
    assert ":2:" in message and "0xe9" in message


def test_byte_order_mark_is_accepted(default_text, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + default_text.encode())
    assert load_outline(path).meta.title


def test_unquoted_yes_and_numbers_stay_text(default_text, write_outline):
    text = default_text.replace("  subtitle: Threats, strategy, partnerships and the choices ahead", "  subtitle: yes")
    text = text.replace("  author: Jane Zhou", "  author: 1.50", 1)
    outline = load_outline(write_outline(text))
    assert outline.meta.subtitle == "yes"
    assert outline.meta.author == "1.50"


def test_missing_file(tmp_path):
    assert "no such outline file" in error_line(tmp_path / "nope.yaml")



@pytest.mark.parametrize(
    ("old", "new", "field", "line"),
    [
        ("    author: Someone", "    author: Someone\n    url: javascript:alert(1)", "sources[0].url", 23),
        ("    author: Someone", "    author: Someone\n    url: \"JaVa\\tScRiPt:alert(1)\"", "sources[0].url", 23),
        ("    author: Someone", "    author: Someone\n    url: file:///etc/passwd", "sources[0].url", 23),
        ("      - Alpha point", "      - 'Alpha [point](javascript:alert(1))'", "sections[0].points[0]", 13),
        ("    lead: The lead.", "    lead: '[x]: javascript:alert(1)'", "sections[0].lead", 11),
    ],
    ids=["source url", "disguised scheme", "file url", "link in a point", "reference definition in a lead"],
)
def test_links_to_refused_schemes_name_line_and_field(write_outline, old, new, field, line):
    assert old in MINIMAL
    message = error_line(write_outline(MINIMAL.replace(old, new, 1)))
    assert f"outline.yaml:{line}:" in message and f": {field}: links to '" in message
    assert "scheme (only http, https and mailto links or #anchors are allowed)" in message


@pytest.mark.parametrize("url", ["https://example.org/x", "mailto:desk@example.org", "www.example.org/x", "#glossary"])
def test_allowed_source_urls_load(write_outline, url):
    outline = load_outline(write_outline(MINIMAL.replace("    author: Someone", f"    author: Someone\n    url: '{url}'")))
    assert outline.sources[0].url == url
