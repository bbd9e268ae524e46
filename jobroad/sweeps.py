"""The periodic sweep: database housekeeping run every minute by Celery beat (or, in the embedded
mode, by a thread beside the web server). Later capabilities register their sweeps here. A sweep that fails makes
the whole run fail (its Celery task too), after the others have run."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from .drafts import delete_expired_drafts
from .health import record_successful_sweep
from .imports import delete_expired_imports
from .models import Invitation
from .outbox import dispatch_due_messages
from .retention import apply_retention

logger = logging.getLogger(__name__)

EXPIRED_INVITATIONS_KEPT_DAYS = 90


def delete_expired_sessions() -> int:
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


def delete_stale_invitations() -> int:
    """Unused invitations are kept a while after expiry so a coordinator can see who never answered."""
    cutoff = timezone.now() - timedelta(days=EXPIRED_INVITATIONS_KEPT_DAYS)
    deleted, _ = Invitation.objects.filter(accepted_at__isnull=True, expires_at__lt=cutoff).delete()
    return deleted


# The outbox goes first: a slow housekeeping sweep must not hold up a reminder.
SWEEPS: list[Callable[[], int]] = [
    dispatch_due_messages,
    delete_expired_sessions,
    delete_stale_invitations,
    delete_expired_imports,
    delete_expired_drafts,
]


# Once a night (Celery beat at 02:30; the embedded server once a day).
NIGHTLY_SWEEPS: list[Callable[[], int]] = [apply_retention]


class SweepFailed(Exception):
    """Some sweeps failed (each is logged with its traceback); raised after every sweep has had its turn, so Celery
    reports the task as failed rather than succeeded."""

    def __init__(self, failed: list[str], results: dict[str, int]):
        super().__init__(failed, results)  # the arguments as they came, so the exception pickles (Celery sends it)
        self.failed, self.results = failed, results

    def __str__(self) -> str:
        return f"Sweeps failed: {', '.join(self.failed)}"


def run_all_sweeps() -> dict[str, int]:
    """Run the minute's sweeps; one failing does not stop the others. When all succeed the time is noted for the
    readiness check (jobroad/health.py); when any fails, ``SweepFailed`` is raised at the end."""
    results = _run_each(SWEEPS)
    record_successful_sweep()
    return results


def run_nightly_sweeps() -> dict[str, int]:
    return _run_each(NIGHTLY_SWEEPS)


def _run_each(sweeps: list[Callable[[], int]]) -> dict[str, int]:
    results, failed = {}, []
    for sweep in sweeps:
        try:
            results[sweep.__name__] = sweep()
        except Exception:
            logger.exception("Sweep %s failed", sweep.__name__)
            failed.append(sweep.__name__)
    if failed:
        raise SweepFailed(failed, results)
    return results
