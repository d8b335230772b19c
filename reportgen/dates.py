"""Dates as readers of a language write them; used by templates and by the renderers' page furniture."""

from __future__ import annotations

import datetime as dt

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
