"""Who sees and runs workshop sessions, and whom they may register into one."""

from django.db.models import Q, QuerySet

from campaigns.models import Campaign
from campaigns.permissions import can_manage_campaign, managed_campaigns
from candidates.models import Candidate
from candidates.permissions import visible_candidates
from jobroad.models import (
    Membership,
    Organisation,
    Role,
    User,
)
from jobroad.permissions import organisation_ids_of, roles_of

from .models import Audience, Registration, Session


def visible_sessions(user) -> QuerySet[Session]:
    """Coordinators see the sessions of the campaigns they run; intermediaries every session of a campaign
    their organisation partners in; company HR the sessions for companies of a campaign their company joined."""
    roles = roles_of(user)
    scope = Q(workshop__campaign__in=managed_campaigns(user))
    if Role.INTERMEDIARY in roles:
        scope |= Q(workshop__campaign__partners__in=organisation_ids_of(user, Role.INTERMEDIARY))
    if Role.COMPANY_HR in roles:
        scope |= Q(
            workshop__audience=Audience.PARTNERS,
            workshop__campaign__companies__organisation__in=organisation_ids_of(user, Role.COMPANY_HR),
        )
    return Session.objects.filter(pk__in=Session.objects.filter(scope).values("pk"))


def can_manage_workshops(user, campaign: Campaign) -> bool:
    return can_manage_campaign(user, campaign)


def attendance_sessions(user) -> QuerySet[Session]:
    """Sessions whose attendance the user may mark — and so record their anonymous headcount: those of the
    campaigns they run."""
    return Session.objects.filter(workshop__campaign__in=managed_campaigns(user))


def visible_registrations(user, session: Session) -> QuerySet[Registration]:
    """Everyone in the session for its coordinators; otherwise only the people of one's own organisations —
    an intermediary never learns which other candidates take part."""
    registrations = session.registrations.all()
    if can_manage_workshops(user, session.workshop.campaign):
        return registrations
    return registrations.filter(organisation__in=organisation_ids_of(user))


def registrable_candidates(user, session: Session) -> QuerySet[Candidate]:
    """Candidates the user may put into a candidates' session: visible to them and enrolled in its campaign."""
    if not session.workshop.for_candidates:
        return Candidate.objects.none()
    return visible_candidates(user).filter(campaigns=session.workshop.campaign_id)


def registrable_people(user, session: Session) -> QuerySet[User]:
    """People the user may put into a session for companies and intermediaries: coordinators anyone of the
    campaign's companies and partners, others the people of their own organisation."""
    if session.workshop.for_candidates:
        return User.objects.none()
    campaign = session.workshop.campaign
    if can_manage_workshops(user, campaign):
        organisations = Organisation.objects.filter(Q(company__campaigns=campaign) | Q(partner_campaigns=campaign))
    else:
        organisations = Organisation.objects.filter(
            id__in=organisation_ids_of(user, Role.COMPANY_HR, Role.INTERMEDIARY)
        )
    members = Membership.objects.filter(organisation__in=organisations.values("pk")).values("user")
    return User.objects.filter(is_active=True, pk__in=members)


def can_cancel_registration(user, registration: Registration) -> bool:
    return visible_registrations(user, registration.session).filter(pk=registration.pk).exists()
