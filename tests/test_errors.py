"""Errors: several of one file print one line each, in file order, at most 20; every field survives pickling."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

from reportgen.errors import MAX_SHOWN, ErrorList, Location, OutlineError, OutlineErrors, ReportgenError


def error(line: int, column: int = 1, field: str = "meta.title") -> OutlineError:
    return OutlineError(f"problem at {line}:{column}", location=Location("o.yaml", line, column), field=field, hint="fix it")


def test_one_error_is_itself():
    alone = error(3)
    assert OutlineErrors.of([alone]) is alone
    assert OutlineErrors.of([]) is None


def test_errors_are_sorted_by_line_then_column_and_print_one_line_each():
    raised = OutlineErrors.of([error(9, 2), error(3, 7), error(9, 1), OutlineError("no position")])
    assert isinstance(raised, OutlineErrors) and isinstance(raised, OutlineError)
    assert raised.one_line().splitlines() == [
        "o.yaml:3:7: meta.title: problem at 3:7 (fix it)",
        "o.yaml:9:1: meta.title: problem at 9:1 (fix it)",
        "o.yaml:9:2: meta.title: problem at 9:2 (fix it)",
        "no position",
    ]


def test_at_most_twenty_then_how_many_more():
    raised = ErrorList([error(line) for line in range(1, 26)])
    lines = raised.one_line().splitlines()
    assert len(lines) == MAX_SHOWN + 1 == 21
    assert lines[19].startswith("o.yaml:20:1:")
    assert lines[-1] == "and 5 more errors (fix these and run again to see them)"
    assert len(raised.errors) == 25


def test_lists_nested_in_lists_are_flattened():
    inner = ErrorList([error(5), error(1)])
    assert [e.location.line for e in ErrorList([inner, error(3)]).errors] == [1, 3, 5]


def _fields(raised: ReportgenError) -> list[tuple]:
    return [(type(e), e.message, e.location, e.field, e.hint) for e in raised.errors]


def test_pickles_with_every_field():
    raised = OutlineErrors([error(2, 4, "sections[0].id"), error(1)])
    again = pickle.loads(pickle.dumps(raised))
    assert type(again) is OutlineErrors
    assert _fields(again) == _fields(raised)
    assert again.one_line() == raised.one_line()


def _raise_in_worker() -> None:
    raise OutlineErrors([error(2), error(1, field="summary")])


def test_crosses_a_process_boundary():
    with ProcessPoolExecutor(max_workers=1) as pool:
        with pytest.raises(OutlineErrors) as caught:
            pool.submit(_raise_in_worker).result()
    assert [line.split(": ")[1] for line in caught.value.one_line().splitlines()] == ["summary", "meta.title"]
