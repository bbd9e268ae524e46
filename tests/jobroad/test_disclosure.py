"""How counts of people are published to funder viewers (jobroad.disclosure): pure functions, no database."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobroad.disclosure import (
    HIDDEN,
    SMALL_COUNT,
    cells_to_hide,
    published,
    published_column,
    published_share,
    published_table,
)

counts = st.integers(min_value=0, max_value=400)
few_or_none = st.integers(min_value=0, max_value=12)  # small numbers make small cells likely
grids = st.integers(min_value=1, max_value=4).flatmap(
    lambda width: st.lists(st.lists(few_or_none, min_size=width, max_size=width), min_size=1, max_size=6)
)


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, 0), (1, HIDDEN), (4, HIDDEN), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (98, 100)],
)
def test_a_count_is_shown_as_zero_hidden_or_rounded_to_five(count, shown):
    assert published(count) == shown


@settings(max_examples=500, deadline=None)
@given(counts, counts)
def test_no_two_published_counts_differ_by_one_to_four(first, second):
    shown = published(first), published(second)

    if HIDDEN not in shown:
        assert abs(shown[0] - shown[1]) not in range(1, SMALL_COUNT)


@settings(max_examples=500, deadline=None)
@given(counts, counts)
def test_rounding_moves_a_count_by_two_at_most_and_keeps_the_order(first, second):
    low, high = sorted((first, second))

    if low >= SMALL_COUNT:
        assert abs(published(low) - low) <= 2
        assert published(low) <= published(high)


def test_a_column_with_one_small_count_hides_the_next_smallest_too():
    assert published_column([40, 3, 12, 0, 9]) == [40, HIDDEN, 10, 0, HIDDEN]


def test_a_column_with_two_small_counts_hides_nothing_more():
    assert published_column([40, 3, 12, 2]) == [40, HIDDEN, 10, HIDDEN]


def test_a_zero_is_never_hidden_to_protect_a_small_count():
    assert published_column([3, 0, 0]) == [HIDDEN, 0, 0]  # their total, 3, is hidden wherever it is shown


def test_each_column_of_a_table_is_protected_on_its_own():
    grid = [
        [3, 20],
        [8, 9],
        [30, 2],
    ]

    assert cells_to_hide(grid) == {(0, 0), (1, 0), (2, 1), (1, 1)}


def test_rows_need_not_be_as_long_as_each_other():
    assert cells_to_hide([[3, 6], [7]]) == {(0, 0), (1, 0)}


@settings(max_examples=500, deadline=None)
@given(grids)
def test_no_hidden_cell_is_a_column_total_minus_the_cells_shown(grid):
    hidden = cells_to_hide(grid)

    for line in ([(row, column) for row in range(len(grid))] for column in range(len(grid[0]))):
        hidden_here = [cell for cell in line if cell in hidden]
        total = sum(grid[row][column] for row, column in line)
        # Either no hidden cell, or several (whose sum alone can be worked out), or the line's total is small
        # itself and so hidden wherever it is shown.
        assert len(hidden_here) != 1 or total < SMALL_COUNT, (line, hidden_here)


@settings(max_examples=500, deadline=None)
@given(grids)
def test_every_small_count_is_hidden_and_no_zero_is(grid):
    hidden = cells_to_hide(grid)

    for row, counts_of_row in enumerate(grid):
        for column, count in enumerate(counts_of_row):
            if 0 < count < SMALL_COUNT:
                assert (row, column) in hidden
            if count == 0:
                assert (row, column) not in hidden


@settings(max_examples=300, deadline=None)
@given(grids)
def test_a_published_table_shows_only_hidden_marks_and_multiples_of_five(grid):
    for row in published_table(grid):
        for shown in row:
            assert shown == HIDDEN or shown % 5 == 0


def test_a_share_is_computed_from_the_counts_as_shown():
    assert published_share(published(6), published(7)) == "100 %"  # 5 of 5, not 86 %
    assert published_share(published(3), published(7)) == "—"
    assert published_share(0, 0) == "—"
