"""The funding programme the programme pages are tested against, shared by tests/campaigns/test_programmes.py and
tests/e2e/test_programmes.py: the ``programme`` fixture and the workshop helpers it is built with."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from campaigns.models import Campaign, Participation
from tests.factories import CampaignFactory, FundingProgrammeFactory
from tests.factories.cohort import enrol
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind


def session(campaign, kind, audience, day: date) -> Session:
    workshop, _ = Workshop.objects.get_or_create(campaign=campaign, kind=kind, defaults={"audience": audience})
    starts_at = timezone.make_aware(datetime(day.year, day.month, day.day, 9, 30))
    return Session.objects.create(workshop=workshop, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3),
                                  place="Heidedorp")  # fmt: skip


def attended(session_: Session, **who) -> None:
    Registration.objects.create(session=session_, status=RegistrationStatus.REGISTERED, attended=True, **who)


@pytest.fixture
def programme(world):
    """Refugees2work, the funder's: campaign A its 2024 action (seven people, six at the labour-market workshop,
    company A's HR at the one for companies), campaign C its 2025 action (two people, both at a workshop, company B
    taking part). Looked at on 2 July 2025."""
    programme = FundingProgrammeFactory(name="Refugees2work", funder=world.funder, reference="AMIF-42")
    Campaign.objects.filter(pk=world.campaign_a.pk).update(programme=programme, starts_on=date(2024, 2, 5))
    campaign_c = CampaignFactory(name="Campaign C", programme=programme, funder=world.funder,
                                 starts_on=date(2025, 2, 3))  # fmt: skip
    campaign_c.coordinators.add(world.alice)
    Participation.objects.create(campaign=campaign_c, company=world.company_b)
    people_a = [enrol(world, world.campaign_a, f"A{n}", "Doe", date(2024, 2, 10)) for n in range(7)]
    people_c = [enrol(world, campaign_c, f"C{n}", "Doe", date(2025, 2, 5)) for n in range(2)]
    residents_a = session(world.campaign_a, WorkshopKind.LABOUR_MARKET, Audience.CANDIDATES, date(2024, 2, 15))
    for enrolment in people_a[:6]:
        attended(residents_a, candidate=enrolment.candidate)
    companies_a = session(world.campaign_a, WorkshopKind.LIFE_AS_A_REFUGEE, Audience.PARTNERS, date(2024, 2, 14))
    attended(companies_a, person=world.hr_a, organisation=world.company_a.organisation)
    residents_c = session(campaign_c, WorkshopKind.LABOUR_MARKET, Audience.CANDIDATES, date(2025, 2, 10))
    for enrolment in people_c:
        attended(residents_c, candidate=enrolment.candidate)
    return programme
