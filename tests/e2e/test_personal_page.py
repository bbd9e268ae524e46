"""A candidate's personal page on a 320 px phone, in Arabic (right to left) and in Tigrinya: no account, no
JavaScript; "I can't come" shows on the coordinator's board and the coordinator's mail arrives. A tampered link
gets the neutral page (410)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from campaigns.models import Interview
from campaigns.personal.links import personal_path
from campaigns.personal_phrases import PHRASES
from tests.outboxrun import dispatch

from .conftest import axe, log_in_as_coordinator

NARROW = {"width": 320, "height": 640}


@pytest.fixture
def narrow_page(browser, browser_context_args):
    """The smallest phone the page is made for, with JavaScript off: the page needs none."""
    context = browser.new_context(**browser_context_args, viewport=NARROW, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("ti", "ltr")])
def test_a_candidate_says_on_a_phone_in_their_language_that_they_cannot_come(
    language, direction, narrow_page, page, live_url, world, published, smtp_server, screenshot
):
    candidate = world.candidate_a
    candidate.preferred_language = language
    candidate.save(update_fields=["preferred_language"])
    interview = Interview.objects.get(enrolment__candidate=candidate)
    card = narrow_page.locator(f"[data-appointment='interview-{interview.pk}']")

    narrow_page.goto(live_url + personal_path(interview.enrolment))
    expect(narrow_page.locator("html")).to_have_attribute("dir", direction)
    expect(narrow_page.locator("h1")).to_have_text(PHRASES[language]["page_title"])
    expect(card).to_contain_text(str(interview.participation.company))
    screenshot(narrow_page, f"personal-page-{language}")
    card.locator("[data-cannot-come]").click()
    card.get_by_label(PHRASES[language]["reason_transport"]).check()
    card.locator("[data-send-cannot-come]").click()
    expect(card.locator("[data-answered=not_coming]")).to_have_text(PHRASES[language]["answered_not_coming"])
    screenshot(narrow_page, f"personal-page-{language}-answered")
    page.goto(live_url + personal_path(interview.enrolment))  # the same page in a browser that runs axe
    assert axe(page) == []

    dispatch(timezone.now() + timedelta(seconds=1))
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/campaigns/{world.campaign_a.pk}/project-week/")
    expect(page.locator(f"[data-interview='{interview.pk}'] [data-candidate-answer=not_coming]")).to_be_visible()
    assert any(world.alice.email in str(mail["To"]) for mail in smtp_server.messages)


def test_a_tampered_link_gets_the_neutral_page_and_nothing_else(narrow_page, live_url, world, published):
    interview = published[0]
    path = personal_path(interview.enrolment)

    response = narrow_page.goto(live_url + path[:-4] + "xyz/")

    assert response.status == 410
    expect(narrow_page.locator("[data-link-unusable]")).to_be_visible()
    assert str(interview.participation.company) not in narrow_page.content()
