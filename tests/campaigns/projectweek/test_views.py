"""The project-week pages (campaigns.projectweek.views): a company's day sheet is offered only when it has a
published interview, never as a link that leads to a 404; publishing asks first and names the messages that will
go out (issue 19, 7 and 8)."""

import re
from datetime import time

import pytest
from django.urls import reverse

from campaigns.models import Interview, Participation
from campaigns.projectweek import services as projectweek_services
from jobroad.models import Message
from tests.factories import DAY, CompanyFactory


def test_a_company_without_interviews_gets_no_day_sheet_link_but_says_why(client_for, world, published):
    idle = Participation.objects.create(
        campaign=world.campaign_a, company=CompanyFactory(organisation__name="Rustig BV"),
        available_days=[DAY.isoformat()],
    )  # fmt: skip
    client = client_for(world.alice)

    page = client.get(reverse("project_week", args=[world.campaign_a.pk])).content.decode()

    busy = published[0].participation
    assert reverse("company_day_sheet", args=[busy.pk]) in page
    assert reverse("company_day_sheet", args=[idle.pk]) not in page
    assert page.count("data-no-day-sheet") == 1
    assert client.get(reverse("company_day_sheet", args=[busy.pk])).status_code == 200


@pytest.fixture
def generated(world, week):
    """The week's three interviews planned (room for all three until 12:30), not yet published."""
    participation, _proposals = week
    participation.interviews_until = time(12, 30)
    participation.save()
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    return participation


def test_publishing_asks_first_naming_the_messages_and_sends_only_once_they_are_confirmed(client_for, world, generated):
    client = client_for(world.alice)
    url = reverse("project_week_publish", args=[world.campaign_a.pk])

    asked = client.get(url, headers={"Accept-Language": "en"}).content.decode()
    promised = int(re.search(r'data-messages="(\d+)"', asked).group(1))
    unconfirmed = client.post(url, {"messages": str(promised)})
    stale = client.post(url, {"messages": str(promised + 1), "confirm": "yes"})  # read before the schedule changed
    nothing_yet = Message.objects.count()
    confirmed = client.post(url, {"messages": str(promised), "confirm": "yes"})

    # The intermediary (one person) and company A's HR (one person) hear of each of the three interviews.
    assert f"{promised} messages will go out now" in asked and promised >= 6
    assert "1 intermediary" in asked and "1 company" in asked and "3 changed interviews" in asked
    assert (unconfirmed.status_code, stale.status_code, nothing_yet) == (302, 302, 0)
    assert confirmed.url == reverse("project_week", args=[world.campaign_a.pk])
    assert Message.objects.filter(template="interview_scheduled").count() == promised
    assert not Interview.objects.filter(participation=generated, published_day__isnull=True).exists()
