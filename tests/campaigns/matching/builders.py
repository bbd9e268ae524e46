"""Small problems for the matching engine's tests: a candidate and a vacancy no hard constraint excludes, unless
told otherwise, and ways to read a pair's reasons and a solution's pairs."""

from collections import Counter

from campaigns.matching.engine import (
    CandidateIn,
    Pair,
    Problem,
    Solution,
    VacancyIn,
)


def person(cid: int, **fields) -> CandidateIn:
    """A candidate whom no hard constraint excludes, unless ``fields`` say otherwise."""
    return CandidateIn(id=cid, **{"selected": True, "consent_to_share": True, "legal_access": True, **fields})


def job(vid: int, company_id: int | None = None, capacity: int = 2, **fields) -> VacancyIn:
    return VacancyIn(id=vid, company_id=vid if company_id is None else company_id, capacity=capacity, **fields)


def codes(pair: Pair) -> list[str]:
    return [reason.code for reason in pair.reasons]


def reason(pair: Pair, code: str):
    return next(r for r in pair.reasons if r.code == code)


def keys(solution: Solution) -> list[tuple[int, int]]:
    return [(pair.candidate_id, pair.vacancy_id) for pair in solution.proposals]


def pins_honoured(problem: Problem, solution: Solution) -> int:
    return len(problem.pinned & set(keys(solution)))


def lexicographic(problem: Problem, chosen: list[tuple[int, int, int]]) -> tuple[int, ...]:
    """What the engine maximises for (candidate, vacancy, fit) triples, in order: pins honoured, then candidates
    with at least 1, 2, … L proposals (L the fairness levels: m unless the settings say fewer; none without
    coverage first), then the total fit."""
    settings = problem.settings
    m = max(settings.max_interviews, 0)
    levels = m if settings.fairness_levels is None else min(max(settings.fairness_levels, 0), m)
    levels = levels if settings.coverage_first else 0
    per_candidate = Counter(cid for cid, _vid, _fit in chosen)
    pins = len(problem.pinned & {(cid, vid) for cid, vid, _fit in chosen})
    at_least = [sum(n >= k for n in per_candidate.values()) for k in range(1, levels + 1)]
    return (pins, *at_least, sum(fit for _cid, _vid, fit in chosen))
