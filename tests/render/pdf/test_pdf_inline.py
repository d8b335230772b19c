"""Runs -> paragraph markup: everything escaped, styles as tags, text survives reportlab's parser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from reportgen.document.model import LINE_BREAK, Run
from reportgen.document.text import clean
from reportgen.render.pdf.inline import plain_text, runs_markup, text_markup


def markup(*runs: Run) -> str:
    return runs_markup(runs, mono="Courier", link="#1B365D")


def shown(text: str) -> str:
    """What reportlab's paragraph parser makes of *text* after escaping."""
    return Paragraph(text_markup(text), ParagraphStyle("t")).getPlainText()


def test_markup_characters_are_escaped() -> None:
    assert text_markup("<b>& {{ x }} # Title") == "&lt;b&gt;&amp; {{ x }} # Title"


def test_styles_become_tags_around_escaped_text() -> None:
    assert markup(Run("a<b", bold=True, italic=True)) == "<b><i>a&lt;b</i></b>"
    assert markup(Run("x()", code=True)) == '<font face="Courier">x()</font>'
    assert markup(Run("gone", strike=True)) == "<strike>gone</strike>"


def test_link_attribute_is_quoted_and_escaped() -> None:
    out = markup(Run("here", href='https://e.org/?a=1&b="2"'))
    assert out.startswith("<a href='https://e.org/?a=1&amp;b=\"2\"' color=\"#1B365D\">")
    assert Paragraph(out, ParagraphStyle("t")).getPlainText() == "here"


def test_hard_break_and_empty_runs() -> None:
    assert markup(Run("a"), Run(LINE_BREAK), Run(""), Run("b")) == "a<br/>b"


def test_nasty_strings_print_literally() -> None:
    for text in ("<b>&amp; </i>", "{{ x }} {% if %}", "&nbsp; &#169;", "<![CDATA[x]]> <!-- c -->", '<a href="x">'):
        assert shown(text) == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), max_size=40))
def test_any_text_survives_the_paragraph_parser(text: str) -> None:
    assert shown(clean(text)) == clean(text)  # the Document's text is cleaned when it is read


def test_plain_text_for_outlines() -> None:
    runs = (Run("1. Bold", bold=True), Run(LINE_BREAK), Run("  next "))
    assert plain_text(runs) == "1. Bold next"
