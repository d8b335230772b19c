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
