"""Registering candidates into a campaign, and the consent history."""

from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.utils import translation

from campaigns.intake import services as intake_services
from campaigns.models import CampaignPhase, Enrolment, PhasePlan
from candidates import services
from candidates.models import (
    CURRENT_CONSENT_VERSION,
    AppendOnlyError,
    Candidate,
    Consent,
    ConsentAction,
    ConsentPurpose,
    EducationLevel,
    ResidenceStatus,
    TargetGroup,
)
from candidates.selectors import sharing_with_companies
from tests.factories import CandidateFactory


@pytest.fixture(autouse=True)
def in_english():
    """Messages are compared in English, whatever the catalogues translate them to."""
    with translation.override("en"):
        yield


def details(world, **overrides) -> dict:
    return {
        "first_name": "Samir",
        "last_name": "Khalil",
        "birth_year": 1994,
        "nationality": "SY",
        "reference_number": "HB-0042",
        "education_level": EducationLevel.MEDIUM,
        "residence_status": ResidenceStatus.ASYLUM_APPLICANT,
        "asylum_application_date": date(2026, 1, 10),
        "target_group": TargetGroup.ASYLUM_APPLICANTS,
        "preferred_language": "ar",
        "registered_by": world.intermediary_org_a,
    } | overrides


def test_an_intermediary_registers_a_candidate_into_a_campaign_in_intake(world):
    candidate = intake_services.register_candidate(
        campaign=world.campaign_a,
        actor=world.intermediary_a,
        languages=[("ar", "C2"), ("nl", "A2")],
        consents=[ConsentPurpose.SHARE_PROFILE],
        **details(world),
    )

    assert list(Enrolment.objects.filter(candidate=candidate).values_list("campaign", flat=True)) == [
        world.campaign_a.pk
    ]
    assert [str(language) for language in candidate.languages.all()] == ["Arabic C2", "Dutch A2"]
    consent = candidate.consents.get()
    assert (consent.purpose, consent.action, consent.text_version, consent.language, consent.recorded_by) == (
        ConsentPurpose.SHARE_PROFILE, ConsentAction.GIVEN, CURRENT_CONSENT_VERSION, "ar", world.intermediary_a,
    )  # fmt: skip
    assert (candidate.created_by, candidate.eligible_from) == (world.intermediary_a, date(2026, 5, 11))
    assert (candidate.may_share_with_companies, candidate.may_be_contacted) == (True, False)


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        (
            CampaignPhase.SCREENING,
            "The intake of Campaign A is over (it ran from 2 March 2026 to 10 April 2026); "
            "the campaign is now in Screening.",
        ),
        (CampaignPhase.DRAFT, "Campaign A has not opened its intake yet (planned from 2 March 2026 to 10 April 2026)."),
    ],
)
def test_an_intermediary_cannot_register_outside_the_intake_and_is_told_why(world, phase, expected):
    PhasePlan.objects.create(
        campaign=world.campaign_a, phase=CampaignPhase.INTAKE, starts_on=date(2026, 3, 2), ends_on=date(2026, 4, 10)
    )
    world.campaign_a.phase = phase
    world.campaign_a.save()

    with pytest.raises(intake_services.RegistrationRefused) as refusal:
        intake_services.register_candidate(campaign=world.campaign_a, actor=world.intermediary_a, **details(world))

    assert refusal.value.reasons[0] == expected
    assert "ask the campaign's coordinator" in refusal.value.reasons[1]
    assert not Candidate.objects.filter(last_name="Khalil").exists()


def test_a_coordinator_registers_in_any_phase(world):
    world.campaign_a.phase = CampaignPhase.PROJECT_WEEK
    world.campaign_a.save()

    candidate = intake_services.register_candidate(
        campaign=world.campaign_a, actor=world.alice, **details(world, registered_by=world.jobroad)
    )

    assert list(candidate.campaigns.all()) == [world.campaign_a]


def test_likely_duplicates_stop_the_registration_until_confirmed(world):
    existing = CandidateFactory(first_name="Samir", last_name="Khalil", birth_year=1994, nationality="SY")

    with pytest.raises(intake_services.DuplicateSuspected) as suspected:
        intake_services.register_candidate(campaign=world.campaign_a, actor=world.intermediary_a, **details(world))
    assert [duplicate.candidate for duplicate in suspected.value.duplicates] == [existing]
    assert Candidate.objects.filter(last_name="Khalil").count() == 1

    intake_services.register_candidate(
        campaign=world.campaign_a, actor=world.intermediary_a, allow_duplicates=True, **details(world)
    )

    assert Candidate.objects.filter(last_name="Khalil").count() == 2


def test_withdrawing_consent_stops_sharing_at_once(world):
    candidate = world.candidate_a
    services.record_consent(
        candidate=candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.intermediary_a, language="ar"
    )
    assert candidate.may_share_with_companies is True

    services.withdraw_consent(candidate=candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.intermediary_a)

    assert candidate.may_share_with_companies is False
    assert list(sharing_with_companies(Candidate.objects.all())) == []
    assert [(entry.action, entry.language) for entry in candidate.consents.all()] == [
        (ConsentAction.WITHDRAWN, "ar"),
        (ConsentAction.GIVEN, "ar"),
    ]


def test_consent_given_again_after_a_withdrawal_counts_again(world):
    candidate = world.candidate_a
    for record in (services.record_consent, services.withdraw_consent, services.record_consent):
        kwargs = {"language": "nl"} if record is services.record_consent else {}
        record(candidate=candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, **kwargs)

    assert candidate.may_share_with_companies is True
    assert list(sharing_with_companies(Candidate.objects.all())) == [candidate]


def test_nothing_to_withdraw_is_refused(world):
    with pytest.raises(services.ConsentRefused):
        services.withdraw_consent(candidate=world.candidate_a, purpose=ConsentPurpose.CONTACT, actor=world.alice)

    assert world.candidate_a.consents.count() == 0


def test_reminders_need_consent_and_a_number(world):
    candidate = world.candidate_a
    services.record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="nl")
    assert candidate.may_be_contacted is False

    candidate.phone = "+32 470 12 34 56"

    assert candidate.may_be_contacted is True


def test_consent_history_is_append_only(world):
    entry = services.record_consent(
        candidate=world.candidate_a, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl"
    )
    entry.action = ConsentAction.WITHDRAWN

    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        Consent.objects.filter(pk=entry.pk).update(action=ConsentAction.WITHDRAWN)
    with pytest.raises(AppendOnlyError):
        Consent.objects.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE candidates_consent SET action = 'withdrawn'")

    assert list(Consent.objects.values_list("action", flat=True)) == [ConsentAction.GIVEN]


def test_the_admin_shows_consent_history_and_changes_nothing(world):
    request = RequestFactory().get("/")
    request.user = world.admin
    consent_admin = site._registry[Consent]

    assert [
        consent_admin.has_add_permission(request),
        consent_admin.has_change_permission(request),
        consent_admin.has_delete_permission(request),
    ] == [False, False, False]
