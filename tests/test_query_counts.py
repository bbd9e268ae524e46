"""Query budgets: a page's query count does not grow with the number of rows it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Enrolment, Participation
from jobroad.models import CapturedMail, Message, Role

from .factories import CampaignFactory, CandidateFactory, CompanyFactory, MembershipFactory, VacancyFactory

MORE = 6


def add_rows(world):
    """More of everything, all visible to the users the pages are opened as."""
    for _ in range(MORE):
        company = CompanyFactory()
        MembershipFactory(user=world.hr_a, organisation=company.organisation, role=Role.COMPANY_HR)
        VacancyFactory.create_batch(2, company=company)
        MembershipFactory(organisation=world.intermediary_org_a, role=Role.INTERMEDIARY)
        campaign = CampaignFactory(funder=world.funder)
        campaign.coordinators.add(world.alice)
        campaign.partners.add(world.intermediary_org_a)
        Participation.objects.create(campaign=campaign, company=company)
        Participation.objects.create(campaign=world.campaign_a, company=company)
        candidate = CandidateFactory(registered_by=world.intermediary_org_a, coach=world.coach_a)
        Enrolment.objects.create(campaign=campaign, candidate=candidate)
        Enrolment.objects.create(campaign=world.campaign_a, candidate=candidate)
        CapturedMail.objects.create(message=outbox_message(world, campaign), subject="Invitation", body="…")
    VacancyFactory.create_batch(MORE, company=world.company_a)


def outbox_message(world, campaign) -> Message:
    return Message.objects.create(
        key=f"note:{Message.objects.count()}",
        template="note",
        recipient_user=world.hr_a,
        recipient_name=world.hr_a.full_name,
        recipient_address=world.hr_a.email,
        campaign=campaign,
        due_at=timezone.now(),
        context={"subject": "Welkom", "text": "…"},
    )


PAGES = [
    ("alice", "home", {}),
    ("hr_a", "home", {}),
    ("intermediary_a", "home", {}),
    ("coach_a", "home", {}),
    ("funder_viewer", "home", {}),
    ("screener_a", "home", {}),
    ("screener_a", "screening_board", {"campaign_pk": "campaign_a"}),
    ("intermediary_a", "vacancy_briefing", {"campaign_pk": "campaign_a"}),
    ("alice", "campaign_list", {}),
    ("alice", "candidate_list", {}),
    ("intermediary_a", "candidate_list", {}),
    ("alice", "company_list", {}),
    ("hr_a", "company_list", {}),
    ("alice", "organisation_list", {}),
    ("alice", "report_list", {}),
    ("alice", "mail_list", {}),
    ("alice", "message_list", {}),
    ("alice", "campaign_detail", {"pk": "campaign_a"}),
    ("alice", "company_detail", {"pk": "company_a"}),
    ("alice", "organisation_detail", {"pk": "intermediary_org_a"}),
    ("alice", "candidate_detail", {"pk": "candidate_a"}),
]


@pytest.mark.parametrize(("role", "name", "kwargs"), PAGES, ids=lambda value: str(value))
def test_query_count_does_not_grow_with_rows(client_for, world, role, name, kwargs):
    # one row of everything to start with
    CapturedMail.objects.create(message=outbox_message(world, world.campaign_a), subject="Welcome", body="…")
    client = client_for(getattr(world, role))
    url = reverse(name, kwargs={key: getattr(world, attribute).pk for key, attribute in kwargs.items()})

    def count_queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), len(response.content)

    few_queries, few_bytes = count_queries()
    add_rows(world)
    many_queries, many_bytes = count_queries()

    assert many_queries == few_queries
    if name != "candidate_detail":  # a detail page of one candidate shows no more rows
        assert many_bytes > few_bytes, "the extra rows should be on the page, or this test proves nothing"
