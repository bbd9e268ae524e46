"""Who may see and do what: the roles, and the core's own objects (organisations, invitations, the outbox).

Each app has a ``permissions.py`` of the same kind for its objects, built on the role helpers here. Predicates
answer yes/no for one object; ``visible_*`` selectors scope a queryset to what a user may see. Views fetch objects
through the selectors, so another organisation's object is a 404, never a 403 that would confirm it exists.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import (
    CapturedMail,
    Invitation,
    Membership,
    Message,
    Organisation,
    PendingImport,
    Role,
    User,
)

STAFF_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


def roles_of(user) -> frozenset[str]:
    """The user's roles across all memberships, cached on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_jobroad_roles"):
        roles = set(Membership.objects.filter(user=user).order_by().values_list("role", flat=True))
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


# Who may grant which role, by the inviter's own role: the one table every invitation is checked against. Only an
# admin makes admins and coordinators; a coordinator brings in the people their campaigns work with, and only into
# organisations of those campaigns (``invitable_organisations``). An organisation's kind limits it further.
GRANTABLE_ROLES: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset(Role.values),
    Role.COORDINATOR: frozenset({Role.COMPANY_HR, Role.INTERMEDIARY, Role.JOB_COACH, Role.SCREENER}),
}


def grantable_roles(user, organisation: Organisation) -> frozenset[str]:
    """The roles ``user`` may invite a person to in ``organisation`` (empty: may not invite there at all)."""
    roles = roles_of(user)
    granted = frozenset().union(*(GRANTABLE_ROLES.get(role, frozenset()) for role in roles))
    if Role.ADMIN not in roles:
        if not invitable_organisations(user).filter(pk=organisation.pk).exists():
            return frozenset()
        if screens_for_someone_else(user, organisation):
            granted -= {Role.SCREENER}
    return granted & organisation.allowed_roles()


def screens_for_someone_else(user, organisation: Organisation) -> bool:
    """A screener sees the candidates of every campaign its organisation screens, so only whoever runs all of them
    (or an admin) may make one: else a coordinator could read another coordinator's candidates through a screener
    of their own making."""
    return organisation.screened_campaigns.exclude(coordinators=user).exists()


def invitable_organisations(user) -> QuerySet[Organisation]:
    """Where a coordinator may invite: the companies, partners, screening partners and reception centres of the
    campaigns they run, and their own JobRoad organisation (for volunteer job coaches). An admin: everywhere."""
    if is_admin(user):
        return Organisation.objects.all()
    if Role.COORDINATOR not in roles_of(user):
        return Organisation.objects.none()
    campaigns = coordinated_campaign_ids(user)
    scope = (
        Q(company__campaigns__in=campaigns)
        | Q(partner_campaigns__in=campaigns)
        | Q(hosted_campaigns__in=campaigns)
        | Q(screened_campaigns__in=campaigns)
        | Q(pk__in=organisation_ids_of(user, Role.COORDINATOR))
    )
    return Organisation.objects.filter(pk__in=Organisation.objects.filter(scope).values("pk"))


def can_invite(user, organisation: Organisation) -> bool:
    return bool(grantable_roles(user, organisation))


def can_read_captured_mail(user) -> bool:
    return is_coordinator(user)


def can_view_reports(user) -> bool:
    return is_coordinator(user) or Role.FUNDER_VIEWER in roles_of(user)


def sees_small_counts(user) -> bool:
    """Coordinators work with people, so a count of 3 tells them nothing new; everyone else (funder viewers) sees
    counts of fewer than five people suppressed, so no figure points at a person."""
    return is_coordinator(user)


def visible_organisations(user) -> QuerySet[Organisation]:
    if is_coordinator(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(id__in=organisation_ids_of(user))


def coordinated_campaign_ids(user) -> QuerySet:
    # The campaigns' coordinator table, reached from the user's side: the core imports no app.
    return User.coordinated_campaigns.through.objects.filter(user=user).values("campaign_id")


def assignable_coaches(user) -> QuerySet[User]:
    """Job coaches ``user`` may assign to a candidate: coaches of the organisations the user can see."""
    coaches = Membership.objects.filter(organisation__in=visible_organisations(user), role=Role.JOB_COACH)
    return User.objects.filter(is_active=True, pk__in=coaches.values("user"))


def visible_invitations(user) -> QuerySet[Invitation]:
    """Invitations into the organisations where the user may invite (who was invited, and whether they came)."""
    return Invitation.objects.filter(organisation__in=invitable_organisations(user))


def can_manage_messages(user) -> bool:
    return is_coordinator(user)


def visible_messages(user) -> QuerySet[Message]:
    """The outbox: an admin sees every message; a coordinator those of the campaigns they run, and of the rest
    (notes, invitations) only what they wrote themselves or what was sent to them; nobody else sees the outbox."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Message.objects.all()
    if Role.COORDINATOR in roles:
        own = Q(created_by=user) | Q(recipient_user=user)
        return Message.objects.filter(Q(campaign__in=coordinated_campaign_ids(user)) | Q(own, campaign__isnull=True))
    return Message.objects.none()


def visible_people(user) -> QuerySet[User]:
    """People a user may address or look up: the members of the organisations they can see."""
    members = Membership.objects.filter(organisation__in=visible_organisations(user)).values("user")
    return User.objects.filter(is_active=True, pk__in=members)


def visible_captured_mail(user) -> QuerySet[CapturedMail]:
    """The embedded mode's captured mail, as far as the user may read the outbox message it came from; mail from
    outside the outbox (allauth's) only an admin reads. Mail with a one-time link is never captured at all."""
    if is_admin(user):
        return CapturedMail.objects.all()
    if can_read_captured_mail(user):
        return CapturedMail.objects.filter(message__in=visible_messages(user).values("pk"))
    return CapturedMail.objects.none()


def visible_pending_imports(user) -> QuerySet[PendingImport]:
    """A pending import is its uploader's alone, and only until it expires."""
    if not user.is_authenticated:
        return PendingImport.objects.none()
    return PendingImport.objects.filter(owner=user, expires_at__gt=timezone.now())
