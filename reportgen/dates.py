"""Dates: as readers of a language write them (templates, page furniture), and the build's one timestamp."""

from __future__ import annotations

import datetime as dt
import os

from reportgen.errors import RenderError

_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
}


def format_date(value: dt.date | str | None, language: str = "en") -> str:
    """A date as readers of *language* write it (``15 January 2025``, ``2025年1月15日``)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    base = language.split("-")[0].lower()
    if base in ("ja", "zh"):
        return f"{value.year}年{value.month}月{value.day}日"
    if base == "ko":
        return f"{value.year}년 {value.month}월 {value.day}일"
    months = _MONTHS.get(base)
    if months is None:
        return value.isoformat()
    return f"{value.day} {months[value.month - 1]} {value.year}"


UNDATED = dt.date(2000, 1, 1)


def build_time(date: dt.date | None) -> dt.datetime:
    """The one timestamp both outputs carry (UTC), so the same input gives the same bytes:
    ``SOURCE_DATE_EPOCH`` if set (the reproducible-builds convention), else the outline's date,
    else 2000-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise RenderError(f"SOURCE_DATE_EPOCH must be a number of seconds, not '{epoch}'") from None
    day = date or UNDATED
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
