"""Data tables: column widths from content, header style, repeated header, stripes."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.tables import PAD_X, column_widths, data_table
from reportgen.theme import Theme
from reportgen.theme.model import Colours


def widths(cells: list[list[str]], available: float = 400) -> list[float]:
    return column_widths(cells, available, "Helvetica", 8.5, "Helvetica-Bold")


def test_widths_fill_the_space_in_proportion_to_content() -> None:
    out = widths([["Year", "Assessment"], ["2001", "Delayed; review of costs and schedule requested by the ministry"]])
    assert sum(out) == pytest.approx(400)
    assert out[1] > 3 * out[0]


def test_every_column_gets_its_longest_word_when_possible() -> None:
    long_word = "Humanitarianassistance"
    cells = [["Term", "Meaning"], [long_word, "a " * 200]]
    out = widths(cells)
    assert out[0] >= stringWidth(long_word, "Helvetica", 8.5) + 2 * PAD_X
    assert sum(out) == pytest.approx(400)


def test_too_narrow_space_is_shared_by_minimum_widths() -> None:
    out = widths([["Aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]], available=100)
    assert sum(out) == pytest.approx(100)
    assert out[1] > out[0]


def test_data_table_header_repeats_and_uses_theme_colours() -> None:
    theme = Theme(colours=Colours(table_header_fill="#112233", table_header_text="#FFEEDD", table_stripe="#ABCDEF"))
    styles = Styles.from_theme(theme)
    table = data_table(["A", "B"], [["1", "2"], ["3"]], [["A", "B"], ["1", "2"], ["3"]], styles, 300)
    assert table.repeatRows == 1
    assert all(isinstance(cell, Paragraph) for row in table._cellvalues for cell in row)
    assert len(table._cellvalues[2]) == 2  # a short row is padded
    commands = {cmd[0]: cmd for cmd in table._bkgrndcmds}
    assert commands["BACKGROUND"][3].hexval() == "0x112233"
    assert [c.hexval() for c in commands["ROWBACKGROUNDS"][3]] == ["0xffffff", "0xabcdef"]
    assert table._cellvalues[0][0].style.textColor.hexval() == "0xffeedd"


def test_a_japanese_cell_can_break_between_its_characters_so_its_least_width_is_a_few_of_them():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reportgen.render.pdf.tables import widest_word

    cell = "海洋・領域をめぐる圧力"
    assert widest_word(cell, "Helvetica", 10) < stringWidth(cell, "Helvetica", 10) / 4
    assert widest_word("maritime pressure", "Helvetica", 10) == stringWidth("pressure", "Helvetica", 10)


def test_a_short_label_column_is_as_wide_as_its_longest_cell_on_one_line() -> None:
    cells = [["Issue", "Exporter", "Assessment"]] + [
        [f"Issue {n}", "Two mid-sized exporters", "Together hold a fifth of exports; their bans in a dry year move prices " * 2]
        for n in range(1, 4)
    ]
    issue, exporter, assessment = widths(cells, 460)
    assert issue == pytest.approx(stringWidth("Issue 1", "Helvetica", 8.5) + 2 * PAD_X)
    assert exporter == pytest.approx(stringWidth("Two mid-sized exporters", "Helvetica", 8.5) + 2 * PAD_X)
    assert issue + exporter + assessment == pytest.approx(460)
