"""Who may see and do what — written once, used by every view, template, export and PDF.

Predicates answer yes/no for one object; ``visible_*`` selectors scope a queryset to what a user may
see. Views fetch objects through the selectors, so another organisation's object is a 404, never a
403 that would confirm it exists.
"""

from django.db.models import Q, QuerySet

from campaigns.models import Campaign
from candidates.models import Candidate
from companies.models import Company, Vacancy

from .models import CapturedMail, Invitation, Membership, Message, Organisation, Role, User

STAFF_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


def roles_of(user) -> frozenset[str]:
    """The user's roles across all memberships, cached on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_jobroad_roles"):
        roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
        if user.is_superuser:
            roles.add(Role.ADMIN)
        user._jobroad_roles = frozenset(roles)
    return user._jobroad_roles


def organisation_ids_of(user, *roles: str) -> QuerySet:
    memberships = Membership.objects.filter(user=user)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return memberships.values("organisation_id")


def is_admin(user) -> bool:
    return Role.ADMIN in roles_of(user)


def is_coordinator(user) -> bool:
    """Coordinators and admins run campaigns."""
    return bool(roles_of(user) & STAFF_ROLES)


def must_use_mfa(user) -> bool:
    return is_coordinator(user) or (user.is_authenticated and user.is_staff)


def can_create_campaign(user) -> bool:
    return is_coordinator(user)


def can_manage_campaign(user, campaign: Campaign) -> bool:
    """Admins manage every campaign; a coordinator the campaigns they run."""
    roles = roles_of(user)
    return Role.ADMIN in roles or (Role.COORDINATOR in roles and campaign.coordinators.filter(pk=user.pk).exists())


def can_edit_company(user, company: Company) -> bool:
    """Coordinators and the company's own HR people keep a company's profile and vacancies."""
    if is_coordinator(user):
        return True
    return organisation_ids_of(user, Role.COMPANY_HR).filter(organisation_id=company.organisation_id).exists()


def can_invite(user, organisation: Organisation) -> bool:
    return is_coordinator(user)


def can_read_captured_mail(user) -> bool:
    return is_coordinator(user)


def can_view_reports(user) -> bool:
    return is_coordinator(user) or Role.FUNDER_VIEWER in roles_of(user)


def visible_organisations(user) -> QuerySet[Organisation]:
    if is_coordinator(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(id__in=organisation_ids_of(user))


def visible_campaigns(user) -> QuerySet[Campaign]:
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Campaign.objects.all()
    scope = Q(pk__in=[])
    if Role.COORDINATOR in roles:
        scope |= Q(coordinators=user)
    if Role.COMPANY_HR in roles:
        scope |= Q(companies__organisation__in=organisation_ids_of(user, Role.COMPANY_HR))
    if Role.INTERMEDIARY in roles:
        scope |= Q(partners__in=organisation_ids_of(user, Role.INTERMEDIARY))
    if Role.JOB_COACH in roles:
        scope |= Q(candidates__coach=user)
    if Role.FUNDER_VIEWER in roles:
        scope |= Q(funder__in=organisation_ids_of(user, Role.FUNDER_VIEWER))
    return Campaign.objects.filter(pk__in=Campaign.objects.filter(scope).values("pk"))


def visible_candidates(user) -> QuerySet[Candidate]:
    """Personal records: never company HR or funders (HR sees blind profiles through proposals)."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Candidate.objects.all()
    scope = Q(pk__in=[])
    if Role.COORDINATOR in roles:
        scope |= Q(campaigns__coordinators=user)
    if Role.INTERMEDIARY in roles:
        scope |= Q(registered_by__in=organisation_ids_of(user, Role.INTERMEDIARY))
    if Role.JOB_COACH in roles:
        scope |= Q(coach=user)
    return Candidate.objects.filter(pk__in=Candidate.objects.filter(scope).values("pk"))


def visible_companies(user) -> QuerySet[Company]:
    if is_coordinator(user):
        return Company.objects.all()
    return Company.objects.filter(organisation__in=organisation_ids_of(user, Role.COMPANY_HR))


def visible_vacancies(user) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(company__in=visible_companies(user))


def visible_invitations(user) -> QuerySet[Invitation]:
    if is_coordinator(user):
        return Invitation.objects.all()
    return Invitation.objects.none()


def can_manage_messages(user) -> bool:
    return is_coordinator(user)


def visible_messages(user) -> QuerySet[Message]:
    """The outbox: an admin sees every message, a coordinator those of their campaigns and those that
    belong to no campaign (invitations, notes); nobody else sees the outbox."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Message.objects.all()
    if Role.COORDINATOR in roles:
        own_campaigns = Campaign.objects.filter(coordinators=user).values("pk")
        return Message.objects.filter(Q(campaign__isnull=True) | Q(campaign__in=own_campaigns))
    return Message.objects.none()


def visible_people(user) -> QuerySet[User]:
    """People a user may address or look up: the members of the organisations they can see."""
    members = Membership.objects.filter(organisation__in=visible_organisations(user)).values("user")
    return User.objects.filter(is_active=True, pk__in=members)


def visible_captured_mail(user) -> QuerySet[CapturedMail]:
    if can_read_captured_mail(user):
        return CapturedMail.objects.all()
    return CapturedMail.objects.none()
