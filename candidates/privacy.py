"""What the candidates app holds about a candidate — the record itself, its languages and its consent history — for
the subject export and the erasure (``jobroad.privacy``) and for the retention policy (``jobroad.retention``).
Registered in ``CandidatesConfig.ready``."""

from django.db.models import Q
from django.utils import timezone

from jobroad import privacy, retention
from jobroad.privacy import ERASED

from .models import Candidate, CandidateLanguage, Consent, ConsentAction, ConsentPurpose, DifferentPeople


def register() -> None:
    privacy.register_holding(privacy.Holding(position=10, tables=held_about, scrub=erase_record))
    retention.register_contacts(registrations)


def held_about(candidate: Candidate) -> dict:
    return {
        "candidate": Candidate.objects.filter(pk=candidate.pk),
        "languages": CandidateLanguage.objects.filter(candidate=candidate),
        "consents": Consent.objects.filter(candidate=candidate),
        "different_people": DifferentPeople.objects.filter(Q(first=candidate) | Q(second=candidate)),
    }


def registrations(live) -> list:
    """The registration counts as a contact."""
    return [live.values_list("pk", "created_at")]


def erase_record(*, candidate: Candidate, actor) -> None:
    """Every consent given is withdrawn, so nothing is shared or sent any more (the history stays: it is
    append-only); the record keeps only the categories the reports count, and is marked erased."""
    withdraw_consents(candidate, actor)
    candidate.languages.all().delete()
    candidate.competences.clear()
    candidate.desired_occupations.clear()
    for name, value in {
        "first_name": ERASED, "last_name": f"#{candidate.pk}", "reference_number": "", "birth_year": None,
        "experience_summary": "", "desired_sectors": [], "available_from": None, "available_shifts": [],
        "availability_note": "", "dietary_need": "", "asylum_application_date": None,
        "asylum_negative_decision_on": None, "temporary_protection_on": None, "diploma_recognition_on": None,
        "street": "", "postal_code": "", "city": "", "phone": "", "email": "", "coach": None,
        "erased_at": timezone.now(),
    }.items():  # fmt: skip
        setattr(candidate, name, value)
    candidate.save()


def withdraw_consents(candidate: Candidate, actor) -> None:
    for purpose in ConsentPurpose.values:
        if candidate.consent_action(purpose) == ConsentAction.GIVEN:
            latest = candidate.consents.filter(purpose=purpose).order_by("-recorded_at", "-pk").first()
            Consent.objects.create(
                candidate=candidate, purpose=purpose, action=ConsentAction.WITHDRAWN,
                text_version=latest.text_version, language=latest.language, recorded_by=actor,
            )  # fmt: skip
