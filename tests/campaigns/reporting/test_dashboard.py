"""Issue 19, item 10: the campaign page's counters (``target_counters``) and what the page says beside them agree
with each other and with the reports, because each figure has one selector."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.language import ENGLISH
from tests.reportpages import report
from workshops.models import Audience, Session, Workshop, WorkshopKind

FIGURE = re.compile(r'data-figure="([^"]+)" data-value="([^"]*)"')


def figures(response) -> dict[str, str]:
    return dict(FIGURE.findall(response.content.decode()))


def test_the_funder_is_told_how_many_companies_take_part_not_that_none_does(client_for, world):
    page = client_for(world.funder_viewer).get(reverse("campaign_detail", args=[world.campaign_a.pk]), headers=ENGLISH)

    html = page.content.decode()
    assert figures(page)["companies"] == "1"
    assert "No company takes part yet." not in html
    assert "1 company takes part." in html
    assert world.company_a.organisation.name not in html  # a funder sees the count, never a name


def test_a_company_that_does_not_see_the_others_is_told_how_many_more_take_part(client_for, world):
    world.campaign_a.participations.create(company=world.company_b)

    page = client_for(world.hr_a).get(reverse("campaign_detail", args=[world.campaign_a.pk]), headers=ENGLISH)

    assert figures(page)["companies"] == "2"
    assert "and 1 other company" in page.content.decode()


def test_a_campaign_without_companies_says_so(client_for, world):
    world.campaign_a.participations.all().delete()

    page = client_for(world.alice).get(reverse("campaign_detail", args=[world.campaign_a.pk]), headers=ENGLISH)

    assert figures(page)["companies"] == "0"
    assert "No company takes part yet." in page.content.decode()


@pytest.fixture
def one_session_held_and_one_to_come(world):
    """Campaign A's target is two sessions: one was held last week, the other is next week."""
    workshop = Workshop.objects.create(
        campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES, title="Werkcultuur"
    )
    now = timezone.now()
    for starts_at in (now - timedelta(days=7), now + timedelta(days=7)):
        Session.objects.create(
            workshop=workshop, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2), place="Heidedorp"
        )
    world.campaign_a.target_workshops = 2
    world.campaign_a.save()


@pytest.mark.parametrize("who", ["alice", "funder_viewer"])
def test_the_campaign_page_and_the_report_count_the_sessions_held_alike(
    client_for, world, one_session_held_and_one_to_come, who
):
    client = client_for(getattr(world, who))

    page = client.get(reverse("campaign_detail", args=[world.campaign_a.pk]), headers=ENGLISH)
    targets = report(client, {"campaign": world.campaign_a.pk})

    assert figures(page)["workshop_sessions"] == "1"
    assert figures(targets)[f"targets.{world.campaign_a.pk}.workshop_sessions"] == "1"
    assert 'data-counter="3">1 / 2' in page.content.decode()
    assert targets.context["tables"][0].rows[0][3] == "1 / 2"  # the report's "Workshop sessions" of campaign A
