"""Small problems for the matching engine's tests: a candidate and a vacancy no hard constraint excludes, unless
told otherwise, and ways to read a pair's reasons and a solution's pairs."""

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
