"""Issue 22, item 2: outreach that counts people who are not registered. ``selectors.outreach`` keeps residents,
their registered candidates, company people and companies apart, and counts only sessions held."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from candidates.models import Gender
from jobroad.models import OrganisationKind
from tests.factories import CandidateFactory, CompanyFactory, OrganisationFactory, UserFactory
from workshops.models import Audience, Headcount, Registration, RegistrationStatus, Session, Workshop, WorkshopKind
from workshops.selectors import NO_OUTREACH, Outreach, outreach, outreach_by


def held_session(campaign, audience, *, days_ago=3, cancelled=False) -> Session:
    kind = WorkshopKind.LABOUR_MARKET if audience == Audience.CANDIDATES else WorkshopKind.LIFE_AS_A_REFUGEE
    workshop, _ = Workshop.objects.get_or_create(campaign=campaign, kind=kind, audience=audience)
    start = timezone.now() - timedelta(days=days_ago)
    return Session.objects.create(
        workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=2), place="Centrum",
        cancelled_at=timezone.now() if cancelled else None,
    )  # fmt: skip


def present(session, *, attended=True, **who) -> Registration:
    return Registration.objects.create(session=session, status=RegistrationStatus.REGISTERED, attended=attended, **who)


def counted(session, people, *, centre=None, gender=Gender.OTHER) -> Headcount:
    return Headcount.objects.create(session=session, reception_centre=centre, gender=gender, people=people)


@pytest.fixture
def centre(db):
    return OrganisationFactory(name="Opvangcentrum Heidedorp", kind=OrganisationKind.RECEPTION_CENTRE)


def sessions_of(campaign):
    return Session.objects.filter(workshop__campaign=campaign)


def test_residents_reached_are_the_candidates_present_and_the_residents_counted_without_a_name(world, centre):
    first, second = held_session(world.campaign_a, Audience.CANDIDATES), held_session(world.campaign_a, "candidates")
    samira = CandidateFactory(first_name="Samira", registered_by=world.intermediary_org_a)
    present(first, candidate=world.candidate_a)
    present(second, candidate=world.candidate_a)  # Amal at two workshops is one resident
    present(first, candidate=samira, attended=False)
    counted(first, 7, centre=centre, gender=Gender.WOMAN)
    counted(first, 5, centre=centre, gender=Gender.MAN)
    counted(second, 2)

    reached = outreach(sessions_of(world.campaign_a))

    assert reached == Outreach(
        resident_workshops=2, company_workshops=0, residents=15, candidates=1, company_people=0,
        company_organisation_ids=frozenset(),
    )  # fmt: skip
    assert (reached.anonymous_residents, reached.workshops) == (14, 2)


def test_company_people_and_distinct_companies_come_from_company_workshops(world):
    first, second = held_session(world.campaign_a, Audience.PARTNERS), held_session(world.campaign_a, "partners")
    company_c = CompanyFactory(organisation__name="Company C")
    present(first, person=world.hr_a, organisation=world.company_a.organisation)
    present(second, person=world.hr_a, organisation=world.company_a.organisation)  # one person, once per campaign
    present(second, name="Els Maes", organisation=company_c.organisation)
    present(second, name="Tom Claes")  # written in at a workshop for companies
    present(first, person=world.intermediary_a, organisation=world.intermediary_org_a)  # a partner, not a company
    present(first, person=world.hr_b, organisation=world.company_b.organisation, attended=False)
    counted(first, 4)

    reached = outreach(sessions_of(world.campaign_a))

    assert reached == Outreach(
        resident_workshops=0, company_workshops=2, residents=0, candidates=0, company_people=7,
        company_organisation_ids=frozenset({world.company_a.organisation_id, company_c.organisation_id}),
    )  # fmt: skip
    assert reached.companies == 2


def test_cancelled_and_future_sessions_reach_no_one(world, centre):
    cancelled = held_session(world.campaign_a, Audience.CANDIDATES, cancelled=True)
    future = held_session(world.campaign_a, Audience.PARTNERS, days_ago=-5)
    for session in (cancelled, future):
        counted(session, 9)
    present(cancelled, candidate=world.candidate_a)
    present(future, person=world.hr_a, organisation=world.company_a.organisation)

    assert outreach(sessions_of(world.campaign_a)) == NO_OUTREACH


def test_residents_and_company_people_are_never_added_up(world, centre):
    residents, companies = held_session(world.campaign_a, "candidates"), held_session(world.campaign_a, "partners")
    present(residents, candidate=world.candidate_a)
    counted(residents, 10, centre=centre, gender=Gender.WOMAN)
    present(companies, person=world.hr_a, organisation=world.company_a.organisation)
    counted(companies, 3)

    reached = outreach(sessions_of(world.campaign_a))

    assert (reached.residents, reached.candidates, reached.company_people, reached.companies) == (11, 1, 4, 1)


def test_a_programme_s_outreach_is_the_sum_of_its_campaigns(world, shared_candidate):
    in_a, in_b = held_session(world.campaign_a, "candidates"), held_session(world.campaign_b, "candidates")
    present(in_a, candidate=shared_candidate)
    present(in_b, candidate=shared_candidate)  # one resident in each action
    company_a = held_session(world.campaign_a, "partners")
    company_b = held_session(world.campaign_b, "partners")
    present(company_a, person=world.hr_a, organisation=world.company_a.organisation)
    present(company_b, name="Lies", organisation=world.company_a.organisation)

    by_campaign = outreach_by(Session.objects.all())
    together = outreach(Session.objects.all())

    assert {pk: (o.residents, o.company_people, o.companies) for pk, o in by_campaign.items()} == {
        world.campaign_a.pk: (1, 1, 1),
        world.campaign_b.pk: (1, 1, 1),
    }
    assert (together.residents, together.candidates, together.company_people, together.companies) == (2, 2, 2, 1)


def test_outreach_by_session_counts_each_session(world, centre):
    first, second = held_session(world.campaign_a, "candidates"), held_session(world.campaign_a, "candidates")
    present(first, candidate=world.candidate_a)
    present(second, candidate=world.candidate_a)
    counted(second, 6, centre=centre)

    by_session = outreach_by(Session.objects.all(), key="pk")

    assert {pk: o.residents for pk, o in by_session.items()} == {first.pk: 1, second.pk: 7}


@pytest.mark.parametrize("sessions", [1, 12])
def test_outreach_takes_four_queries_however_many_sessions(world, centre, sessions):
    for index in range(sessions):
        session = held_session(world.campaign_a, "candidates" if index % 2 else "partners")
        if session.workshop.for_candidates:
            present(session, candidate=CandidateFactory(registered_by=world.intermediary_org_a))
            counted(session, 5, centre=centre, gender=Gender.MAN)
        else:
            person = UserFactory()
            present(session, person=person, organisation=world.company_a.organisation)
            counted(session, 2)

    with CaptureQueriesContext(connection) as queries:
        outreach(sessions_of(world.campaign_a))

    assert len(queries) == 4
