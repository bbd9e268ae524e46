"""The audit trail of candidate records: one call per read, export, print or write, made by the view (reads) or
the service (writes) that does it. An entry names the place (``AuditPlace``), never names or values: a trail that
copied them would itself be a second copy of the record."""

from collections.abc import Iterable

from django.db.models import QuerySet

from candidates.models import Candidate

from .models import AuditAction, AuditEntry, User


def record(*, actor: User | None, action: str, candidates: Iterable | QuerySet, place: str) -> int:
    """One entry per candidate: candidate rows, a queryset of them, or candidate ids (a ``values_list`` of them from
    any model); ``actor`` is None for a link used without an account. Returns how many entries were written."""
    if isinstance(candidates, QuerySet) and candidates.model is Candidate:
        candidates = candidates.values_list("pk", flat=True)
    ids = dict.fromkeys(getattr(candidate, "pk", candidate) for candidate in candidates)
    person = actor if actor is not None and actor.is_authenticated else None
    AuditEntry.objects.bulk_create(AuditEntry(actor=person, action=action, candidate_id=pk, place=place) for pk in ids)
    return len(ids)


def viewed(actor: User, candidate, place: str) -> None:
    record(actor=actor, action=AuditAction.VIEWED, candidates=[candidate], place=place)


def changed(actor: User | None, candidate, place: str) -> None:
    record(actor=actor, action=AuditAction.CHANGED, candidates=[candidate], place=place)
