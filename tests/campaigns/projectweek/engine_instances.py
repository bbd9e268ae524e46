"""Hand-made scheduling instances for the engine's tests: one company-day, one candidate, one request unless told
otherwise, travel 30 minutes everywhere."""

from pathlib import Path

import pytest

from campaigns.projectweek.engine import CandidateIn, CompanyDay, Problem, Request, Settings, Solution, greedy, solve

ROOT = Path(__file__).resolve().parents[3]
ENGINE_MODULES = ("engine", "problem", "board", "validation")  # the engine's modules: none may import Django
H = 60
HOME, SITE_A, SITE_B = 1, 10, 20
FAST = Settings(time_limit=5)


def day(company=1, on=1, site=SITE_A, visit=9 * H, visit_minutes=60, until=12 * H, interviewers=1, slot=30, **kw):
    return CompanyDay(
        company_id=company,
        day=on,
        site=site,
        visit_start=visit,
        visit_minutes=visit_minutes,
        interviews_from=visit + visit_minutes,
        interviews_until=until,
        interviewers=interviewers,
        slot_minutes=slot,
        **kw,
    )


def problem(days, candidates=None, requests=None, **kw):
    """One candidate (id 1) interviewed at company 1 unless told otherwise; travel 30 minutes everywhere."""
    candidates = candidates or (CandidateIn(1, HOME),)
    requests = requests or (Request(1, 1, 1),)
    return Problem(tuple(days), tuple(candidates), tuple(requests), settings=kw.pop("settings", FAST), **kw)


def at(solution: Solution) -> dict[int, tuple[int, int]]:
    return {a.request_id: (a.day, a.start) for a in solution.appointments}


def codes(solution: Solution, request_id: int) -> set[str]:
    return {b.code for d in solution.dropped if d.request_id == request_id for b in d.blockers}


BOTH = pytest.mark.parametrize("method", [greedy, solve], ids=["greedy", "cp-sat"])


def candidates_at_company_1(count: int):
    return [CandidateIn(i, HOME) for i in range(1, count + 1)], [Request(i, i, 1) for i in range(1, count + 1)]
