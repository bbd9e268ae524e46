"""Faults that must not show as errors or pass unseen (issue 21, items 5-7): Redis down, the database down, a sweep
that fails or has not run, messages that do not leave. Redis is really unreachable here (a closed port), and so is
the database in its test (a subprocess pointed at a closed port)."""

import json
import os
import subprocess
import sys
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.cache import cache, caches
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import connection
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from jobroad import channels, error_reporting, health, outbox, sweeps
from jobroad.celery import app as celery_app
from jobroad.models import Invitation, Message, MessageStatus, Role
from tests.factories import PASSWORD
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
BRUSSELS = ZoneInfo("Europe/Brussels")


def drop_broker_connections() -> None:
    """Celery keeps its connections to the broker in a pool; a new broker URL needs a new pool."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def redis_unreachable(settings):
    """Redis is down for the duration: tasks go to a real broker connection on a port where nothing listens."""
    closed = f"redis://127.0.0.1:{free_port()}/0"
    previous = celery_app.conf.broker_url, celery_app.conf.task_always_eager, settings.REDIS_URL
    drop_broker_connections()
    celery_app.conf.broker_url, celery_app.conf.task_always_eager, settings.REDIS_URL = closed, False, closed
    try:
        yield
    finally:
        drop_broker_connections()
        celery_app.conf.broker_url, celery_app.conf.task_always_eager, settings.REDIS_URL = previous


def due_message(minutes_ago: int, status=MessageStatus.PENDING) -> Message:
    return Message.objects.create(
        key=f"note:{minutes_ago}:{status}",
        template="note",
        recipient_address="sara@example.org",
        due_at=timezone.now() - timedelta(minutes=minutes_ago),
        status=status,
        context={"subject": "Welkom", "text": "…"},
    )


def log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


# --- Redis down: nothing fails, nothing is lost -------------------------------------------------------------------


def test_inviting_while_redis_is_down_succeeds_and_the_sweep_sends_the_mail_later(
    client_for, world, settings, mailoutbox, caplog
):
    url = reverse("organisation_invite", kwargs={"pk": world.intermediary_org_a.pk})
    data = {"full_name": "Sara Peeters", "email": "sara@werkwinkel.example", "role": Role.INTERMEDIARY}
    client = client_for(world.alice)

    with redis_unreachable(settings), TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data)
    waiting = list(Message.objects.values_list("template", "status"))
    with TestCase.captureOnCommitCallbacks(execute=True):  # Redis is back; the next sweep
        sweeps.run_all_sweeps()

    assert response.status_code == 302
    assert list(Invitation.objects.values_list("email", flat=True)) == ["sara@werkwinkel.example"]
    assert waiting == [("invitation", MessageStatus.PENDING)]
    assert "The broker is unreachable" in caplog.text
    assert list(Message.objects.values_list("status", flat=True)) == [MessageStatus.SENT]
    assert [sent.to for sent in mailoutbox] == [["Sara Peeters <sara@werkwinkel.example>"]]


def test_a_claim_the_broker_could_not_take_is_claimed_again_after_two_minutes(db, settings, mailoutbox):
    due_message(0)
    claimed_at = timezone.now()

    with redis_unreachable(settings), TestCase.captureOnCommitCallbacks(execute=True):
        [(pk, _lost_claim)] = outbox.claim_due_messages(now=claimed_at)  # never queued
    too_early = outbox.claim_due_messages(now=claimed_at + timedelta(seconds=119))
    with TestCase.captureOnCommitCallbacks(execute=True):
        reclaimed = outbox.claim_due_messages(now=claimed_at + timedelta(seconds=121))

    assert settings.OUTBOX_RECLAIM_AFTER_SECONDS == 120
    assert too_early == []
    assert [pk for pk, _claim in reclaimed] == [pk]
    assert Message.objects.get().status == MessageStatus.SENT
    assert len(mailoutbox) == 1


def test_a_message_being_sent_is_not_claimed_again_however_long_its_task_waited(db, monkeypatch, mailoutbox):
    """The task renews the claim when it starts: minutes in the broker's queue do not make its message look stuck."""
    due_message(5)
    claimed_at = timezone.now() - timedelta(seconds=110)  # the task waited 110 s in the queue
    [(pk, claim)] = outbox.claim_due_messages(now=claimed_at)
    reclaims = []
    send = channels.send

    def send_while_a_sweep_runs(message, rendered, *, connection):
        reclaims.extend(outbox.claim_due_messages(now=timezone.now() + timedelta(seconds=30)))
        return send(message, rendered, connection=connection)

    monkeypatch.setattr(channels, "send", send_while_a_sweep_runs)

    outcome = outbox.deliver_message(message_id=pk, claim=str(claim))

    assert reclaims == []
    assert outcome == MessageStatus.SENT
    assert len(mailoutbox) == 1


def test_logging_in_works_while_redis_is_down(client, world, settings):
    with redis_unreachable(settings):
        response = log_in(client, world.hr_a.email, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.hr_a.pk)


def test_the_log_in_limit_holds_while_redis_is_down(client, world, settings):
    with redis_unreachable(settings):
        for _attempt in range(5):
            log_in(client, world.hr_a.email, "wrong-password")
        response = log_in(client, world.hr_a.email, PASSWORD)

    assert "_auth_user_id" not in client.session
    assert response.context["form"].has_error(NON_FIELD_ERRORS, "too_many_login_attempts")
    with connection.cursor() as cursor:  # counted in the database, where Redis cannot take it away
        cursor.execute("SELECT count(*) FROM jobroad_cache WHERE cache_key LIKE %s", [f"%{cache.key_prefix}%"])
        assert cursor.fetchone()[0] > 0


# --- Readiness ----------------------------------------------------------------------------------------------------


def ready(client):
    response = client.get(reverse("readyz"))
    return response.status_code, json.loads(response.content)


def all_ok(settings) -> dict:
    return {"database": "ok", **({"redis": "ok"} if settings.REDIS_URL else {})} | {
        "migrations": "ok",
        "outbox": "ok",
        "sweep": "ok",
    }


def test_readiness_is_ok_when_everything_works(client, db, settings):
    health.record_successful_sweep()

    assert ready(client) == (200, {"status": "ok", "checks": all_ok(settings)})


def test_the_probes_carry_the_security_headers_and_are_never_cached(client, db):
    response = client.get(reverse("readyz"))

    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "no-cache" in response["Cache-Control"]


def test_readiness_fails_when_the_last_successful_sweep_is_too_old(client, db, settings):
    health.record_successful_sweep(timezone.now() - timedelta(minutes=settings.OUTBOX_ALERT_MINUTES + 1))

    status, body = ready(client)

    assert status == 503
    assert body == {"status": "fail", "checks": all_ok(settings) | {"sweep": "last successful sweep 11 min ago"}}


def test_readiness_fails_before_any_sweep_succeeded(client, db, settings):
    status, body = ready(client)

    assert status == 503
    assert body["checks"]["sweep"] == "no successful sweep yet"


def test_readiness_fails_when_a_due_message_has_not_left(client, db, settings):
    health.record_successful_sweep()
    due_message(15)

    status, body = ready(client)

    assert status == 503
    assert body["checks"]["outbox"] == "a due message has waited 15 min"


def test_readiness_fails_when_redis_is_unreachable(client, db, settings):
    health.record_successful_sweep()

    with redis_unreachable(settings):
        status, body = ready(client)

    assert status == 503
    assert body == {"status": "fail", "checks": all_ok(settings) | {"redis": "unreachable"}}


def manage_py(code: str, **env) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("JOBROAD_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PROBE = """
from django.test import Client
response = Client().get("/readyz")
print(response.status_code, response.content.decode())
"""


def test_readiness_fails_when_the_database_is_unreachable():
    closed = f"postgres://postgres@127.0.0.1:{free_port()}/test"

    result = manage_py(PROBE, DATABASE_URL=closed)

    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert (status, json.loads(body)["status"]) == ("503", "fail"), result.stderr
    assert json.loads(body)["checks"] | {"redis": "-"} == {
        "database": "unreachable",
        "redis": "-",
        "migrations": "skipped",
        "outbox": "skipped",
        "sweep": "skipped",
    }


PRODUCTION_PROBES = """
from django.test import Client
for headers in ({}, {"REMOTE_ADDR": "203.0.113.9"}, {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}):
    for path in ("/healthz", "/readyz"):
        print(path, Client().get(path, HTTP_HOST="127.0.0.1:8000", **headers).status_code)
"""


def test_a_probe_from_the_machine_itself_passes_the_host_check_and_the_https_redirect():
    """In production (SSL redirect on, only the public name allowed) a monitor asks http://127.0.0.1:8000/readyz;
    the same request from elsewhere, or through the proxy, is refused as any other."""
    result = manage_py(
        PRODUCTION_PROBES,
        JOBROAD_PRODUCTION="1",
        DJANGO_SECRET_KEY="k" + os.urandom(40).hex(),
        DJANGO_ALLOWED_HOSTS="jobroad.example.org",
        JOBROAD_FIELD_ENCRYPTION_KEYS="dGhpcy1pcy1hLXRlc3Qta2V5LW9mLTMyLWJ5dGVzISE=",
    )

    statuses = [line.split() for line in result.stdout.splitlines() if line.startswith("/")]
    assert len(statuses) == 6, result.stderr
    [(_, healthz), (_, readyz), *elsewhere] = statuses
    assert healthz == "200"
    assert readyz in {"200", "503"}  # answered: whether the platform is ready depends on this machine's database
    assert [status for _path, status in elsewhere] == ["400"] * 4


# --- The coordinators' banner -------------------------------------------------------------------------------------


def test_coordinators_see_a_banner_when_due_messages_have_not_left_for_n_minutes(client_for, world, settings):
    due_message(settings.OUTBOX_ALERT_MINUTES + 1)

    response = client_for(world.alice).get(reverse("home"))

    assert response.context["outbox_late"] == settings.OUTBOX_ALERT_MINUTES
    assert 'href="/messages/?status=pending"' in response.content.decode()


def test_no_banner_while_due_messages_are_younger_than_n_minutes(client_for, world, settings):
    due_message(settings.OUTBOX_ALERT_MINUTES - 1)
    due_message(60, status=MessageStatus.SENT)

    response = client_for(world.alice).get(reverse("home"))

    assert response.context["outbox_late"] is None
    assert 'href="/messages/?status=pending"' not in response.content.decode()


def test_only_admins_and_coordinators_see_the_banner(client_for, world, settings):
    due_message(settings.OUTBOX_ALERT_MINUTES + 1)

    response = client_for(world.hr_a).get(reverse("home"))

    assert response.context["outbox_late"] is None


# --- Error reporting ----------------------------------------------------------------------------------------------


def test_an_error_report_keeps_no_request_body_cookie_query_or_user():
    event = {
        "request": {
            "method": "POST",
            "url": "https://jobroad.example.org/candidates/new/",
            "query_string": "q=Amal",
            "data": {"first_name": "Amal"},
            "cookies": {"sessionid": "secret"},
            "headers": {"Cookie": "sessionid=secret"},
        },
        "user": {"email": "alice@example.org"},
        "message": "boom",
    }

    scrubbed = error_reporting.scrub(event)

    assert scrubbed == {
        "request": {"method": "POST", "url": "https://jobroad.example.org/candidates/new/"},
        "message": "boom",
    }


def test_error_reporting_is_off_without_sentry_dsn():
    import sentry_sdk

    assert not sentry_sdk.get_client().is_active()


def test_the_last_successful_sweep_is_kept_in_the_database_cache(db):
    when = datetime(2026, 11, 22, 9, 0, tzinfo=BRUSSELS)

    health.record_successful_sweep(when)

    assert health.last_successful_sweep() == when
    assert caches["default"].__class__.__name__ == "DatabaseCache"
