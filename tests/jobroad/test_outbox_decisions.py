"""What a person decides about a message stays decided, and the machine loses nothing it planned (issue 19, 1-4):
a person's cancel sticks through re-planning, a due reminder survives a re-plan, keys do not churn with the time's
UTC offset, and a reminder whose event has begun expires instead of leaving late."""

import smtplib
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.test import TestCase
from django.urls import reverse

from jobroad import outbox
from jobroad.models import Message, MessageStatus
from jobroad.outbox import Recipient
from jobroad.reminders import event_key, plan_reminders
from tests.jobroad.smtpfaults import failing_send
from workshops import services
from workshops.models import Audience, Session, Workshop

BRUSSELS = ZoneInfo("Europe/Brussels")
WORKSHOP = datetime(2026, 12, 10, 9, 0, tzinfo=BRUSSELS)  # reminders at 8 December 9:00 and 10 December 7:00
WEEK_BEFORE = WORKSHOP - timedelta(days=7)
EVENT = event_key("workshop_session", 7)


def plan(world, *, at=WORKSHOP, now=WEEK_BEFORE, people=("amal@example.org",)) -> list[Message]:
    recipients = {"attendee": [Recipient(address=address, name="Amal") for address in people]}
    planned = plan_reminders(
        event_kind="workshop_session", event_id=7, at=at, recipients=recipients, context={}, now=now
    )
    return outbox.sync_event_messages(event=EVENT, planned=planned, campaign=world.campaign_a)


def statuses() -> dict[str, str]:
    return dict(Message.objects.values_list("key", "status"))


def dispatch(now: datetime) -> list:
    with time_machine.travel(now, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        return outbox.claim_due_messages()


# --- 1. A person's cancel sticks ----------------------------------------------------------------------------


def test_a_message_a_coordinator_cancelled_stays_cancelled_when_its_event_is_planned_again(world):
    two_days_before, _two_hours_before = plan(world)

    outbox.cancel_message(message=two_days_before, actor=world.alice)
    plan(world, people=("amal@example.org", "sara@example.org"))  # another registration re-syncs the session

    two_days_before.refresh_from_db()
    assert (two_days_before.status, two_days_before.cancelled_by) == (MessageStatus.CANCELLED, world.alice)
    assert Message.objects.filter(recipient_address="sara@example.org", status=MessageStatus.PENDING).count() == 2


def test_a_person_who_sends_it_again_undoes_the_cancel_and_the_machine_may_cancel_and_revive_its_own(world):
    message = plan(world)[0]
    outbox.cancel_message(message=message, actor=world.alice)
    outbox.resend_message(message=message, actor=world.alice)
    message.refresh_from_db()
    assert (message.status, message.cancelled_by) == (MessageStatus.PENDING, None)

    outbox.sync_event_messages(event=EVENT, planned=[])  # the session was cancelled: the machine cancels
    plan(world)  # and planned again: its own cancel is undone

    message.refresh_from_db()
    assert message.status == MessageStatus.PENDING


def test_the_outbox_page_says_who_cancelled_and_that_it_stays_so(client_for, world):
    message = plan(world)[0]
    client = client_for(world.alice)
    client.post(reverse("message_cancel", args=[message.pk]))

    page = client.get(reverse("message_detail", args=[message.pk]), headers={"Accept-Language": "en"})

    assert b"data-cancelled-by" in page.content
    assert b"it stays cancelled until someone sends it again" in page.content


# --- 2. A due reminder is not lost --------------------------------------------------------------------------


def test_a_due_reminder_not_yet_sent_survives_a_re_plan_of_its_event(world):
    plan(world)
    due_but_unsent = WORKSHOP - timedelta(days=2) + timedelta(minutes=5)  # beat was down at 9:00

    plan(world, people=("amal@example.org", "sara@example.org"), now=due_but_unsent)
    sent = dispatch(now=due_but_unsent)

    amal = Message.objects.filter(recipient_address="amal@example.org")
    assert set(amal.values_list("status", flat=True)) == {MessageStatus.SENT, MessageStatus.PENDING}
    assert len(sent) == 1  # Amal's two-day reminder; none is written late for Sara
    assert not Message.objects.filter(status=MessageStatus.CANCELLED).exists()


def test_a_moved_event_still_cancels_the_reminders_of_its_old_time(world):
    plan(world)

    plan(world, at=WORKSHOP + timedelta(days=1), now=WORKSHOP - timedelta(days=2) + timedelta(minutes=5))

    old = [key for key, status in statuses().items() if "20261210T0800Z" in key]
    assert old and all(statuses()[key] == MessageStatus.CANCELLED for key in old)


# --- 3. Keys in UTC: an unchanged save changes no message ---------------------------------------------------


def test_the_same_moment_with_another_utc_offset_is_the_same_message(world):
    first = plan(world)
    again = plan(world, at=WORKSHOP.astimezone(UTC))

    assert [message.pk for message in again] == [message.pk for message in first]
    assert set(statuses().values()) == {MessageStatus.PENDING}
    assert all("20261210T0800Z" in key for key in statuses())


def test_saving_a_workshop_session_unchanged_changes_no_message(client_for, world):
    workshop = Workshop.objects.create(campaign=world.campaign_a, audience=Audience.CANDIDATES)
    start = datetime(2027, 2, 2, 9, 0, tzinfo=BRUSSELS)
    session = services.save_session(
        session=Session(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Stadhuis",
                        capacity=5, language="nl"),
        actor=world.alice,
    )  # fmt: skip
    services.register(session=session, candidate=world.candidate_a, actor=world.alice)
    before = list(Message.objects.order_by("pk").values("pk", "key", "status", "due_at"))

    client_for(world.alice).post(
        reverse("session_edit", kwargs={"pk": session.pk}),
        {"starts_at": "2027-02-02T09:00", "ends_at": "2027-02-02T12:00", "place": "Stadhuis", "language": "nl",
         "capacity": "5"},
    )  # fmt: skip

    assert before and list(Message.objects.order_by("pk").values("pk", "key", "status", "due_at")) == before


# --- 4. A reminder never leaves after its event has begun ---------------------------------------------------


def test_a_reminder_whose_event_has_begun_expires_instead_of_leaving(world, mailoutbox):
    plan(world)

    dispatch(now=WORKSHOP + timedelta(hours=1))  # the sweep comes back after an outage

    by_rule = {key.split(":")[2]: status for key, status in statuses().items()}
    assert by_rule == {"reminder-2d": MessageStatus.EXPIRED, "reminder-2h": MessageStatus.EXPIRED}
    assert mailoutbox == []


def test_a_reminder_claimed_in_time_but_reached_after_its_event_began_expires(world, mailoutbox):
    plan(world)
    with time_machine.travel(WORKSHOP - timedelta(minutes=1), tick=False):
        claimed = outbox.claim_due_messages()  # both reminders, a minute before the start

    with time_machine.travel(WORKSHOP + timedelta(minutes=1), tick=False):  # the worker reaches them too late
        outcomes = [outbox.deliver_message(message_id=pk, claim=str(claim)) for pk, claim in claimed]

    assert len(claimed) == 2 and outcomes == [MessageStatus.EXPIRED] * 2
    assert set(statuses().values()) == {MessageStatus.EXPIRED}
    assert mailoutbox == []


# --- 5. Failures: retried for hours; a bulk "send again" -----------------------------------------------------


def test_a_mail_server_outage_of_hours_is_waited_out_and_the_message_leaves_after_it(db, mailoutbox, monkeypatch):
    outage_until = WORKSHOP + timedelta(hours=6)
    monkeypatch.setattr(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        failing_send(smtplib.SMTPConnectError(554, "no service"), until=outage_until),
    )
    note = outbox.schedule_message(
        key="note:outage", template="note", recipient=Recipient(address="sara@example.org", name="Sara"),
        due_at=WORKSHOP, context={"subject": "Welkom", "text": "Tot maandag!"},
    )  # fmt: skip

    now = WORKSHOP
    while Message.objects.get(pk=note.pk).status == MessageStatus.PENDING and now < WORKSHOP + timedelta(days=2):
        dispatch(now=now)
        now = max(now + timedelta(minutes=1), Message.objects.get(pk=note.pk).due_at)

    message = Message.objects.get(pk=note.pk)
    assert message.status == MessageStatus.SENT and message.sent_at >= outage_until
    assert len(mailoutbox) == 1


def test_a_refusal_of_the_recipient_or_the_content_fails_at_once_a_refusal_of_the_server_does_not():
    assert not outbox.is_transient(smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"no such user")}))
    assert not outbox.is_transient(smtplib.SMTPDataError(554, "message refused"))
    assert outbox.is_transient(smtplib.SMTPConnectError(554, "no service"))
    assert outbox.is_transient(smtplib.SMTPAuthenticationError(535, "bad credentials"))
    assert outbox.is_transient(smtplib.SMTPSenderRefused(553, "sender not allowed", "jobroad@example.org"))
    assert outbox.is_transient(ConnectionRefusedError())


def test_failed_messages_are_sent_again_in_bulk_after_the_coordinator_confirms_how_many(client_for, world):
    failed = plan(world)
    Message.objects.update(status=MessageStatus.FAILED, attempts=30, last_error="554 no service")
    client = client_for(world.alice)
    page = client.get(reverse("message_list"), {"status": "failed"}, headers={"Accept-Language": "en"})
    assert b"Yes, send these 2 failed messages again now." in page.content

    unconfirmed = client.post(reverse("message_resend_failed"), {"status": "failed", "count": "2"})
    assert set(Message.objects.values_list("status", flat=True)) == {MessageStatus.FAILED}
    client.post(reverse("message_resend_failed"), {"status": "failed", "count": "2", "confirm": "yes"})

    assert unconfirmed.status_code == 302
    assert {(m.status, m.attempts) for m in Message.objects.filter(pk__in=[m.pk for m in failed])} == {
        (MessageStatus.PENDING, 0)
    }
