"""Hand-made scheduling instances for the engine's tests: one company-day, one candidate, one request unless told
otherwise, travel 30 minutes everywhere."""

from pathlib import Path

import pytest
from hypothesis import strategies as st

from campaigns.projectweek.engine import (
    Block,
    CandidateIn,
    CompanyDay,
    Problem,
    Request,
    Settings,
    Solution,
    greedy,
    solve,
)

ROOT = Path(__file__).resolve().parents[3]
# the engine's modules: none may import Django
ENGINE_MODULES = ("engine", "problem", "board", "validation", "checks", "queue")
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


@st.composite
def weeks(draw, time_limit=2.0):
    days = []
    for company in range(1, draw(st.integers(1, 4)) + 1):
        for on in draw(st.sampled_from([{1}, {1}, {1, 2}])):  # mostly one shared day: people meet, clash
            visit = draw(st.sampled_from([8 * H + 30, 9 * H, 10 * H, 11 * H, 13 * H]))
            days.append(
                day(
                    company=company,
                    on=on,
                    site=10 * company,
                    visit=visit,
                    visit_minutes=draw(st.sampled_from([45, 60])),
                    until=visit + draw(st.sampled_from([90, 120, 180])),
                    interviewers=draw(st.sampled_from([0, 1, 1, 2])),
                    slot=draw(st.sampled_from([20, 30, 45])),
                    blocked=draw(st.sampled_from([(), ((11 * H, 12 * H),)])),
                    visit_capacity=draw(st.sampled_from([None, None, 1, 2, 3])),
                )
            )
    people, asks = [], []
    for cid in range(1, draw(st.integers(1, 6)) + 1):
        blocked = draw(st.sampled_from([(), (Block(1, 10 * H, 11 * H),)]))
        people.append(CandidateIn(cid, HOME, interpreter=draw(st.sampled_from(["", "ti"])), blocked=blocked))
        for company in draw(st.sets(st.integers(1, 5), min_size=1, max_size=3)):
            asks.append(Request(len(asks) + 1, cid, company))
    travel = {(HOME, 10 * c): draw(st.sampled_from([20, 40, 70])) for c in range(1, 5)}
    travel |= {(10 * a, 10 * b): draw(st.sampled_from([10, 30, 60])) for a in range(1, 5) for b in range(a + 1, 5)}
    interpreters = {("ti", d): draw(st.sampled_from([0, 1, 1, 2])) for d in (1, 2)}
    return Problem(
        tuple(days), tuple(people), tuple(asks), travel, interpreters, settings=Settings(time_limit=time_limit)
    )
