"""The build's notice that an outline gives no talk duration, which tests about other warnings leave out."""

from __future__ import annotations

DURATION_NOTICE = "meta.duration: the talk takes about "


def other_output(stderr: str) -> str:
    """*stderr* without the duration notice (an outline without ``meta.duration`` always gets it)."""
    return "".join(line for line in stderr.splitlines(keepends=True) if DURATION_NOTICE not in line)
