"""The second step of the waiting decomposition (issue 24): each session queued exactly, everything else held."""

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from campaigns.projectweek.board import Board, Index
from campaigns.projectweek.engine import Appointment, Block, CandidateIn, Drop, Problem, Request, Solution
from campaigns.projectweek.queue import queue, reorder
from campaigns.projectweek.validation import measures, validate
from tests.campaigns.projectweek.engine_instances import HOME, SITE_A, SITE_B, H, day, problem, weeks

BRUTE_FORCE_LIMIT = 4000  # schedules tried per session; larger sessions are skipped


def as_solution(week, options) -> Solution:
    appointments = tuple(sorted((Appointment(o.request.id, o.cd.day, o.start) for o in options), key=str))
    placed = {a.request_id for a in appointments}
    dropped = tuple(Drop(r.id, ()) for r in week.requests if r.id not in placed)
    return Solution("test", "feasible", appointments, dropped, (), **measures(week, appointments))


def is_valid(week, options) -> bool:
    return validate(week, as_solution(week, options)) == []


@st.composite
def crowded_weeks(draw):
    """Two companies on one day, up to five candidates at each: sessions of several requests, one candidate's
    interviews at both companies holding each other's slots (travel), interpreters, unavailable times."""
    days = (
        day(company=1, site=SITE_A, until=12 * H, interviewers=draw(st.sampled_from([1, 2]))),
        day(company=2, site=SITE_B, visit=12 * H, visit_minutes=45, until=14 * H, slot=draw(st.sampled_from([20, 30]))),
    )
    people, asks = [], []
    for cid in range(1, draw(st.integers(2, 5)) + 1):
        blocked = draw(st.sampled_from([(), (Block(1, 10 * H, 10 * H + 30),), (Block(1, 13 * H, 14 * H),)]))
        people.append(CandidateIn(cid, HOME, interpreter=draw(st.sampled_from(["", "", "ti"])), blocked=blocked))
        for company in sorted(draw(st.sets(st.sampled_from([1, 2]), min_size=1))):
            asks.append(Request(len(asks) + 1, cid, company))
    travel = {(HOME, SITE_A): 20, (HOME, SITE_B): 20, (SITE_A, SITE_B): draw(st.sampled_from([10, 30, 60]))}
    return Problem(days, tuple(people), tuple(asks), travel, {("ti", 1): draw(st.sampled_from([1, 2]))})


def a_schedule(index: Index, choices: list[int]) -> dict:
    """A valid schedule built request by request, each taking the n-th of its options that still fit."""
    board = Board(index)
    for request_id, choice in zip(sorted(index.requests), choices, strict=False):
        fitting = [o for o in index.options[request_id] if not board.blockers(o)]
        if fitting and choice:
            board.place(fitting[choice % len(fitting)])
    return dict(board.placed)


def best_by_brute_force(week, index: Index, now: dict, cd) -> tuple[int, int] | None:
    """Every way to give the session's requests other slots there, the rest held: the least sum of starts, and
    the earliest last end, each on its own."""
    movable = sorted(r for r, o in now.items() if o.cd == cd)
    choices = [[o for o in index.options[r] if o.cd == cd] for r in movable]
    ways = 1
    for options in choices:
        ways *= len(options)
    if ways > BRUTE_FORCE_LIMIT:
        return None
    rest = [o for r, o in now.items() if r not in movable]
    costs = [
        (sum(o.start for o in way), max(o.end for o in way))
        for way in product(*choices)
        if is_valid(week, rest + list(way))
    ]
    return min(c[0] for c in costs), min(c[1] for c in costs)


@settings(max_examples=80, deadline=None, database=None)
@given(st.one_of(weeks(), crowded_weeks()), st.lists(st.integers(0, 5), min_size=20, max_size=20))
def test_each_session_s_queue_equals_brute_force_with_the_rest_held(week, choices):
    index = Index(week)
    now = a_schedule(index, choices)

    for cd in sorted({o.cd for o in now.values()}, key=lambda cd: (cd.day, cd.company_id)):
        queued = queue(index, now, cd, stay=set())
        best = best_by_brute_force(week, index, now, cd)

        assert is_valid(week, [o for r, o in now.items() if r not in queued] + list(queued.values()))
        assert sorted(queued) == sorted(r for r, o in now.items() if o.cd == cd)
        if best is not None:  # the least waiting and the earliest last end at once
            assert (sum(o.start for o in queued.values()), max(o.end for o in queued.values())) == best


@settings(max_examples=40, deadline=None, database=None)
@given(weeks(), st.lists(st.integers(0, 5), min_size=20, max_size=20))
def test_reordering_keeps_the_schedule_valid_and_never_waits_longer(week, choices):
    index = Index(week)
    now = a_schedule(index, choices)

    after = reorder(index, now.values())

    assert is_valid(week, after)
    assert sorted(o.request.id for o in after) == sorted(now)
    assert {(o.request.id, o.cd) for o in after} == {(r, o.cd) for r, o in now.items()}  # same company-days
    before, then = (
        measures(week, as_solution(week, now.values()).appointments),
        measures(week, as_solution(week, after).appointments),
    )
    assert (then["wait"], then["hr_span"]) <= (before["wait"], before["hr_span"])


def test_the_queue_swaps_two_interviews_that_one_move_at_a_time_cannot():
    # One interviewer, slots 10:00, 10:30, 11:00. Ann cannot at 10:30, Bob not at 11:00. Ann waits at 11:00 while
    # Bob has 10:00: neither can move alone to wait less, together Bob takes 10:30 and Ann 10:00.
    people = [
        CandidateIn(1, HOME, blocked=(Block(1, 10 * H + 30, 11 * H),)),
        CandidateIn(2, HOME, blocked=(Block(1, 11 * H, 12 * H),)),
    ]
    week = problem([day(until=11 * H + 30)], people, [Request(1, 1, 1), Request(2, 2, 1)])
    index = Index(week)
    slot = {(o.request.id, o.start): o for options in index.options.values() for o in options}
    now = {1: slot[1, 11 * H], 2: slot[2, 10 * H]}

    queued = queue(index, now, now[1].cd, stay=set())

    assert {r: o.start for r, o in queued.items()} == {1: 10 * H, 2: 10 * H + 30}


def test_fixed_and_kept_published_appointments_stay_where_they_are():
    people = [CandidateIn(1, HOME), CandidateIn(2, HOME)]
    week = problem(
        [day(until=11 * H + 30)],
        people,
        [Request(1, 1, 1), Request(2, 2, 1)],
        published=(Appointment(1, 1, 11 * H),),
    )
    index = Index(week)
    slot = {(o.request.id, o.start): o for options in index.options.values() for o in options}

    after = reorder(index, [slot[1, 11 * H], slot[2, 10 * H + 30]])

    assert sorted((o.request.id, o.start) for o in after) == [(1, 11 * H), (2, 10 * H)]


def test_one_candidate_s_two_interviews_in_a_session_never_share_a_slot():
    # Two interviewers, so 10:00 has room for both interviews, but they are the same candidate's.
    week = problem([day(interviewers=2)], requests=[Request(1, 1, 1), Request(2, 1, 1)])
    index = Index(week)
    slot = {(o.request.id, o.start): o for options in index.options.values() for o in options}
    now = {1: slot[1, 11 * H], 2: slot[2, 11 * H + 30]}

    queued = queue(index, now, now[1].cd, stay=set())

    assert sorted(o.start for o in queued.values()) == [10 * H, 10 * H + 30]
    assert is_valid(week, queued.values())
