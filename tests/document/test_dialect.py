"""Dialect mistakes are errors with suggestions, all at once, at the template's file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.document.markdown import parse_markdown
from reportgen.document.model import DocumentInfo
from reportgen.document.vocab import ContainerKind, Layout
from reportgen.errors import TemplateError, TemplateErrors

INFO = DocumentInfo("T")

DECK = """# {{ meta.title }} {layout=title}

---

# Quote {layout=qoute}

> {{ quote }}

:::: columns
::: colum Left
Left text
:::
::::
"""
"""A template whose Markdown below has two mistakes, written on lines 5 and 10."""

MARKDOWN = """# Title {layout=title}

---

# Quote {layout=qoute}

> words

:::: columns
::: colum Left
Left text
:::
::::
"""


def errors_of(markdown: str, folders: tuple[Path, ...] = (), origin: str = "deck.md.j2") -> list[TemplateError]:
    with pytest.raises(TemplateError) as caught:
        parse_markdown(markdown, INFO, {}, origin=origin, folders=folders)
    error = caught.value
    return list(error.errors) if isinstance(error, TemplateErrors) else [error]


def test_every_mistake_is_reported_at_once_at_its_template_line(tmp_path):
    (tmp_path / "deck.md.j2").write_text(DECK, encoding="utf-8")
    first, second = errors_of(MARKDOWN, (tmp_path,))
    assert first.one_line() == f"{tmp_path / 'deck.md.j2'}:5:10: unknown layout 'qoute' (did you mean 'quote'?)"
    assert second.location.line == 10 and second.location.file == tmp_path / "deck.md.j2"
    assert second.message == "unknown container 'colum'" and second.hint == "did you mean 'column'?"


def test_without_the_template_the_markdown_line_is_named():
    (error,) = errors_of("# Quote {layout=qoute}\n")
    assert error.one_line() == "deck.md.j2: line 1 of the Markdown the template wrote: unknown layout 'qoute' (did you mean 'quote'?)"


def test_a_parent_sets_template_is_searched_too(tmp_path):
    child, parent = tmp_path / "child", tmp_path / "parent"
    child.mkdir(), parent.mkdir()
    (child / "deck.md.j2").write_text("{% extends 'base.md.j2' %}\n", encoding="utf-8")
    (parent / "base.md.j2").write_text("intro\n\n# X {layout=bulets}\n", encoding="utf-8")
    (error,) = errors_of("intro\n\n# X {layout=bulets}\n", (child, parent))
    assert (error.location.file, error.location.line) == (parent / "base.md.j2", 3)
    assert error.hint == "did you mean 'bullets'?"


def test_unknown_attributes_and_far_off_words_list_what_there_is():
    attribute, layout = errors_of("# A {lay-out=chart}\n\n# B {layout=zzz}\n")
    assert attribute.message.endswith("unknown heading attribute 'lay-out'") and attribute.hint == "did you mean 'layout'?"
    assert layout.hint == "use one of: " + ", ".join(Layout)


def test_a_block_in_columns_but_in_no_column_is_an_error_at_its_template_line(tmp_path):
    template = ":::: columns\n::: column A\nOne\n:::\nStray {{ x }}\n::::\n"
    (tmp_path / "brief.md.j2").write_text(template, encoding="utf-8")
    (error,) = errors_of(":::: columns\n::: column A\nOne\n:::\nStray {{ x }}\n::::\n", (tmp_path,), "brief.md.j2")
    assert error.message == "a block inside ':::: columns' is not inside a '::: column'"
    assert (error.location.file, error.location.line) == (tmp_path / "brief.md.j2", 5)


def test_every_container_kind_is_read():
    for kind in ContainerKind:
        inner = "::: column\nx\n:::\n" if kind == ContainerKind.COLUMNS else "x\n"
        (block,) = parse_markdown(f":::: {kind}\n{inner}::::\n", INFO, {}).blocks
        assert block.kind is kind
