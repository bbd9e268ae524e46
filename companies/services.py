"""Writes on the employer side: companies and their sites, vacancies, the blind-hiring pledge, and the managed
vocabulary loaded from ESCO."""

import logging
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobroad.models import Invitation, Organisation, OrganisationKind, Role, User
from jobroad.permissions import is_coordinator
from jobroad.services import invite_person

from .esco import OCCUPATIONS, EscoFile, EscoTerm
from .models import (
    AmbassadorProfile,
    Company,
    Competence,
    ContactLogEntry,
    NetworkTarget,
    Occupation,
    PipelineStage,
    Site,
    StageChange,
    Vacancy,
    Vocabulary,
)
from .selectors import takes_part

logger = logging.getLogger(__name__)


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


# ---------------------------------------------------------------------------------------------------------------
# The employer network: a company's pipeline stage, its contact log, the ambassador profile and the yearly target.
# ---------------------------------------------------------------------------------------------------------------


def move_company_along_pipeline(*, company: Company, stage: str, actor: User, reason: str = "") -> Company:
    """Move the company to ``stage`` of the network pipeline and record who did it, when and (moving back) why;
    refuses with a reason in plain words otherwise (a ``ValidationError``).

    The move starts from the stage the network shows (``Company.shown_stage``): a company in a campaign is at least
    taking part, so it cannot be moved below that. Moving on may skip stages (a pledge made at the first call),
    but only a company that takes part can become an ambassador. Moving back needs a reason. ``is_ambassador``
    follows the stage, so everything that reads it (the second-chance list, the badges) agrees with the pipeline.
    Side effects: a ``StageChange`` row (the company's history) and a line in the audit log; the row is locked,
    so two coordinators moving the company at once make two recorded moves, never a lost one."""
    with transaction.atomic():
        company = Company.objects.select_for_update().select_related("organisation").get(pk=company.pk)
        in_campaign = takes_part(company)
        current = company.shown_stage(takes_part=in_campaign)
        reason = reason.strip()
        refusal = pipeline_refusal(company, current, stage, reason=reason, in_campaign=in_campaign)
        if refusal:
            raise ValidationError(refusal, code="pipeline")
        StageChange.objects.create(company=company, from_stage=current, to_stage=stage, reason=reason, changed_by=actor)
        company.stage = stage
        company.is_ambassador = stage == PipelineStage.AMBASSADOR
        company.save(update_fields=["stage", "is_ambassador"])
        if company.is_ambassador:
            AmbassadorProfile.objects.get_or_create(company=company)
    logger.info("Company %s moved from %s to %s by user %s", company.pk, current, stage, getattr(actor, "pk", None))
    return company


def pipeline_refusal(company: Company, current: str, stage: str, *, reason: str, in_campaign: bool) -> str:
    """Why ``company`` may not move from ``current`` to ``stage``, or an empty string when it may."""
    if stage not in PipelineStage.values:
        return _("%(stage)s is not a stage of the pipeline.") % {"stage": stage}
    names = {"company": company, "current": PipelineStage(current).label, "stage": PipelineStage(stage).label}
    if stage == current:
        return _("%(company)s is already at “%(stage)s”.") % names
    forward = PipelineStage.rank(stage) > PipelineStage.rank(current)
    if forward and stage == PipelineStage.AMBASSADOR and current != PipelineStage.TAKING_PART:
        return _("Only a company that takes part can become an ambassador: %(company)s is at “%(current)s”.") % names
    if not forward and in_campaign and PipelineStage.rank(stage) < PipelineStage.rank(PipelineStage.TAKING_PART):
        return _("%(company)s takes part in a campaign, so it cannot move back before “Taking part”.") % names
    if not forward and not reason:
        return _("Say why %(company)s moves back to “%(stage)s”, for the record.") % names
    return ""


def record_contact(
    *,
    company: Company,
    actor: User,
    contacted_on: date,
    method: str,
    contact_person: str,
    summary: str,
    next_step: str = "",
    next_step_on: date | None = None,
) -> ContactLogEntry:
    """Add an entry to the company's contact log. A lead that was contacted is no longer a lead: it moves on to
    "contacted" (through ``move_company_along_pipeline``, so the move is in its history), in the same
    transaction."""
    if next_step_on is not None and not next_step.strip():
        raise ValidationError({"next_step": _("Say what the next step is, or leave its date empty.")})
    with transaction.atomic():
        entry = ContactLogEntry.objects.create(
            company=company,
            contacted_on=contacted_on,
            method=method,
            contact_person=contact_person.strip(),
            summary=summary.strip(),
            next_step=next_step.strip(),
            next_step_on=next_step_on,
            written_by=actor,
        )
        company.refresh_from_db(fields=["stage", "is_ambassador"])  # the caller's copy may be older than a move
        if company.shown_stage(takes_part=takes_part(company)) == PipelineStage.LEAD:
            moved = move_company_along_pipeline(company=company, stage=PipelineStage.CONTACTED, actor=actor)
            company.stage = moved.stage
    return entry


def save_network_details(*, company: Company, source: str, account_owner: User | None, actor: User) -> Company:
    """Set where the company came from and which coordinator keeps the relation. Refuses an account owner who is
    not a coordinator or admin (the form offers only those; an old form may not)."""
    if account_owner is not None and not is_coordinator(account_owner):
        raise ValidationError({"account_owner": _("The account owner must be a coordinator or an admin.")})
    company.source, company.account_owner = source, account_owner
    company.save(update_fields=["source", "account_owner"])
    return company


def save_ambassador_profile(
    *, company: Company, testimony: str, hosts_workshops: bool, second_chance: str, actor: User
) -> AmbassadorProfile:
    """Keep what an ambassador company does for the network; refuses for a company that is not an ambassador."""
    if not company.is_ambassador:
        raise ValidationError(_("%(company)s is not an ambassador company.") % {"company": company})
    profile, _created = AmbassadorProfile.objects.update_or_create(
        company=company,
        defaults={"testimony": testimony.strip(), "hosts_workshops": hosts_workshops, "second_chance": second_chance},
    )
    logger.info("Company %s ambassador profile saved by user %s", company.pk, getattr(actor, "pk", None))
    return profile


def save_network_target(*, year: int, companies_reached: int, companies_committed: int, actor: User) -> NetworkTarget:
    """Set (or change) the network's target for ``year``."""
    target, _created = NetworkTarget.objects.update_or_create(
        year=year, defaults={"companies_reached": companies_reached, "companies_committed": companies_committed}
    )
    logger.info("Network target %s saved by user %s", year, getattr(actor, "pk", None))
    return target
