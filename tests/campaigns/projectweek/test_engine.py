"""The project-week scheduling engine: each rule, the explanations, re-planning, and properties of any schedule."""

import re
import subprocess
import sys
from dataclasses import replace

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from campaigns.projectweek.engine import (
    Appointment,
    Block,
    Blocker,
    CandidateIn,
    Problem,
    Request,
    greedy,
    solve,
)
from campaigns.projectweek.problem import BLOCKERS
from campaigns.projectweek.text import BLOCKER_TEXT, explain
from campaigns.projectweek.validation import validate
from tests.campaigns.projectweek.engine_instances import (  # the hand-made instances
    BOTH,
    ENGINE_MODULES,
    HOME,
    ROOT,
    SITE_A,
    SITE_B,
    H,
    at,
    candidates_at_company_1,
    codes,
    day,
    problem,
    weeks,
)  # fmt: skip

# --- Rules -------------------------------------------------------------------------------------------------------


@BOTH
def test_the_interview_comes_after_the_visit_inside_the_window(method):
    early_window = replace(day(visit=9 * H, visit_minutes=90, until=12 * H), interviews_from=9 * H)

    solution = method(problem([early_window]))

    assert at(solution) == {1: (1, 10 * H + 30)}  # the first slot of the grid after the visit ends at 10:30
    assert solution.wait == 0
    assert validate(problem([early_window]), solution) == []


@BOTH
def test_a_company_never_runs_more_interviews_than_it_has_interviewers(method):
    people = [CandidateIn(i, HOME) for i in (1, 2, 3)]
    asks = [Request(i, i, 1) for i in (1, 2, 3)]
    one = problem([day(interviewers=1)], people, asks)
    two = problem([day(interviewers=2)], people, asks)

    assert sorted(start for _day, start in at(method(one)).values()) == [10 * H, 10 * H + 30, 11 * H]
    assert sorted(start for _day, start in at(method(two)).values()) == [10 * H, 10 * H, 10 * H + 30]


@BOTH
def test_a_candidate_visiting_two_companies_travels_between_them(method):
    a = day(company=1, site=SITE_A, visit=9 * H, until=11 * H)
    b = day(company=2, site=SITE_B, visit=11 * H, until=14 * H)
    asks = [Request(1, 1, 1), Request(2, 1, 2)]
    tight = problem([a, b], requests=asks, travel={(SITE_A, SITE_B): 31})
    possible = problem([a, b], requests=asks, travel={(SITE_A, SITE_B): 30})

    assert len(method(possible).appointments) == 2  # interview 10:00-10:30, 30 minutes' travel, visit at 11:00
    solution = method(tight)
    assert len(solution.appointments) == 1
    dropped = solution.dropped[0].request_id
    assert codes(solution, dropped) == {"candidate_busy"}
    assert validate(tight, solution) == []


@BOTH
def test_a_candidate_who_cannot_reach_the_visit_is_not_scheduled_there(method):
    far = problem([day(visit=8 * H + 40)], travel={(HOME, SITE_A): 45})

    solution = method(far)

    assert solution.appointments == ()
    assert solution.dropped[0].blockers == (Blocker("too_far", 1, (45, 8 * H + 40)),)


@BOTH
def test_a_candidates_blocked_times_close_the_visit_or_single_slots(method):
    busy_visit = problem([day()], [CandidateIn(1, HOME, blocked=(Block(1, 9 * H + 30, 9 * H + 45),))])
    busy_slot = problem([day()], [CandidateIn(1, HOME, blocked=(Block(1, 10 * H, 10 * H + 30),))])

    assert codes(method(busy_visit), 1) == {"unavailable"}
    assert at(method(busy_slot)) == {1: (1, 10 * H + 30)}


@BOTH
def test_a_companys_blocked_time_has_no_interviews(method):
    lunch = problem([day(blocked=((10 * H, 11 * H),))])

    assert at(method(lunch)) == {1: (1, 11 * H)}


@BOTH
def test_interpreters_are_booked_per_interview(method):
    people = [CandidateIn(i, HOME, interpreter="ar") for i in (1, 2)]
    asks = [Request(i, i, 1) for i in (1, 2)]
    none = problem([day(interviewers=2)], people, asks)
    one = problem([day(interviewers=2)], people, asks, interpreters={("ar", 1): 1})
    two = problem([day(interviewers=2)], people, asks, interpreters={("ar", 1): 2})

    assert {d.blockers for d in method(none).dropped} == {(Blocker("no_interpreter", 1, ("ar",)),)}
    assert sorted(start for _d, start in at(method(one)).values()) == [10 * H, 10 * H + 30]
    assert sorted(start for _d, start in at(method(two)).values()) == [10 * H, 10 * H]


@BOTH
def test_a_company_without_a_day_or_a_slot_says_so(method):
    no_day = problem([day(company=2)])
    no_slot = problem([day(visit=11 * H, until=12 * H + 15)])  # visit ends 12:00, a 30-minute slot does not fit

    assert codes(method(no_day), 1) == {"no_day"}
    assert codes(method(no_slot), 1) == {"no_slot"}
    assert method(no_day).status in {"feasible", "infeasible"}


def test_every_blocker_code_is_documented():
    assert set(BLOCKERS) == {
        "no_day",
        "too_far",
        "unavailable",
        "no_interpreter",
        "no_slot",
        "interviewers_busy",
        "candidate_busy",
        "interpreters_busy",
        "visit_full",
    }


def test_every_blocker_code_is_put_into_words():
    with translation.override("en"):
        sentence = explain(Blocker("visit_full", 739_000, (8,)))

    assert set(BLOCKER_TEXT) == set(BLOCKERS)
    assert sentence == "on Wednesday 24 April the guided visit is full (8 candidates)"


# --- Objective ---------------------------------------------------------------------------------------------------


def test_as_many_interviews_as_possible_before_anything_else():
    # Two slots; candidate 1 can only take the first, so candidate 2 must take the second.
    people = [CandidateIn(1, HOME, blocked=(Block(1, 10 * H + 30, 12 * H),)), CandidateIn(2, HOME)]
    asks = [Request(1, 2, 1), Request(2, 1, 1)]
    both = problem([day(until=11 * H)], people, asks)

    solution = solve(both)

    assert at(solution) == {2: (1, 10 * H), 1: (1, 10 * H + 30)}
    assert solution.status == "optimal"


def test_fewer_days_for_a_candidate_beats_a_little_less_waiting():
    a_days = [day(company=1, on=d, site=SITE_A, visit=9 * H, until=11 * H) for d in (1, 2)]
    b_days = [day(company=2, on=d, site=SITE_B, visit=13 * H, until=15 * H) for d in (1, 2)]
    asks = [Request(1, 1, 1), Request(2, 1, 2)]

    solution = solve(problem(a_days + b_days, requests=asks))

    assert {d for d, _start in at(solution).values()} in ({1}, {2})
    assert solution.candidate_days == 1


def test_cp_sat_proves_when_not_everything_fits_and_explains_the_rest():
    people = [CandidateIn(i, HOME) for i in range(1, 6)]
    asks = [Request(i, i, 1) for i in range(1, 6)]
    crowded = problem([day(until=12 * H)], people, asks)  # four slots, five candidates

    solution = solve(crowded)

    assert solution.status == "infeasible"
    assert len(solution.appointments) == 4
    assert [d.blockers for d in solution.dropped] == [(Blocker("interviewers_busy", 1),)]
    assert solution.wait == 0 + 30 + 60 + 90


# --- Re-planning -------------------------------------------------------------------------------------------------


def published_week():
    """Six candidates at two companies on one day; the published schedule is CP-SAT's own answer."""
    people = [CandidateIn(i, HOME) for i in range(1, 7)]
    asks = [Request(i, i, 1 + i % 2) for i in range(1, 7)]
    days = [day(company=1, site=SITE_A), day(company=2, site=SITE_B, visit=13 * H, until=16 * H)]
    base = problem(days, people, asks)
    return base, solve(base).appointments


def test_a_no_show_moves_nothing_else():
    base, published = published_week()
    no_show = replace(base, requests=tuple(r for r in base.requests if r.candidate_id != 3), published=published)

    solution = solve(no_show)

    assert solution.changed == ()
    assert set(solution.appointments) == {a for a in published if a.request_id != 3}


def test_a_late_addition_moves_only_the_appointment_it_must():
    base, published = published_week()
    # A seventh candidate for company 1 who can only come at 10:00, which is taken.
    taken = next(a for a in published if a.start == 10 * H)
    late = replace(
        base,
        candidates=(*base.candidates, CandidateIn(7, HOME, blocked=(Block(1, 10 * H + 30, 12 * H),))),
        requests=(*base.requests, Request(7, 7, taken_company(base, taken))),
        published=published,
    )

    solution = solve(late)

    assert len(solution.appointments) == 7
    assert solution.changed == (taken.request_id,)
    assert validate(late, solution) == []


def taken_company(base: Problem, appointment: Appointment) -> int:
    return next(r.company_id for r in base.requests if r.id == appointment.request_id)


def test_a_fixed_appointment_stays_even_when_moving_it_would_fit_one_more():
    base, published = published_week()
    taken = next(a for a in published if a.start == 10 * H)
    late = replace(
        base,
        candidates=(*base.candidates, CandidateIn(7, HOME, blocked=(Block(1, 10 * H + 30, 12 * H),))),
        requests=(*base.requests, Request(7, 7, taken_company(base, taken))),
        published=published,
        fixed_before=(1, 10 * H + 1),  # 10:00 has already happened
    )

    solution = solve(late)

    assert taken in solution.appointments
    assert [d.request_id for d in solution.dropped] == [7]
    assert validate(late, solution) == []


@BOTH
def test_an_appointment_pinned_by_hand_stays_where_it_was_put(method):
    # Alone, the interview goes to the first slot after the visit (10:00); a person put it at 11:00.
    base = problem([day()], pinned=(Appointment(1, 1, 11 * H),))

    solution = method(base)

    assert at(solution) == {1: (1, 11 * H)}
    assert validate(base, solution) == []


@BOTH
def test_a_pin_whose_slot_closed_is_planned_anew(method):
    base = problem([day(until=11 * H)], pinned=(Appointment(1, 1, 11 * H),))  # 11:00 is past the window now

    assert at(method(base)) == {1: (1, 10 * H)}


def test_a_pin_outranks_fitting_one_more_request():
    # Slots at 10:00 and 10:30; candidate 2 can only take 10:30, where a person pinned candidate 1. Both would fit
    # the other way round, but a person's decision outranks the count: candidate 2 is left out, with the reason.
    people = (CandidateIn(1, HOME), CandidateIn(2, HOME, blocked=(Block(1, 10 * H, 10 * H + 30),)))
    base = problem(
        [day(until=11 * H)], people, (Request(1, 1, 1), Request(2, 2, 1)), pinned=(Appointment(1, 1, 10 * H + 30),)
    )

    solution = solve(base)

    assert at(solution) == {1: (1, 10 * H + 30)}
    assert [d.request_id for d in solution.dropped] == [2]


def test_a_cancelled_company_changes_only_its_own_appointments():
    base, published = published_week()
    cancelled = replace(
        base,
        company_days=tuple(cd for cd in base.company_days if cd.company_id != 2),
        requests=tuple(r for r in base.requests if r.company_id != 2),
        published=published,
    )

    solution = solve(cancelled)

    assert solution.changed == ()
    assert set(solution.appointments) == {a for a in published if taken_company(base, a) == 1}


# --- Validator ---------------------------------------------------------------------------------------------------


def honest():
    people = [CandidateIn(1, HOME, interpreter="ar"), CandidateIn(2, HOME, interpreter="ar")]
    asks = [Request(1, 1, 1), Request(2, 2, 1), Request(3, 1, 2)]
    days = [day(company=1, interviewers=2), day(company=2, site=SITE_B, visit=13 * H, until=15 * H)]
    base = problem(days, people, asks, interpreters={("ar", 1): 1})
    return base, solve(base)


def test_validate_accepts_an_honest_solution():
    base, solution = honest()

    assert len(solution.appointments) == 3
    assert validate(base, solution) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({1: (1, 9 * H + 30)}, "before the guided visit"),
        ({1: (1, 10 * H + 10)}, "not a slot"),
        ({1: (2, 10 * H)}, "has no day 2"),
        ({2: None}, "dropped"),
        ({1: (1, 10 * H), 2: (1, 10 * H)}, "interpreter ar on day 1"),
        ({3: (1, 15 * H)}, "not a slot"),
    ],
)
def test_validate_catches_each_broken_rule(change, expected):
    base, solution = honest()
    moved = {a.request_id: (a.day, a.start) for a in solution.appointments}
    moved.update(change)
    appointments = tuple(Appointment(r, *where) for r, where in sorted(moved.items()) if where)
    broken = replace(solution, appointments=appointments)

    assert any(expected in error for error in validate(base, broken)), validate(base, broken)


def test_validate_catches_a_candidate_in_two_places():
    base, solution = honest()
    # Candidate 1's interview at company 1 moved to 12:30 would end when company 2's visit starts elsewhere.
    a = day(company=1, interviewers=2, until=14 * H)
    wider = replace(base, company_days=(a, base.company_days[1]))
    clash = replace(
        solution,
        appointments=tuple(
            Appointment(x.request_id, x.day, 12 * H + 30) if x.request_id == 1 else x for x in solution.appointments
        ),
    )

    assert any("without time" in error for error in validate(wider, clash))


def test_validate_catches_double_booked_interviewers_and_wrong_figures():
    people = [CandidateIn(i, HOME) for i in (1, 2)]
    base = problem([day()], people, [Request(1, 1, 1), Request(2, 2, 1)])
    solution = solve(base)
    double = replace(solution, appointments=(Appointment(1, 1, 10 * H), Appointment(2, 1, 10 * H)))

    assert any("company 1 on day 1" in error for error in validate(base, double))
    assert any("reported" in error for error in validate(base, replace(solution, wait=solution.wait + 1)))


def test_validate_catches_an_over_full_guided_visit():
    people, asks = candidates_at_company_1(3)
    roomy = problem([day(interviewers=3)], people, asks)
    solution = solve(roomy)
    tight = replace(roomy, company_days=(replace(roomy.company_days[0], visit_capacity=2),))

    assert validate(roomy, solution) == []
    assert validate(tight, solution) == ["guided visit of company 1 on day 1: 3 candidates, room for 2"]


def test_unknown_candidates_and_repeated_ids_are_refused():
    with pytest.raises(ValueError, match="unknown candidates"):
        greedy(problem([day()], requests=[Request(1, 9, 1)]))
    with pytest.raises(ValueError, match="listed twice"):
        greedy(problem([day(), day()]))


# --- Properties --------------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, database=None)
@given(weeks())
def test_every_schedule_of_either_method_is_valid_and_cp_sat_is_never_behind(week):
    quick, exact = greedy(week), solve(week)

    assert validate(week, quick) == []
    assert validate(week, exact) == []
    assert len(exact.dropped) <= len(quick.dropped)
    for drop in exact.dropped:
        assert drop.blockers and all(b.code in BLOCKERS for b in drop.blockers)


@settings(max_examples=30, deadline=None, database=None)
@given(weeks())
def test_replanning_a_published_schedule_with_nothing_changed_moves_nothing(week):
    first = solve(week)
    again = solve(replace(week, published=first.appointments))

    assert again.changed == ()
    assert len(again.appointments) == len(first.appointments)


@settings(max_examples=30, deadline=None, database=None)
@given(weeks(), st.sampled_from([0, 1]))
def test_fixed_appointments_on_visits_that_became_too_small_stay_and_only_those_visits_are_reported(week, capacity):
    first = solve(week)
    smaller = replace(
        week,
        company_days=tuple(replace(cd, visit_capacity=capacity) for cd in week.company_days),
        published=first.appointments,
        fixed_before=(9, 0),  # every published appointment is under way
    )

    for again in (greedy(smaller), solve(smaller)):
        assert set(first.appointments) <= set(again.appointments)
        for error in validate(smaller, again):  # only visits over by their fixed candidates, nobody else joined
            found = re.search(r": (\d+) candidates, room for \d+ \((\d+) of them fixed", error)
            assert found and found[1] == found[2], error


# --- Purity ------------------------------------------------------------------------------------------------------


def test_the_engine_imports_no_django():
    modules = ", ".join(f"campaigns.projectweek.{name}" for name in ENGINE_MODULES)
    code = f"import sys, {modules}; print(sorted(m for m in sys.modules if m.startswith('django')))"

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
