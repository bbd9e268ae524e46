"""Who sees and keeps companies, their sites and vacancies (the roles come from ``jobroad.permissions``)."""

from django.db.models import QuerySet

from jobroad.models import (
    Role,
)
from jobroad.permissions import is_coordinator, organisation_ids_of, roles_of

from .models import Company, Site, Vacancy


def can_edit_company(user, company: Company) -> bool:
    """Coordinators and the company's own HR people keep a company's profile and vacancies."""
    if is_coordinator(user):
        return True
    return organisation_ids_of(user, Role.COMPANY_HR).filter(organisation_id=company.organisation_id).exists()


def can_keep_network(user) -> bool:
    """The employer network — a company's pipeline stage and its history, source, account owner, contact log,
    and the yearly targets — is the coordinators' working file: coordinators and admins see and keep it. Nobody
    else sees any of it, a company's own HR people included (their company page leaves it out; the network pages
    answer them 404). An ambassador profile is shown with the company to whoever sees the company."""
    return is_coordinator(user)


def visible_companies(user) -> QuerySet[Company]:
    if is_coordinator(user):
        return Company.objects.all()
    return Company.objects.filter(organisation__in=organisation_ids_of(user, Role.COMPANY_HR))


def visible_vacancies(user) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(company__in=visible_companies(user))


def visible_sites(user) -> QuerySet[Site]:
    """A company's sites are seen by whoever sees the company (and kept by whoever may edit it)."""
    return Site.objects.filter(company__in=visible_companies(user))


def can_import_vacancies(user, company: Company) -> bool:
    return can_edit_company(user, company)


def can_export_companies(user) -> bool:
    """Company and vacancy lists: coordinators, and HR for its own company."""
    return can_see_companies(user)


def can_see_companies(user) -> bool:
    """Coordinators, and HR for its own company, have a company list (its export links follow it)."""
    return is_coordinator(user) or Role.COMPANY_HR in roles_of(user)
