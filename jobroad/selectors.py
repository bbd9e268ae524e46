"""Reads for the home dashboards, always through the permission scopes."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, IntegerField, Q, QuerySet
from django.utils import timezone

from aftercare import selectors as aftercare_selectors
from campaigns.models import Campaign
from companies.models import Company

from . import disclosure, permissions
from .models import Message, MessageStatus, Role, User


@dataclass
class Dashboard:
    roles: frozenset[str]
    campaigns: QuerySet | None = None
    open_invitations: QuerySet | None = None
    failed_messages: int = 0
    companies: QuerySet | None = None
    candidates: QuerySet | None = None
    caseload: QuerySet | None = None
    funded_campaigns: QuerySet | None = None
    check_ins: QuerySet | None = None  # aftercare check-ins addressed to the user, due soon
    flagged_check_ins: QuerySet | None = None
    overdue_check_ins: int = 0
    offers_to_place: int = 0
    today: date | None = None
    sections: list[str] = field(default_factory=list)


def members(role: str, *organisations) -> QuerySet[User]:
    """The active people holding ``role`` in any of ``organisations`` (rows or ids), each once: who a message
    about that organisation goes to."""
    ids = [getattr(organisation, "pk", organisation) for organisation in organisations]
    return User.objects.filter(is_active=True, memberships__organisation__in=ids, memberships__role=role).distinct()


class PublishedCount(IntegerField):
    """A count of people read from the database as ``disclosure.published`` shows it (hidden or rounded), so no
    page, whatever its template, can show the exact one to whoever may not see small counts."""

    def from_db_value(self, value, expression, connection):
        return disclosure.published(value or 0)


def campaigns_with_counts(user) -> QuerySet[Campaign]:
    """The campaigns ``user`` sees, with ``candidate_count`` (people, published as ``user`` may see them) and
    ``company_count`` (organisations, not people: exact for everyone)."""
    people = None if permissions.sees_small_counts(user) else PublishedCount()
    return (
        permissions.visible_campaigns(user)
        .annotate(
            candidate_count=Count("enrolments", distinct=True, output_field=people),
            company_count=Count("participations", distinct=True),
        )
        .order_by(*Campaign._meta.ordering)
    )


def dashboard_for(user) -> Dashboard:
    """What each of the user's roles puts on their home page. Querysets stay lazy."""
    roles = permissions.roles_of(user)
    today = timezone.localdate()
    dashboard = Dashboard(roles=roles, today=today)
    if roles & {Role.COMPANY_HR, Role.INTERMEDIARY, Role.JOB_COACH}:
        dashboard.check_ins = aftercare_selectors.check_ins_to_answer(user, today)[:20]
    if permissions.is_coordinator(user):
        dashboard.sections.append("coordinator")
        dashboard.campaigns = campaigns_with_counts(user)
        dashboard.open_invitations = (
            permissions.visible_invitations(user).filter(accepted_at__isnull=True).select_related("organisation")[:10]
        )
        dashboard.failed_messages = permissions.visible_messages(user).filter(status=MessageStatus.FAILED).count()
        dashboard.flagged_check_ins = aftercare_selectors.flagged_check_ins(user)[:20]
        dashboard.overdue_check_ins = aftercare_selectors.overdue_check_ins(user, today).count()
        dashboard.offers_to_place = aftercare_selectors.offers_to_place(user).count()
    if Role.COMPANY_HR in roles:
        dashboard.sections.append("company_hr")
        dashboard.companies = (
            permissions.visible_companies(user)
            .select_related("organisation")
            .prefetch_related("vacancies")
            .annotate(open_vacancy_count=Count("vacancies", distinct=True))
            .order_by(*Company._meta.ordering)
        )
    if Role.INTERMEDIARY in roles:
        dashboard.sections.append("intermediary")
        dashboard.candidates = _with_campaigns(
            permissions.visible_candidates(user).filter(
                registered_by__in=permissions.organisation_ids_of(user, Role.INTERMEDIARY)
            )
        )
    if Role.JOB_COACH in roles:
        dashboard.sections.append("job_coach")
        dashboard.caseload = _with_campaigns(permissions.visible_candidates(user).filter(coach=user))
    if Role.FUNDER_VIEWER in roles:
        dashboard.sections.append("funder_viewer")
        dashboard.funded_campaigns = campaigns_with_counts(user)
    return dashboard


def _with_campaigns(candidates: QuerySet) -> QuerySet:
    return candidates.prefetch_related("campaigns")[:50]


def search_query(params) -> str:
    """The ``q`` a list is searched with: at most 100 characters, and never a NUL, which PostgreSQL refuses in
    any string (a 500 instead of "no results")."""
    return params.get("q", "").replace("\x00", "").strip()[:100]


def messages_filtered(messages: QuerySet[Message], params) -> QuerySet[Message]:
    """The outbox narrowed by the list's filters: ``status``, ``person`` (a user id) and ``q`` (name,
    address or key)."""
    if params.get("status") in MessageStatus.values:
        messages = messages.filter(status=params["status"])
    if params.get("person", "").isdecimal():  # isdigit() takes "²", which int() refuses
        messages = messages.filter(recipient_user_id=params["person"])
    if query := search_query(params):
        messages = messages.filter(
            Q(recipient_name__icontains=query) | Q(recipient_address__icontains=query) | Q(key__icontains=query)
        )
    return messages
