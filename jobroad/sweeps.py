"""The periodic sweep: database housekeeping run every minute by Celery beat (or, in the embedded
mode, by a thread beside the web server). Later capabilities register their sweeps here."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

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
]


# Once a night (Celery beat at 02:30; the embedded server once a day).
NIGHTLY_SWEEPS: list[Callable[[], int]] = [apply_retention]


def run_all_sweeps(sweeps: list[Callable[[], int]] | None = None) -> dict[str, int]:
    """Run every sweep (by default the minute's); one failing sweep is logged and does not stop the others."""
    results = {}
    for sweep in SWEEPS if sweeps is None else sweeps:
        try:
            results[sweep.__name__] = sweep()
        except Exception:
            logger.exception("Sweep %s failed", sweep.__name__)
    return results


def run_nightly_sweeps() -> dict[str, int]:
    return run_all_sweeps(NIGHTLY_SWEEPS)
