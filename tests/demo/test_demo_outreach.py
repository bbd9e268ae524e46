"""Issue 22, item 2: the demo's outreach. Every held workshop for residents has a headcount of 5 to 25 residents
by reception centre and gender, every held workshop for companies a few people counted without a name, and the
campaign page shows residents reached apart from the candidates and the company people."""

import re

import pytest
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign
from jobroad.models import User
from tests.language import ENGLISH
from tests.mfa import with_totp
from workshops.models import Audience, HeadcountChange, Session
from workshops.selectors import outreach

FIGURE = re.compile(r'data-figure="([^"]+)" data-value="([^"]*)"')


@pytest.fixture(autouse=True)
def each_test_in_a_savepoint(db):
    """The demo's rows are read through the ordinary ``db`` fixture, whose transaction nests in the module's."""


def held(audience):
    return Session.objects.filter(
        workshop__audience=audience, cancelled_at__isnull=True, starts_at__lte=timezone.now()
    ).annotate(counted=Sum("headcounts__people"))


def test_every_held_demo_workshop_for_residents_counts_5_to_25_residents_by_centre(demo):
    sessions = list(held(Audience.CANDIDATES))

    assert len(sessions) >= 5
    assert [session.pk for session in sessions if not 5 <= (session.counted or 0) <= 25] == []
    for session in sessions:
        centres = set(session.headcounts.values_list("reception_centre", flat=True))
        hosting = set(session.workshop.campaign.reception_centres.values_list("pk", flat=True))
        assert centres <= (hosting or {None}), session


def test_every_held_demo_workshop_for_companies_counts_a_few_people_without_a_name(demo):
    sessions = list(held(Audience.PARTNERS))

    assert len(sessions) >= 5
    assert [session.pk for session in sessions if not 1 <= (session.counted or 0) <= 4] == []
    assert {row for session in sessions for row in session.headcounts.values_list("reception_centre", "gender")} == {
        (None, "other")
    }
    assert HeadcountChange.objects.filter(session__in=sessions).count() == len(sessions)


def test_the_demo_campaign_page_shows_residents_reached_from_the_one_selector(demo, client):
    coordinator = User.objects.get(email="coordinator@jobroad.example")
    with_totp(coordinator)  # coordinators must have a second factor
    client.force_login(coordinator)
    campaign = Campaign.objects.filter(workshops__sessions__headcounts__isnull=False).order_by("name").first()

    page = client.get(reverse("campaign_detail", args=[campaign.pk]), headers=ENGLISH).content.decode()

    reached = outreach(Session.objects.filter(workshop__campaign=campaign))
    shown = dict(FIGURE.findall(page))
    assert (shown["residents_reached"], shown["residents_candidates"], shown["company_people"]) == (
        str(reached.residents), str(reached.candidates), str(reached.company_people),
    )  # fmt: skip
    assert reached.residents > reached.candidates > 0
