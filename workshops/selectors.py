from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from campaigns.models import Campaign
from campaigns.selectors import start_of
from candidates.selectors import candidate_recipient
from jobroad.models import Message, MessageStatus, Organisation, OrganisationKind, Role
from jobroad.outbox import Recipient
from jobroad.selectors import members

from . import permissions
from .models import Audience, Headcount, Registration, RegistrationStatus, Session


def sessions_of_campaign(user, campaign: Campaign) -> QuerySet[Session]:
    """The campaign's sessions the user may see, with their registration counts and the people counted there
    without a name, in time order."""
    return (
        permissions.visible_sessions(user)
        .filter(workshop__campaign=campaign)
        .select_related("workshop")
        .annotate(
            registered=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
            waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
            attended=Count("registrations", filter=Q(registrations__attended=True)),
            counted=Subquery(
                Headcount.objects.filter(session=OuterRef("pk"))
                .order_by()
                .values("session")
                .annotate(people=Sum("people"))
                .values("people")
            ),
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
    """The people on the list marked present at ``sessions`` (named attendance). The figures of residents and
    companies reached, with those counted without a name, are ``outreach``'s."""
    return Registration.objects.filter(session__in=sessions, attended=True)


def headcount_centres(session: Session) -> QuerySet[Organisation]:
    """The reception centres a session's residents are counted by: its campaign's, and any already counted."""
    counted = session.headcounts.exclude(reception_centre=None).values("reception_centre")
    return (
        Organisation.objects.filter(
            Q(hosted_campaigns=session.workshop.campaign_id) | Q(pk__in=counted), kind=OrganisationKind.RECEPTION_CENTRE
        )
        .distinct()
        .order_by("name", "pk")
    )


# Named people at a session for companies who count as company people: from a company or a temp agency, or a name
# the coordinator wrote in (someone without an account, at a workshop for companies). Intermediaries, reception
# centres and OCMW staff at the same workshop are partners, not the companies the programme reaches.
COMPANY_SIDE_KINDS = (OrganisationKind.COMPANY, OrganisationKind.TEMP_AGENCY)


@dataclass(frozen=True)
class Outreach:
    """Who the held workshop sessions reached, residents and companies kept apart (``outreach``)."""

    resident_workshops: int  # sessions held (not cancelled, already started) for residents/candidates
    company_workshops: int  # sessions held for companies
    residents: int  # residents reached: named candidates who attended + anonymous headcounts
    candidates: int  # of which named, registered candidates
    company_people: int  # people from companies at company workshops (named + counted)
    company_organisation_ids: frozenset[int]  # distinct companies (Organisation ids) at company workshops

    @property
    def workshops(self) -> int:
        return self.resident_workshops + self.company_workshops

    @property
    def companies(self) -> int:
        return len(self.company_organisation_ids)

    @property
    def anonymous_residents(self) -> int:
        return self.residents - self.candidates


NO_OUTREACH = Outreach(0, 0, 0, 0, 0, frozenset())


def outreach(sessions: QuerySet[Session]) -> Outreach:
    """What ``sessions`` reached — the one definition of the outreach figures on every page and report (the
    campaign page, the home page, the reports, their PDF and the programme page). Only sessions held count (not
    cancelled, already begun), whatever ``sessions`` holds.

    - Residents: the registered candidates marked present at sessions for candidates, each once per campaign
      (a candidate at three of an action's workshops is one resident), plus the anonymous headcounts of those
      sessions (``Headcount``: residents who are not registered candidates).
    - Company people: at sessions for companies and intermediaries, the people marked present from a company or
      temp agency (``COMPANY_SIDE_KINDS``; an account once per campaign, a written-in name per session), plus the
      people counted there without a name. Intermediaries at those sessions are not company people.
    - Companies: the distinct companies (Organisation of kind company) of the people marked present there.

    People are counted per campaign, so a programme's figure is the sum of its actions' (``outreach_by``) and every
    total adds up. Four queries, however many sessions."""
    return sum_outreach(outreach_by(sessions).values())


def outreach_by(sessions: QuerySet[Session], key: str = "workshop__campaign") -> dict[int, Outreach]:
    """``outreach`` for each campaign of ``sessions`` (or, with ``key="pk"``, each session), with the same four
    queries; a campaign or session that reached no one is missing."""
    held = Session.objects.filter(
        pk__in=sessions.values("pk"), cancelled_at__isnull=True, starts_at__lte=timezone.now()
    ).values("pk")
    residents, companies = Q(workshop__audience=Audience.CANDIDATES), Q(workshop__audience=Audience.PARTNERS)
    workshops = _grouped(
        Session.objects.filter(pk__in=held), key,
        residents=Count("pk", filter=residents), companies=Count("pk", filter=companies),
    )  # fmt: skip
    present = Registration.objects.filter(session__in=held, attended=True)
    company_side = Q(session__workshop__audience=Audience.PARTNERS) & (
        Q(organisation__isnull=True, person__isnull=True) | Q(organisation__kind__in=COMPANY_SIDE_KINDS)
    )
    named = _grouped(
        present, f"session__{key}",
        candidates=Count(
            "candidate", distinct=True, filter=Q(session__workshop__audience=Audience.CANDIDATES)
        ),
        accounts=Count("person", distinct=True, filter=company_side & Q(person__isnull=False)),
        names=Count("pk", filter=company_side & Q(person__isnull=True, candidate__isnull=True)),
    )  # fmt: skip
    counted = _grouped(
        Headcount.objects.filter(session__in=held), f"session__{key}",
        residents=Sum("people", filter=Q(session__workshop__audience=Audience.CANDIDATES), default=0),
        companies=Sum("people", filter=Q(session__workshop__audience=Audience.PARTNERS), default=0),
    )  # fmt: skip
    organisations: dict[int, set[int]] = {}
    for group, organisation in (
        present.filter(session__workshop__audience=Audience.PARTNERS, organisation__kind=OrganisationKind.COMPANY)
        .order_by()
        .values_list(f"session__{key}", "organisation")
        .distinct()
    ):
        organisations.setdefault(group, set()).add(organisation)
    return {
        group: _assembled(workshops[group], named.get(group, {}), counted.get(group, {}), organisations.get(group, ()))
        for group in sorted(workshops)
    }


def _assembled(workshops: dict, named: dict, counted: dict, organisations) -> Outreach:
    candidates = named.get("candidates", 0)
    return Outreach(
        resident_workshops=workshops["residents"],
        company_workshops=workshops["companies"],
        residents=candidates + counted.get("residents", 0),
        candidates=candidates,
        company_people=named.get("accounts", 0) + named.get("names", 0) + counted.get("companies", 0),
        company_organisation_ids=frozenset(organisations),
    )


def _grouped(rows: QuerySet, key: str, **aggregates) -> dict[int, dict[str, int]]:
    return {row.pop("group"): row for row in rows.order_by().values(group=F(key)).annotate(**aggregates)}


def sum_outreach(parts: Iterable[Outreach]) -> Outreach:
    """Several campaigns' outreach together: people add up (each is counted per campaign), companies are united."""
    parts = list(parts)
    return Outreach(
        resident_workshops=sum(part.resident_workshops for part in parts),
        company_workshops=sum(part.company_workshops for part in parts),
        residents=sum(part.residents for part in parts),
        candidates=sum(part.candidates for part in parts),
        company_people=sum(part.company_people for part in parts),
        company_organisation_ids=frozenset().union(*(part.company_organisation_ids for part in parts)),
    )


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
