"""The factories build what their states promise, each from nothing: one row of each state brings the rows it
stands on."""

from datetime import time, timedelta

from aftercare.models import FollowUpStep
from campaigns.models import Outcome, Participation, ProposalStatus
from candidates.models import ScreeningDecision
from tests.factories import (
    DAY,
    EvaluationFactory,
    InterviewFactory,
    PlacementFactory,
    ProposalFactory,
    ScreeningFactory,
)


def test_a_selected_screening_is_a_first_round_with_every_score(db):
    screening = ScreeningFactory(selected=True)

    assert (screening.round, screening.decision, screening.rubric_mean) == (1, ScreeningDecision.SELECTED, 3.6)


def test_a_confirmed_proposal_is_shown_to_hr(db):
    assert ProposalFactory(confirmed=True).status == ProposalStatus.CONFIRMED
    assert ProposalFactory().status == ProposalStatus.DRAFT


def test_a_published_interview_is_at_the_vacancys_company_in_the_candidates_campaign(db):
    interview = InterviewFactory(published=True)

    proposal = interview.proposal
    assert (proposal.status, interview.enrolment) == (ProposalStatus.CONFIRMED, proposal.enrolment)
    assert (interview.participation.campaign, interview.participation.company) == (
        proposal.enrolment.campaign,
        proposal.vacancy.company,
    )
    assert (interview.published_day, interview.published_starts_at, interview.ends_at) == (DAY, time(11), time(11, 30))
    assert not interview.changed_since_published


def test_an_offer_follows_a_published_interview(db):
    evaluation = EvaluationFactory(offer=True)

    assert (evaluation.outcome, evaluation.start_route, evaluation.interview.published_day) == (
        Outcome.OFFER,
        "temp_work",
        DAY,
    )
    assert Participation.objects.count() == 1


def test_a_placement_comes_with_the_check_ins_of_its_routes_plan(db):
    placement = PlacementFactory()

    plan = FollowUpStep.objects.filter(route=placement.route)
    assert plan.exists()
    assert sorted(placement.check_ins.values_list("audience", "due_on")) == sorted(
        (step.audience, placement.starts_on + timedelta(days=step.offset_days)) for step in plan
    )
