"""Outline values dropped into Markdown keep inline emphasis but never change the structure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.document.markdown import parse_markdown
from reportgen.document.model import BulletList, DocumentInfo, Heading, Paragraph, plain
from reportgen.templating.escape import Markdown, bullets, citation, cite, inline, paragraphs
from reportgen.templating.escape import plain as plain_escape

INJECTIONS = ["---", "# Title", "::: notes", "{{ x }}", "<b>&", "1. one", "- dash", "> quote", "x {layout=chart}",
              "![](figure:budget)", "a | b", "&amp;", "trailing \\", "===", "```py", "* * *", "## h ##", "+ plus"]


def shape(value: str):
    blocks = parse_markdown(f"# {inline(value)}\n\n- {inline(value)}\n\n{inline(value)}\n", DocumentInfo(title="t"), {}).blocks
    return blocks


@pytest.mark.parametrize("value", INJECTIONS)
def test_structure_cannot_be_injected(value):
    heading, lst, para = shape(value)
    assert isinstance(heading, Heading) and heading.attrs == {}
    assert isinstance(lst, BulletList) and len(lst.items) == 1
    assert isinstance(para, Paragraph)
    assert plain(heading.runs) == plain(lst.items[0].runs) == plain(para.runs) == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_any_single_line_value_stays_one_block(value):
    value = " ".join(value.split())
    if not value:
        return
    heading, lst, para = shape(value)
    assert isinstance(heading, Heading) and isinstance(lst, BulletList) and isinstance(para, Paragraph)
    assert len(lst.items) == 1 and lst.items[0].children is None


def test_inline_emphasis_and_links_survive():
    (para,) = parse_markdown(inline("**bold** and [link](https://e.org)") + "\n", DocumentInfo(title="t"), {}).blocks
    assert para.runs[0].bold and para.runs[-1].href == "https://e.org"


def test_plain_escapes_emphasis_too():
    (para,) = parse_markdown(plain_escape("**not bold**") + "\n", DocumentInfo(title="t"), {}).blocks
    assert plain(para.runs) == "**not bold**" and not para.runs[0].bold


def test_paragraphs_keep_blank_lines_between_paragraphs():
    assert paragraphs("one\ntwo\n\n# three") == "one two\n\n\\# three"


def test_markdown_values_pass_unchanged():
    assert inline(Markdown("# ok")) == "# ok"


def P(text, points=(), source=()):
    """A point as templates see it (plain data)."""
    return {"text": text, "points": list(points), "source": list(source)}


def test_bullets_nest_and_credit_sources():
    text = bullets([P("a", [P("b", [P("c")])], ["s"])], {"s": "Kyodo, 2023"})
    assert text == "- a (Kyodo, 2023)[](cite:s)\n  - b\n    - c\n"


def test_cite_writes_each_source_once_and_refuses_what_is_not_an_id():
    assert cite(["a", "b", "a"]) == "[](cite:a)[](cite:b)"
    assert cite("solo") == "[](cite:solo)"
    with pytest.raises(TypeError, match="not one"):
        cite(["a)[x](javascript:alert(1)"])
    with pytest.raises(TypeError, match="source id"):
        cite(3)


def test_a_cited_source_marks_its_entry_and_links_back():
    text = citation({**S(id="s1", title="T", author="A"), "number": 2, "pages": "p. 7"})
    assert text == "[](source:s1)A, *T*, p. 7. [^](#cite-s1)"
    assert citation(S(id="s1", title="T", author="A")) == "A, *T*."


def S(**fields):
    """A source as templates see it (plain data)."""
    return {key: fields.get(key, "") for key in ("id", "title", "author", "publisher", "date", "url")}


def test_citation_links_the_title_and_escapes_values():
    text = citation(S(author="# Kyodo", title="Budget *up*", publisher="nippon.com", date="2023-12-22", url="https://x.org/a b"))
    (para,) = parse_markdown(text + "\n", DocumentInfo(title="t"), {}).blocks
    assert plain(para.runs) == "# Kyodo, Budget up, nippon.com, 2023-12-22."
    assert any(run.href == "https://x.org/a%20b" and run.italic for run in para.runs)


def test_an_empty_sub_point_is_left_out_so_its_parent_keeps_its_text():
    from reportgen.templating.escape import bullets

    assert bullets([{"text": "0000", "points": [{"text": "", "points": []}]}]) == "- 0000\n"


def test_a_language_span_passes_through_and_its_text_is_still_escaped():
    from reportgen.templating.escape import inline

    assert inline("calls it [维护海洋权益]{lang=zh-Hans} today") == "calls it [维护海洋权益]{lang=zh-Hans} today"
    assert inline("[a <b>]{lang=ko}") == r"[a \<b\>]{lang=ko}"
    assert inline("[x]{lang=<b>} {y}") == r"[x]\{lang=\<b\>\} \{y\}"  # not a language tag: braces escaped
