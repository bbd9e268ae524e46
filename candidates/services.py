"""Writes on a candidate's own record: details, languages and the consent history. Registering one into a
campaign, and screening, are the campaign's (``campaigns.intake.services``)."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from jobroad import audit
from jobroad.models import AuditPlace, User

from .models import (
    CURRENT_CONSENT_VERSION,
    Candidate,
    CandidateLanguage,
    Consent,
    ConsentAction,
    ConsentPurpose,
    DifferentPeople,
)

MANY_TO_MANY = ("competences", "desired_occupations")


class ConsentRefused(Exception):
    pass


def update_candidate(
    *, candidate: Candidate, actor: User, languages: Iterable[tuple[str, str]] | None = None, **fields
) -> Candidate:
    """Change a candidate's details and, when given, replace its languages. Duplicates are the caller's
    question (``selectors.likely_duplicates(..., exclude=candidate)``), as for registration."""
    many = {name: fields.pop(name) for name in MANY_TO_MANY if name in fields}
    with transaction.atomic():
        for name, value in fields.items():
            setattr(candidate, name, value)
        candidate.save()
        for name, values in many.items():
            getattr(candidate, name).set(values)
        if languages is not None:
            wanted = dict(languages)
            candidate.languages.exclude(language__in=wanted).delete()
            for language, level in wanted.items():
                CandidateLanguage.objects.update_or_create(
                    candidate=candidate, language=language, defaults={"level": level}
                )
        audit.changed(actor, candidate, AuditPlace.DETAILS)
    return candidate


def record_consent(
    *, candidate: Candidate, purpose: str, actor: User, language: str, text_version: str = CURRENT_CONSENT_VERSION
) -> Consent:
    """Add "given" to the candidate's consent history for ``purpose``, with the version and language of the
    text the candidate was shown. History only grows: nothing earlier is changed."""
    if purpose not in ConsentPurpose.values:
        raise ConsentRefused(_("Unknown purpose."))
    with transaction.atomic():
        audit.changed(actor, candidate, AuditPlace.CONSENT)
        return Consent.objects.create(
            candidate=candidate,
            purpose=purpose,
            action=ConsentAction.GIVEN,
            text_version=text_version,
            language=language,
            recorded_by=actor,
        )


def withdraw_consent(*, candidate: Candidate, purpose: str, actor: User, language: str | None = None) -> Consent:
    """Add "withdrawn" for ``purpose``; from this moment ``Candidate.may_share_with_companies`` (or
    ``may_be_contacted``) is False. Refuses when there is no consent in force to withdraw."""
    with transaction.atomic():
        latest = (
            Consent.objects.select_for_update()
            .filter(candidate=candidate, purpose=purpose)
            .order_by("-recorded_at", "-id")
            .first()
        )
        if latest is None or latest.action != ConsentAction.GIVEN:
            raise ConsentRefused(
                _("There is no consent to withdraw for “%(purpose)s”.") % {"purpose": ConsentPurpose(purpose).label}
            )
        audit.changed(actor, candidate, AuditPlace.CONSENT)
        return Consent.objects.create(
            candidate=candidate,
            purpose=purpose,
            action=ConsentAction.WITHDRAWN,
            text_version=latest.text_version,
            language=language or latest.language,
            recorded_by=actor,
        )


def record_different_people(*, candidate: Candidate, other: Candidate, actor: User) -> DifferentPeople:
    """Record that ``candidate`` and ``other`` are different people, though their names may be one name in two
    spellings: neither page flags the other any more. Recording it twice keeps the first entry. Both candidates'
    audit trails say who decided it."""
    if candidate.pk == other.pk:
        raise ValueError("a candidate is not different from itself")
    first, second = sorted((candidate, other), key=lambda row: row.pk)
    with transaction.atomic():
        different, _created = DifferentPeople.objects.get_or_create(
            first=first, second=second, defaults={"recorded_by": actor}
        )
        audit.changed(actor, candidate, AuditPlace.DETAILS)
        audit.changed(actor, other, AuditPlace.DETAILS)
    return different
