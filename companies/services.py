"""Writes on the employer side: companies and their sites, vacancies, the blind-hiring pledge, and the managed
vocabulary loaded from ESCO."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobroad.models import Invitation, Organisation, OrganisationKind, Role, User
from jobroad.services import invite_person

from .esco import OCCUPATIONS, EscoFile, EscoTerm
from .models import Company, Competence, Occupation, Site, Vacancy, Vocabulary


def create_company(
    *, name: str, enterprise_number: str, sector: str, street: str, postal_code: str, city: str
) -> Company:
    """A company and the organisation its HR people will be invited to. A given address is also the company's
    first site, so its first vacancy has a place."""
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name=name, kind=OrganisationKind.COMPANY, street=street, postal_code=postal_code, city=city
        )
        company = Company.objects.create(organisation=organisation, enterprise_number=enterprise_number, sector=sector)
        if street or city:
            Site.objects.create(company=company, name=city or name, street=street, postal_code=postal_code, city=city)
        return company


def invite_hr(*, company: Company, email: str, full_name: str, invited_by: User) -> Invitation:
    """Invite a person as HR of the company, through the one invitation mechanism (mail via the outbox)."""
    return invite_person(
        organisation=company.organisation, email=email, full_name=full_name, role=Role.COMPANY_HR, invited_by=invited_by
    )


def sign_pledge(*, company: Company, actor: User) -> Company:
    """Record that ``actor`` signed the blind-hiring pledge (no CV asked) for the company. Signing again keeps
    the first signature: it is the evidence."""
    Company.objects.filter(pk=company.pk, pledge_signed_at__isnull=True).update(
        pledge_signed_at=timezone.now(), pledge_signed_by=actor
    )
    company.refresh_from_db(fields=["pledge_signed_at", "pledge_signed_by"])
    return company


def save_vacancy(*, vacancy: Vacancy, required_competences, nice_competences) -> Vacancy:
    """Save the vacancy with its competences, all or nothing. Refuses a site of another company, whatever the
    form let through."""
    if vacancy.site_id is not None and vacancy.site.company_id != vacancy.company_id:
        raise ValidationError({"site": _("This site belongs to another company.")})
    with transaction.atomic():
        vacancy.save()
        vacancy.required_competences.set(required_competences)
        vacancy.nice_competences.set(nice_competences)
    return vacancy


@dataclass
class ImportCount:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def import_esco_files(*, files: list[EscoFile]) -> list[ImportCount]:
    """Add the terms of ESCO files (already read and checked) to the vocabulary, in one transaction.

    A term is found again by its conceptUri: its label in the file's language is set (other languages are kept), so
    a second run changes nothing and a second language adds labels. A curated term without URI whose label in that
    language is exactly the ESCO preferred label (and whose ISCO code or kind agrees) gets the URI instead of a twin.
    """
    with transaction.atomic():
        return [import_esco_file(esco_file) for esco_file in files]


def import_esco_file(esco_file: EscoFile) -> ImportCount:
    model = Occupation if esco_file.kind == OCCUPATIONS else Competence
    detail = "isco_code" if model is Occupation else "kind"
    language = esco_file.language
    known = {term.esco_uri: term for term in model.objects.exclude(esco_uri="")}
    curated = curated_by_label(model.objects.filter(esco_uri=""), language, detail)
    count, new, changed = ImportCount(), [], []
    for term in esco_file.terms:
        value = getattr(term, detail)
        existing = known.get(term.uri) or curated.pop((term.label.casefold(), value), None)
        if existing is None:
            new.append(model(esco_uri=term.uri, labels={language: term.label}, **{detail: value}))
        elif apply_term(existing, term, language, detail, value):
            changed.append(existing)
        else:
            count.unchanged += 1
    model.objects.bulk_create(new, batch_size=500)
    model.objects.bulk_update(changed, ["esco_uri", "labels", detail], batch_size=500)
    count.created, count.updated = len(new), len(changed)
    return count


def curated_by_label(terms, language: str, detail: str) -> dict[tuple[str, str], Vocabulary]:
    """Curated terms by (label in ``language``, ISCO code or kind); a label two terms share adopts neither."""
    found: dict[tuple[str, str], Vocabulary | None] = {}
    for term in terms:
        label = (term.labels or {}).get(language, "")
        if label:
            key = (label.casefold(), getattr(term, detail))
            found[key] = None if key in found else term
    return {key: term for key, term in found.items() if term is not None}


def apply_term(existing: Vocabulary, term: EscoTerm, language: str, detail: str, value: str) -> bool:
    """Copy what the ESCO row says onto the term; True when anything changed."""
    before = (existing.esco_uri, dict(existing.labels or {}), getattr(existing, detail))
    existing.esco_uri = term.uri
    existing.labels = {**(existing.labels or {}), language: term.label}
    if value:
        setattr(existing, detail, value)
    return before != (existing.esco_uri, existing.labels, getattr(existing, detail))
