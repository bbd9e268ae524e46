"""Fairness beyond the first interview (issue 24, item 2): lexicographic levels — as many candidates as possible with
≥ 1 proposal, then ≥ 2, … up to the levels chosen — then fit; scored once per click (``compare``); numbers the
engine cannot work with refused in words (item 5)."""

import itertools
import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaigns.matching.engine import Level, Problem, Settings, compare, greedy, solve
from campaigns.matching.grid import build
from campaigns.matching.scoring import evaluate
from campaigns.matching.validation import validate

from .builders import job, lexicographic, person


def interviews(solution) -> dict[int, int]:
    counts = {}
    for pair in solution.proposals:
        counts[pair.candidate_id] = counts.get(pair.candidate_id, 0) + 1
    return counts


def one_strong_two_weak(levels: int | None) -> Problem:
    """Five places at five companies, one each. Ana fits them all best; Bo fits them less; Cy may only take the
    first (the others need a driving licence). Three interviews each at most."""
    licence = [job(vid, isco_code="9321", driving_licence_required=True) for vid in (20, 30, 40, 50)]
    places = (job(10, isco_code="9321"), *licence)
    ana = person(1, occupations=frozenset({"9321"}), rubric=5.0, has_driving_licence=True)
    bo = person(2, rubric=1.0, has_driving_licence=True)
    cy = person(3, rubric=1.0)
    return Problem((ana, bo, cy), tuple(replace(p, capacity=1) for p in places), Settings(3, fairness_levels=levels))


def test_the_second_level_spreads_second_interviews_at_a_price_in_fit():
    first_only, two_levels, every_level = (solve(one_strong_two_weak(n)) for n in (1, 2, None))

    assert interviews(first_only) == {1: 3, 2: 1, 3: 1}  # everyone covered, then the best fit: Ana takes three
    assert interviews(two_levels) == interviews(every_level) == {1: 2, 2: 2, 3: 1}
    assert two_levels.total_fit < first_only.total_fit
    for levels in (1, 2, None):
        assert validate(one_strong_two_weak(levels), solve(one_strong_two_weak(levels))) == []


def test_one_click_scores_once_and_shows_every_level_with_its_price():
    problem = one_strong_two_weak(None)

    comparison = compare(problem)

    assert comparison.solution == solve(problem)
    assert comparison.greedy == greedy(problem)
    assert [level.levels for level in comparison.levels] == [0, 1, 2, 3]
    assert comparison.levels[1] == Level(1, solve(one_strong_two_weak(1)).total_fit, (0, 2, 0, 1))
    assert comparison.levels[2].interviews == (0, 1, 2, 0)
    assert comparison.levels[0].total_fit >= comparison.levels[1].total_fit > comparison.levels[2].total_fit
    assert comparison.best_fit == comparison.levels[0].total_fit


# --- Properties --------------------------------------------------------------------------------------------------


@st.composite
def crowds(draw, most_candidates: int = 4, most_vacancies: int = 5) -> Problem:
    """More places than one interview each needs, few enough to be shared out: where the levels pull apart."""
    vacancies = tuple(
        job(
            10 + index,
            company_id=draw(st.sampled_from((index, index, 1))),
            capacity=draw(st.sampled_from((1, 1, 1, 2))),
            isco_code=draw(st.sampled_from(("9321", "8322"))),
            driving_licence_required=draw(st.booleans()),
        )
        for index in range(draw(st.integers(2, most_vacancies)))
    )
    candidates = tuple(
        person(
            1 + index,
            occupations=draw(st.frozensets(st.sampled_from(("9321", "8322")), max_size=1)),
            rubric=draw(st.sampled_from((1.0, 1.0, 5.0))),
            has_driving_licence=draw(st.booleans()),
        )
        for index in range(draw(st.integers(1, most_candidates)))
    )
    pairs = sorted((c.id, v.id) for c in candidates for v in vacancies)
    limits = Settings(
        max_interviews=draw(st.sampled_from((1, 2, 2, 3))),
        fairness_levels=draw(st.sampled_from((None, 0, 1, 2, 3))),
        coverage_first=draw(st.booleans()),
    )
    pinned = draw(st.frozensets(st.sampled_from(pairs), max_size=1))
    return Problem(candidates, vacancies, limits, pinned=pinned)


def at_least(solution, m: int) -> list[int]:
    per = interviews(solution)
    return [sum(n >= k for n in per.values()) for k in range(1, m + 1)]


@settings(max_examples=120, deadline=None, database=None)
@given(crowds(most_candidates=8, most_vacancies=8))
def test_levels_never_reduce_coverage_at_a_lower_level(problem):
    m = problem.settings.max_interviews
    by_levels = [
        solve(replace(problem, settings=replace(problem.settings, coverage_first=True, fairness_levels=n)))
        for n in range(m + 1)
    ]

    for fewer, more in itertools.pairwise(range(m + 1)):
        assert at_least(by_levels[more], m)[:fewer] == at_least(by_levels[fewer], m)[:fewer]
        assert at_least(by_levels[more], m)[fewer] >= at_least(by_levels[fewer], m)[fewer]
    for solution in by_levels:
        assert validate(problem, solution) == []


def brute_force(problem: Problem) -> tuple[int, ...]:
    allowed, _excluded = evaluate(problem)
    vacancies = {v.id: v for v in problem.vacancies}
    pairs = list(allowed.values())
    best = lexicographic(problem, [])
    for chosen in itertools.product((False, True), repeat=len(pairs)):
        taken = [pair for pair, take in zip(pairs, chosen, strict=True) if take]
        per_vacancy = [p.vacancy_id for p in taken]
        per_candidate = [p.candidate_id for p in taken]
        per_company = [(p.candidate_id, vacancies[p.vacancy_id].company_id) for p in taken]
        if any(per_vacancy.count(v) > vacancies[v].capacity for v in per_vacancy):
            continue
        if any(per_candidate.count(c) > problem.settings.max_interviews for c in per_candidate):
            continue
        if len(set(per_company)) == len(per_company):
            best = max(best, lexicographic(problem, [(p.candidate_id, p.vacancy_id, p.fit) for p in taken]))
    return best


@settings(max_examples=60, deadline=None, database=None)
@given(crowds(most_candidates=3, most_vacancies=4))
def test_the_levels_reach_the_brute_force_optimum(problem):
    solution = solve(problem)

    assert lexicographic(problem, [(p.candidate_id, p.vacancy_id, p.fit) for p in solution.proposals]) == brute_force(
        problem
    )


@settings(max_examples=80, deadline=None, database=None)
@given(crowds(most_candidates=8, most_vacancies=8))
def test_compare_gives_what_separate_runs_give(problem):
    comparison = compare(problem)

    assert comparison.solution == solve(problem)
    assert comparison.greedy == greedy(problem)
    for level in comparison.levels:
        alone = solve(
            replace(problem, settings=replace(problem.settings, coverage_first=True, fairness_levels=level.levels))
        )
        assert level.total_fit == alone.total_fit
    eligible = {cid for cid, _vid in evaluate(problem)[0]}
    assert all(sum(level.interviews) == len(eligible) for level in comparison.levels)


# --- Numbers the engine cannot work with (item 5) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "vacancy", "limits", "message"),
    [
        ({"rubric": math.nan}, {}, Settings(), "candidate 1: the screening score is nan, not a number from 1 to 5"),
        ({"rubric": math.inf}, {}, Settings(), "candidate 1: the screening score is inf"),
        ({}, {"capacity": 2**31}, Settings(), "vacancy 10: capacity is 2147483648; the engine takes at most"),
        ({}, {}, Settings(max_interviews=2**40), "the interviews per candidate is 1099511627776"),
        ({}, {"capacity": 2.5}, Settings(), "vacancy 10: capacity must be a whole number, not 2.5"),
        ({"commute_minutes": ((10, math.nan),)}, {}, Settings(), r"commute to vacancy 10 is not a number \(NaN\)"),
    ],
)
@pytest.mark.parametrize("method", [solve, greedy, compare], ids=["solve", "greedy", "compare"])
def test_numbers_the_engine_cannot_work_with_are_refused_in_words(method, candidate, vacancy, limits, message):
    problem = Problem((person(1, **candidate),), (job(10, **vacancy),), limits)

    with pytest.raises(ValueError, match=message):
        method(problem)


def test_the_grid_and_pair_by_pair_scoring_agree_on_the_benchmark_s_campaign():
    from bench.matching import instance

    problem = instance(150, 20, 2)

    grid = build(problem)
    allowed, excluded = evaluate(problem)

    rows = {cid: i for i, cid in enumerate(grid.candidate_ids.tolist())}
    columns = {vid: j for j, vid in enumerate(grid.vacancy_ids.tolist())}
    assert {key: int(grid.fit[rows[key[0]], columns[key[1]]]) for key in allowed} == {
        key: pair.fit for key, pair in allowed.items()
    }
    assert int(grid.allowed.sum()) == len(allowed)
    assert not any(grid.allowed[rows[cid], columns[vid]] for cid, vid in excluded)


def test_levels_whose_rewards_would_overflow_the_solver_are_left_out_and_said(monkeypatch):
    from campaigns.matching import engine

    problem = one_strong_two_weak(None)
    monkeypatch.setattr(engine, "COST_LIMIT", 10**5)  # as if the campaign were huge: two levels no longer fit

    solution = solve(problem)
    comparison = compare(problem)

    assert solution.problems[-1].startswith("Fairness is applied at 1 level(s), not 3")
    assert interviews(solution) == interviews(solve(one_strong_two_weak(1)))
    assert [level.levels for level in comparison.levels] == [0, 1]
    assert comparison.solution == solution
    assert validate(problem, solution) == []
