"""Failed messages in the browser: the coordinator filters the outbox on failed ones and sends them all again,
after confirming how many."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from jobroad import outbox
from jobroad.models import Message, MessageStatus
from jobroad.outbox import Recipient

from .conftest import log_in_as_coordinator


def test_a_coordinator_sends_the_failed_messages_again_after_confirming_how_many(page, live_url, world, screenshot):
    for name in ("Sara", "Yonas", "Amal"):
        outbox.schedule_message(
            key=f"note:{name}", template="note", recipient=Recipient(address=f"{name.lower()}@example.org", name=name),
            due_at=timezone.now() - timedelta(hours=3), context={"subject": "Welkom", "text": "Tot maandag!"},
            campaign=world.campaign_a,
        )  # fmt: skip
    Message.objects.update(status=MessageStatus.FAILED, attempts=30, last_error="554 no service")
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/messages/?status=failed")
    resend = page.locator("[data-resend-failed]")
    expect(resend).to_contain_text("3")
    resend.locator("input[name=confirm]").check()
    screenshot(page, "outbox-resend-failed")
    resend.locator("button[type=submit]").click()

    expect(page.locator(".alert-success")).to_contain_text("3")
    assert set(Message.objects.values_list("status", flat=True)) <= {MessageStatus.PENDING, MessageStatus.SENDING,
                                                                     MessageStatus.SENT}  # fmt: skip
