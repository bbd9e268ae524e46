"""The outbox as a list (issue 25, item 6): filters in words that can be bookmarked and saved, and bulk actions on a
selection — cancel, send again — that say first how many will change and why the others cannot, change all or none,
and are a 404 with a message the user does not see."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jobroad import message_bulk, outbox
from jobroad.models import Channel, Message, MessageStatus, SavedFilter
from tests.language import ENGLISH


def message(campaign=None, status=MessageStatus.PENDING, **extra) -> Message:
    values = {
        "key": f"note:{Message.objects.count()}", "template": "note", "recipient_name": "Sara",
        "recipient_address": "sara@example.org", "campaign": campaign, "status": status,
        "due_at": timezone.now() + timedelta(hours=1), "context": {"subject": "Welkom", "text": "Tot maandag"},
    }  # fmt: skip
    return Message.objects.create(**values | extra)


def listed(client, **params) -> list[Message]:
    return list(client.get(reverse("message_list"), params).context["page"])


def test_the_outbox_filters_on_status_channel_kind_campaign_and_due_date(client_for, world):
    sms = message(world.campaign_a, channel=Channel.SMS, template="interview_reminder", recipient_address="+3247")
    failed = message(world.campaign_a, status=MessageStatus.FAILED)
    later = message(world.campaign_a, due_at=timezone.now() + timedelta(days=10))
    client = client_for(world.alice)
    tomorrow = (timezone.localdate() + timedelta(days=2)).isoformat()

    assert listed(client, channel="sms") == [sms]
    assert listed(client, kind="interview_reminder") == [sms]
    assert listed(client, status="failed") == [failed]
    assert listed(client, due_from=tomorrow) == [later]
    assert set(listed(client, due_to=tomorrow)) == {sms, failed}
    assert set(listed(client, campaign=world.campaign_a.pk)) == {sms, failed, later}


def test_a_campaign_the_user_does_not_see_lists_nothing(client_for, world):
    message(world.campaign_a)
    message(world.campaign_b)

    assert listed(client_for(world.alice), campaign=world.campaign_b.pk) == []


def test_the_kinds_are_offered_in_words(client_for, world):
    page = client_for(world.alice).get(reverse("message_list"), headers=ENGLISH).content.decode()

    assert '<option value="interview_reminder">Interview reminder</option>' in page
    assert ">interview_reminder<" not in page


def test_a_filtered_outbox_is_saved_and_opened_again(client_for, world):
    client = client_for(world.alice)

    client.post(reverse("saved_filter_create"), {"page": "message_list", "name": "SMS mislukt", "status": "failed",
                                                 "channel": "sms", "subject": "not a filter"})  # fmt: skip

    saved = SavedFilter.objects.get(user=world.alice)
    assert (saved.page, saved.name, saved.query) == ("message_list", "SMS mislukt", "status=failed&channel=sms")
    opened = client.get(reverse("saved_filter_open", kwargs={"pk": saved.pk}))
    assert opened.url == f"{reverse('message_list')}?status=failed&channel=sms"


def test_a_filter_on_a_campaign_the_user_does_not_see_is_not_saved(client_for, world):
    data = {"page": "message_list", "name": "B", "campaign": world.campaign_b.pk}

    response = client_for(world.alice).post(reverse("saved_filter_create"), data)

    assert response.status_code == 302
    assert not SavedFilter.objects.exists()


def selection(client, name, messages, *, method="get", confirmed=None):
    data = {"message": [m.pk for m in messages]}
    if confirmed is not None:
        data["confirmed"] = [m.pk for m in confirmed]
    return getattr(client, method)(reverse(name), data, headers=ENGLISH)


def marked(page: str, attribute: str) -> set[int]:
    return {int(pk) for pk in re.findall(rf'{attribute}="(\d+)"', page)}


def test_cancelling_a_selection_asks_first_and_refuses_a_sent_message_in_words(client_for, world):
    waiting, other = message(world.campaign_a), message(world.campaign_a)
    sent = message(world.campaign_a, status=MessageStatus.SENT)
    client = client_for(world.alice)

    page = selection(client, "message_bulk_cancel", [waiting, other, sent]).content.decode()

    assert marked(page, "data-will-change") == {waiting.pk, other.pk}
    assert f'data-refused="{sent.pk}"' in page and "it was already sent" in page
    assert set(Message.objects.values_list("status", flat=True)) == {MessageStatus.PENDING, MessageStatus.SENT}
    response = selection(client, "message_bulk_cancel", [waiting, other, sent], method="post",
                         confirmed=[waiting, other])  # fmt: skip
    assert response.status_code == 302
    assert {m.pk: (m.status, m.cancelled_by) for m in Message.objects.filter(pk__in=[waiting.pk, other.pk])} == {
        waiting.pk: (MessageStatus.CANCELLED, world.alice),
        other.pk: (MessageStatus.CANCELLED, world.alice),
    }


def test_sending_a_selection_again_puts_the_failed_and_cancelled_back_and_not_the_waiting(client_for, world):
    failed = message(world.campaign_a, status=MessageStatus.FAILED, attempts=30)
    cancelled = message(world.campaign_a, status=MessageStatus.CANCELLED)
    waiting = message(world.campaign_a)
    client = client_for(world.alice)

    page = selection(client, "message_bulk_resend", [failed, cancelled, waiting]).content.decode()
    selection(client, "message_bulk_resend", [failed, cancelled, waiting], method="post", confirmed=[failed, cancelled])

    assert marked(page, "data-will-change") == {failed.pk, cancelled.pk}
    assert "it is still waiting to be sent" in page
    assert {(m.status, m.attempts) for m in Message.objects.filter(pk__in=[failed.pk, cancelled.pk])} == {
        (MessageStatus.PENDING, 0)
    }


def test_a_bulk_cancel_is_all_or_none(client_for, world, monkeypatch):
    first, second = message(world.campaign_a), message(world.campaign_a)
    original, calls = outbox.cancel_message, []

    def sent_meanwhile(*, message, actor):
        calls.append(message.pk)
        if len(calls) == 2:
            raise outbox.MessageRefused("Only a message that is still waiting can be cancelled.")
        original(message=message, actor=actor)

    monkeypatch.setitem(message_bulk.ACTIONS, "cancel", (message_bulk.ACTIONS["cancel"][0], sent_meanwhile))
    response = selection(client_for(world.alice), "message_bulk_cancel", [first, second], method="post",
                         confirmed=[first, second])  # fmt: skip

    assert response.status_code == 400 and len(calls) == 2
    assert set(Message.objects.values_list("status", flat=True)) == {MessageStatus.PENDING}


def test_a_selection_that_changed_since_the_question_changes_nothing(client_for, world):
    first, second = message(world.campaign_a), message(world.campaign_a)

    response = selection(client_for(world.alice), "message_bulk_cancel", [first, second], method="post",
                         confirmed=[first])  # fmt: skip

    assert response.status_code == 400
    assert set(Message.objects.values_list("status", flat=True)) == {MessageStatus.PENDING}


@pytest.mark.parametrize("name", ["message_bulk_cancel", "message_bulk_resend"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_message_of_another_campaign_in_the_selection_is_a_404(client_for, world, name, method):
    own, foreign = message(world.campaign_a), message(world.campaign_b, status=MessageStatus.FAILED)

    response = selection(client_for(world.alice), name, [own, foreign], method=method, confirmed=[own, foreign])

    assert response.status_code == 404
    assert list(Message.objects.order_by("pk").values_list("status", flat=True)) == [
        MessageStatus.PENDING, MessageStatus.FAILED]  # fmt: skip


def test_nothing_ticked_goes_back_to_the_outbox_with_its_filters(client_for, world):
    response = client_for(world.alice).get(reverse("message_bulk_cancel"), {"back": "status=failed&q=Sara"})

    assert response.url == f"{reverse('message_list')}?q=Sara&status=failed"
