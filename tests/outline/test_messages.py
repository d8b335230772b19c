"""Every pydantic error type the outline's models raise reads in the project's words, with the fix."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pydantic import ValidationError

from reportgen.errors import OutlineError, ReportgenError, TemplateError
from reportgen.outline import load_outline
from reportgen.outline.load import validate_outline
from reportgen.outline.messages import MESSAGES, Problem, wording
from reportgen.outline.model import Outline
from reportgen.templating.sets import load_set
from reportgen.theme import Theme
from reportgen.yamlfile import read_yaml
from support.plain_words import pydantic_phrases_in

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "small.yaml"
BASE = SMALL.read_text(encoding="utf-8")
TABLE = "      - {id: t, type: table, title: T, columns: [a, b], rows: [[x, y]]}\nsources:"

NOTES = "    notes: Say this."
CASES = [
    ("extra_text", [(NOTES, NOTES + "\n    extra: {memo: " + "x" * 10_001 + "}")],
     "26:19: sections[0].extra.memo: is 10,001 characters long; the most is 10,000 (shorten it to at most 10,000 characters)"),
    ("extra_link", [(NOTES, NOTES + "\n    extra: {see: '[x](file:///etc/passwd)'}")],
     "26:18: sections[0].extra.see: links to 'file:///etc/passwd', which uses the 'file:' scheme "
     "(only http, https and mailto links or #anchors are allowed) (change the link, or write the address as plain text)"),
    ("extra_number", [(NOTES, NOTES + "\n    extra: {weight: 1e999}")],
     "26:21: sections[0].extra.weight: is inf, not a finite number (write an ordinary number)"),
    ("extra_depth", [(NOTES, NOTES + "\n    extra: {a: {b: {c: {d: {e: {f: 1}}}}}}")],
     "26:32: sections[0].extra.a.b.c.d.e: is nested more than 5 levels deep (flatten it to at most 5 levels)"),
    ("extra_size", [(NOTES, NOTES + "\n    extra: {tags: [" + ", ".join(["t"] * 1001) + "]}")],
     "26:19: sections[0].extra.tags: has 1,001 items; the most is 1,000 (keep only what the templates use, or split it into parts)"),
    ("missing", [("  title: A small brief\n", "")], "3:3: meta.title: required field is missing (add 'title:')"),
    ("extra_forbidden", [("    notes: Say this.", "    notes: Say this.\n    speaker: x")],
     "26:5: sections[0].speaker: unknown key 'speaker' (known keys: id, title, lead, points, notes, figures, minutes, extra)"),
    ("string_type", [("  subtitle: For tests", "  subtitle: [a]")],
     "4:13: meta.subtitle: must be text, not a list (put text that starts with '[' or '-' in quotes)"),
    ("too_short", [("title: A chart", "title: ''")],
     "34:16: sections[1].figures[0].title: must not be empty (write the title after 'title:')"),
    ("too_short", [("categories: [a, b, c]", "categories: []")],
     "36:21: sections[1].figures[0].categories: has no categories; at least 1 is needed (add one category)"),
    ("too_long", [("  - Another judgment.", "  - Another judgment.\n" + "  - More.\n" * 5)],
     "11:3: summary: has 7 items; at most 6 are allowed (keep the 6 judgments that matter most; the rest belong in the sections)"),
    ("string_pattern_mismatch", [("id: two", "id: two sections")],
     "26:9: sections[1].id: 'two sections' is not a valid id "
     "(use letters, digits, '-' and '_', starting with a letter or digit, e.g. 'two-sections')"),
    ("string_pattern_mismatch", [("  marking:", "  language: en_US\n  marking:")],
     "8:13: meta.language: must be a language tag such as 'en' or 'ja-JP' (BCP 47), not 'en_US' (did you mean 'en-US'?)"),
    ("list_type", [("      - Gamma point\n", "      Gamma point\n")],
     "29:7: sections[1].points: must be a list of points, not text "
     "(write each point on its own line, starting with '- ', or in brackets: [a, b])"),
    ("list_type", [("keywords: [alpha, beta]", "keywords:")],
     "9:12: meta.keywords: must be a list of keywords, not empty (add '- ...' lines under it, or leave 'keywords:' out)"),
    ("dict_type", [("  ABC: A term", "  - ABC: A term")],
     "45:3: glossary: must be a mapping of term: meaning, not a list (write each entry as 'TERM: meaning' on its own line, without '- ')"),
    ("model_type", [("      - Gamma point", "      - [Gamma, point]")],
     "29:9: sections[1].points[0]: must be a point: text, or a mapping with 'text:' (and 'points:' or 'source:'), "
     "not a list (to nest points, write the point above as 'text: ...' with 'points:' under it)"),
    ("model_attributes_type", [("      - id: chart\n", "      - chart\n      - id: chart\n")],
     "32:9: sections[1].figures[0]: must be a figure: a mapping with 'id:', 'type:' and 'title:', not text "
     "(start it with one of its keys, e.g. 'id: ...')"),
    ("float_parsing", [("values: [1, 2, 3]", "values: [1, 2 %, 3]")],
     "38:35: sections[1].figures[0].series[0].values[1]: must be a number, got '2 %' "
     "(write digits only, such as 12.5: no units or thousands separators)"),
    ("float_type", [("values: [1, 2, 3]", "values: [1, [2], 3]")],
     "38:35: sections[1].figures[0].series[0].values[1]: must be a number, not a list (write digits only, such as 12.5)"),
    ("date_from_datetime_parsing", [("date: 2025-03-01", "date: 2025-02-30")],
     "7:9: meta.date: must be a date written as YYYY-MM-DD, got '2025-02-30' (that day does not exist)"),
    ("date_from_datetime_inexact", [("date: 2025-03-01", "date: 20250301")],
     "7:9: meta.date: must be a date written as YYYY-MM-DD, got '20250301' (e.g. 2025-01-15)"),
    ("date_type", [("date: 2025-03-01", "date: [2025]")],
     "7:9: meta.date: must be a date written as YYYY-MM-DD, not a list (e.g. 2025-01-15)"),
    ("union_tag_invalid", [("type: bar", "type: Bar")],
     "33:15: sections[1].figures[0].type: unknown figure type 'Bar' (did you mean 'bar'?)"),
    ("union_tag_not_found", [("        type: bar\n", "")],
     "32:9: sections[1].figures[0]: a figure needs a 'type' (add 'type:' with bar, line, pie, table or image)"),
    ("not_finite", [("values: [1, 2, 3]", "values: [1, 1e999, 3]")],
     "38:31: sections[1].figures[0].series[0].values: values must be finite numbers, got inf "
     "(write an ordinary number; a value as large as 1e999 counts as infinite)"),
    ("series_length", [("values: [1, 2, 3]", "values: [1, 2]")],
     "38:13: sections[1].figures[0].series[0]: series 'S' has 2 values but there are 3 categories "
     "(give each series one value per category)"),
    ("row_length", [("sources:", TABLE.replace("[[x, y]]", "[[x, y], [z]]"))],
     "40:72: sections[1].figures[1].rows[1]: row 2 has 1 cell but there are 2 columns (give each row one cell per column)"),
    ("pie_negative", [("type: bar", "type: pie"), ("values: [1, 2, 3]", "values: [1, -2, 3]")],
     "38:13: sections[1].figures[0].series[0]: a pie chart cannot show negative values (series 'S') "
     "(use a bar chart for values below zero)"),
    ("pie_series", [("type: bar", "type: pie"), ("- {name: S, values: [1, 2, 3]}", "- {name: S, values: [1, 2, 3]}\n          - {name: T, values: [1, 2, 3]}")],
     "32:9: sections[1].figures[0]: a pie chart takes exactly one series (use a bar or line chart to compare several series)"),
]


def edited(edits: list[tuple[str, str]]) -> str:
    text = BASE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def error_line(tmp_path: Path, text: str) -> str:
    path = tmp_path / "o.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        load_outline(path)
    return caught.value.one_line().replace(f"{path}:", "")


@pytest.mark.parametrize(("kind", "edits", "expected"), CASES, ids=[f"{case[0]}-{i}" for i, case in enumerate(CASES)])
def test_each_error_type_in_plain_words(tmp_path, kind, edits, expected):
    text = edited(edits)
    with pytest.raises(ValidationError) as raw:
        Outline.model_validate(read_yaml_data(tmp_path, text))
    assert kind in {error["type"] for error in raw.value.errors()}
    assert error_line(tmp_path, text) == expected


def read_yaml_data(tmp_path: Path, text: str):
    path = tmp_path / "raw.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, what="outline", error=OutlineError)[0]


def test_literal_error_suggests_the_word_meant():
    problem = Problem("literal_error", ("sections", 0, "figures", 0, "type"), "Pie", {"expected": "'bar', 'line' or 'pie'"})
    assert wording(problem).message == "unknown figure type 'Pie'" and wording(problem).hint == "did you mean 'pie'?"


PYTHON_ONLY = {"extra_key", "extra_type"}
"""Refused only in data built in Python (YAML gives text keys and plain scalars): tests/outline/test_extra.py."""


THEME_CASES = [
    ("string_pattern_mismatch", "colours:\n  primary: red\n",
     "3:12: colours.primary: must be a colour written as #RRGGBB, not 'red' (e.g. '#1B365D', in quotes)"),
    ("greater_than_equal", "brief:\n  page:\n    margin_top_mm: 2\n", "4:20: brief.page.margin_top_mm: must be at least 5, not 2"),
    ("less_than_equal", "deck:\n  sizes:\n    body: 90\n", "4:11: deck.sizes.body: must be at most 40, not 90"),
    ("literal_error", "brief:\n  page:\n    size: A5\n", "4:11: brief.page.size: 'A5' is not allowed here (use one of: A4, Letter)"),
    ("value_error", "languages:\n  ja:\n    page_of: '{page}/{total}'\n",
     "4:14: languages.ja.page_of: may use only {page} and {pages} (e.g. 'Page {page} of {pages}')"),
    ("dict_type", "deck:\n  layouts: [title]\n",
     "3:12: deck.layouts: must be a mapping of keys, not a list (write it as 'key: value' lines under it)"),
    ("model_type", "languages:\n  ja: 目次\n",
     "3:7: languages.ja: must be the words of one language: a mapping of 'strings' keys, not text (start it with one of its keys, e.g. 'contents: ...')"),
    ("missing", "font_files:\n  Mine: {}\n", "3:9: font_files.Mine.regular: required field is missing (add 'regular:')"),
    ("extra_forbidden", "languages:\n  ja:\n    contnts: 目次\n",
     "4:5: languages.ja.contnts: unknown theme key 'contnts' (did you mean 'contents'?)"),
    ("too_short", "colours:\n  chart: []\n", "3:10: colours.chart: has no colours; at least 1 is needed (add one colour)"),
]
"""Error types the theme's models raise (besides those the outline's raise too), each worded by the same table."""


@pytest.mark.parametrize(("kind", "theme", "expected"), THEME_CASES, ids=[case[0] for case in THEME_CASES])
def test_each_theme_error_type_in_plain_words(tmp_path, kind, theme, expected):
    (tmp_path / "theme.yaml").write_text("extends: default\n" + theme, encoding="utf-8")
    with pytest.raises(ValidationError) as raw:
        Theme.model_validate(read_yaml(tmp_path / "theme.yaml", what="theme", error=OutlineError)[0])
    assert kind in {error["type"] for error in raw.value.errors()}
    with pytest.raises(TemplateError) as caught:
        load_set(tmp_path)
    assert caught.value.one_line() == f"{tmp_path / 'theme.yaml'}:{expected}"


def test_every_type_in_the_table_has_a_case():
    assert set(MESSAGES) == {case[0] for case in CASES} | {case[0] for case in THEME_CASES} | {"greater_than", "less_than"} | PYTHON_ONLY


def test_an_error_type_not_in_the_table_still_reads_in_our_words():
    assert wording(Problem("int_parsing", ("meta", "title"), "x", text="Input should be a valid integer")).message == (
        "reportgen cannot use text here"
    )
    assert wording(Problem("unsafe_link", ("meta", "title"), "x", text="links to javascript:")).message == "links to javascript:"


def _variants(data):
    """The small outline with each value, in turn, replaced by values of the wrong shape, or removed."""
    wrong = [None, "", "x y", [], ["x"], [["x"]], {}, {"a": "b"}, "1e999", ".nan", "2024-13-01", "20240101", "Bar"]

    def paths(value, at=()):
        yield at
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in children:
            yield from paths(child, (*at, key))

    for at in list(paths(data))[1:]:
        for replacement in [*wrong, KeyError]:
            variant = copy.deepcopy(data)
            holder = variant
            for part in at[:-1]:
                holder = holder[part]
            if replacement is KeyError:
                del holder[at[-1]]
            else:
                holder[at[-1]] = replacement
            yield variant


def test_no_wrong_shape_anywhere_gets_pydantics_words(tmp_path):
    data = read_yaml_data(tmp_path, edited([("sources:", TABLE)]))
    kinds: set[str] = set()
    for variant in _variants(data):
        try:
            Outline.model_validate(variant)
        except ValidationError as exc:
            kinds |= {error["type"] for error in exc.errors()}
            assert {error["type"] for error in exc.errors()} <= set(MESSAGES), exc
        try:
            validate_outline(variant, {}, tmp_path / "o.yaml")
        except ReportgenError as error:
            printed = error.one_line()
            assert not pydantic_phrases_in(printed), printed
    assert len(kinds) > 15
