"""The forked child: its answer, its errors and warnings reach the parent; limits end it; it never outlives the parent."""

from __future__ import annotations

import os
import time
import warnings

import pytest

from reportgen import isolate
from reportgen.errors import ReportgenWarning, TemplateError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def double(value: int) -> int:
    return value * 2


def big_answer() -> bytes:
    return b"x" * (8 << 20)


def warn_then_answer() -> str:
    warnings.warn(ReportgenWarning("a warning from the child"), stacklevel=1)
    return "done"


def fail_as_user_error() -> None:
    raise TemplateError("bad template", field="theme.fonts")


def burn_cpu() -> bool:
    return (9**99999999) > 1


def allocate() -> int:
    return len("ab" * 2_000_000_000)


def test_the_value_comes_back():
    assert isolate.run(double, 21) == 42


def test_an_answer_larger_than_the_pipe_buffer_is_read_whole():
    assert len(isolate.run(big_answer)) == 8 << 20


def test_warnings_raised_in_the_child_are_raised_again_in_the_parent():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert isolate.run(warn_then_answer) == "done"
    assert [str(w.message) for w in caught] == ["a warning from the child"]


def test_a_user_error_keeps_its_type_and_fields():
    with pytest.raises(TemplateError) as raised:
        isolate.run(fail_as_user_error)
    assert raised.value.field == "theme.fonts"


def test_the_cpu_limit_ends_a_computation_that_runs_in_c():
    started = time.monotonic()
    with pytest.raises(isolate.ChildFailed) as raised:
        isolate.run(burn_cpu, limits=isolate.Limits(cpu_seconds=1))
    assert raised.value.over_limit
    assert time.monotonic() - started < 10


def test_the_memory_limit_turns_a_huge_allocation_into_a_failure():
    with pytest.raises(isolate.ChildFailed) as raised:
        isolate.run(allocate, limits=isolate.Limits(extra_memory_bytes=256 << 20))
    assert "memory" in raised.value.reason


def test_cancel_ends_a_child_whose_answer_nobody_reads():
    child = isolate.start(big_answer)
    pid = child.pid
    child.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
