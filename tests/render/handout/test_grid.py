"""The handout's grid: every layout's slides and ruled lines inside the margins, aligned, one gutter apart."""

from __future__ import annotations

from itertools import pairwise

import pytest

from reportgen.render.handout.grid import GUTTER, PITCH, SPECS, Area, cells, pages

A4 = Area(left=56.7, bottom=56.7, right=538.6, top=779.0)
WIDE = 9 / 16
EPS = 1e-6


@pytest.mark.parametrize("per_page", sorted(SPECS))
def test_each_place_keeps_the_slides_shape_and_stays_inside_the_area(per_page):
    places = cells(per_page, A4, WIDE)
    assert len(places) == per_page
    for place in places:
        assert place.height == pytest.approx(place.width * WIDE)
        assert A4.left - EPS <= place.x and place.right <= A4.right + EPS
        assert A4.bottom - EPS <= place.y and place.top <= A4.top + EPS
        rules = place.rules
        assert A4.left - EPS <= rules.x0 < rules.x1 <= A4.right + EPS
        assert all(A4.bottom - EPS <= y <= A4.top + EPS for y in rules.ys)
        assert list(rules.ys) == sorted(rules.ys, reverse=True)
        assert all(a - b == pytest.approx(PITCH) for a, b in pairwise(rules.ys))


@pytest.mark.parametrize("per_page", sorted(SPECS))
def test_no_two_places_overlap_and_rows_and_columns_line_up(per_page):
    places = cells(per_page, A4, WIDE)
    spec = SPECS[per_page]
    for i, a in enumerate(places):
        for b in places[i + 1:]:
            apart = a.right <= b.x or b.right <= a.x or a.top <= b.y or b.top <= a.y
            assert apart, (a, b)
    rows = [places[r * spec.columns:(r + 1) * spec.columns] for r in range(spec.rows)]
    for row in rows:
        assert len({round(p.y, 6) for p in row}) == 1  # a row's slides share their baseline
    for c in range(spec.columns):
        assert len({round(row[c].x, 6) for row in rows}) == 1  # a column's slides share their left edge
    tops = [row[0].top for row in rows]
    steps = {round(a - b, 6) for a, b in pairwise(tops)}
    assert len(steps) <= 1  # rows are evenly spaced


def test_three_a_page_puts_the_lines_beside_each_slide_one_gutter_away():
    for place in cells(3, A4, WIDE):
        assert place.rules.x0 == pytest.approx(place.right + GUTTER)
        assert place.rules.x1 == pytest.approx(A4.right)
        assert place.rules.ys[-1] == pytest.approx(place.y)  # the last line is level with the slide's foot
        assert place.rules.ys[0] <= place.top - PITCH + EPS
        assert len(place.rules.ys) >= 5


def test_a_right_to_left_page_mirrors_three_a_page():
    for place, mirrored in zip(cells(3, A4, WIDE), cells(3, A4, WIDE, mirrored=True), strict=True):
        assert mirrored.right == pytest.approx(A4.right) and mirrored.rules.x0 == pytest.approx(A4.left)
        assert mirrored.rules.x1 == pytest.approx(mirrored.x - GUTTER) and mirrored.y == pytest.approx(place.y)


@pytest.mark.parametrize("per_page", [1, 2])
def test_large_slides_span_the_width_with_ruled_space_below(per_page):
    for place in cells(per_page, A4, WIDE):
        assert place.width == pytest.approx(A4.width)
        assert place.rules.ys[0] == pytest.approx(place.y - GUTTER)
        assert (place.rules.x0, place.rules.x1) == pytest.approx((place.x, place.right))
        assert len(place.rules.ys) >= SPECS[per_page].least_lines


@pytest.mark.parametrize("per_page", [4, 6])
def test_a_grid_has_two_columns_one_gutter_apart_and_only_a_few_lines(per_page):
    places = cells(per_page, A4, WIDE)
    assert places[1].x - places[0].right == pytest.approx(GUTTER)
    assert places[0].x == pytest.approx(A4.left) and places[1].right == pytest.approx(A4.right)
    assert all(len(place.rules.ys) <= SPECS[per_page].lines for place in places)


def test_a_tall_slide_is_bounded_by_the_row_not_the_column():
    tall = 3 / 4
    for per_page in SPECS:
        for place in cells(per_page, Area(0, 0, 800, 400), tall):
            assert place.top <= 400 + EPS and place.y >= -EPS


def test_page_counts():
    assert [pages(16, n) for n in (1, 2, 3, 4, 6)] == [16, 8, 6, 4, 3]
    assert pages(16, 3, closing=True) == 7 and pages(3, 3) == 1 and pages(4, 3) == 2
