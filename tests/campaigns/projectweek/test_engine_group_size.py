"""The guided visit's group size: greedy and CP-SAT never put more candidates on a company-day than its visit takes;
appointments a person fixed stay, and the validator says where a visit is over-full."""

import pytest

from campaigns.projectweek.board import blockers_at
from campaigns.projectweek.engine import Appointment, Blocker, CandidateIn, Request, solve
from campaigns.projectweek.validation import validate
from tests.campaigns.projectweek.engine_instances import BOTH, HOME, H, at, candidates_at_company_1, day, problem

# --- Group size --------------------------------------------------------------------------------------------------


@BOTH
def test_a_guided_visit_takes_no_more_candidates_than_its_group_size(method):
    # Three interviewers could see all three at 10:00, but the visit before it takes two.
    people, asks = candidates_at_company_1(3)
    base = problem([day(interviewers=3, visit_capacity=2)], people, asks)

    solution = method(base)

    assert len(solution.appointments) == 2
    assert [d.blockers for d in solution.dropped] == [(Blocker("visit_full", 1, (2,)),)]
    assert validate(base, solution) == []


def test_cp_sat_proves_that_a_full_visit_leaves_someone_out():
    people, asks = candidates_at_company_1(3)

    solution = solve(problem([day(interviewers=3, visit_capacity=2)], people, asks))

    assert solution.status == "infeasible"
    assert sorted(start for _day, start in at(solution).values()) == [10 * H, 10 * H]


@BOTH
def test_a_full_visit_is_the_only_reason_given_for_its_day(method):
    # One interviewer, slots at 10:00 and 10:30, a visit for one: the second candidate's 10:00 is also taken.
    people, asks = candidates_at_company_1(2)

    solution = method(problem([day(until=11 * H, visit_capacity=1)], people, asks))

    assert [d.blockers for d in solution.dropped] == [(Blocker("visit_full", 1, (1,)),)]


@BOTH
def test_a_candidate_interviewing_twice_at_one_company_joins_its_visit_once(method):
    people = [CandidateIn(1, HOME), CandidateIn(2, HOME)]
    asks = [Request(1, 1, 1), Request(2, 1, 1), Request(3, 2, 1)]  # candidate 1 is proposed for two vacancies there
    base = problem([day(interviewers=2, visit_capacity=2)], people, asks)

    solution = method(base)

    assert len(solution.appointments) == 3
    assert validate(base, solution) == []


@BOTH
def test_a_full_visit_sends_the_candidate_to_another_day_of_the_company(method):
    people, asks = candidates_at_company_1(2)
    days = [day(on=1, interviewers=2, visit_capacity=1), day(on=2, interviewers=2, visit_capacity=1)]

    solution = method(problem(days, people, asks))

    assert sorted(d for d, _start in at(solution).values()) == [1, 2]


def test_a_move_into_a_full_guided_visit_is_refused_with_the_reason():
    people, asks = candidates_at_company_1(2)
    days = [day(on=1, interviewers=2, visit_capacity=1), day(on=2, interviewers=2, visit_capacity=1)]
    base = problem(days, people, asks)
    others = [Appointment(1, 1, 10 * H)]

    assert blockers_at(base, others, 2, 1, 10 * H + 30) == (Blocker("visit_full", 1, (1,)),)
    assert blockers_at(base, others, 2, 2, 10 * H) == ()


@BOTH
@pytest.mark.parametrize("how", ["published before now", "pinned by a person"])
def test_fixed_appointments_beyond_a_lowered_group_size_stay_and_the_validator_says_so(method, how):
    # Three were told 10:00 when the visit took ten; it now takes two. The three stay, a fourth does not join.
    people, asks = candidates_at_company_1(4)
    told = (Appointment(1, 1, 10 * H), Appointment(2, 1, 10 * H), Appointment(3, 1, 10 * H))
    fixed = {"published": told, "fixed_before": (1, 10 * H + 1)} if how == "published before now" else {"pinned": told}
    base = problem([day(interviewers=4, visit_capacity=2)], people, asks, **fixed)

    solution = method(base)

    assert set(told) <= set(solution.appointments)
    assert [(d.request_id, d.blockers) for d in solution.dropped] == [(4, (Blocker("visit_full", 1, (2,)),))]
    assert validate(base, solution) == [
        "guided visit of company 1 on day 1: 3 candidates, room for 2 (3 of them fixed: pinned, or published and "
        "under way)"
    ]


@BOTH
def test_a_published_appointment_beyond_a_lowered_group_size_moves_alone(method):
    people, asks = candidates_at_company_1(3)
    told = (Appointment(1, 1, 10 * H), Appointment(2, 1, 10 * H), Appointment(3, 1, 10 * H))
    days = [day(on=1, interviewers=3, visit_capacity=2), day(on=2, interviewers=3)]
    base = problem(days, people, asks, published=told)

    solution = method(base)

    assert len(solution.appointments) == 3
    assert len(solution.changed) == 1
    assert validate(base, solution) == []
