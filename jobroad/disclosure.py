"""How a count of people is published to whoever may not see people (funder viewers; see
``permissions.sees_small_counts``): the one rule every page, spreadsheet and PDF they get goes through. Pure
Python, so the rule can be tested on its own (tests/jobroad/test_disclosure.py).

Four measures, as statistics offices take them, each closing a way to single a person out:

1. **Small counts are hidden.** A count of one to four people is shown as ``HIDDEN``: "2 people from Eritrea"
   points at them.
2. **Complementary suppression.** Where counts add up to a total that is shown too (the groups of a breakdown
   add up to everyone registered; the campaigns of a report to its total row), one hidden cell alone would be
   the total minus the others. So a column with exactly one hidden cell gets its next-smallest cell hidden too
   (``cells_to_hide``). Every hidden cell shows the same mark, whether small or hidden to protect a small one: a
   different mark would tell which is which, and so the small one again. Alone this is not enough when the two
   add up to little (1 + 5 = 6 splits one way only); the rounding below keeps every total uncertain by up to two.
3. **Counts are rounded to a multiple of ``ROUNDING_BASE``.** Hiding cannot stop differencing: a report for
   September and one for the quarter around it, or one for a campaign and one for its funding programme, show 5
   and 6 people and so tell of the one person in between, though neither count is small. Snapping periods to
   whole months and quarters alone does not help, since they nest. Rounded, every published count is a multiple
   of five, so the difference of any two — between periods, filters, pages or days — is a multiple of five too:
   never one to four. Zero stays zero (nobody is nobody), and rounding moves no count by more than two.
4. **Whole periods** (``campaigns.reporting.reports.funder_periods``): rounding is deterministic, so a funder
   free to move a period's end one day at a time would see the count jump from 5 to 10 on the day the 8th person
   registered, and which group's count jumped with it. Months, quarters and the whole campaign leave a handful of
   reports to compare instead of one per day.

Shares are computed from the published counts, never from the exact ones (86 % of 7 people is 6).
"""

from collections.abc import Sequence

SMALL_COUNT = 5  # fewer people than this are never shown
ROUNDING_BASE = 5
HIDDEN = "x"  # the one mark of a hidden count, small or hidden to protect a small one

Cell = tuple[int, int]  # (row, column)


def is_small(count: int) -> bool:
    return 0 < count < SMALL_COUNT


def published(count: int) -> int | str:
    """A count of people as it may be shown outside JobRoad: 0, ``HIDDEN`` for one to four, otherwise rounded to
    the nearest multiple of ``ROUNDING_BASE`` (7 → 5, 8 → 10; ``count / 5`` never ends in .5, so no tie)."""
    if count == 0:
        return 0
    if is_small(count):
        return HIDDEN
    return ROUNDING_BASE * round(count / ROUNDING_BASE)


def cells_to_hide(grid: Sequence[Sequence[int]]) -> frozenset[Cell]:
    """The cells of ``grid`` (rows of counts whose columns each add up to a total shown too) to hide: every small
    count, and in every column left with exactly one hidden cell, its smallest other non-zero cell. Zeros are never
    hidden: a small count and a hidden zero would still add up to the small count. A column with one small count
    and nothing else to hide adds up to that small count, so its total is hidden wherever it is shown.

    Only columns are lines here: in the report's tables rows never add up (a breakdown's placed are among its
    registered, not beside them), so hiding in one column never calls for hiding in another."""
    hidden: set[Cell] = set()
    for column in range(max((len(row) for row in grid), default=0)):
        cells = [((row, column), counts[column]) for row, counts in enumerate(grid) if column < len(counts)]
        small = [cell for cell, count in cells if is_small(count)]
        shown = sorted((count, cell) for cell, count in cells if count >= SMALL_COUNT)
        hidden.update(small)
        if len(small) == 1 and shown:
            hidden.add(shown[0][1])  # the next-smallest
    return frozenset(hidden)


def published_table(grid: Sequence[Sequence[int]]) -> list[list[int | str]]:
    """``grid`` as published: the cells ``cells_to_hide`` names hidden, every other count rounded."""
    hidden = cells_to_hide(grid)
    return [
        [HIDDEN if (row, column) in hidden else published(count) for column, count in enumerate(counts)]
        for row, counts in enumerate(grid)
    ]


def published_column(counts: Sequence[int]) -> list[int | str]:
    """Counts that add up to a total shown elsewhere (the outcomes of the people placed, the attendees of the
    sessions held), as published."""
    return [row[0] for row in published_table([[count] for count in counts])]


def published_share(count: int | str, total: int | str) -> str:
    """``count`` as a share of ``total``, both as shown: "—" when either is hidden or there is no one."""
    if not isinstance(count, int) or not isinstance(total, int) or not total:
        return "—"
    return f"{round(100 * count / total)} %"
