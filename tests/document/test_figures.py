"""Credits and number formats, shared by the brief and the deck."""

from __future__ import annotations

import pytest

from reportgen.document.figures import NumberFormat, axis_title, credit, is_percent, number_format
from reportgen.document.model import Chart, Series


def chart(*values: float, unit: str = "") -> Chart:
    return Chart("c", "bar", 1, "T", "", tuple(f"c{i}" for i in range(len(values))), (Series("S", values),), "", unit=unit)


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("Source: Kyodo News", "Kyodo News"),
        ("SOURCES:  Kyodo; NHK", "Kyodo; NHK"),
        ("source : MoD", "MoD"),
        ("Sourcebook of defence, 2023", "Sourcebook of defence, 2023"),
        ("  Kyodo News  ", "Kyodo News"),
        ("", ""),
    ],
)
def test_a_leading_source_label_is_stripped(given, shown):
    assert credit(given) == shown


def test_the_themes_own_label_is_stripped_too():
    assert credit("出典: 防衛省", "出典") == "防衛省"
    assert credit("Source: MoD", "出典") == "MoD"


def test_numbers_show_the_datas_decimals_and_thousands():
    fmt = number_format(chart(5.4, 6.75, 1000))
    assert fmt == NumberFormat(2, False)
    assert fmt.text(5.4) == "5.40" and fmt.text(1000) == "1,000.00" and fmt.text(None) == ""
    assert fmt.excel == "#,##0.00"
    assert number_format(chart(1000, 2500)).text(1000) == "1,000"


def test_a_percent_unit_puts_the_sign_on_every_number_and_takes_the_axis_title_away():
    percent = chart(12.5, 30, unit=" % ")
    fmt = number_format(percent)
    assert is_percent(percent) and fmt.text(30) == "30.0%" and fmt.excel == '#,##0.0"%"'
    assert fmt.axis_text(25.0) == "25%"
    assert axis_title(percent) == "" and axis_title(chart(1, unit="USD bn")) == "USD bn"


def test_the_pie_formats_the_values_it_shows():
    assert number_format(chart(-1.5, 2), values=[0.0, 2.0]).decimals == 0
