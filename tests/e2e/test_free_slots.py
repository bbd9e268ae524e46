"""Browser flow of moving an interview (issue 25, item 4): the move page lists the free times that pass every rule,
best first, and one tap moves the interview there; nobody is told until the coordinator publishes."""

from datetime import time, timedelta

from playwright.sync_api import expect

from campaigns.models import Interview
from tests.factories import DAY

from .conftest import log_in_as_coordinator


def test_a_coordinator_moves_an_interview_to_an_offered_free_time(page, live_url, world, published, screenshot):
    participation = published[0].participation
    participation.available_days = [DAY.isoformat(), (DAY + timedelta(days=1)).isoformat()]
    participation.interviews_until = time(13)
    participation.save()
    sara = published[1]
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/campaigns/interviews/{sara.pk}/move/")
    first = page.locator("[data-free-slot]").first
    expect(first).to_be_visible()
    screenshot(page, "free-times")
    day, at = first.get_attribute("data-free-slot").split()
    first.click()

    expect(page.locator(".alert-success")).to_be_visible()
    sara = Interview.objects.get(pk=sara.pk)
    assert (sara.day.isoformat(), sara.starts_at.strftime("%H:%M")) == (day, at)
    assert day == DAY.isoformat()  # the same day first
