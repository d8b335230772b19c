"""``extra:`` values: read as YAML's core schema reads them, bounded, and refused in our words."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from reportgen.outline.extra import MAX_DEPTH, MAX_KEYS
from reportgen.outline.model import Outline, Point


def outline_with_extra(extra: dict) -> Outline:
    return Outline.model_validate(
        {"meta": {"title": "T", "extra": extra}, "summary": ["s"], "sections": [{"id": "a", "title": "A"}]}
    )


def test_text_scalars_become_what_they_look_like():
    extra = outline_with_extra(
        {"n": "3", "x": "-2.5", "yes": "true", "on": "on", "d": "2026-03-01", "bad_day": "2026-02-30", "t": "03"}
    ).meta.extra
    assert extra == {"n": 3, "x": -2.5, "yes": True, "on": "on", "d": dt.date(2026, 3, 1), "bad_day": "2026-02-30", "t": 3}


def test_nested_values_arrive_untouched():
    extra = {"owner": {"name": "Desk A", "tags": ["x", "y"]}, "confidence": "high"}
    assert outline_with_extra(extra).meta.extra == extra


def test_every_part_that_takes_extra_keeps_it():
    point = Point.model_validate({"text": "p", "extra": {"confidence": "moderate"}})
    assert point.extra == {"confidence": "moderate"}
    assert Point.model_validate("plain").extra == {}


def _error_type(extra: dict) -> tuple[str, tuple]:
    with pytest.raises(ValidationError) as caught:
        outline_with_extra(extra)
    error = caught.value.errors()[0]
    return error["type"], error["ctx"]["inside"]


def test_a_key_that_is_not_text_is_refused():
    assert _error_type({"a": {1: "x"}}) == ("extra_key", ("a",))


def test_an_object_that_is_not_plain_data_is_refused():
    assert _error_type({"a": [object()]}) == ("extra_type", ("a", 0))


def test_depth_and_size_limits():
    deep: dict = {"leaf": 1}
    for level in range(MAX_DEPTH):
        deep = {f"l{level}": deep}
    assert _error_type(deep)[0] == "extra_depth"
    assert _error_type({f"k{i}": i for i in range(MAX_KEYS + 1)}) == ("extra_size", ())
    shallow: dict = {"leaf": 1}
    for level in range(MAX_DEPTH - 1):
        shallow = {f"l{level}": shallow}
    assert outline_with_extra(shallow).meta.extra == shallow


def test_a_huge_string_is_refused():
    assert _error_type({"memo": "x" * 10_000_000}) == ("extra_text", ("memo",))
