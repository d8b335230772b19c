"""Dates: as readers of a language write them (templates, page furniture), and the build's one timestamp."""

from __future__ import annotations

import datetime as dt
import os

from reportgen.errors import RenderError
from reportgen.locale import locale_for


def format_date(value: dt.date | str | None, language: str = "en") -> str:
    """A date as readers of *language* write it (``15 January 2025``, ``2025年1月15日``)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    return locale_for(language).format_date(value)


UNDATED = dt.date(2000, 1, 1)


def build_time(date: dt.date | None) -> dt.datetime:
    """The one timestamp both outputs carry (UTC), so the same input gives the same bytes:
    ``SOURCE_DATE_EPOCH`` if set (the reproducible-builds convention), else the outline's date,
    else 2000-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise RenderError(f"SOURCE_DATE_EPOCH must be a number of seconds, not '{epoch}'") from None
    day = date or UNDATED
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
