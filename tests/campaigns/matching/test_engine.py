"""The matching engine on its own: no database, plain dataclasses (campaigns.matching.engine). How it chooses
proposals, properties on random small problems, and its purity. Scoring and the validator have their own tests."""

import itertools
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings

from campaigns.matching.engine import (
    Problem,
    Settings,
    Solution,
    greedy,
    solve,
)
from campaigns.matching.scoring import REASONS, evaluate, exclusions, score
from campaigns.matching.validation import validate

from .builders import job, keys, lexicographic, person
from .engine_problems import contests, problems

ROOT = Path(__file__).resolve().parents[3]
ENGINE_MODULES = ("engine", "problem", "scoring", "validation", "grid")  # the engine's modules: none may import Django


# --- Choosing proposals ------------------------------------------------------------------------------------------


def test_a_pin_is_proposed_even_when_a_better_candidate_wants_the_place():
    strong, weak = person(1, rubric=5.0), person(2, rubric=1.0)
    problem = Problem((strong, weak), (job(10, capacity=1),), pinned=frozenset({(2, 10)}))

    solution = solve(problem)

    assert keys(solution) == [(2, 10)]
    assert keys(greedy(problem)) == [(2, 10)]
    assert solution.problems == ()


def test_a_pin_the_hard_constraints_exclude_is_reported_not_proposed():
    problem = Problem((person(1, consent_to_share=False), person(2)), (job(10),), pinned=frozenset({(1, 10)}))

    solution = solve(problem)

    assert keys(solution) == [(2, 10)]
    assert solution.problems == (
        "Candidate 1 is pinned to vacancy 10, but cannot be proposed there: no consent to share the profile.",
    )
    assert validate(problem, solution) == []


def test_more_pins_than_places_honours_as_many_as_fit_and_says_so():
    people = tuple(person(cid) for cid in (1, 2, 3))
    problem = Problem(people, (job(10, capacity=2),), pinned=frozenset({(1, 10), (2, 10), (3, 10)}))

    solution = solve(problem)

    assert len(solution.proposals) == 2
    assert len(solution.problems) == 1
    assert "takes 2 candidate(s) and more are pinned to it" in solution.problems[0]
    assert validate(problem, solution) == []


def test_a_forbidden_pair_is_never_proposed_even_as_the_only_option():
    problem = Problem((person(1),), (job(10),), forbidden=frozenset({(1, 10)}))

    assert keys(solve(problem)) == keys(greedy(problem)) == []
    assert solve(problem).uncovered == ()


def test_a_candidate_gets_at_most_one_vacancy_per_company():
    same_company = (job(10, company_id=1, isco_code="9321"), job(11, company_id=1))
    candidate = person(1, occupations=frozenset({"9321"}))

    solution = solve(Problem((candidate,), same_company))
    elsewhere = solve(Problem((candidate,), (same_company[0], job(20, company_id=2))))

    assert keys(solution) == [(1, 10)]
    assert keys(elsewhere) == [(1, 10), (1, 20)]


def test_one_vacancy_per_company_holds_however_many_interviews_are_allowed():
    vacancies = (job(10, company_id=1), job(11, company_id=1), job(20, company_id=2))

    solution = solve(Problem((person(1),), vacancies, Settings(max_interviews=3)))

    assert len(solution.proposals) == 2
    assert keys(solution)[1] == (1, 20)


def test_a_vacancy_gets_at_most_its_capacity():
    people = tuple(person(cid, rubric=float(cid)) for cid in (1, 2, 3))

    assert keys(solve(Problem(people, (job(10, capacity=1),)))) == [(3, 10)]
    assert keys(solve(Problem(people, (job(10, capacity=0),)))) == []
    assert solve(Problem(people, (job(10, capacity=0),))).uncovered == (1, 2, 3)


def test_a_candidate_gets_at_most_m_interviews():
    vacancies = tuple(job(vid) for vid in (10, 20, 30))

    assert len(solve(Problem((person(1),), vacancies)).proposals) == 2
    assert len(solve(Problem((person(1),), vacancies, Settings(max_interviews=1))).proposals) == 1
    assert len(solve(Problem((person(1),), vacancies, Settings(max_interviews=0))).proposals) == 0


def test_empty_problems_give_empty_solutions():
    for problem in (Problem((), ()), Problem((person(1),), ()), Problem((), (job(10),))):
        for solution in (solve(problem), greedy(problem)):
            assert (solution.proposals, solution.total_fit, solution.covered) == ((), 0, frozenset())
            assert validate(problem, solution) == []


def test_the_same_problem_in_any_order_gives_the_same_solution():
    people = tuple(person(cid, rubric=3.0, occupations=frozenset({"9321"})) for cid in range(1, 7))
    vacancies = tuple(job(vid, company_id=vid // 20, capacity=2, isco_code="9321") for vid in (10, 11, 20, 21, 40))
    problem = Problem(people, vacancies)
    shuffled = Problem(people[::-1], vacancies[::-1])

    assert solve(problem) == solve(problem) == solve(shuffled)
    assert greedy(problem) == greedy(shuffled)


def two_jobs_one_strong_candidate(m: int) -> Problem:
    """Ana fits the warehouse job best and may drive; Bo fits it too but has no licence for the driving job.
    Each vacancy takes one candidate."""
    warehouse = job(10, company_id=1, capacity=1, isco_code="9321")
    driving = job(20, company_id=2, capacity=1, isco_code="8322", driving_licence_required=True)
    ana = person(1, occupations=frozenset({"9321"}), has_driving_licence=True, rubric=5.0)
    bo = person(2, occupations=frozenset({"9321"}), rubric=3.0)
    return Problem((ana, bo), (warehouse, driving), Settings(max_interviews=m))


def test_greedy_leaves_someone_out_where_the_engine_covers_everyone():
    problem = two_jobs_one_strong_candidate(m=1)
    ana, bo = problem.candidates
    warehouse, driving = problem.vacancies
    assert score(ana, warehouse).fit > score(bo, warehouse).fit > score(ana, driving).fit
    assert exclusions(bo, driving) == ("driving_licence",)

    baseline, engine = greedy(problem), solve(problem)

    assert (keys(baseline), baseline.uncovered) == ([(1, 10)], (2,))
    assert (keys(engine), engine.covered, engine.uncovered) == ([(1, 20), (2, 10)], frozenset({1, 2}), ())


def test_coverage_comes_before_fit_even_when_it_costs_fit():
    problem = two_jobs_one_strong_candidate(m=2)

    baseline, engine = greedy(problem), solve(problem)
    fit_only = solve(replace(problem, settings=replace(problem.settings, coverage_first=False)))

    assert keys(baseline) == keys(fit_only) == [(1, 10), (1, 20)]
    assert keys(engine) == [(1, 20), (2, 10)]
    assert len(engine.covered) > len(baseline.covered)
    assert engine.total_fit < baseline.total_fit == fit_only.total_fit


def test_covering_one_more_candidate_outweighs_any_loss_of_fit():
    warehouse = job(
        10, company_id=1, capacity=1, isco_code="9321", sector="care", required_competences=frozenset({1}),
        language="nl", language_level="A1", shifts=frozenset({"day"}),
    )  # fmt: skip
    driving = job(20, company_id=2, capacity=1, driving_licence_required=True)
    ana = person(
        1, occupations=frozenset({"9321"}), competences=frozenset({1}), languages=(("nl", "B2"),), rubric=5.0,
        commute_minutes=((10, 0),), shifts=frozenset({"day"}), desired_sectors=frozenset({"care"}),
        has_driving_licence=True,
    )  # fmt: skip
    bo = person(2, languages=(("nl", "A1"),))
    problem = Problem((ana, bo), (warehouse, driving))
    assert (score(ana, warehouse).fit, score(bo, warehouse).fit) == (100, 12)

    engine = solve(problem)

    assert keys(engine) == [(1, 20), (2, 10)]
    assert engine.total_fit == greedy(problem).total_fit - 88


def test_duplicate_ids_are_refused():
    try:
        solve(Problem((person(1), person(1)), (job(10),)))
    except ValueError as error:
        assert str(error) == "candidate ids appear more than once: [1]"
    else:
        raise AssertionError("duplicate candidate ids were accepted")


# --- Properties on random small problems -------------------------------------------------------------------------


def objective(problem: Problem, solution: Solution) -> tuple[int, ...]:
    """(pins honoured, candidates with ≥ 1 proposal, … with ≥ L, total fit), L the fairness levels."""
    return lexicographic(problem, [(p.candidate_id, p.vacancy_id, p.fit) for p in solution.proposals])


def brute_force_optimum(problem: Problem) -> tuple[int, ...]:
    """The best (pins, covered at each fairness level, fit) over every subset of allowed pairs that keeps the
    limits."""
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
        if len(set(per_company)) < len(per_company):
            continue
        best = max(best, lexicographic(problem, [(p.candidate_id, p.vacancy_id, p.fit) for p in taken]))
    return best


@settings(max_examples=150, deadline=None, database=None)
@given(problems() | contests(most=5))
def test_every_solution_of_either_method_is_valid(problem):
    assert validate(problem, solve(problem)) == []
    assert validate(problem, greedy(problem)) == []


@settings(max_examples=150, deadline=None, database=None)
@given(problems() | contests(most=5))
def test_the_engine_is_never_behind_greedy(problem):
    assert objective(problem, solve(problem)) >= objective(problem, greedy(problem))


@settings(max_examples=150, deadline=None, database=None)
@given(problems(max_candidates=3, max_vacancies=3) | contests(most=3))
def test_the_engine_reaches_the_brute_force_optimum(problem):
    assert objective(problem, solve(problem)) == brute_force_optimum(problem)


@settings(max_examples=150, deadline=None, database=None)
@given(problems())
def test_every_reason_is_documented_and_the_fit_is_the_sum_of_its_points(problem):
    for candidate in problem.candidates:
        for vacancy in problem.vacancies:
            pair = score(candidate, vacancy, problem.settings)

            assert pair.fit == min(sum(r.points for r in pair.reasons), 100)
            for r in pair.reasons:
                assert tuple(name for name, _value in r.params) == REASONS[r.code]
                assert r.positive or r.points == 0


# --- Purity ------------------------------------------------------------------------------------------------------


def test_the_engine_imports_no_django():
    modules = ", ".join(f"campaigns.matching.{name}" for name in ENGINE_MODULES)
    code = f"import sys, {modules}; print(sorted(m for m in sys.modules if m.startswith('django')))"

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
