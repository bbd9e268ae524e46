"""A candidate's rights over their data: everything held about them, in one file; and erasure on request.

Erasure anonymises rather than deletes: what identifies the person (names, numbers, addresses, every free text
written about them, copies in mails and logs) is scrubbed, while the categories and events the funder reports
count — gender, education, nationality, target group, reception centre, the stages reached, placements and their
dates — stay, so the reports do not change. What others wrote that names the person — a colleague's note in the
outbox, a captured mail, an upload, the admin's log — keeps its words with the person replaced (``jobroad.mentions``).
Both are recorded in the audit trail.

The core keeps the mechanism — the export's files, the audit, the order of an erasure — and names no app: each app
registers at start-up what it holds about a candidate (a ``Holding``, in ``<app>/privacy.py``): its tables for the
export, the outbox events that name the person, why an erasure must wait, and its part of the erasure.
"""

import io
import json
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, mentions, tabular
from .models import AuditAction, AuditEntry, AuditPlace, CapturedMail, Message, MessageStatus, Organisation, User
from .pdf import render_pdf

logger = logging.getLogger(__name__)

ERASED = "—"


class ErasureRefused(Exception):
    """The erasure cannot be done; the reason is shown as is."""


Candidate = models.Model  # the candidate (``audit.subject_model``), whose app this module does not import


@dataclass(frozen=True)
class Holding:
    """What one app holds about a candidate. Each callable takes the candidate; ``scrub`` takes ``candidate`` and
    ``actor`` as keywords and runs inside the erasure's transaction."""

    # Where the app's tables stand in the export, lowest first (the core's messages and audit trail come last).
    position: int
    # The app's sections of the export, by name, in order: the rows held about the candidate.
    tables: Callable[[Candidate], dict[str, QuerySet]]
    # The outbox events about the app's rows (``Message.event``): their messages name the candidate to others.
    events: Callable[[Candidate], list[str]] | None = None
    # Why the candidate cannot be erased now, in words for the user; empty when they can.
    refusal: Callable[[Candidate], str] | None = None
    # The app's part of the erasure: free text about the person goes, what the reports count stays.
    scrub: Callable[..., None] | None = None


HOLDINGS: list[Holding] = []


def register_holding(holding: Holding) -> None:
    """Called by each app at start-up (``AppConfig.ready``)."""
    HOLDINGS.append(holding)
    HOLDINGS.sort(key=lambda held: held.position)


def held_about(candidate: Candidate) -> dict[str, list]:
    """Every row held about the candidate, by kind, as plain data (the machine-readable part of the export)."""
    sections = {name: rows for holding in HOLDINGS for name, rows in holding.tables(candidate).items()}
    sections |= {"messages": messages_about(candidate), "audit_trail": AuditEntry.objects.filter(candidate=candidate)}
    return {name: serializers.serialize("python", rows.order_by("pk")) for name, rows in sections.items()}


def subject_export(*, candidate: Candidate, actor: User, language: str) -> bytes:
    """A ZIP with everything held about the candidate (``data.json``), a readable summary (``summary.pdf``), and the
    consent history and audit trail as spreadsheets. Recorded in the audit trail as an export."""
    with transaction.atomic():
        audit.record(actor=actor, action=AuditAction.EXPORTED, candidates=[candidate], place=AuditPlace.SUBJECT_EXPORT)
    data = held_about(candidate)
    consents = candidate.consents.select_related("recorded_by").order_by("recorded_at", "pk")
    entries = candidate.audit_entries.select_related("actor").order_by("at", "pk")
    summary = render_pdf(
        "candidates/pdf/subject_summary.html",
        {"candidate": candidate, "consents": consents, "entries": entries, "data": data, "printed_on": date.today()},
        language=language,
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as files:
        files.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=str))
        files.writestr("summary.pdf", summary)
        files.writestr("consent_history.csv", tabular.write_csv(
            [_("When"), _("Purpose"), _("Action"), _("Text version"), _("Language"), _("Recorded by")],
            ([timezone.localtime(c.recorded_at), c.get_purpose_display(), c.get_action_display(), c.text_version,
              c.language, str(c.recorded_by or "")] for c in consents),
        ))  # fmt: skip
        files.writestr("audit_trail.csv", tabular.write_csv(
            [_("When"), _("Who"), _("What"), _("Where")],
            ([timezone.localtime(e.at), str(e.actor or _("An employer, through a link")), e.get_action_display(),
              e.get_place_display()] for e in entries),
        ))  # fmt: skip
    return archive.getvalue()


def messages_about(candidate: Candidate):
    """Outbox messages to the candidate, and those about their interviews, evaluations and check-ins (which name
    them to HR, coaches and coordinators). A number or address someone else has too is not theirs alone (see
    ``own_contact``), so what was sent to it is not counted as theirs."""
    events = [event for holding in HOLDINGS if holding.events for event in holding.events(candidate)]
    addresses = [value for value in own_contact(candidate) if value]
    return Message.objects.filter(Q(event__in=events) | Q(recipient_address__in=addresses))


def own_contact(candidate: Candidate) -> tuple[str, str]:
    """The candidate's phone number and e-mail address, each blank when another candidate, a user or an
    organisation has it too (a reception centre's number, a family's address): it then identifies no one alone."""
    others = type(candidate)._default_manager.exclude(pk=candidate.pk)
    phone, email = candidate.phone, candidate.email
    if digits := mentions.phone_digits(phone):
        same = {"phone__regex": mentions.spaced(digits) + "$"}
        if others.filter(**same).exists() or Organisation.objects.filter(**same).exists():
            phone = ""
    if email and (others.filter(email__iexact=email).exists() or User.objects.filter(email__iexact=email).exists()):
        email = ""
    return phone, email


def identity_of(candidate: Candidate) -> mentions.Identity:
    """What identifies the person in what others wrote (``jobroad.mentions``)."""
    phone, email = own_contact(candidate)
    return mentions.Identity(
        first_name=candidate.first_name, last_name=candidate.last_name, email=email, phone=phone,
        reference=candidate.reference_number,
    )  # fmt: skip


def erase_candidate(*, candidate: Candidate, actor: User | None, place: str = AuditPlace.ERASURE) -> Candidate:
    """Anonymise the candidate everywhere (see the module's docstring), withdraw their consents so nothing is shared
    or sent any more, and record the erasure (``actor`` None and ``place`` retention for the retention policy).
    Refused when an app says so (a placement still runs: end it first). In order: the copies in the outbox and the
    admin's log, each app's rows (``Holding.scrub``, by position), then the mentions in what others wrote. One
    transaction: the person is gone from every row, or from none. The audit entry and the log line name the record
    by its id only."""
    with transaction.atomic():
        candidate = type(candidate)._default_manager.select_for_update().get(pk=candidate.pk)
        if candidate.erased_at:
            raise ErasureRefused(_("This record was already erased."))
        for holding in HOLDINGS:
            if holding.refusal and (reason := holding.refusal(candidate)):
                raise ErasureRefused(reason)
        identity = identity_of(candidate)  # before their own record is scrubbed
        _scrub_copies(candidate, identity)
        for holding in HOLDINGS:
            if holding.scrub:
                holding.scrub(candidate=candidate, actor=actor)
        changed = mentions.scrub_mentions(identity)
        audit.changed(actor, candidate, place)
    logger.info("Erased candidate %s; mentions replaced in %s", candidate.pk, changed or "no other row")
    return candidate


def _scrub_copies(candidate: Candidate, identity: mentions.Identity) -> None:
    """The outbox's messages to and about the person exist only for them (one to HR may name them by first name
    only): emptied, not deleted, so that their unique keys still stop them being sent again; the mail captured from
    them goes. The admin's log of their record loses its name. (Copies elsewhere — other captured mail, uploads,
    colleagues' notes — are mentions: ``mentions.scrub_mentions``.)"""
    about = messages_about(candidate)
    CapturedMail.objects.filter(message__in=about).delete()
    about.filter(status=MessageStatus.PENDING).update(status=MessageStatus.CANCELLED)
    about.update(subject="", body="", context={}, recipient_name=ERASED, last_error="")
    about.filter(recipient_address__in=[identity.phone, identity.email]).exclude(recipient_address="").update(
        recipient_address=ERASED
    )
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(candidate), object_id=str(candidate.pk)
    ).update(object_repr=ERASED, change_message="")
