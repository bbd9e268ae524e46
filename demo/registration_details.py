"""Demo data of the registration details the rules need (issue 22, item 7): a candidate under temporary protection
(eligible from the date of her A card), two higher-educated candidates with a NARIC status, and one person
registered twice in two spellings (Mohammed / Muhammad), so the candidate page shows "possibly the same person".
Names and people are fictional. Re-running finds the same candidates and changes nothing."""

from datetime import date, datetime, time

from django.utils import timezone

from campaigns.models import Campaign, CampaignPhase, Enrolment
from candidates.models import (
    CURRENT_CONSENT_VERSION,
    Candidate,
    CandidateLanguage,
    Consent,
    ConsentAction,
    ConsentPurpose,
    DiplomaRecognition,
    EducationLevel,
    Gender,
    ResidenceStatus,
    TargetGroup,
)
from jobroad.models import Organisation, Role

# (first name, last name, gender, birth year, nationality, details)
PEOPLE = [
    ("Kateryna", "Bondarenko", Gender.WOMAN, 1987, "UA", {
        "residence_status": ResidenceStatus.TEMPORARY_PROTECTION, "temporary_protection_on": date(2025, 9, 15),
        "education_level": EducationLevel.HIGH, "diploma_recognition": DiplomaRecognition.APPLIED,
    }),
    ("Nour", "Saleh", Gender.WOMAN, 1991, "SY", {
        "residence_status": ResidenceStatus.RECOGNISED_REFUGEE, "education_level": EducationLevel.HIGH,
        "diploma_recognition": DiplomaRecognition.LEVEL, "diploma_recognition_on": date(2025, 11, 20),
    }),
    ("Dilshad", "Karimi", Gender.MAN, 1985, "AF", {
        "residence_status": ResidenceStatus.SUBSIDIARY_PROTECTION, "education_level": EducationLevel.HIGH,
        "diploma_recognition": DiplomaRecognition.SPECIFIC, "diploma_recognition_on": date(2025, 6, 3),
    }),
    ("Mohammed", "Al-Sayed", Gender.MAN, 1993, "SY", {"residence_status": ResidenceStatus.RECOGNISED_REFUGEE}),
    ("Muhammad", "Alsayed", Gender.MAN, 1993, "SY", {"residence_status": ResidenceStatus.RECOGNISED_REFUGEE}),
]  # fmt: skip


def seed_registration_details(*, registrar: Organisation, centre: Organisation) -> None:
    """Register the people above through ``registrar``, living in ``centre``, and enrol them in the registrar's
    campaign in intake, if there is one, so its coordinator sees them too."""
    campaign = Campaign.objects.filter(phase=CampaignPhase.INTAKE, partners=registrar).order_by("pk").first()
    for number, (first_name, last_name, gender, birth_year, nationality, details) in enumerate(PEOPLE, start=1):
        candidate, created = Candidate.objects.get_or_create(
            first_name=first_name,
            last_name=last_name,
            registered_by=registrar,
            defaults={
                "gender": gender,
                "birth_year": birth_year,
                "nationality": nationality,
                "education_level": EducationLevel.MEDIUM,
                "target_group": TargetGroup.REFUGEES,
                "reception_centre": centre,
                "reference_number": f"RD-2026-{number:04d}",
                "preferred_language": HOME_LANGUAGE[nationality],
                **details,
            },
        )
        if created:
            complete_registration(candidate, home_language=HOME_LANGUAGE[nationality], registrar=registrar)
        if campaign is not None:
            Enrolment.objects.get_or_create(campaign=campaign, candidate=candidate)


HOME_LANGUAGE = {"UA": "uk", "SY": "ar", "AF": "prs"}


def complete_registration(candidate: Candidate, *, home_language: str, registrar: Organisation) -> None:
    """Their languages, and the consent to share the profile they gave when registering, like every demo
    candidate."""
    CandidateLanguage.objects.create(candidate=candidate, language=home_language, level="C2")
    CandidateLanguage.objects.create(candidate=candidate, language="nl", level="A2")
    Consent.objects.create(
        candidate=candidate,
        purpose=ConsentPurpose.SHARE_PROFILE,
        action=ConsentAction.GIVEN,
        text_version=CURRENT_CONSENT_VERSION,
        language=candidate.preferred_language,
        recorded_by=registrar.memberships.filter(role=Role.INTERMEDIARY).order_by("pk").first().user,
        recorded_at=timezone.make_aware(datetime.combine(date(2026, 11, 2), time(10))),
    )
