"""Scoring every pair at once with arrays (campaigns.matching.grid) gives what scoring pair by pair gives."""

import numpy as np
from hypothesis import given, settings

from campaigns.matching.grid import build
from campaigns.matching.scoring import evaluate

from .engine_problems import contests, problems


@settings(max_examples=300, deadline=None, database=None)
@given(problems(max_candidates=6, max_vacancies=5) | contests(most=5))
def test_the_grid_gives_every_pair_the_fit_and_exclusions_of_pair_by_pair_scoring(problem):
    grid = build(problem)
    allowed, excluded = evaluate(problem)

    rows = {cid: i for i, cid in enumerate(grid.candidate_ids.tolist())}
    columns = {vid: j for j, vid in enumerate(grid.vacancy_ids.tolist())}
    expected = np.zeros(grid.allowed.shape, dtype=bool)
    for cid, vid in allowed:
        expected[rows[cid], columns[vid]] = True
    assert (grid.allowed == expected).all()
    assert {key: int(grid.fit[rows[key[0]], columns[key[1]]]) for key in allowed} == {
        key: pair.fit for key, pair in allowed.items()
    }
    assert len(allowed) + len(excluded) == grid.allowed.size
