"""Reads on the employer side that views share."""

from django.db.models import QuerySet

from jobroad.models import Invitation, Membership, Role
from jobroad.permissions import visible_invitations

from . import permissions
from .models import Company, Vacancy


def hr_memberships(company: Company) -> QuerySet[Membership]:
    """The company's HR people (the company page lists them for whoever sees the company)."""
    return (
        Membership.objects.filter(organisation=company.organisation_id, role=Role.COMPANY_HR)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def open_hr_invitations(user, company: Company) -> QuerySet[Invitation]:
    """HR invitations to the company not yet accepted, as far as ``user`` may see invitations."""
    return visible_invitations(user).filter(
        organisation=company.organisation_id, role=Role.COMPANY_HR, accepted_at__isnull=True
    )


def company_vacancies(user, company: Company) -> QuerySet[Vacancy]:
    """The company's vacancies ``user`` may see, with what the company page shows of each."""
    return (
        permissions.visible_vacancies(user)
        .filter(company=company)
        .select_related("site", "occupation")
        .order_by("-is_open", "title")
    )
