"""The move form offers the free times: exactly those that pass the move's own check, the same day first."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse

from campaigns.projectweek.selectors import free_slots, move_problems
from tests.factories import DAY


@pytest.fixture
def two_days(published):
    participation = published[0].participation
    participation.available_days = [DAY.isoformat(), (DAY + timedelta(days=1)).isoformat()]
    participation.interviews_until = time(13)
    participation.save()
    return published


def every_slot(interview):
    participation = interview.participation
    for iso in participation.available_days:
        day = datetime.fromisoformat(iso).date()
        at = datetime.combine(day, time(9))
        while at.time() < time(14):
            yield day, at.time()
            at += timedelta(minutes=15)


def test_the_free_times_are_exactly_those_the_move_check_lets_through(two_days):
    interview = two_days[1]

    offered = free_slots(interview, limit=100)
    passing = [
        (day, at)
        for day, at in every_slot(interview)
        if (day, at) != (interview.day, interview.starts_at) and not move_problems(interview, day, at)
    ]

    assert offered and sorted(offered) == sorted(passing)
    assert offered[0][0] == interview.day  # its own day first
    assert (interview.day, interview.starts_at) not in offered


def test_a_tap_on_a_free_time_moves_the_interview_and_tells_nobody_yet(client_for, world, two_days):
    interview = two_days[1]
    told = (interview.published_day, interview.published_starts_at)
    client = client_for(world.alice)
    page = client.get(reverse("interview_move", args=[interview.pk]))
    day, at = page.context["free"][0]

    response = client.post(reverse("interview_move", args=[interview.pk]), {"day": day.isoformat(), "starts_at": at})

    interview.refresh_from_db()
    assert response.status_code == 302
    assert (interview.day, interview.starts_at) == (day, at)
    assert (interview.published_day, interview.published_starts_at) == told  # nobody is told before publishing
    assert interview.moved_at is not None  # a person's move: generating again keeps it
