"""A YAML parser error is explained as the line that is out of line, where it is, and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reportgen.errors import OutlineError
from reportgen.yamlfile import read_yaml
from reportgen.yamlsyntax import explain


def error_line(tmp_path: Path, text: str) -> str:
    path = tmp_path / "o.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OutlineError) as caught:
        read_yaml(path, what="outline", error=OutlineError)
    return caught.value.one_line().removeprefix(f"{path}:")


CASES = [
    pytest.param(
        "meta:\n  title: x\n author: y\n",
        "expected <block end>, but found '<block mapping start>'",
        "3:2: YAML syntax error: this key is indented less than its siblings ('title' on line 2 starts at column 3) "
        "(line 'author' up with 'title', at column 3)",
        id="key indented less than its siblings",
    ),
    pytest.param(
        "sections:\n  - id: a\n   title: b\n",
        "expected <block end>, but found '<block mapping start>'",
        "3:4: YAML syntax error: this key is indented less than its siblings ('id' on line 2 starts at column 5) "
        "(line 'title' up with 'id', at column 5)",
        id="key of a list item indented less than the first",
    ),
    pytest.param(
        "sections:\n  - id: a\n    title: b\n  points: [x]\n",
        "expected <block end>, but found '?'",
        "4:3: YAML syntax error: this key is indented less than its siblings ('title' on line 3 starts at column 5) "
        "(line 'points' up with 'title', at column 5)",
        id="key at the dash of the item it belongs to",
    ),
    pytest.param(
        "summary:\n  - a\n  b: c\n",
        "expected <block end>, but found '?'",
        "3:3: YAML syntax error: a key where a list item was expected: the lines above it are items of a list "
        "('- a' on line 2) (start it with '- ' to make it an item, or indent it less to take it out of the list)",
        id="key among list items",
    ),
    pytest.param(
        "meta:\n  title: x\n  - y\n",
        "expected <block end>, but found '-'",
        "3:3: YAML syntax error: a list item where a key was expected: the lines at this indentation are keys, "
        "like 'title' on line 2 (a list goes under a key that ends with ':', indented deeper than that key; "
        "or write this line as 'key: value')",
        id="list item among keys",
    ),
    pytest.param(
        "points:\n  - text: a\n    - b\n",
        "expected <block end>, but found '-'",
        "3:5: YAML syntax error: a list item where a key was expected: the lines at this indentation are keys, "
        "like 'text' on line 2 (a list goes under a key that ends with ':', indented deeper than that key; "
        "or write this line as 'key: value')",
        id="list item under a point's text",
    ),
    pytest.param(
        "s:\n  points:\n    - a\n   - b\n",
        "expected <block end>, but found '<block sequence start>'",
        "4:4: YAML syntax error: this list item is indented less than the one above it ('- a' on line 3) "
        "(line its '-' up with that item's, at column 5)",
        id="list item indented less than the one above",
    ),
    pytest.param(
        "points:\n  - text: Alpha\n    points:\n      - Beta\n        - text: Gamma\n",
        "mapping values are not allowed here",
        "5:9: YAML syntax error: this list item is indented deeper than the one above it ('- Beta' on line 4), "
        "so YAML reads it as more of that item's text (line its '-' up with that item's, at column 7)",
        id="list item indented deeper than the one above",
    ),
    pytest.param(
        "meta:\n  subtitle: For tests\n   author: Someone\n",
        "mapping values are not allowed here",
        "3:4: YAML syntax error: this key is indented deeper than the line above it ('subtitle' on line 2), "
        "so YAML reads it as more of that line's text (line it up with 'subtitle' on line 2, at column 3)",
        id="key indented deeper than the one above",
    ),
    pytest.param(
        "points:\n  - Alpha\n    source: x\n",
        "mapping values are not allowed here",
        "3:5: YAML syntax error: a key under a list item that is plain text ('- Alpha' on line 2), so YAML reads it "
        "as more of that item's text (an item with keys must start with a key: write '- text: Alpha' and put "
        "'source:' under 'text')",
        id="key under a plain-text item",
    ),
    pytest.param(
        "meta:\n  title: Japan: a story\n",
        "mapping values are not allowed here",
        "2:15: YAML syntax error: the text of 'title' contains ': ', which YAML reads as the start of another key "
        "(put the text in quotes: title: \"...\")",
        id="colon in the text",
    ),
    pytest.param(
        "meta:\n  title x\n  author: y\n",
        "mapping values are not allowed here",
        "2:3: YAML syntax error: this line has no ':' after its key, so YAML reads it and line 3 as one text "
        "(write 'title: x')",
        id="key without colon before another key",
    ),
    pytest.param(
        "meta:\n  title: x\n  author\nsummary: [a]\n",
        "could not find expected ':'",
        "3:3: YAML syntax error: this line has no ':' after its key (write 'author: value', or start the line "
        "with '- ' if it is a list item)",
        id="key without colon at the end of a mapping",
    ),
    pytest.param(
        "meta:\n  keywords: [a, b\n  title: x\n",
        "expected ',' or ']', but got ':'",
        "2:13: YAML syntax error: the '[' here has no matching ']' before line 3, column 8 "
        "(close it with ']', and quote items that contain ',', ':' or brackets)",
        id="unclosed bracket",
    ),
]


@pytest.mark.parametrize(("text", "parser_says", "expected"), CASES)
def test_parser_errors_are_explained(tmp_path, text, parser_says, expected):
    with pytest.raises(yaml.MarkedYAMLError) as raw:
        yaml.compose(text, Loader=yaml.SafeLoader)
    assert raw.value.problem.startswith(parser_says)
    assert error_line(tmp_path, text) == expected


def test_libyaml_words_for_a_misplaced_line_are_explained_too():
    text = "meta:\n  title: x\n author: y\n"
    error = yaml.MarkedYAMLError(
        context="while parsing a block mapping",
        context_mark=yaml.Mark("o.yaml", 0, 0, 0, None, None),
        problem="did not find expected key",
        problem_mark=yaml.Mark("o.yaml", 0, 2, 1, None, None),
    )
    explained = explain(text, error)
    assert explained is not None and (explained.line, explained.column) == (3, 2)
    assert explained.message.startswith("this key is indented less than its siblings")


def test_an_error_it_cannot_place_keeps_the_parsers_words(tmp_path):
    assert error_line(tmp_path, 'meta:\n  title: "unclosed\n') == (
        "2:10: YAML syntax error: found unexpected end of stream (a quote is not closed)"
    )


def test_several_duplicate_keys_are_all_reported(tmp_path):
    path = tmp_path / "o.yaml"
    path.write_text("a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        read_yaml(path, what="outline", error=OutlineError)
    lines = caught.value.one_line().splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == ["a", "c.d"]
    assert lines[0].startswith(f"{path}:3:1:") and lines[1].startswith(f"{path}:6:3:")
