"""In the scaled mode tasks travel through the real Redis broker to a real worker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session

from jobroad.celery import app
from jobroad.tasks import run_periodic_sweep


def test_the_beat_schedule_runs_the_sweep_every_minute():
    [entry] = [entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] == run_periodic_sweep.name]

    assert entry["schedule"] == 60.0


def test_tasks_are_acknowledged_late_and_fetched_one_at_a_time():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1


@pytest.mark.skipif(not settings.REDIS_URL, reason="the scaled mode only: run with REDIS_URL (.ci/run does)")
@pytest.mark.django_db(transaction=True)
def test_a_task_goes_through_redis_to_a_worker():
    expired = SessionStore()
    expired.set_expiry(-10)
    expired.create()
    app.conf.task_always_eager = False
    assert app.conf.broker_url.startswith("redis://")

    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        run_periodic_sweep.delay()
        deadline = time.monotonic() + 30
        while Session.objects.filter(session_key=expired.session_key).exists() and time.monotonic() < deadline:
            time.sleep(0.1)

    assert not Session.objects.filter(session_key=expired.session_key).exists()
