"""Campaigns and the way a candidate goes through one.

The states, in the order a candidate reaches them: ``matchable`` (enrolled, screened ``selected``, consenting to
share the profile), a ``confirmed`` proposal, a ``published`` interview, an ``offer`` evaluation. Rows are written
directly, without running the matching or the schedule; the fixtures in tests/conftest.py go through the services.
"""

from datetime import date, time

import factory
from django.utils import timezone

from campaigns.models import (
    Campaign,
    CampaignPhase,
    Enrolment,
    Evaluation,
    FundingProgramme,
    Interview,
    Outcome,
    Participation,
    Proposal,
    ProposalStatus,
    StartRoute,
)
from candidates.models import ConsentPurpose, ScreeningDecision
from candidates.services import record_consent

from .candidates import CandidateFactory, ScreeningFactory
from .companies import VacancyFactory
from .jobroad import UserFactory

DAY = date(2027, 4, 20)  # the project-week day every schedule of the tests is on


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Campaign {n}")
    phase = CampaignPhase.INTAKE


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    """A three-year programme with the Refugees2work AMIF contract's targets."""

    class Meta:
        model = FundingProgramme

    name = factory.Sequence(lambda n: f"Programme {n}")
    funder = factory.SubFactory("tests.factories.jobroad.OrganisationFactory", kind="funder")
    starts_on = date(2023, 1, 1)
    ends_on = date(2025, 12, 31)
    target_actions_per_year = 4
    target_candidates_per_action = 45
    target_people = 540
    target_company_workshops = 12
    target_resident_workshops = 12
    target_companies_reached = 60
    target_residents_reached = 840


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    campaign = factory.SubFactory(CampaignFactory)
    candidate = factory.SubFactory(CandidateFactory)


class ProposalFactory(factory.django.DjangoModelFactory):
    """A draft proposal; ``confirmed`` is what a coordinator's confirmation leaves (HR sees it)."""

    class Meta:
        model = Proposal

    enrolment = factory.SubFactory(EnrolmentFactory)
    vacancy = factory.SubFactory(VacancyFactory)
    fit = 60

    class Params:
        confirmed = factory.Trait(status=ProposalStatus.CONFIRMED)


class InterviewFactory(factory.django.DjangoModelFactory):
    """A confirmed proposal's interview at the vacancy's company, not yet in the schedule; ``published`` puts it
    on DAY at 11:00 (after the 10:00 guided visit) and tells everyone."""

    class Meta:
        model = Interview

    proposal = factory.SubFactory(ProposalFactory, confirmed=True)
    enrolment = factory.SelfAttribute("proposal.enrolment")
    participation = factory.LazyAttribute(
        lambda o: Participation.objects.get_or_create(
            campaign=o.proposal.enrolment.campaign, company=o.proposal.vacancy.company
        )[0]
    )

    class Params:
        published = factory.Trait(
            day=DAY,
            starts_at=time(11),
            ends_at=time(11, 30),
            seat=1,
            published_day=factory.SelfAttribute("day"),
            published_starts_at=factory.SelfAttribute("starts_at"),
        )


class EvaluationFactory(factory.django.DjangoModelFactory):
    """HR's evaluation of a published interview: the candidate came; ``offer`` is an offer to start in temp work."""

    class Meta:
        model = Evaluation

    interview = factory.SubFactory(InterviewFactory, published=True)
    attendance = "attended"
    outcome = Outcome.NO
    filled_at = factory.LazyFunction(timezone.now)
    filled_by = factory.SubFactory(UserFactory)

    class Params:
        offer = factory.Trait(outcome=Outcome.OFFER, start_route=StartRoute.TEMP_WORK, proposed_start=date(2027, 5, 3))


def set_phase(campaign, phase: str):
    """Put a campaign straight into ``phase`` (as a fixture would have found it there), so a test runs its actions
    in the phase where they belong (``campaigns.lifecycle``)."""
    campaign.phase = phase
    campaign.save(update_fields=["phase"])
    return campaign


def matchable(world, candidate, *, campaign=None, decision=ScreeningDecision.SELECTED) -> Enrolment:
    """Enrol (if needed), screen and ask consent: what a candidate needs before matching proposes them."""
    campaign = campaign or world.campaign_a
    enrolment, _created = campaign.enrolments.get_or_create(candidate=candidate)
    ScreeningFactory(enrolment=enrolment, screener=world.alice, decision=decision)
    record_consent(candidate=candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")
    return enrolment
