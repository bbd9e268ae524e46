"""The audit trail of candidate records: one call per read, export, print or write, made by the view (reads) or
the service (writes) that does it. An entry names the place (``AuditPlace``), never names or values: a trail that
copied them would itself be a second copy of the record."""

import logging
from collections.abc import Iterable

from django.db import models
from django.db.models import QuerySet

from .models import AuditAction, AuditEntry, User

logger = logging.getLogger(__name__)


def subject_model() -> type[models.Model]:
    """The model of the people the trail is about (the candidate), known from the trail's own foreign key: the core
    imports no app's model."""
    return AuditEntry._meta.get_field("candidate").related_model


def record(*, actor: User | None, action: str, candidates: Iterable | QuerySet, place: str) -> int:
    """One entry per candidate: candidate rows, a queryset of them, or candidate ids (a ``values_list`` of them from
    any model); ``actor`` is None for a link used without an account. Returns how many entries were written."""
    if isinstance(candidates, QuerySet) and candidates.model is subject_model():
        candidates = candidates.values_list("pk", flat=True)
    ids = dict.fromkeys(getattr(candidate, "pk", candidate) for candidate in candidates)
    person = actor if actor is not None and actor.is_authenticated else None
    AuditEntry.objects.bulk_create(AuditEntry(actor=person, action=action, candidate_id=pk, place=place) for pk in ids)
    return len(ids)


def viewed(actor: User, candidate, place: str) -> None:
    record(actor=actor, action=AuditAction.VIEWED, candidates=[candidate], place=place)


def changed(actor: User | None, candidate, place: str) -> None:
    record(actor=actor, action=AuditAction.CHANGED, candidates=[candidate], place=place)


def duplicates_found(actor: User, candidates: Iterable, place: str) -> int:
    """A duplicate check run for ``actor`` (registering one candidate, changing one, or a spreadsheet's preview)
    matched ``candidates`` (rows or ids). Every match gets an entry naming ``actor`` — also those ``actor`` may not
    see, and those above all: a file of reference numbers or names uploaded to learn which people another
    organisation registered then shows in each of those candidates' trails, where their coordinators read it. One
    log line gives the count and the ids together. Returns the count."""
    ids = list(dict.fromkeys(getattr(candidate, "pk", candidate) for candidate in candidates))
    if not ids:
        return 0
    record(actor=actor, action=AuditAction.MATCHED, candidates=ids, place=place)
    logger.info(
        "A duplicate check (%s) by user %s matched %s candidate(s): %s",
        place, getattr(actor, "pk", None), len(ids), ", ".join(map(str, ids)),
    )  # fmt: skip
    return len(ids)
