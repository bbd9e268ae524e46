"""The retention policy: a candidate's record is anonymised (``privacy.erase_candidate``) once
``RETENTION_MONTHS`` have passed since the last contact with them — registration, enrolment, placement, check-in or
coaching, whichever is latest — unless a placement still runs. A nightly sweep applies it; ``manage.py retention``
shows first what it would do.

The core names no app: each app registers at start-up (``<app>/privacy.py``) where it records a contact with a
candidate, and which candidates it still works for."""

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from . import audit, privacy
from .models import AuditPlace

# Given the records not yet anonymised, an app's contacts with them: querysets of (candidate id, day or moment),
# one grouped query each, whatever the number of candidates.
CONTACTS: list[Callable[[QuerySet], list[QuerySet]]] = []
# The ids of the candidates an app still works for (a placement that runs): never due.
KEPT: list[Callable[[], Iterable[int]]] = []


def register_contacts(contacts: Callable[[QuerySet], list[QuerySet]]) -> None:
    CONTACTS.append(contacts)


def register_kept(kept: Callable[[], Iterable[int]]) -> None:
    KEPT.append(kept)


@dataclass(frozen=True)
class RetentionCase:
    candidate_id: int
    last_contact: date
    due_since: date


def months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_contacts() -> dict[int, date]:
    """Each record's last contact: the latest of the contacts the apps register (its registration, enrolments,
    placements' start and end, answered check-ins and coaching contacts)."""
    latest: dict[int, date] = defaultdict(lambda: date.min)

    def note(rows) -> None:
        for candidate_id, moment in rows:
            if moment is not None:
                day = timezone.localdate(moment) if hasattr(moment, "tzinfo") and moment.tzinfo else moment
                latest[candidate_id] = max(latest[candidate_id], day)

    live = audit.subject_model()._default_manager.filter(erased_at__isnull=True)
    for contacts in CONTACTS:
        for rows in contacts(live):
            note(rows)
    return dict(latest)


def retention_due(today: date, months: int | None = None) -> list[RetentionCase]:
    """The records the policy anonymises on ``today``, oldest contact first; never one an app still works for."""
    months = settings.RETENTION_MONTHS if months is None else months
    working = {candidate_id for kept in KEPT for candidate_id in kept()}
    cases = [
        RetentionCase(candidate_id, last, due_since=months_after(last, months))
        for candidate_id, last in last_contacts().items()
        if candidate_id not in working and months_after(last, months) <= today
    ]
    return sorted(cases, key=lambda case: (case.last_contact, case.candidate_id))


def apply_retention(today: date | None = None) -> int:
    """The nightly sweep: anonymise every record that is due, each in its own transaction (one refusal — a
    placement started meanwhile — does not stop the others). Returns how many were anonymised."""
    subject = audit.subject_model()
    done = 0
    for case in retention_due(today or timezone.localdate()):
        try:
            privacy.erase_candidate(candidate=subject(pk=case.candidate_id), actor=None, place=AuditPlace.RETENTION)
        except privacy.ErasureRefused:
            continue
        done += 1
    return done
