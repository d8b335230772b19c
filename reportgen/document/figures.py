"""What both formats show around and inside a figure the same way: its credit line and its numbers.

Pandoc keeps what its OOXML writers share in one module below both; this is
ours for figures. Renderers call these and only draw the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reportgen.document.model import Chart

_LABEL = r"\s*:\s*"


def credit(source: str, label: str = "Source") -> str:
    """*source* without a leading ``Source:`` or ``Sources:`` (any case), nor the theme's own *label*
    (``出典:``): the renderer writes its label before the credit, so it must not show twice."""
    words = {"source", "sources", label.strip().casefold()} - {""}
    pattern = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.sub(rf"^\s*(?:{pattern}){_LABEL}", "", source.strip(), flags=re.IGNORECASE).strip()


MAX_DECIMALS = 2


@dataclass(frozen=True)
class NumberFormat:
    """How a chart's numbers are written: as many decimals as the data has (at most two),
    thousands separators, and ``%`` after each when the chart's unit is a percentage."""

    decimals: int = 0
    percent: bool = False

    def text(self, value: float | None) -> str:
        """*value* as the chart's labels show it (``1,234.5``, ``12%``); None is no label."""
        if value is None:
            return ""
        return f"{value:,.{self.decimals}f}" + ("%" if self.percent else "")

    def axis_text(self, value: float) -> str:
        """An axis tick: up to two decimals, trailing zeros dropped (ticks are round numbers)."""
        return f"{value:,.{MAX_DECIMALS}f}".rstrip("0").rstrip(".") + ("%" if self.percent else "")

    @property
    def excel(self) -> str:
        """The same format as an Excel number format (a deck's chart workbook and its labels)."""
        return "#,##0" + ("." + "0" * self.decimals if self.decimals else "") + ('"%"' if self.percent else "")


def is_percent(chart: Chart) -> bool:
    """A chart whose unit is ``%``: its numbers carry the sign, so no axis title repeats it."""
    return chart.unit.strip() == "%"


def number_format(chart: Chart, values: Iterable[float | None] | None = None) -> NumberFormat:
    """The format of *chart*'s numbers (of *values*, if given: a pie's shown slices)."""
    shown = [v for s in chart.series for v in s.values] if values is None else list(values)
    decimals = 0
    for value in shown:
        if value is not None:
            fraction = f"{value:.{MAX_DECIMALS}f}".split(".")[1].rstrip("0")
            decimals = max(decimals, len(fraction))
    return NumberFormat(decimals, is_percent(chart))


def axis_title(chart: Chart) -> str:
    """The value axis' unit title: the chart's unit, unless the numbers carry it already (``%``)."""
    return "" if is_percent(chart) else chart.unit
