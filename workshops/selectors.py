from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from campaigns.models import Campaign
from campaigns.selectors import start_of
from candidates.selectors import candidate_recipient
from jobroad.models import Message, MessageStatus, Role
from jobroad.outbox import Recipient
from jobroad.selectors import members

from . import permissions
from .models import Registration, RegistrationStatus, Session


def sessions_of_campaign(user, campaign: Campaign) -> QuerySet[Session]:
    """The campaign's sessions the user may see, with their registration counts, in time order."""
    return (
        permissions.visible_sessions(user)
        .filter(workshop__campaign=campaign)
        .select_related("workshop")
        .annotate(
            registered=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
            waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
            attended=Count("registrations", filter=Q(registrations__attended=True)),
        )
        .order_by("starts_at", "id")
    )


def sessions_held(campaigns: QuerySet[Campaign], *, ends_on: date, starts_on: date | None = None) -> QuerySet[Session]:
    """The sessions of ``campaigns`` held from ``starts_on`` to ``ends_on``: not cancelled and already begun, so a
    session planned for next week is not counted against the target yet. The one definition of "workshop
    sessions" for the campaign page, the reports and their evidence annex."""
    until = min(start_of(ends_on + timedelta(days=1)), timezone.now())
    sessions = Session.objects.filter(workshop__campaign__in=campaigns, cancelled_at__isnull=True, starts_at__lt=until)
    return sessions.filter(starts_at__gte=start_of(starts_on)) if starts_on else sessions


def attendances(sessions: QuerySet[Session]) -> QuerySet[Registration]:
    """The people marked present at ``sessions``: the one definition of "workshop attendees"."""
    return Registration.objects.filter(session__in=sessions, attended=True)


def session_recipients(session: Session) -> dict[str, list[Recipient]]:
    """Who hears about a session: the people registered (a candidate only with consent to be contacted, in their
    own language) and the intermediaries of the candidates among them."""
    registrations = session.registrations.filter(status=RegistrationStatus.REGISTERED).select_related(
        "candidate__registered_by", "person"
    )
    attendees, intermediaries = [], {}
    for registration in registrations:
        if registration.candidate:
            if recipient := candidate_recipient(registration.candidate):
                attendees.append(recipient)
            intermediaries.setdefault(registration.candidate.registered_by_id, registration.candidate.registered_by)
        elif registration.person and registration.person.email:
            attendees.append(Recipient.for_user(registration.person))
    people = members(Role.INTERMEDIARY, *intermediaries)
    return {"attendee": attendees, "intermediary": [Recipient.for_user(person) for person in people]}


def pending_reminders(session: Session) -> QuerySet[Message]:
    """The session's messages still waiting to leave: what cancelling the session cancels (its reminders are
    re-planned to nothing, and ``outbox.sync_event_messages`` cancels exactly the event's pending rows)."""
    return Message.objects.filter(event=session.event_key, status=MessageStatus.PENDING)


@dataclass(frozen=True)
class SessionCancellation:
    """What cancelling a session now would do: its pending reminders are not sent (to so many attendees and
    intermediaries), its registrations stay as history, and, if it has not begun, the people registered and their
    intermediaries hear that it is off (``notices`` messages)."""

    reminders: int
    attendees: int
    intermediaries: int
    registered: int
    waiting: int
    notices: int
    notified_attendees: int
    notified_intermediaries: int


def session_cancellation(session: Session) -> SessionCancellation:
    """Counted before the coordinator cancels, from the same rows ``services.cancel_session`` cancels."""
    reminders = list(pending_reminders(session).values_list("recipient_address", "context"))
    people = {
        audience: {address for address, context in reminders if context.get("audience") == audience}
        for audience in ("attendee", "intermediary")
    }
    statuses = list(session.registrations.values_list("status", flat=True))
    told = cancellation_recipients(session)
    return SessionCancellation(
        reminders=len(reminders),
        attendees=len(people["attendee"]),
        intermediaries=len(people["intermediary"]),
        registered=statuses.count(RegistrationStatus.REGISTERED),
        waiting=statuses.count(RegistrationStatus.WAITING),
        notices=sum(len(group) for group in told.values()),
        notified_attendees=len(told["attendee"]),
        notified_intermediaries=len(told["intermediary"]),
    )


def cancellation_recipients(session: Session) -> dict[str, list[Recipient]]:
    """Who is told that the session is off: everyone who hears about it, unless it has already begun."""
    if session.starts_at <= timezone.now():
        return {"attendee": [], "intermediary": []}
    return session_recipients(session)
