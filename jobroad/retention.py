"""The retention policy: a candidate's record is anonymised (``privacy.erase_candidate``) once
``RETENTION_MONTHS`` have passed since the last contact with them — registration, enrolment, placement, check-in or
coaching, whichever is latest — unless a placement still runs. A nightly sweep applies it; ``manage.py retention``
shows first what it would do."""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from aftercare.models import CheckIn, CoachingContact, Placement, PlacementStatus
from campaigns.models import Enrolment
from candidates.models import Candidate

from . import privacy
from .models import AuditPlace


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
    """Each record's last contact: the latest of its registration, enrolments, placements (start and end), answered
    check-ins and coaching contacts — one grouped query each, whatever the number of candidates."""
    latest: dict[int, date] = defaultdict(lambda: date.min)

    def note(rows) -> None:
        for candidate_id, moment in rows:
            if moment is not None:
                day = timezone.localdate(moment) if hasattr(moment, "tzinfo") and moment.tzinfo else moment
                latest[candidate_id] = max(latest[candidate_id], day)

    live = Candidate.objects.filter(erased_at__isnull=True)
    note(live.values_list("pk", "created_at"))
    note(
        Enrolment.objects.filter(candidate__in=live)
        .values("candidate")
        .annotate(at=Max("enrolled_at"))
        .values_list("candidate", "at")
    )
    placements = Placement.objects.filter(candidate__in=live).values("candidate")
    note(placements.annotate(at=Max("starts_on")).values_list("candidate", "at"))
    note(placements.annotate(at=Max("ended_on")).values_list("candidate", "at"))
    note(
        CheckIn.objects.filter(placement__candidate__in=live)
        .values("placement__candidate")
        .annotate(at=Max("answered_at"))
        .values_list("placement__candidate", "at")
    )
    note(CoachingContact.objects.filter(candidate__in=live).values("candidate").annotate(at=Max("happened_on"))
         .values_list("candidate", "at"))  # fmt: skip
    return dict(latest)


def retention_due(today: date, months: int | None = None) -> list[RetentionCase]:
    """The records the policy anonymises on ``today``, oldest contact first; never one whose placement runs."""
    months = settings.RETENTION_MONTHS if months is None else months
    working = set(
        Placement.objects.exclude(status=PlacementStatus.ENDED).values_list("candidate", flat=True).distinct()
    )
    cases = [
        RetentionCase(candidate_id, last, due_since=months_after(last, months))
        for candidate_id, last in last_contacts().items()
        if candidate_id not in working and months_after(last, months) <= today
    ]
    return sorted(cases, key=lambda case: (case.last_contact, case.candidate_id))


def apply_retention(today: date | None = None) -> int:
    """The nightly sweep: anonymise every record that is due, each in its own transaction (one refusal — a
    placement started meanwhile — does not stop the others). Returns how many were anonymised."""
    done = 0
    for case in retention_due(today or timezone.localdate()):
        try:
            privacy.erase_candidate(candidate=Candidate(pk=case.candidate_id), actor=None, place=AuditPlace.RETENTION)
        except privacy.ErasureRefused:
            continue
        done += 1
    return done
