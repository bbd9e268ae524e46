from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from campaigns import services
from campaigns.models import Campaign, CampaignPhase, Enrolment, PhaseChange, PhasePlan
from tests.factories import CandidateFactory, VacancyFactory
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

BRUSSELS = ZoneInfo("Europe/Brussels")

PLANS = {
    CampaignPhase.INTAKE: (date(2027, 1, 11), date(2027, 2, 26)),
    CampaignPhase.SCREENING: (date(2027, 3, 1), date(2027, 3, 12)),
    CampaignPhase.MATCHING: (date(2027, 3, 15), date(2027, 3, 26)),
    CampaignPhase.PROJECT_WEEK: (date(2027, 4, 19), date(2027, 4, 23)),
    CampaignPhase.AFTERCARE: (date(2027, 4, 26), date(2028, 4, 30)),
}


@pytest.fixture
def campaign(world):
    return services.create_campaign(
        actor=world.alice,
        plans=PLANS,
        name="Heidedorp 2027",
        region="Kempen",
        partners=[world.intermediary_org_a],
        target_candidates=40,
    )


def test_a_new_campaign_is_a_draft_run_by_its_creator(campaign, world):
    assert (campaign.phase, list(campaign.coordinators.all())) == (CampaignPhase.DRAFT, [world.alice])
    assert (campaign.starts_on, campaign.ends_on) == (date(2027, 1, 11), date(2028, 4, 30))
    assert PhasePlan.objects.filter(campaign=campaign).count() == 5


def test_it_moves_through_the_phases_one_at_a_time_and_keeps_the_history(campaign, world):
    Enrolment.objects.create(campaign=campaign, candidate=CandidateFactory())
    campaign.companies.add(VacancyFactory().company)

    for phase in [CampaignPhase.INTAKE, CampaignPhase.SCREENING, CampaignPhase.MATCHING]:
        campaign = services.advance_campaign(campaign=campaign, to_phase=phase, actor=world.alice)

    assert campaign.phase == CampaignPhase.MATCHING
    assert list(PhaseChange.objects.values_list("from_phase", "to_phase", "changed_by")) == [
        (CampaignPhase.DRAFT, CampaignPhase.INTAKE, world.alice.pk),
        (CampaignPhase.INTAKE, CampaignPhase.SCREENING, world.alice.pk),
        (CampaignPhase.SCREENING, CampaignPhase.MATCHING, world.alice.pk),
    ]


def test_skipping_a_phase_is_refused_with_a_reason(campaign, world):
    with translation.override("en"), pytest.raises(services.TransitionRefused) as refusal:
        services.advance_campaign(campaign=campaign, to_phase=CampaignPhase.SCREENING, actor=world.alice)

    assert refusal.value.reasons == ["A campaign moves one phase at a time; after Draft comes Workshops & intake."]
    assert Campaign.objects.get(pk=campaign.pk).phase == CampaignPhase.DRAFT


def test_intake_needs_dates_and_someone_to_register_candidates(world):
    bare = services.create_campaign(actor=world.alice, plans={}, name="Leeg")

    problems = services.transition_problems(bare, CampaignPhase.INTAKE)

    assert len(problems) == 2
    with pytest.raises(services.TransitionRefused):
        services.advance_campaign(campaign=bare, to_phase=CampaignPhase.INTAKE, actor=world.alice)
    assert not PhaseChange.objects.exists()


def test_screening_needs_a_candidate_and_matching_an_open_vacancy(campaign, world):
    campaign = services.advance_campaign(campaign=campaign, to_phase=CampaignPhase.INTAKE, actor=world.alice)

    assert len(services.transition_problems(campaign, CampaignPhase.SCREENING)) == 1
    Enrolment.objects.create(campaign=campaign, candidate=CandidateFactory())
    campaign = services.advance_campaign(campaign=campaign, to_phase=CampaignPhase.SCREENING, actor=world.alice)
    assert len(services.transition_problems(campaign, CampaignPhase.MATCHING)) == 1


def test_a_clone_moves_every_phase_by_the_same_number_of_days(campaign, world):
    clone = services.clone_campaign(
        source=campaign, name="Heidedorp 2028", intake_starts_on=date(2028, 1, 10), actor=world.bob
    )

    plans = {plan.phase: (plan.starts_on, plan.ends_on) for plan in clone.phase_plans.all()}
    assert plans[CampaignPhase.INTAKE] == (date(2028, 1, 10), date(2028, 2, 25))
    assert plans[CampaignPhase.PROJECT_WEEK] == (date(2028, 4, 17), date(2028, 4, 21))  # 364 days: same weekdays
    assert (clone.phase, clone.region, clone.target_candidates, clone.cloned_from) == (
        CampaignPhase.DRAFT,
        "Kempen",
        40,
        campaign,
    )
    assert list(clone.partners.all()) == [world.intermediary_org_a]
    assert list(clone.coordinators.all()) == [world.bob]


def test_a_clone_takes_the_workshops_and_their_sessions_along_without_the_people(campaign, world):
    workshop = Workshop.objects.create(campaign=campaign, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES)
    start = datetime(2027, 1, 19, 9, 30, tzinfo=BRUSSELS)
    session = Session.objects.create(
        workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Zaal"
    )
    Session.objects.create(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Afgelast",
                           cancelled_at=start)  # fmt: skip
    Registration.objects.create(session=session, candidate=world.candidate_a, status=RegistrationStatus.REGISTERED)

    clone = services.clone_campaign(
        source=campaign, name="Heidedorp 2028", intake_starts_on=date(2028, 1, 10), actor=world.bob
    )

    copied = Session.objects.get(workshop__campaign=clone)
    assert (copied.workshop.kind, copied.place, copied.starts_at) == (
        WorkshopKind.LABOUR_MARKET, "Zaal", datetime(2028, 1, 18, 9, 30, tzinfo=BRUSSELS),
    )  # fmt: skip
    assert not copied.registrations.exists()
    assert session.registrations.count() == 1
