"""The Twilio SMS backend (jobroad.twilio_sms, issue 20 part 4) with the official client, against a local fake of
Twilio's API: what the client sends, the provider id kept on the message, which refusals are tried again; then the
signed delivery reports: delivered, undelivered, and a forged or unsigned one refused without changing anything."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import TestCase
from django.urls import reverse
from twilio.request_validator import RequestValidator

from jobroad import outbox, twilio_sms
from jobroad.models import Channel, Message, MessageStatus
from jobroad.outbox import Recipient
from tests.jobroad.twiliofake import FakeTwilio
from tests.ports import free_port

ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "f" * 32
FROM = "+32460201234"
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def twilio(settings):
    fake = FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN).start()
    settings.SMS_BACKEND = "jobroad.twilio_sms.TwilioSmsBackend"
    settings.TWILIO_ACCOUNT_SID = ACCOUNT_SID
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.TWILIO_FROM_NUMBER = FROM
    settings.TWILIO_API_BASE_URL = fake.base_url
    settings.TWILIO_TIMEOUT_SECONDS = 5
    settings.SITE_URL = "https://jobroad.example"
    yield fake
    fake.stop()


def sms(address: str = "0470 12 34 56", text: str = "Tot maandag!") -> Message:
    return outbox.schedule_message(
        key=f"note:{Message.objects.count()}",
        template="note",
        recipient=Recipient(address=address, name="Yonas", language="nl", channel=Channel.SMS),
        due_at=NOW,
        context={"subject": "", "text": text},
    )


def dispatch() -> Message:
    with time_machine.travel(NOW, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        outbox.claim_due_messages()
    return Message.objects.get()


def report(client, sid: str, status: str, *, signature: str | None = None, **extra):
    params = {"MessageSid": sid, "MessageStatus": status, "AccountSid": ACCOUNT_SID, "To": "+32470123456", **extra}
    if signature is None:
        signature = RequestValidator(AUTH_TOKEN).compute_signature(twilio_sms.status_callback_url(), params)
    return client.post(reverse("sms_status_callback"), params, headers={"X-Twilio-Signature": signature})


def test_the_sms_leaves_through_twilio_and_keeps_its_id(db, twilio):
    sms(text="Gesprek woensdag 10:00")

    message = dispatch()

    [request] = twilio.requests
    assert request.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert (request.user, request.password) == (ACCOUNT_SID, AUTH_TOKEN)
    assert {name: request.form[name] for name in ("To", "From", "Body", "StatusCallback")} == {
        "To": "+32470123456",
        "From": FROM,
        "Body": "Gesprek woensdag 10:00",
        "StatusCallback": "https://jobroad.example/sms/twilio/status/",
    }
    assert (message.status, message.provider_id, message.body) == (
        MessageStatus.SENT,
        twilio.sids[0],
        "Gesprek woensdag 10:00",
    )


def test_a_number_twilio_refuses_fails_at_once(db, twilio):
    twilio.answers.append(400)
    sms()

    message = dispatch()

    assert (message.status, message.attempts, message.provider_id) == (MessageStatus.FAILED, 1, "")
    assert "21211" in message.last_error and "400" in message.last_error


@pytest.mark.parametrize("status", [503, 401])
def test_twilio_in_trouble_or_refusing_our_credentials_is_tried_again_later(db, twilio, status):
    twilio.answers.append(status)
    sms()

    message = dispatch()

    assert (message.status, message.attempts, message.provider_id) == (MessageStatus.PENDING, 1, "")
    assert message.due_at > NOW
    assert str(status) in message.last_error


def test_twilio_out_of_reach_is_tried_again_later(db, twilio, settings):
    settings.TWILIO_API_BASE_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    sms()

    message = dispatch()

    assert (message.status, message.attempts) == (MessageStatus.PENDING, 1)
    assert twilio.requests == []


def test_a_number_that_cannot_be_valid_never_reaches_twilio(db, twilio):
    sms(address="0470 12 34")  # stored before numbers were checked

    message = dispatch()

    assert (message.status, twilio.requests) == (MessageStatus.FAILED, [])


def test_a_signed_delivered_report_marks_the_message_delivered_once(db, twilio, client):
    sms()
    sid = dispatch().provider_id

    first = report(client, sid, "delivered")
    again = report(client, sid, "delivered")

    assert (first.status_code, again.status_code) == (200, 200)
    assert Message.objects.get().status == MessageStatus.DELIVERED


def test_reports_on_the_way_change_nothing(db, twilio, client):
    sms()
    sid = dispatch().provider_id

    for status in ("queued", "sending", "sent"):
        report(client, sid, status)

    assert Message.objects.get().status == MessageStatus.SENT


def test_an_undelivered_report_marks_the_message_failed_with_the_error_code(db, twilio, client):
    sms()
    sid = dispatch().provider_id

    response = report(client, sid, "undelivered", ErrorCode="30003")

    message = Message.objects.get()
    assert (response.status_code, message.status) == (200, MessageStatus.FAILED)
    assert "undelivered" in message.last_error and "30003" in message.last_error


def test_a_late_report_does_not_undo_the_final_one(db, twilio, client):
    sms()
    sid = dispatch().provider_id
    report(client, sid, "delivered")

    report(client, sid, "failed", ErrorCode="30008")

    assert (Message.objects.get().status, Message.objects.get().last_error) == (MessageStatus.DELIVERED, "")


@pytest.mark.parametrize("signature", ["", "bm90IHR3aWxpbydzIHNpZ25hdHVyZQ=="], ids=["missing", "forged"])
def test_a_report_without_twilios_signature_is_refused_and_changes_nothing(db, twilio, client, signature):
    sms()
    sid = dispatch().provider_id

    response = report(client, sid, "undelivered", signature=signature, ErrorCode="30003")

    message = Message.objects.get()
    assert (response.status_code, message.status, message.last_error) == (403, MessageStatus.SENT, "")


def test_a_report_signed_for_other_parameters_is_refused(db, twilio, client):
    sms()
    sid = dispatch().provider_id
    signed_for_delivered = RequestValidator(AUTH_TOKEN).compute_signature(
        twilio_sms.status_callback_url(),
        {"MessageSid": sid, "MessageStatus": "delivered", "AccountSid": ACCOUNT_SID, "To": "+32470123456"},
    )

    response = report(client, sid, "failed", signature=signed_for_delivered)

    assert (response.status_code, Message.objects.get().status) == (403, MessageStatus.SENT)


def test_without_an_auth_token_every_report_is_refused(db, client, settings):
    settings.TWILIO_AUTH_TOKEN = ""
    params = {"MessageSid": "SM1", "MessageStatus": "delivered"}
    signed_with_nothing = RequestValidator("").compute_signature(twilio_sms.status_callback_url(), params)

    response = client.post(reverse("sms_status_callback"), params, headers={"X-Twilio-Signature": signed_with_nothing})

    assert response.status_code == 403


def test_a_report_on_an_unknown_message_is_answered_and_ignored(db, twilio, client):
    sms()
    dispatch()

    response = report(client, "SM" + "0" * 32, "undelivered", ErrorCode="30003")

    assert (response.status_code, Message.objects.get().status) == (200, MessageStatus.SENT)


def test_the_report_url_takes_no_get(db, client):
    assert client.get(reverse("sms_status_callback")).status_code == 405


def test_the_log_only_backend_stays_the_default():
    from jobroad import settings as project_settings

    assert project_settings.SMS_BACKEND == "jobroad.channels.LogSmsBackend"
