"""The matching engine's validator (campaigns.matching.validation) catches every kind of violation."""

from dataclasses import replace

from campaigns.matching.engine import (
    Pair,
    Problem,
    Settings,
    Solution,
)
from campaigns.matching.scoring import evaluate, score
from campaigns.matching.validation import validate

from .builders import job, person


def honest(problem: Problem, chosen, problems=()) -> Solution:
    """A solution for exactly these pairs, with every derived field computed truthfully."""
    candidates = {c.id: c for c in problem.candidates}
    vacancies = {v.id: v for v in problem.vacancies}
    proposals = tuple(score(candidates[c], vacancies[v], problem.settings) for c, v in sorted(chosen))
    covered = frozenset(pair.candidate_id for pair in proposals)
    eligible = {c for c, _v in evaluate(problem)[0]}
    return Solution(
        "test", proposals, sum(p.fit for p in proposals), covered, tuple(sorted(eligible - covered)), problems
    )


VALIDATED = Problem(
    (person(1, rubric=4.0), person(2), person(3, selected=False)),
    (job(10, company_id=1, capacity=1), job(11, company_id=1), job(20, company_id=2, capacity=1)),
)


def test_validate_accepts_an_honest_solution():
    assert validate(VALIDATED, honest(VALIDATED, [(1, 10), (1, 20), (2, 11)])) == []


def test_validate_catches_an_excluded_or_forbidden_pair():
    forbidding = replace(VALIDATED, forbidden=frozenset({(1, 20)}))

    assert validate(VALIDATED, honest(VALIDATED, [(3, 20)])) == ["pair (3, 20) is excluded: not_selected"]
    assert validate(forbidding, honest(forbidding, [(1, 20)])) == ["pair (1, 20) is forbidden"]


def test_validate_catches_broken_limits():
    one_interview = replace(VALIDATED, settings=Settings(max_interviews=1))

    assert validate(VALIDATED, honest(VALIDATED, [(1, 10), (2, 10)])) == ["vacancy 10 has 2 candidates, capacity 1"]
    assert validate(one_interview, honest(one_interview, [(1, 10), (1, 20)])) == [
        "candidate 1 has 2 interviews, at most 1"
    ]
    assert validate(VALIDATED, honest(VALIDATED, [(1, 10), (1, 11)])) == ["candidate 1 has 2 vacancies at company 1"]


def test_validate_catches_wrong_fits_and_reasons():
    solution = honest(VALIDATED, [(1, 10)])
    pair = solution.proposals[0]

    wrong_fit = replace(solution, proposals=(replace(pair, fit=pair.fit + 1),))
    wrong_reasons = replace(solution, proposals=(replace(pair, reasons=()),))

    assert validate(VALIDATED, wrong_fit) == [f"pair (1, 10) has fit {pair.fit + 1}, score() gives {pair.fit}"]
    assert validate(VALIDATED, wrong_reasons) == ["pair (1, 10) has other reasons than score() gives"]


def test_validate_catches_wrong_totals_and_coverage():
    solution = honest(VALIDATED, [(1, 10)])

    assert validate(VALIDATED, replace(solution, total_fit=solution.total_fit + 1)) == [
        f"total fit is {solution.total_fit + 1}, the proposals add up to {solution.total_fit}"
    ]
    assert validate(VALIDATED, replace(solution, covered=frozenset())) == ["covered is [], the proposals cover [1]"]
    assert validate(VALIDATED, replace(solution, uncovered=())) == ["uncovered is [], should be [2]"]


def test_validate_catches_unsorted_repeated_and_unknown_pairs():
    solution = honest(VALIDATED, [(1, 10), (2, 20)])
    stranger = Pair(9, 11, 0, ())

    unsorted = replace(solution, proposals=solution.proposals[::-1])
    repeated = replace(solution, proposals=(solution.proposals[0], *solution.proposals))
    unknown = replace(solution, proposals=(*solution.proposals, stranger), covered=frozenset({1, 2, 9}))

    assert validate(VALIDATED, unsorted) == ["proposals are not sorted by (candidate, vacancy)"]
    assert validate(VALIDATED, repeated) == ["pair (1, 10) is proposed twice"]
    assert validate(VALIDATED, unknown) == ["pair (9, 11) names an unknown candidate or vacancy"]


def test_validate_catches_a_pin_left_out_silently_or_without_cause():
    pinning = replace(VALIDATED, pinned=frozenset({(2, 20)}))
    note = "Candidate 2 is pinned to vacancy 20, but something went wrong."

    assert validate(pinning, honest(pinning, [(1, 10)])) == [
        "pin (2, 20) is not honoured and problems do not say so",
        "pin (2, 20) is not honoured though the other pins leave room for it",
    ]
    assert validate(pinning, honest(pinning, [(1, 10)], problems=(note,))) == [
        "pin (2, 20) is not honoured though the other pins leave room for it"
    ]
