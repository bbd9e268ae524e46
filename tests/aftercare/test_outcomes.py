"""Where a candidate stands on a day, derived from placements and enrolments: the pure rules of
aftercare.outcomes (no database), and aftercare.selectors.outcomes_on, which feeds them from the database."""

import ast
import inspect
import re
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from aftercare import outcomes, services
from aftercare.models import CandidateOutcome, PlacementRoute, PlacementStatus
from aftercare.outcomes import EnrolmentFacts, PlacementFacts, Standing, standing_on
from aftercare.selectors import outcomes_on
from campaigns.models import Enrolment
from tests.factories import CandidateFactory
from tests.factories.aftercare import employer_for
from tests.language import ENGLISH

ENROLLED = EnrolmentFacts(enrolled_on=date(2027, 1, 4))


def placed(pk=1, starts_on=date(2027, 5, 10), ended_on=None, route="temp_work", changes=()) -> PlacementFacts:
    """A placement's facts: its start route from the start date, then each (effective from, route) change."""
    return PlacementFacts(
        placement_id=pk, starts_on=starts_on, ended_on=ended_on, routes=((starts_on, route), *changes)
    )


def outcome_on(day, placements=(), enrolments=(ENROLLED,)) -> str | None:
    standing = standing_on(day, placements, enrolments)
    return standing.outcome if standing else None


# --- The rules --------------------------------------------------------------------------------------------------


def test_a_route_change_counts_from_its_effective_day():
    contract = placed(route="temp_work", changes=[(date(2027, 8, 1), "open_ended")])

    days = [date(2027, 5, 9), date(2027, 5, 10), date(2027, 7, 31), date(2027, 8, 1)]

    assert [outcome_on(day, [contract]) for day in days] == ["starting", "temp_work", "temp_work", "permanent_job"]
    assert standing_on(date(2027, 8, 1), [contract], [ENROLLED]) == Standing("permanent_job", placement_id=1)


def test_a_route_recorded_later_wins_from_its_effective_day_as_the_placements_route_does():
    # Open-ended from September was recorded first; then a correction: fixed-term from July. The correction is the
    # placement's route now, so it stands from July on, September included.
    contract = placed(route="temp_work", changes=[(date(2027, 9, 1), "open_ended"), (date(2027, 7, 1), "fixed_term")])

    days = [date(2027, 6, 30), date(2027, 7, 1), date(2027, 9, 1)]

    assert [outcome_on(day, [contract]) for day in days] == ["temp_work", "fixed_term_job", "fixed_term_job"]


def test_a_change_that_keeps_the_route_does_not_bring_a_coming_route_forward():
    # Open-ended from July was recorded in May; a status change on 5 June repeats the new route in the history.
    contract = placed(route="temp_work", changes=[(date(2027, 7, 1), "open_ended"), (date(2027, 6, 5), "open_ended")])

    days = [date(2027, 6, 4), date(2027, 6, 5), date(2027, 6, 30), date(2027, 7, 1)]

    assert [outcome_on(day, [contract]) for day in days] == ["temp_work", "temp_work", "temp_work", "permanent_job"]


def test_of_two_placements_at_once_the_one_closest_to_a_permanent_job_counts():
    article_60 = placed(pk=1, route="article_60")
    fixed_term = placed(pk=2, starts_on=date(2027, 6, 1), route="fixed_term")

    before, both = date(2027, 5, 20), date(2027, 6, 15)

    assert standing_on(before, [article_60, fixed_term], [ENROLLED]) == Standing("article_60", placement_id=1)
    assert standing_on(both, [article_60, fixed_term], [ENROLLED]) == Standing("fixed_term_job", placement_id=2)
    assert standing_on(both, [fixed_term, article_60], [ENROLLED]) == Standing("fixed_term_job", placement_id=2)


def test_of_two_placements_of_the_same_rank_the_lower_id_counts_whatever_the_order():
    first, second = placed(pk=7, route="training"), placed(pk=3, route="workplace_learning")

    standings = {standing_on(date(2027, 6, 1), order, [ENROLLED]) for order in ([first, second], [second, first])}

    assert standings == {Standing("training", placement_id=3)}


def test_before_a_placement_starts_the_candidate_is_starting_on_its_day_not_searching():
    coming = placed(pk=3, starts_on=date(2027, 5, 10))
    cancelled = placed(pk=4, starts_on=date(2027, 5, 3), ended_on=date(2027, 4, 20))  # ended before it began

    assert standing_on(date(2027, 4, 1), [coming, cancelled], [ENROLLED]) == Standing(
        "starting", placement_id=3, starts_on=date(2027, 5, 10)
    )
    assert outcome_on(date(2027, 4, 1), [cancelled]) == "searching"


def test_a_placement_runs_up_to_the_day_it_ended_and_then_the_candidate_is_searching():
    ended = placed(ended_on=date(2027, 6, 30))

    days = [date(2027, 6, 29), date(2027, 6, 30), date(2028, 1, 1)]

    assert [outcome_on(day, [ended]) for day in days] == ["temp_work", "searching", "searching"]
    assert standing_on(date(2027, 6, 30), [ended], [ENROLLED]) == Standing("searching")


def test_a_drop_out_counts_from_its_day_with_its_reason():
    dropped = EnrolmentFacts(enrolled_on=date(2027, 1, 4), dropped_out_on=date(2027, 3, 1), reason="moved")

    before, on = date(2027, 2, 28), date(2027, 3, 1)

    assert standing_on(before, [], [dropped]) == Standing("searching")
    assert standing_on(on, [], [dropped]) == Standing("dropped_out", reason="moved")


def test_a_job_after_a_drop_out_counts_and_after_it_the_candidate_is_searching_not_dropped_out():
    dropped = EnrolmentFacts(enrolled_on=date(2027, 1, 4), dropped_out_on=date(2027, 3, 1), reason="unreachable")
    later_job = placed(starts_on=date(2027, 4, 1), ended_on=date(2027, 6, 30), route="fixed_term")

    days = [date(2027, 3, 15), date(2027, 4, 1), date(2027, 7, 1)]

    assert [outcome_on(day, [later_job], [dropped]) for day in days] == ["dropped_out", "fixed_term_job", "searching"]


def test_enrolling_again_after_a_drop_out_makes_the_candidate_searching():
    dropped = EnrolmentFacts(enrolled_on=date(2027, 1, 4), dropped_out_on=date(2027, 3, 1), reason="health_or_family")
    again = EnrolmentFacts(enrolled_on=date(2027, 9, 6))

    days = [date(2027, 9, 5), date(2027, 9, 6)]

    assert [outcome_on(day, [], [dropped, again]) for day in days] == ["dropped_out", "searching"]
    assert [outcome_on(day, [], [again, dropped]) for day in days] == ["dropped_out", "searching"]


def test_before_the_first_enrolment_or_placement_there_is_no_standing():
    direct = placed(starts_on=date(2027, 5, 10))  # placed without an enrolment (a second-chance company, say)

    assert standing_on(date(2027, 1, 3), [], [ENROLLED]) is None
    assert standing_on(date(2027, 1, 3), [], []) is None
    assert standing_on(date(2027, 5, 9), [direct], []) is None
    assert standing_on(date(2027, 5, 10), [direct], []) == Standing("temp_work", placement_id=1)


DAYS = st.dates(min_value=date(2026, 1, 1), max_value=date(2029, 12, 31))
ROUTES = st.sampled_from(PlacementRoute.values)


@st.composite
def placement_facts(draw, pk: int) -> PlacementFacts:
    starts_on = draw(DAYS)
    length = draw(st.none() | st.integers(min_value=1, max_value=800))
    changes = draw(st.lists(st.tuples(DAYS, ROUTES), max_size=3))
    ended_on = starts_on + timedelta(days=length) if length else None
    return placed(pk=pk, starts_on=starts_on, ended_on=ended_on, route=draw(ROUTES), changes=changes)


@st.composite
def enrolment_facts(draw) -> EnrolmentFacts:
    enrolled_on = draw(DAYS)
    gap = draw(st.none() | st.integers(min_value=0, max_value=400))
    if gap is None:
        return EnrolmentFacts(enrolled_on=enrolled_on)
    return EnrolmentFacts(enrolled_on=enrolled_on, dropped_out_on=enrolled_on + timedelta(days=gap), reason="other")


@settings(max_examples=300, deadline=None)
@given(
    placements=st.integers(min_value=1, max_value=3).flatmap(
        lambda count: st.tuples(*(placement_facts(pk) for pk in range(1, count + 1)))
    ),
    enrolments=st.lists(enrolment_facts(), max_size=3),
    which=st.integers(min_value=0, max_value=2),
    offset=st.integers(min_value=0, max_value=2000),
)
def test_a_day_within_a_running_placement_is_never_searching_or_dropped_out(placements, enrolments, which, offset):
    running = placements[which % len(placements)]
    last = running.ended_on - timedelta(days=1) if running.ended_on else running.starts_on + timedelta(days=2000)
    day = min(running.starts_on + timedelta(days=offset), last)

    standing = standing_on(day, placements, enrolments)

    assert standing.outcome in outcomes.RANK
    assert outcomes.RANK.index(standing.outcome) <= outcomes.RANK.index(
        outcomes.OUTCOME_OF_ROUTE[running.route_on(day)]
    )
    assert next(facts for facts in placements if facts.placement_id == standing.placement_id).runs_on(day)


def test_the_outcome_codes_are_the_models_choices():
    codes = {getattr(outcomes, name) for name in CandidateOutcome.names}

    assert codes == set(CandidateOutcome.values)
    assert set(outcomes.OUTCOME_OF_ROUTE) == set(PlacementRoute.values)
    assert set(outcomes.OUTCOME_OF_ROUTE.values()) == set(outcomes.RANK)
    assert [*outcomes.RANK, outcomes.STARTING, outcomes.SEARCHING, outcomes.DROPPED_OUT] == CandidateOutcome.values


def test_the_outcome_rules_import_no_django():
    tree = ast.parse(inspect.getsource(outcomes))

    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names} | {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }

    assert imported == {"collections.abc", "dataclasses", "datetime"}


# --- From the database ---------------------------------------------------------------------------------------


def test_outcomes_on_reads_every_candidates_standing_in_three_queries(world, django_assert_num_queries):
    today = timezone.localdate()
    placement = services.create_placement(
        candidate=world.candidate_a, company=world.company_a, campaign=world.campaign_a, route="temp_work",
        starts_on=today - timedelta(days=60), actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip
    services.change_placement(placement=placement, route="open_ended", on=today - timedelta(days=10), actor=world.alice)
    Enrolment.objects.filter(candidate=world.candidate_b).update(dropped_out_on=today, drop_out_reason="moved")
    searching = CandidateFactory(registered_by=world.intermediary_org_a)
    Enrolment.objects.create(campaign=world.campaign_a, candidate=searching)
    never_enrolled = CandidateFactory(registered_by=world.intermediary_org_a)
    ids = [world.candidate_a.pk, world.candidate_b.pk, searching.pk, never_enrolled.pk]

    with django_assert_num_queries(3):  # placements, their changes, enrolments
        standings = outcomes_on(ids, today)

    assert standings == {
        world.candidate_a.pk: Standing("permanent_job", placement_id=placement.pk),
        world.candidate_b.pk: Standing("dropped_out", reason="moved"),
        searching.pk: Standing("searching"),
        never_enrolled.pk: None,
    }


def test_outcomes_on_reads_the_route_in_force_on_the_day_not_the_current_one(world):
    today = timezone.localdate()
    placement = services.create_placement(
        candidate=world.candidate_a, company=world.company_a, campaign=world.campaign_a, route="temp_work",
        starts_on=today - timedelta(days=60), actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip
    services.change_placement(placement=placement, route="open_ended", on=today - timedelta(days=10), actor=world.alice)

    standings = [outcomes_on([world.candidate_a.pk], today - timedelta(days=days)) for days in (11, 10)]

    assert standings == [
        {world.candidate_a.pk: Standing("temp_work", placement_id=placement.pk)},
        {world.candidate_a.pk: Standing("permanent_job", placement_id=placement.pk)},
    ]


def test_outcomes_on_keeps_a_coming_route_change_for_its_day_when_the_placement_starts_meanwhile(world):
    today = timezone.localdate()
    placement = services.create_placement(
        candidate=world.candidate_a, company=world.company_a, campaign=world.campaign_a, route="temp_work",
        starts_on=today - timedelta(days=7), actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip
    services.change_placement(placement=placement, route="open_ended", on=today + timedelta(days=20), actor=world.alice)
    services.change_placement(placement=placement, status=PlacementStatus.STARTED, actor=world.alice)

    standings = [outcomes_on([world.candidate_a.pk], today + timedelta(days=days)) for days in (0, 19, 20)]

    assert standings == [
        {world.candidate_a.pk: Standing("temp_work", placement_id=placement.pk)},
        {world.candidate_a.pk: Standing("temp_work", placement_id=placement.pk)},
        {world.candidate_a.pk: Standing("permanent_job", placement_id=placement.pk)},
    ]


def test_the_candidate_page_says_a_placed_candidate_starts_on_the_start_date(client_for, world):
    starts_on = timezone.localdate() + timedelta(days=12)
    services.create_placement(
        candidate=world.candidate_a, company=world.company_a, campaign=world.campaign_a, route="temp_work",
        starts_on=starts_on, actor=world.alice,
        employer=employer_for("temp_work"),
    )  # fmt: skip

    page = client_for(world.alice).get(reverse("candidate_detail", args=[world.candidate_a.pk]), headers=ENGLISH)

    outcome = re.search(r'<p data-outcome="([^"]+)">(.*?)</p>', page.content.decode(), re.S)
    assert outcome[1] == "starting"
    assert re.sub(r"<[^>]+>", "", outcome[2]) == f"Outcome today: starts on {starts_on.day} {starts_on:%B %Y}"
