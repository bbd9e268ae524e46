"""Sessions end after a while without activity and, however busy, some hours after logging in; every response
turns off the browser features the platform never uses."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def logged_in(client, user):
    """Logged in through the log-in form, as a person would (HR needs no MFA)."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_session_idle_for_longer_than_the_limit_is_logged_out(client, world, settings, clock):
    settings.SESSION_IDLE_MINUTES = 30
    logged_in(client, world.hr_a)

    clock.shift(timedelta(minutes=31))
    response = client.get(reverse("proposal_list"))

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={reverse('proposal_list')}"
    assert "_auth_user_id" not in client.session


def test_activity_within_the_idle_limit_keeps_the_session(client, world, settings, clock):
    settings.SESSION_IDLE_MINUTES = 30
    logged_in(client, world.hr_a)

    for _ in range(4):  # two hours in all, never 30 minutes without a request
        clock.shift(timedelta(minutes=29))
        assert client.get(reverse("proposal_list")).status_code == 200

    assert client.session["_auth_user_id"] == str(world.hr_a.pk)


def test_a_busy_session_ends_at_the_absolute_limit_after_logging_in(client, world, settings, clock):
    settings.SESSION_IDLE_MINUTES = 30
    settings.SESSION_COOKIE_AGE = 2 * 60 * 60
    logged_in(client, world.hr_a)
    for _ in range(4):
        clock.shift(timedelta(minutes=29))
        assert client.get(reverse("home")).status_code == 200

    clock.shift(timedelta(minutes=5))  # 2 h 01 after logging in, 5 minutes after the last request
    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_logging_in_again_starts_both_clocks_again(client, world, settings, clock):
    settings.SESSION_IDLE_MINUTES = 30
    logged_in(client, world.hr_a)
    clock.shift(timedelta(hours=13))
    assert client.get(reverse("home")).status_code == 302

    logged_in(client, world.hr_a)
    response = client.get(reverse("home"))

    assert response.status_code == 200


def test_the_idle_clock_is_written_at_most_once_a_minute(client, world, clock):
    logged_in(client, world.hr_a)
    logged_in_at = client.session["jobroad_session_last_seen"]

    clock.shift(timedelta(seconds=30))
    client.get(reverse("home"))
    after_half_a_minute = client.session["jobroad_session_last_seen"]
    clock.shift(timedelta(seconds=40))
    client.get(reverse("home"))

    assert after_half_a_minute == logged_in_at
    assert client.session["jobroad_session_last_seen"] == logged_in_at + 70


def test_every_response_turns_off_cameras_microphones_and_location(client, db):
    response = client.get(reverse("healthz"))

    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
