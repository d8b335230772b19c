"""The one table rule: padding and how columns share the width."""

from __future__ import annotations

import pytest

from reportgen.document.tables import CELL_PAD_BOTTOM, CELL_PAD_TOP, CELL_PAD_X, share_widths


def test_padding_is_the_briefs():
    assert (CELL_PAD_X, CELL_PAD_TOP, CELL_PAD_BOTTOM) == (6.0, 3.5, 4.5)


def test_natural_widths_that_fit_grow_in_proportion():
    assert share_widths([20, 20], [30, 60], 180) == pytest.approx([60, 120])


def test_the_space_beyond_the_minimums_goes_where_it_is_wanted():
    widths = share_widths([20, 40], [100, 40], 100)
    assert widths == pytest.approx([60, 40])
    assert sum(widths) == pytest.approx(100)


def test_minimums_too_wide_shrink_in_proportion():
    assert share_widths([100, 300], [100, 300], 200) == pytest.approx([50, 150])


def test_wide_columns_share_the_space_beyond_their_minimums_in_proportion_to_their_want():
    # neither column is narrow enough to keep its natural width (an even share is 100)
    widths = share_widths([40, 40], [340, 140], 200)
    assert widths == pytest.approx([40 + 120 * 300 / 400, 40 + 120 * 100 / 400])


def test_a_short_column_keeps_its_natural_width_and_never_wraps():
    # "Issue 1" wants 3 points more than its longest word; shared in proportion it would get under one
    minimum, natural = [36, 60, 80], [39, 110, 600]
    widths = share_widths(minimum, natural, 460)
    assert widths[0] == pytest.approx(39) and widths[1] == pytest.approx(110)
    assert sum(widths) == pytest.approx(460)


def test_short_columns_keep_their_natural_width_only_while_the_others_minimums_fit():
    widths = share_widths([30, 390], [40, 900], 425)
    assert widths == pytest.approx([30 + 5 * 10 / 520, 390 + 5 * 510 / 520])
