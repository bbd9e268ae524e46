"""Writes for workshops: sessions, registrations with a waiting list, attendance, and their reminders.

Every write that changes who comes or when re-plans the session's reminders in the same transaction
(``sync_session_reminders``), so the outbox always matches the session as it is.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.lifecycle import PhaseRefused, require_phase
from campaigns.models import Campaign
from candidates.models import Candidate
from jobroad.models import Membership, Organisation, OrganisationKind, User
from jobroad.outbox import PlannedMessage, Recipient, sync_event_messages
from jobroad.reminders import plan_reminders

from . import selectors
from .models import Headcount, HeadcountChange, Registration, RegistrationStatus, Session


class WorkshopPhaseRefused(PhaseRefused, ValidationError):
    """The workshop change is not open in the campaign's phase; views show it like any validation error."""


SESSION_FIELDS = ("starts_at", "ends_at", "place", "address", "language", "interpreter", "capacity", "facilitator")


def save_session(*, session: Session, actor: User) -> Session:
    """Create or change a session (moving it moves its reminders). A smaller capacity never drops anyone who
    is registered; new places go to the waiting list in order."""
    require_phase(session.workshop.campaign, "plan_workshops", WorkshopPhaseRefused)
    with transaction.atomic():
        session.save()
        _fill_from_waiting_list(session)
        sync_session_reminders(session=session)
    return session


def cancel_session(*, session: Session, actor: User) -> Session:
    """Cancel a session: its pending reminders are cancelled (``selectors.pending_reminders``, which its
    confirmation page counts), the registrations are kept as history, and if it has not begun the people registered
    and their intermediaries are told it is off. A cancelled session stays cancelled."""
    require_phase(session.workshop.campaign, "plan_workshops", WorkshopPhaseRefused)
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.cancelled_at:
            raise ValidationError(_("This session was cancelled."))
        told = selectors.cancellation_recipients(session)  # counted the same way on the confirmation page
        session.cancelled_at = timezone.now()
        session.save(update_fields=["cancelled_at"])
        sync_session_reminders(session=session)
        _announce_cancellation(session, told)
    return session


def register(
    *,
    session: Session,
    actor: User,
    candidate: Candidate | None = None,
    person: User | None = None,
    name: str = "",
    organisation: Organisation | None = None,
) -> Registration:
    """Register someone: a place if one is free, else the waiting list. The session row is locked, so two
    people taking the last place at once cannot both get it. Registering again revives a cancellation."""
    require_phase(session.workshop.campaign, "plan_workshops", WorkshopPhaseRefused)
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.cancelled_at:
            raise ValidationError(_("This session was cancelled."))
        who = {"candidate": candidate} if candidate else {"person": person} if person else {"name": name.strip()}
        registration = Registration.objects.filter(session=session, **who).first()
        if registration and registration.status != RegistrationStatus.CANCELLED:
            raise ValidationError(_("%(name)s is already registered.") % {"name": registration.display_name})
        registration = registration or Registration(session=session, **who)
        registration.organisation = organisation or _organisation_of(candidate, person)
        registration.registered_by = actor
        registration.status = RegistrationStatus.REGISTERED if _free_places(session) else RegistrationStatus.WAITING
        registration.save()
        sync_session_reminders(session=session)
    return registration


def cancel_registration(*, registration: Registration, actor: User) -> Registration:
    """Cancel a registration; a freed place goes to the first on the waiting list, in the same transaction."""
    require_phase(registration.session.workshop.campaign, "plan_workshops", WorkshopPhaseRefused)
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=registration.session_id)
        Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED)
        _fill_from_waiting_list(session)
        sync_session_reminders(session=session)
    registration.refresh_from_db()
    return registration


def mark_attendance(*, registration: Registration, attended: bool, actor: User) -> Registration:
    """Record whether a registered person came, and who said so when (funder evidence)."""
    require_phase(registration.session.workshop.campaign, "mark_attendance", WorkshopPhaseRefused)
    if registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("Only registered people can be marked present or absent."))
    registration.attended = attended
    registration.attendance_marked_by = actor
    registration.attendance_marked_at = timezone.now()
    registration.save(update_fields=["attended", "attendance_marked_by", "attendance_marked_at"])
    return registration


def record_headcount(*, session: Session, people: dict[tuple[int | None, str], int], actor: User) -> int:
    """Replace the session's anonymous headcount with ``people``: how many came without a name on the list, by
    (reception centre id or None, gender). A session for candidates counts residents by centre; a session for
    companies counts people with no centre. Refused, with nothing saved, for a session that was cancelled or has
    not begun. A change is written to the session's audit trail (``HeadcountChange``: who, when, the total before
    and after), and each row keeps who recorded it when, like an attendance mark. Returns the new total."""
    require_phase(session.workshop.campaign, "mark_attendance", WorkshopPhaseRefused)
    with transaction.atomic():
        session = Session.objects.select_for_update().select_related("workshop").get(pk=session.pk)
        if session.cancelled_at:
            raise ValidationError(_("This session was cancelled: nobody can be counted at it."))
        if session.starts_at > timezone.now():
            raise ValidationError(_("This session has not started yet: count the people who came once it has."))
        wanted = {key: count for key, count in people.items() if count}
        if any(count < 0 for count in wanted.values()):
            raise ValidationError(_("A headcount cannot be negative."))
        if not session.workshop.for_candidates and any(centre for centre, _gender in wanted):
            raise ValidationError(_("People at a workshop for companies are counted without a reception centre."))
        centres = {centre for centre, _gender in wanted if centre}
        if len(centres) != Organisation.objects.filter(pk__in=centres, kind=OrganisationKind.RECEPTION_CENTRE).count():
            raise ValidationError(_("Residents are counted by reception centre."))
        before = {(row.reception_centre_id, row.gender): row.people for row in session.headcounts.all()}
        if before == wanted:
            return sum(wanted.values())
        now = timezone.now()
        session.headcounts.all().delete()
        Headcount.objects.bulk_create(
            Headcount(
                session=session, reception_centre_id=centre, gender=gender, people=count,
                recorded_by=actor, recorded_at=now,
            )
            for (centre, gender), count in sorted(wanted.items(), key=lambda item: (item[0][0] or 0, item[0][1]))
        )  # fmt: skip
        HeadcountChange.objects.create(
            session=session, actor=actor, people_before=sum(before.values()), people_after=sum(wanted.values())
        )
    return sum(wanted.values())


def _free_places(session: Session) -> int:
    return session.capacity - session.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def _fill_from_waiting_list(session: Session) -> None:
    free = _free_places(session)
    if free > 0:
        waiting = session.registrations.filter(status=RegistrationStatus.WAITING).order_by("registered_at", "id")
        promoted = list(waiting.values_list("pk", flat=True)[:free])
        Registration.objects.filter(pk__in=promoted).update(status=RegistrationStatus.REGISTERED)


def _organisation_of(candidate: Candidate | None, person: User | None) -> Organisation | None:
    if candidate:
        return candidate.registered_by
    if person:
        membership = Membership.objects.filter(user=person).select_related("organisation").first()
        return membership.organisation if membership else None
    return None


# --- Reminders ---------------------------------------------------------------------------------------------


def sync_session_reminders(*, session: Session) -> None:
    """Make the outbox hold exactly the reminders this session wants now: none once it is cancelled."""
    recipients = {"attendee": [], "intermediary": []} if session.cancelled_at else selectors.session_recipients(session)
    planned = plan_reminders(
        event_kind="workshop_session",
        event_id=session.pk,
        at=session.starts_at,
        recipients=recipients,
        context={"event": session_event(session)},
        now=timezone.now(),
    )
    sync_event_messages(event=session.event_key, planned=planned, campaign=session.workshop.campaign)


def _announce_cancellation(session: Session, recipients: dict[str, list[Recipient]]) -> None:
    """Everyone who was to come, and their intermediaries, hear that the session is off; not after it began."""
    event = session_event(session)
    planned = [
        PlannedMessage(
            key=f"{session.event_key}:cancelled:{audience}:{recipient.address}",
            template="workshop_cancelled",
            recipient=recipient,
            due_at=timezone.now(),
            expires_at=session.starts_at,
            context={"event": event, "audience": audience},
        )
        for audience, people in recipients.items()
        for recipient in people
    ]
    sync_event_messages(event=f"{session.event_key}:cancelled", planned=planned, campaign=session.workshop.campaign)


def session_event(session: Session) -> dict:
    """The session as the calendar part of a message (``.ics`` and the text both read it)."""
    return {
        "uid": f"workshop-session-{session.pk}@{settings.OUTBOX_MESSAGE_ID_DOMAIN}",
        "start": session.starts_at.isoformat(),
        "end": session.ends_at.isoformat(),
        "summary": str(session.workshop),
        "location": ", ".join(part for part in (session.place, session.address) if part),
    }


def copy_workshops(*, source: Campaign, target: Campaign, shift: timedelta) -> None:
    """The source's workshops and (not cancelled) sessions, moved by ``shift``, without anyone registered."""
    for workshop in source.workshops.prefetch_related("sessions"):
        sessions = [session for session in workshop.sessions.all() if not session.cancelled_at]
        workshop.pk, workshop.campaign = None, target
        workshop.save()
        for session in sessions:
            session.pk, session.workshop = None, workshop
            session.starts_at += shift
            session.ends_at += shift
        Session.objects.bulk_create(sessions)
