from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jobroad.models import Channel, Message, MessageStatus


def message(campaign=None, status=MessageStatus.PENDING, **extra) -> Message:
    return Message.objects.create(
        key=f"note:{Message.objects.count()}",
        template="note",
        recipient_name="Sara",
        recipient_address="sara@example.org",
        campaign=campaign,
        status=status,
        due_at=timezone.now() + timedelta(hours=1),
        context={"subject": "Welkom", "text": "Tot maandag"},
        **extra,
    )


def test_a_coordinator_puts_a_message_in_the_outbox(client_for, world):
    response = client_for(world.alice).post(
        reverse("message_create"),
        {"recipient": world.hr_a.pk, "channel": Channel.EMAIL, "subject": "Projectweek", "text": "Tot dinsdag!"},
    )

    created = Message.objects.get()
    assert response.url == reverse("message_detail", kwargs={"pk": created.pk})
    assert (created.recipient_user, created.recipient_address, created.status, created.created_by) == (
        world.hr_a,
        world.hr_a.email,
        MessageStatus.PENDING,
        world.alice,
    )
    assert created.due_at <= timezone.now()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"channel": Channel.EMAIL, "subject": "S", "text": "T"}, "__all__"),
        ({"address": "not-an-address", "channel": Channel.EMAIL, "subject": "S", "text": "T"}, "address"),
        ({"address": "0470 12 34", "channel": Channel.SMS, "text": "T"}, "address"),
        ({"address": "sara@example.org", "channel": Channel.EMAIL, "text": "T"}, "subject"),
        ({"address": "+32470123456", "channel": Channel.SMS, "text": "T", "due_at": "tomorrow"}, "due_at"),
    ],
)
def test_a_bad_message_is_explained_and_nothing_is_saved(client_for, world, data, field):
    response = client_for(world.alice).post(reverse("message_create"), data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Message.objects.exists()


def test_one_cannot_write_to_a_person_outside_ones_reach(client_for, world):
    response = client_for(world.alice).post(
        reverse("message_create"),
        {"recipient": 999_999, "channel": Channel.EMAIL, "subject": "S", "text": "T"},
    )

    assert response.status_code == 400
    assert "recipient" in response.context["form"].errors


def test_the_outbox_filters_by_status_and_person(client_for, world):
    failed = message(world.campaign_a, status=MessageStatus.FAILED, last_error="550 no such user")
    pending = message(world.campaign_a, recipient_user=world.hr_a)
    client = client_for(world.alice)

    only_failed = client.get(reverse("message_list"), {"status": "failed"})
    history = client.get(reverse("message_list"), {"person": world.hr_a.pk})

    assert list(only_failed.context["page"]) == [failed]
    assert list(history.context["page"]) == [pending]
    assert history.context["person"] == world.hr_a


def test_a_coordinator_sees_the_messages_of_their_campaigns_and_their_own_notes(client_for, world):
    own, note, to_her = (
        message(campaign=world.campaign_a),
        message(created_by=world.alice),
        message(recipient_user=world.alice),
    )
    message(campaign=world.campaign_b)
    message(created_by=world.bob)  # a colleague's note, in no campaign
    message()  # from the platform, in no campaign: the admin's

    page = client_for(world.alice).get(reverse("message_list"))

    assert set(page.context["page"]) == {own, note, to_her}


def test_cancel_then_resend(client_for, world):
    waiting = message(world.campaign_a)
    client = client_for(world.alice)

    client.post(reverse("message_cancel", kwargs={"pk": waiting.pk}))
    waiting.refresh_from_db()
    assert waiting.status == MessageStatus.CANCELLED

    client.post(reverse("message_resend", kwargs={"pk": waiting.pk}))
    waiting.refresh_from_db()
    assert (waiting.status, waiting.attempts) == (MessageStatus.PENDING, 0)
    assert waiting.due_at <= timezone.now()


def test_a_sent_message_cannot_be_cancelled_and_says_why(client_for, world):
    sent = message(world.campaign_a, status=MessageStatus.SENT)

    response = client_for(world.alice).post(reverse("message_cancel", kwargs={"pk": sent.pk}), follow=True)

    sent.refresh_from_db()
    assert sent.status == MessageStatus.SENT
    assert [str(note) for note in response.context["messages"]] == [
        "Alleen een bericht dat nog wacht, kan geannuleerd worden."
    ]


def test_the_preview_shows_the_message_as_it_will_be_sent(client_for, world):
    waiting = message(world.campaign_a)

    page = client_for(world.alice).get(reverse("message_detail", kwargs={"pk": waiting.pk}))

    assert page.context["preview"].subject == "Welkom"
    assert "Tot maandag" in page.content.decode()


def test_a_failed_message_shows_on_the_coordinators_dashboard(client_for, world):
    message(world.campaign_a, status=MessageStatus.FAILED)

    alice = client_for(world.alice).get(reverse("home")).content.decode()

    assert 'data-todo="failed-messages"' in alice


def test_a_nul_in_the_search_is_dropped_instead_of_failing_on_postgresql(client_for, world):
    Message.objects.create(
        key="test:nul", template="note", recipient_name="Amal Haddad", recipient_address="amal@example.org",
        due_at=timezone.now(), context={"subject": "Hallo"}, campaign=world.campaign_a,
    )  # fmt: skip
    client = client_for(world.alice)

    messages_page = client.get(reverse("message_list"), {"q": "Am\x00al"})
    candidates_page = client.get(reverse("candidate_list"), {"q": world.candidate_a.first_name[:2] + "\x00"})

    assert "Amal Haddad" in messages_page.content.decode()
    assert world.candidate_a.last_name in candidates_page.content.decode()


def test_the_organisation_list_filters_by_a_known_kind_and_lists_all_for_any_other(client_for, world):
    client = client_for(world.alice)

    intermediaries = client.get(reverse("organisation_list"), {"kind": "intermediary"}).content.decode()
    hostile = client.get(reverse("organisation_list"), {"kind": "\x00"})  # a 500 on PostgreSQL before

    assert "Werkwinkel A" in intermediaries and "Fund" not in intermediaries
    assert hostile.status_code == 200
    assert "Werkwinkel A" in hostile.content.decode() and "Fund" in hostile.content.decode()
