"""Citation numbers follow the reading order; a source's short form is its own or publisher and year."""

from __future__ import annotations

from reportgen.outline.citations import citation_numbers, short_form
from reportgen.outline.model import Outline, Source


def test_numbers_follow_first_citation_in_reading_order():
    outline = Outline.model_validate(
        {
            "meta": {"title": "T"},
            "summary": ["s"],
            "sections": [
                {
                    "id": "a",
                    "title": "A",
                    "points": [{"text": "p", "source": "b", "points": [{"text": "q", "source": ["c", "b"]}]}],
                    "figures": [
                        {"id": "t", "type": "table", "title": "T", "columns": ["x"], "rows": [["1"], {"cells": ["2"], "source": "d"}], "source": "c"}
                    ],
                },
                {"id": "z", "title": "Z", "points": [{"text": "r", "source": "a"}]},
            ],
            "sources": [{"id": ident, "title": ident.upper()} for ident in "abcde"],
        }
    )
    assert citation_numbers(outline) == {"b": 1, "c": 2, "d": 3, "a": 4}
    assert outline.sections[0].figures[0].rows[0].cells == ["1"]


def test_short_form_prefers_short_then_publisher_author_title_with_year():
    assert short_form(Source(id="s", title="T", short="Own 1999", publisher="P", date="2020")) == "Own 1999"
    assert short_form(Source(id="s", title="T", publisher="Kyodo News", author="A", date="2023-04-01")) == "Kyodo News 2023"
    assert short_form(Source(id="s", title="T", author="A. Writer")) == "A. Writer"
    assert short_form(Source(id="s", title="Only a title", date="May 2022")) == "Only a title 2022"
