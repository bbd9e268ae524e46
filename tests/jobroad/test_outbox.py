import smtplib
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.db import transaction
from django.test import TestCase

from jobroad import outbox
from jobroad.models import Channel, Message, MessageStatus
from jobroad.outbox import Recipient
from jobroad.reminders import event_key, plan_reminders

BRUSSELS = ZoneInfo("Europe/Brussels")
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=BRUSSELS)
THURSDAY = datetime(2026, 12, 3, 14, 30, tzinfo=BRUSSELS)
MONDAY_MORNING = datetime(2026, 11, 30, 8, 0, tzinfo=BRUSSELS)


def dispatch(now: datetime) -> list:
    """One run of the dispatcher at ``now``, its delivery tasks run when the claim commits (as in production)."""
    with time_machine.travel(now, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        return outbox.claim_due_messages()


def interview_context(at: datetime, sequence: int = 0) -> dict:
    return {
        "event": {
            "uid": "interview-42@jobroad.example",
            "sequence": sequence,
            "start": at.isoformat(),
            "end": (at + timedelta(minutes=30)).isoformat(),
            "summary": "Sollicitatiegesprek Logistiek Scheldeland",
            "location": "Havenstraat 1, Scheldemonde",
        }
    }


def plan_interview(world, at: datetime, now: datetime, sequence: int = 0):
    recipients = {
        "hr": [Recipient.for_user(world.hr_a)],
        "intermediary": [Recipient.for_user(world.intermediary_a)],
        "candidate": [Recipient(address="amal@example.org", name="Amal", language="fr")],
    }
    planned = plan_reminders(
        event_kind="interview",
        event_id=42,
        at=at,
        recipients=recipients,
        context=interview_context(at, sequence),
        now=now,
    )
    return outbox.sync_event_messages(event=event_key("interview", 42), planned=planned)


def note(key="note:1", due_at=None, **recipient) -> Message:
    return outbox.schedule_message(
        key=key,
        template="note",
        recipient=Recipient(**({"address": "sara@example.org", "name": "Sara"} | recipient)),
        due_at=due_at or datetime(2026, 11, 22, 9, 0, tzinfo=BRUSSELS),
        context={"subject": "Welkom", "text": "Tot maandag!"},
    )


# --- Writing and moving ---------------------------------------------------------------------------------


def test_writing_the_same_key_twice_is_one_message(db):
    first = note()
    second = note(due_at=datetime(2026, 11, 23, 9, 0, tzinfo=BRUSSELS))

    assert first.pk == second.pk
    assert Message.objects.get().due_at == datetime(2026, 11, 23, 9, 0, tzinfo=BRUSSELS)


def test_a_rolled_back_change_leaves_no_message(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        note()
        raise RuntimeError("the interview could not be saved")

    assert not Message.objects.exists()


def test_an_interview_moved_from_tuesday_to_thursday_reminds_for_thursday_only(world, mailoutbox):
    plan_interview(world, TUESDAY, now=MONDAY_MORNING - timedelta(days=3))
    plan_interview(world, THURSDAY, now=MONDAY_MORNING - timedelta(days=2), sequence=1)

    for moment in sorted(set(Message.objects.values_list("due_at", flat=True))):  # the sweep at every due time
        dispatch(now=moment)

    assert Message.objects.filter(status=MessageStatus.CANCELLED).count() == 6  # Tuesday's 2 rules for 3 people
    assert len(mailoutbox) == 6  # Thursday's
    assert all("3 december" in message.subject or "3 décembre" in message.subject for message in mailoutbox)
    assert not any("1 december" in message.subject for message in mailoutbox)


def test_a_cancelled_interview_never_reminds(world, mailoutbox):
    plan_interview(world, TUESDAY, now=MONDAY_MORNING - timedelta(days=3))

    outbox.sync_event_messages(event=event_key("interview", 42), planned=[])
    for day in range(3):
        dispatch(now=MONDAY_MORNING + timedelta(days=day))

    assert mailoutbox == []
    assert set(Message.objects.values_list("status", flat=True)) == {MessageStatus.CANCELLED}


def test_reminders_whose_time_has_passed_are_not_planned(world):
    messages = plan_interview(world, TUESDAY, now=TUESDAY - timedelta(hours=5))

    assert {message.due_at for message in messages} == {TUESDAY - timedelta(hours=2)}


def test_a_sent_reminder_stays_history_when_the_event_moves(world, mailoutbox):
    plan_interview(world, TUESDAY, now=MONDAY_MORNING - timedelta(days=3))
    dispatch(now=TUESDAY - timedelta(hours=20))  # the day-before reminders went out

    plan_interview(world, THURSDAY, now=TUESDAY - timedelta(hours=19), sequence=1)

    assert Message.objects.filter(status=MessageStatus.SENT).count() == 3
    assert Message.objects.filter(status=MessageStatus.PENDING, due_at__gt=TUESDAY).count() == 6


# --- Dispatching ----------------------------------------------------------------------------------------


def test_each_message_is_rendered_in_the_recipients_language(world, mailoutbox):
    plan_interview(world, TUESDAY, now=MONDAY_MORNING)

    dispatch(now=TUESDAY - timedelta(hours=2))

    by_address = {message.to[0].split("<")[-1].rstrip(">"): message for message in mailoutbox}
    assert by_address["amal@example.org"].subject.startswith("Rappel")
    assert by_address[world.hr_a.email].subject.startswith("Herinnering")


def test_a_due_message_is_sent_once_however_often_the_dispatcher_runs(db, mailoutbox):
    note()

    first = dispatch(now=datetime(2026, 11, 22, 9, 1, tzinfo=BRUSSELS))
    second = dispatch(now=datetime(2026, 11, 22, 9, 2, tzinfo=BRUSSELS))

    assert len(first) == 1
    assert second == []
    assert len(mailoutbox) == 1
    message = Message.objects.get()
    assert (message.status, message.attempts, message.subject) == (MessageStatus.SENT, 1, "Welkom")
    assert "Tot maandag!" in message.body


def test_nothing_is_sent_before_it_is_due(db, mailoutbox):
    note()

    assert dispatch(now=datetime(2026, 11, 22, 8, 59, tzinfo=BRUSSELS)) == []
    assert mailoutbox == []


def test_a_claim_in_a_rolled_back_transaction_queues_no_delivery(db, mailoutbox):
    note()

    with (
        TestCase.captureOnCommitCallbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        outbox.claim_due_messages(now=datetime(2026, 11, 22, 10, 0, tzinfo=BRUSSELS))
        raise RuntimeError("the database went away")

    assert callbacks == []
    assert mailoutbox == []
    assert Message.objects.get().status == MessageStatus.PENDING


def test_a_worker_killed_between_claim_and_send_is_recovered_and_sends_once(db, mailoutbox, settings):
    note()
    claimed_at = datetime(2026, 11, 22, 9, 1, tzinfo=BRUSSELS)
    [(pk, lost_claim)] = outbox.claim_due_messages(now=claimed_at)  # its delivery task never runs

    assert dispatch(now=claimed_at + timedelta(seconds=settings.OUTBOX_RECLAIM_AFTER_SECONDS - 1)) == []
    reclaimed = dispatch(now=claimed_at + timedelta(seconds=settings.OUTBOX_RECLAIM_AFTER_SECONDS + 1))
    late_delivery = outbox.deliver_message(message_id=pk, claim=str(lost_claim))  # the lost task turns up

    assert len(reclaimed) == 1
    assert late_delivery is None
    assert len(mailoutbox) == 1
    assert Message.objects.get().attempts == 2


def test_a_task_delivered_twice_by_the_broker_sends_once(db, mailoutbox):
    note()
    [(pk, claim)] = outbox.claim_due_messages(now=datetime(2026, 11, 22, 9, 1, tzinfo=BRUSSELS))

    results = [outbox.deliver_message(message_id=pk, claim=str(claim)) for _ in range(2)]

    assert results == [MessageStatus.SENT, None]
    assert len(mailoutbox) == 1


class FlakySmtp:
    """Refuses the first ``failures`` connections with the given error."""

    def __init__(self, error: Exception, failures: int):
        self.error, self.failures = error, failures

    def __call__(self, *args, **kwargs):
        if self.failures:
            self.failures -= 1
            raise self.error


def test_a_transient_smtp_error_is_retried_with_back_off(db, mailoutbox, monkeypatch):
    monkeypatch.setattr(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        wrap_failing(FlakySmtp(smtplib.SMTPServerDisconnected("connection lost"), failures=2)),
    )
    note()
    start = datetime(2026, 11, 22, 9, 0, tzinfo=BRUSSELS)

    dispatch(now=start)
    message = Message.objects.get()
    assert (message.status, message.due_at, message.last_error) == (
        MessageStatus.PENDING,
        start + timedelta(minutes=1),
        "connection lost",
    )
    dispatch(now=start + timedelta(minutes=1))
    assert Message.objects.get().due_at == start + timedelta(minutes=3)
    dispatch(now=start + timedelta(minutes=3))

    message = Message.objects.get()
    assert (message.status, message.attempts, message.last_error) == (MessageStatus.SENT, 3, "")
    assert len(mailoutbox) == 1


def test_after_the_last_attempt_the_message_is_failed(db, mailoutbox, monkeypatch, settings):
    monkeypatch.setattr(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        wrap_failing(FlakySmtp(smtplib.SMTPConnectError(421, "try later"), failures=99)),
    )
    note()
    now = datetime(2026, 11, 22, 9, 0, tzinfo=BRUSSELS)

    for _ in range(settings.OUTBOX_MAX_ATTEMPTS + 2):
        dispatch(now=now)
        now += timedelta(hours=1)

    message = Message.objects.get()
    assert (message.status, message.attempts) == (MessageStatus.FAILED, settings.OUTBOX_MAX_ATTEMPTS)
    assert "try later" in message.last_error
    assert mailoutbox == []


def test_a_refused_address_fails_at_once(db, monkeypatch):
    refusal = smtplib.SMTPRecipientsRefused({"sara@example.org": (550, b"no such user")})
    monkeypatch.setattr(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", wrap_failing(FlakySmtp(refusal, failures=1))
    )
    note()

    dispatch(now=datetime(2026, 11, 22, 9, 0, tzinfo=BRUSSELS))

    assert Message.objects.get().status == MessageStatus.FAILED


def wrap_failing(flaky):
    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.send_messages

    def send_messages(self, messages):
        flaky()
        return original(self, messages)

    return send_messages


def test_an_sms_goes_through_the_sms_backend_and_is_kept(db, caplog):
    caplog.set_level("INFO", logger="jobroad.channels")
    note(channel=Channel.SMS, address="+32470123456")

    dispatch(now=datetime(2026, 11, 22, 9, 0, tzinfo=BRUSSELS))

    message = Message.objects.get()
    assert (message.status, message.body) == (MessageStatus.SENT, "Tot maandag!")
    assert "SMS to +32470123456: Tot maandag!" in caplog.text


def test_the_reminder_reaches_a_real_smtp_server_with_a_calendar_invitation(world, smtp_server):
    plan_interview(world, TUESDAY, now=TUESDAY - timedelta(hours=5))  # only the two-hour reminders

    dispatch(now=TUESDAY - timedelta(hours=2))

    assert len(smtp_server.messages) == 3
    received = smtp_server.messages[0]
    [ics] = [part for part in received.walk() if part.get_content_type() == "text/calendar"]
    calendar = icalendar.Calendar.from_ical(ics.get_payload(decode=True))
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == TUESDAY
    assert str(event.decoded("dtstart").tzinfo) == "Europe/Brussels"
    assert event["uid"] == "interview-42@jobroad.example"
    assert [timezone["tzid"] for timezone in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert received["X-JobRoad-Message-Key"].strip().startswith("interview:42:reminder-2h:")


# --- No reminder lives in the broker -------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
APPS = ["jobroad", "campaigns", "candidates", "companies", "workshops", "aftercare"]


def test_no_code_hands_the_broker_a_long_eta_or_countdown():
    """Celery's Redis transport loses long-delayed tasks on restart: delays live in Message.due_at instead."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if any(word in line for word in ("countdown=", "eta=", "apply_async(")) and "noqa: outbox" not in line
    ]

    assert offenders == []


def test_a_message_whose_workers_keep_dying_ends_failed_not_looping(db, mailoutbox, settings):
    note()
    Message.objects.update(
        status=MessageStatus.SENDING,
        attempts=settings.OUTBOX_MAX_ATTEMPTS,
        claimed_at=datetime(2026, 11, 22, 9, 0, tzinfo=BRUSSELS),
    )

    assert dispatch(now=datetime(2026, 11, 22, 12, 0, tzinfo=BRUSSELS)) == []

    message = Message.objects.get()
    assert (message.status, message.attempts) == (MessageStatus.FAILED, settings.OUTBOX_MAX_ATTEMPTS)
    assert mailoutbox == []
