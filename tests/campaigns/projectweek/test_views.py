"""The project-week pages (campaigns.projectweek.views): a company's day sheet is offered only when it has a
published interview, never as a link that leads to a 404; publishing asks first and names the messages that will
go out (issue 19, 7 and 8)."""

import re
from datetime import time

import pytest
from django.urls import reverse

from campaigns.models import Interview, Participation
from campaigns.projectweek import services as projectweek_services
from jobroad.models import Message, Role
from tests.factories import DAY, CompanyFactory, MembershipFactory


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


def moved_by_hand(world, interview: Interview, at: time) -> Interview:
    return projectweek_services.move_interview(interview=interview, day=DAY, starts_at=at, actor=world.alice)


def test_generating_again_keeps_an_interview_moved_by_hand_and_says_so(client_for, world, generated):
    last = Interview.objects.filter(participation=generated).order_by("starts_at").last()
    generated.interviews_until = time(13)  # a fourth slot, 12:30: nobody would be planned there but by hand
    generated.save()
    moved_by_hand(world, last, time(12, 30))
    client = client_for(world.alice)
    url = reverse("project_week_generate", args=[world.campaign_a.pk])

    asked = client.get(url, headers={"Accept-Language": "en"}).content.decode()
    done = client.post(
        url, {"moves": "1", "confirm": "yes", "start": "keep"}, headers={"Accept-Language": "en"}, follow=True
    )

    last.refresh_from_db()
    assert "You moved 1 interview by hand" in asked
    assert (last.day, last.starts_at) == (DAY, time(12, 30)) and last.moved_at
    assert "1 interview you moved by hand stayed where it was put." in done.content.decode()
    assert "data-moved-by-hand" in done.content.decode()


def test_starting_from_scratch_forgets_the_moves_made_by_hand(client_for, world, generated):
    generated.interviews_until = time(13)
    generated.save()
    last = moved_by_hand(
        world, Interview.objects.filter(participation=generated).order_by("starts_at").last(), time(12, 30)
    )

    client_for(world.alice).post(
        reverse("project_week_generate", args=[world.campaign_a.pk]),
        {"moves": "1", "confirm": "yes", "start": "scratch"},
    )

    last.refresh_from_db()
    assert last.starts_at < time(12, 30) and last.moved_at is None


def test_a_move_whose_time_closed_is_planned_anew_and_named(client_for, world, generated):
    generated.interviews_until = time(13)
    generated.save()
    last = moved_by_hand(
        world, Interview.objects.filter(participation=generated).order_by("starts_at").last(), time(12, 30)
    )
    generated.interviews_until = time(12, 30)  # HR shortened its day: 12:30 is gone
    generated.save()

    done = client_for(world.alice).post(
        reverse("project_week_generate", args=[world.campaign_a.pk]),
        {"moves": "1", "confirm": "yes"},
        headers={"Accept-Language": "en"},
        follow=True,
    )

    last.refresh_from_db()
    assert last.starts_at < time(12, 30) and last.moved_at is None
    assert "could not be kept" in done.content.decode() and str(last.enrolment.candidate) in done.content.decode()


def test_generating_over_a_published_week_asks_first(client_for, world, published):
    week = world.campaign_a.project_week
    generated_at = week.generated_at
    client = client_for(world.alice)
    url = reverse("project_week_generate", args=[world.campaign_a.pk])

    board = client.get(reverse("project_week", args=[world.campaign_a.pk])).content.decode()
    asked = client.get(url, headers={"Accept-Language": "en"}).content.decode()
    unconfirmed = client.post(url, {"moves": "0"})
    week.refresh_from_db()
    unchanged = week.generated_at
    stale = client.post(url, {"moves": "1", "confirm": "yes"})  # a move was made by hand since the page was read
    week.refresh_from_db()
    still_unchanged = week.generated_at
    confirmed = client.post(url, {"moves": "0", "confirm": "yes"})
    week.refresh_from_db()

    assert f'href="{url}"' in board  # a link to the question, not a button that generates
    assert "Version 1 of this schedule was published" in asked and "with 3 interviews" in asked
    assert unconfirmed.url == url and stale.url == url
    assert unchanged == still_unchanged == generated_at
    assert confirmed.url == reverse("project_week", args=[world.campaign_a.pk]) and week.generated_at > generated_at


def test_a_company_without_interviews_hears_it_once_when_the_schedule_is_published(client_for, world, generated):
    company = CompanyFactory(organisation__name="Rustig BV")
    hr = MembershipFactory(organisation=company.organisation, role=Role.COMPANY_HR).user
    idle = Participation.objects.create(campaign=world.campaign_a, company=company, available_days=[DAY.isoformat()])
    client = client_for(world.alice)
    url = reverse("project_week_publish", args=[world.campaign_a.pk])

    asked = client.get(url, headers={"Accept-Language": "en"}).content.decode()
    promised = int(re.search(r'data-messages="(\d+)"', asked).group(1))
    client.post(url, {"messages": str(promised), "confirm": "yes"})
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)  # published again

    notices = Message.objects.filter(template="participation_no_interviews")
    assert 'data-companies-without-interviews="1"' in asked
    sent_now = Message.objects.filter(template__in=["interview_scheduled", "participation_no_interviews"])
    assert sent_now.count() == promised  # the count asked about is the count that goes out (reminders come later)
    assert [(n.recipient_address, n.event) for n in notices] == [(hr.email, f"participation:{idle.pk}:no-interviews")]
