from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from jobroad import health, sweeps
from jobroad.models import Invitation, Role
from jobroad.tasks import run_periodic_sweep


def invitation(world, email, expires_in_days):
    return Invitation.objects.create(
        email=email,
        organisation=world.intermediary_org_a,
        role=Role.INTERMEDIARY,
        invited_by=world.alice,
        token_hash=email,
        expires_at=timezone.now() + timedelta(days=expires_in_days),
    )


def test_the_sweep_removes_expired_sessions_and_long_stale_invitations(world):
    live = SessionStore()
    live.create()
    expired = SessionStore()
    expired.set_expiry(-10)
    expired.create()
    stale = invitation(world, "stale@example.org", -sweeps.EXPIRED_INVITATIONS_KEPT_DAYS - 1)
    recently_expired = invitation(world, "recent@example.org", -1)
    open_invitation = invitation(world, "open@example.org", 5)

    results = sweeps.run_all_sweeps()

    assert results == {
        "dispatch_due_messages": 0,
        "delete_expired_sessions": 1,
        "delete_stale_invitations": 1,
        "delete_expired_imports": 0,
        "delete_expired_drafts": 0,
    }
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
    assert set(Invitation.objects.all()) == {recently_expired, open_invitation}
    assert not Invitation.objects.filter(pk=stale.pk).exists()


def test_one_failing_sweep_does_not_stop_the_others(db, monkeypatch, caplog):
    def broken() -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sweeps, "SWEEPS", [broken, sweeps.delete_expired_sessions])

    with pytest.raises(sweeps.SweepFailed) as failure:
        sweeps.run_all_sweeps()

    assert failure.value.failed == ["broken"]
    assert failure.value.results == {"delete_expired_sessions": 0}
    assert "Sweep broken failed" in caplog.text


def test_a_failing_sweep_fails_its_celery_task(db, monkeypatch):
    def broken() -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sweeps, "SWEEPS", [broken])

    result = run_periodic_sweep.apply(throw=False)  # as a worker runs it: the failure is recorded, not raised

    assert result.failed()
    assert isinstance(result.result, sweeps.SweepFailed)
    assert str(result.result) == "Sweeps failed: broken"


def test_only_a_sweep_without_failures_counts_as_the_last_success(db, monkeypatch, time_machine):
    time_machine.move_to(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False)
    sweeps.run_all_sweeps()
    monkeypatch.setattr(sweeps, "SWEEPS", [lambda: 1 / 0])
    time_machine.move_to(datetime(2026, 3, 2, 9, 1, tzinfo=UTC), tick=False)

    with pytest.raises(sweeps.SweepFailed):
        sweeps.run_all_sweeps()

    assert health.last_successful_sweep() == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_the_serve_command_runs_the_sweep_beside_the_web_server(monkeypatch):
    """`manage.py serve` starts the sweep thread before handing over to runserver."""
    from django.core.management import call_command

    from jobroad.management.commands import serve

    started = []
    monkeypatch.setattr(serve, "sweep_forever", lambda interval: started.append(interval))
    monkeypatch.setattr(serve, "call_command", lambda *args, **kwargs: started.append(args))

    call_command("serve", "127.0.0.1:8123")

    assert started[0] == 60
    assert started[1] == ("runserver", "127.0.0.1:8123")
