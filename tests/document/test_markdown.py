"""The Markdown reader: blocks, runs, containers, layout attributes and figure references."""

from __future__ import annotations

import pytest

from reportgen.document.markdown import parse_markdown
from reportgen.document.model import (
    LINE_BREAK,
    BulletList,
    Container,
    DocumentInfo,
    FigureRef,
    Heading,
    Paragraph,
    Rule,
    Table,
    TableBlock,
    plain,
)
from reportgen.errors import TemplateError

INFO = DocumentInfo(title="t")
TABLE = Table(id="tab", number=1, title="T", caption="", columns=("a",), rows=(("1",),), source="")


def parse(text, figures=None):
    return parse_markdown(text, INFO, figures or {}).blocks


def test_heading_attributes_choose_layout_and_leave_the_title():
    (heading,) = parse("# Alliances and **partners** {layout=\"two-column\"}\n")
    assert isinstance(heading, Heading)
    assert heading.attrs == {"layout": "two-column"}
    assert plain(heading.runs) == "Alliances and partners"
    assert heading.runs[-1].bold


def test_escaped_braces_are_not_attributes():
    (heading,) = parse("# Title \\{layout=chart}\n")
    assert heading.attrs == {}
    assert plain(heading.runs) == "Title {layout=chart}"


def test_nested_bullets_and_styles():
    (lst,) = parse("- a *b* [c](https://x.org)\n  - d\n    - e\n- f\n")
    assert isinstance(lst, BulletList) and len(lst.items) == 2
    first = lst.items[0]
    assert [r.text for r in first.runs] == ["a ", "b", " ", "c"]
    assert first.runs[1].italic and first.runs[3].href == "https://x.org"
    assert plain(first.children.items[0].children.items[0].runs) == "e"


def test_containers_nest_and_keep_arguments():
    blocks = parse(":::: columns\n::: column Left side\n- x\n:::\n::: column Right\ny\n:::\n::::\n\n::: notes\nsay\n:::\n")
    columns, notes = blocks
    assert isinstance(columns, Container) and columns.kind == "columns"
    assert [c.args for c in columns.blocks] == ["Left side", "Right"]
    assert notes.kind == "notes" and plain(notes.blocks[0].runs) == "say"


def test_rule_table_and_hard_break():
    blocks = parse("a  \nb\n\n---\n\n| h1 | h2 |\n| --- | --- |\n| **x** | y |\n")
    para, rule, table = blocks
    assert [r.text for r in para.runs] == ["a", LINE_BREAK, "b"]
    assert isinstance(rule, Rule)
    assert isinstance(table, TableBlock) and plain(table.header[1]) == "h2" and table.rows[0][0][0].bold


def test_figure_reference_alone_in_a_paragraph():
    (ref,) = parse("![](figure:tab)\n", {"tab": TABLE})
    assert ref == FigureRef("tab")


def test_unknown_figure_is_a_template_error():
    with pytest.raises(TemplateError, match="figure 'nope'.*known: tab"):
        parse("![](figure:nope)\n", {"tab": TABLE})


def test_raw_html_is_text():
    (para,) = parse("<b>bold?</b> & more\n")
    assert isinstance(para, Paragraph) and plain(para.runs) == "<b>bold?</b> & more"


@pytest.mark.parametrize(
    ("markdown", "line"),
    [
        ("Intro.\n\nSee [the plan](javascript:alert(1)).\n", 3),
        ("Intro.\n\nSee <JaVaScRiPt:alert(1)>.\n", 3),
        ("Intro.\n\nSee [the plan][p].\n\n[p]: <java\tscript:alert(1)>\n", 3),
        ("Intro.\n\n- [share](file:///etc/passwd)\n", 3),
        ("Intro.\n\n| a |\n| --- |\n| [x](data:text/html,hi) |\n", 5),
    ],
    ids=["inline link", "autolink", "reference link", "in a list", "in a table"],
)
def test_links_to_refused_schemes_are_template_errors_naming_the_template_and_line(markdown, line):
    with pytest.raises(TemplateError) as caught:
        parse_markdown(markdown, INFO, {}, origin="brief.md.j2")
    message = caught.value.one_line()
    assert message.startswith(f"brief.md.j2: line {line} of the Markdown the template wrote links to '")
    assert "scheme (only http, https and mailto links or #anchors are allowed)" in message


def test_allowed_links_are_kept():
    (para,) = parse("[web](https://example.org) [mail](mailto:a@example.org) [here](#sources) <https://example.org/auto>\n")
    assert [r.href for r in para.runs if r.href] == ["https://example.org", "mailto:a@example.org", "#sources", "https://example.org/auto"]


def test_an_inline_span_names_the_language_of_its_runs():
    doc = parse_markdown("Beijing's [维护]{lang=zh-Hans} and **[維護]{lang=zh-Hant}** {.x}\n", DocumentInfo(title="t"), {})
    runs = doc.blocks[0].runs
    assert [(run.text, run.bold, run.lang) for run in runs] == [
        ("Beijing's ", False, None), ("维护", False, "zh-Hans"), (" and ", False, None), ("維護", True, "zh-Hant"), (" {.x}", False, None)
    ]
