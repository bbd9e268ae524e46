"""Lists (issue 25, item 6), the outbox and messages to a selection: a coordinator filters the outbox, saves the
filter, ticks two messages and cancels them after reading what will happen; then ticks candidates, sends them a
ready-made message, reads who gets it by which channel and in which language, confirms and finds the messages in the
outbox. axe checks every page at desktop and at phone width (390 px)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from candidates.models import ConsentPurpose
from candidates.services import record_consent
from jobroad.models import Channel, Message, MessageStatus, SavedFilter
from tests.factories import CandidateFactory

from .conftest import axe, log_in_as_coordinator

DESKTOP = {"width": 1280, "height": 900}
PHONE_390 = {"width": 390, "height": 844}


def axe_at_both_widths(page, screenshot, name: str) -> None:
    """No serious or critical violation at desktop width nor on a 390 px phone, where the page fits the screen."""
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE_390)):
        page.set_viewport_size(viewport)
        assert axe(page) == [], width
        screenshot(page, f"{name}-{width}")
    page.set_viewport_size(DESKTOP)


def outbox_message(world, key: str, **extra) -> Message:
    values = {
        "key": key, "template": "interview_reminder", "channel": Channel.SMS, "recipient_name": key.title(),
        "recipient_address": "+32470000000", "campaign": world.campaign_a, "due_at": timezone.now() + timedelta(days=1),
    }  # fmt: skip
    return Message.objects.create(**values | extra)


@pytest.fixture
def outbox(world):
    first, second = outbox_message(world, "mariam"), outbox_message(world, "olena")
    outbox_message(world, "sent", status=MessageStatus.SENT)
    outbox_message(world, "welcome", template="note", channel=Channel.EMAIL, context={"subject": "Welkom"})
    return first, second


def test_filter_the_outbox_save_the_filter_and_cancel_two_messages(browser, live_url, world, outbox, screenshot):
    first, second = outbox
    page = browser.new_context(locale="nl-BE", viewport=DESKTOP).new_page()
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/messages/")
    expect(page.locator("[data-message]")).to_have_count(4)

    filters = page.locator("[data-message-filters]")
    filters.locator("select[name=channel]").select_option("sms")
    filters.locator("select[name=status]").select_option("pending")
    filters.locator("[data-apply-filters]").click()
    expect(page.locator("[data-message]")).to_have_count(2)
    assert "channel=sms" in page.url and "status=pending" in page.url  # bookmarkable
    axe_at_both_widths(page, screenshot, "outbox-filtered")

    page.locator("[data-save-filter] input[name=name]").fill("Wachtende sms")
    page.locator("[data-save-filter] button").click()
    expect(page.locator("[data-saved-filter] a", has_text="Wachtende sms")).to_be_visible()
    assert SavedFilter.objects.get(user=world.alice).query == "status=pending&channel=sms"

    page.goto(f"{live_url}/messages/")
    page.locator("[data-saved-filter] a", has_text="Wachtende sms").click()
    expect(page.locator("[data-message]")).to_have_count(2)
    page.locator(f"[data-message='{first.pk}'] input[type=checkbox]").check()
    page.locator(f"[data-message='{second.pk}'] input[type=checkbox]").check()
    page.locator("[data-bulk=cancel]").click()
    expect(page.locator("[data-bulk-plan]")).to_have_attribute("data-count-change", "2")
    expect(page.locator(f"[data-will-change='{first.pk}']")).to_be_visible()
    assert set(Message.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == {
        MessageStatus.PENDING
    }  # asked first
    axe_at_both_widths(page, screenshot, "cancel-confirmation")

    page.locator("[data-bulk-confirm] button").click()
    expect(page).to_have_url(re.compile(r"/messages/\?.*status=pending"))
    expect(page.locator("[data-message]")).to_have_count(0)
    assert set(Message.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", "cancelled_by")) == {
        (MessageStatus.CANCELLED, world.alice.pk)
    }
    page.context.close()


@pytest.fixture
def candidates(world):
    """Enrolled in campaign A: Mariam reads Arabic and has a phone, Olena reads Ukrainian and has an e-mail address,
    both agreed to get messages; Sara gave a number but never agreed."""
    mariam = CandidateFactory(first_name="Mariam", registered_by=world.intermediary_org_a, preferred_language="ar",
                              phone="+32470000001")  # fmt: skip
    olena = CandidateFactory(first_name="Olena", registered_by=world.intermediary_org_a, preferred_language="uk",
                             email="olena@example.org")  # fmt: skip
    sara = CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a, phone="+32470000004")
    for candidate in (mariam, olena, sara):
        world.campaign_a.enrolments.create(candidate=candidate)
    for candidate in (mariam, olena):
        record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="nl")
    return mariam, olena, sara


def test_send_a_selection_a_message_each_in_their_own_language(browser, live_url, world, candidates, screenshot):
    mariam, olena, sara = candidates
    page = browser.new_context(locale="nl-BE", viewport=DESKTOP).new_page()
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/candidates/")
    for candidate in candidates:
        page.locator(f"tr[data-candidate='{candidate.pk}'] input[type=checkbox]").check()
    page.locator("[data-bulk=message]").click()
    expect(page.locator("[data-bulk-message-form]")).to_be_visible()
    axe_at_both_widths(page, screenshot, "message-form")

    page.locator("[data-bulk-message-form] input[value=bring_documents]").check()
    page.locator("[data-bulk-preview]").click()
    plan = page.locator("[data-bulk-plan]")
    expect(plan).to_have_attribute("data-count-send", "2")
    mariam_row, olena_row = (
        page.locator(f"[data-will-send='{mariam.pk}']"),
        page.locator(f"[data-will-send='{olena.pk}']"),
    )
    expect(mariam_row).to_have_attribute("data-language", "ar")
    expect(mariam_row).to_have_attribute("data-channel", "sms")
    expect(mariam_row).to_contain_text("+32470000001")
    expect(olena_row).to_have_attribute("data-language", "uk")
    expect(olena_row).to_contain_text("olena@example.org")
    expect(page.locator(f"[data-refused='{sara.pk}']")).to_be_visible()
    assert not Message.objects.filter(template="candidate_note").exists()  # asked first
    axe_at_both_widths(page, screenshot, "message-plan")

    page.locator("[data-bulk-confirm] button").click()
    expect(page).to_have_url(re.compile(r"/messages/\?q="))
    expect(page.locator("[data-message]")).to_have_count(2)
    expect(page.locator("table")).to_contain_text("أحضر وثائقك")  # the Arabic subject, as the outbox lists it
    sent = Message.objects.filter(template="candidate_note").values_list("recipient_address", "channel", "language")
    assert set(sent) == {("+32470000001", Channel.SMS, "ar"), ("olena@example.org", Channel.EMAIL, "uk")}
    page.context.close()
