"""Writes on the employer side: a new company with its organisation, and the blind-hiring pledge."""

from django.db import transaction
from django.utils import timezone

from jobroad.models import Organisation, OrganisationKind, User

from .models import Company


def create_company(
    *, name: str, enterprise_number: str, sector: str, street: str, postal_code: str, city: str
) -> Company:
    """A company and the organisation its HR people will be invited to."""
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name=name, kind=OrganisationKind.COMPANY, street=street, postal_code=postal_code, city=city
        )
        return Company.objects.create(organisation=organisation, enterprise_number=enterprise_number, sector=sector)


def sign_pledge(*, company: Company, actor: User) -> Company:
    """Record that ``actor`` signed the blind-hiring pledge (no CV asked) for the company. Signing again keeps
    the first signature: it is the evidence."""
    Company.objects.filter(pk=company.pk, pledge_signed_at__isnull=True).update(
        pledge_signed_at=timezone.now(), pledge_signed_by=actor
    )
    company.refresh_from_db(fields=["pledge_signed_at", "pledge_signed_by"])
    return company
