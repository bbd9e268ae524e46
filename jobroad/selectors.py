"""Reads for the home dashboards, always through the permission scopes."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from campaigns.models import Campaign
from companies.models import Company

from . import permissions
from .models import Role


@dataclass
class Dashboard:
    roles: frozenset[str]
    campaigns: QuerySet | None = None
    open_invitations: QuerySet | None = None
    companies: QuerySet | None = None
    candidates: QuerySet | None = None
    caseload: QuerySet | None = None
    funded_campaigns: QuerySet | None = None
    sections: list[str] = field(default_factory=list)


def campaigns_with_counts(user) -> QuerySet[Campaign]:
    return (
        permissions.visible_campaigns(user)
        .annotate(
            candidate_count=Count("enrolments", distinct=True),
            company_count=Count("participations", distinct=True),
        )
        .order_by(*Campaign._meta.ordering)
    )


def dashboard_for(user) -> Dashboard:
    """What each of the user's roles puts on their home page. Querysets stay lazy."""
    roles = permissions.roles_of(user)
    dashboard = Dashboard(roles=roles)
    if permissions.is_coordinator(user):
        dashboard.sections.append("coordinator")
        dashboard.campaigns = campaigns_with_counts(user)
        dashboard.open_invitations = permissions.visible_invitations(user).filter(accepted_at__isnull=True)[:10]
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
