"""What the rules need at registration: temporary protection with the date of its document, and where the
recognition of a foreign diploma by NARIC stands."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from candidates.forms import CandidateForm
from candidates.models import Candidate, DiplomaRecognition, ResidenceStatus
from tests.candidates.forms_data import register_url, registration
from tests.factories import CandidateFactory
from tests.language import ENGLISH


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def ukrainian(world, **overrides) -> dict:
    typed = {
        "first_name": "Olena",
        "last_name": "Kovalenko",
        "nationality": "UA",
        "residence_status": ResidenceStatus.TEMPORARY_PROTECTION,
        "asylum_application_date": "",
        "temporary_protection_on": "2026-03-02",
        "target_group": "refugees",
    }
    return registration(world, **(typed | overrides))


def test_a_candidate_under_temporary_protection_is_eligible_from_the_date_of_the_document(client_for, world):
    client = client_for(world.intermediary_a)

    response = client.post(register_url(world.campaign_a), ukrainian(world), headers=ENGLISH)

    candidate = Candidate.objects.get(first_name="Olena")
    assert response.status_code == 302
    assert (candidate.residence_status, candidate.temporary_protection_on, candidate.eligible_from) == (
        ResidenceStatus.TEMPORARY_PROTECTION,
        date(2026, 3, 2),
        date(2026, 3, 2),
    )


def test_temporary_protection_needs_the_date_of_the_annex_15_or_a_card(client_for, world):
    client = client_for(world.intermediary_a)

    response = client.post(
        register_url(world.campaign_a), ukrainian(world, temporary_protection_on=""), headers=ENGLISH
    )

    assert response.status_code == 400
    assert response.context["form"].errors["temporary_protection_on"] == [
        "Give the date of the annex 15 or the A card: access to work starts on that day."
    ]
    assert not Candidate.objects.filter(first_name="Olena").exists()


def test_the_candidate_page_explains_the_rule_with_its_legal_source(client_for, world):
    candidate = CandidateFactory(
        residence_status=ResidenceStatus.TEMPORARY_PROTECTION,
        temporary_protection_on=date(2026, 3, 2),
        registered_by=world.intermediary_org_a,
    )

    page = (
        client_for(world.intermediary_a)
        .get(reverse("candidate_detail", kwargs={"pk": candidate.pk}), headers=ENGLISH)
        .content.decode()
    )

    assert 'data-legal-access="from_date"' in page
    assert "eligible from 2 March 2026" in page
    assert "annex 15 or A card of 2 March 2026" in page
    assert "Legal source: Council Directive 2001/55/EC of 20 July 2001 (temporary protection), art. 12" in page
    assert "Council Implementing Decision (EU) 2022/382" in page


def test_the_asylum_rule_shows_its_legal_source_on_the_candidate_page_too(client_for, world):
    page = (
        client_for(world.intermediary_a)
        .get(reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}), headers=ENGLISH)
        .content.decode()
    )

    assert "Legal source: Royal Decree of 2 September 2018" in page


def test_the_diploma_recognition_is_registered_with_the_date_of_the_decision(client_for, world):
    client = client_for(world.intermediary_a)

    client.post(
        register_url(world.campaign_a),
        registration(world, education_level="high", diploma_recognition="level", diploma_recognition_on="2025-11-20"),
    )

    candidate = Candidate.objects.get(last_name="Khalil")
    assert (candidate.diploma_recognition, candidate.diploma_recognition_on) == (
        DiplomaRecognition.LEVEL,
        date(2025, 11, 20),
    )
    page = client.get(reverse("candidate_detail", kwargs={"pk": candidate.pk}), headers=ENGLISH).content.decode()
    assert 'data-diploma-recognition="level"' in page
    assert "Equivalent in level (e.g. bachelor, master) · decision of 20 November 2025" in page


def test_a_registration_without_the_diploma_field_is_not_applicable():
    form = CandidateForm({"diploma_recognition": ""})
    form.is_valid()

    assert form.cleaned_data["diploma_recognition"] == DiplomaRecognition.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("recognition", "decided_on", "error"),
    [
        ("applied", "2025-11-20", ["Only a decision of NARIC has a date: leave it empty, or choose the decision."]),
        ("specific", "2099-01-01", ["This date is in the future."]),
        ("refused", "2025-11-20", None),
        ("specific", "", None),  # a decision whose date nobody wrote down
    ],
)
def test_only_a_naric_decision_has_a_date_and_not_in_the_future(recognition, decided_on, error):
    form = CandidateForm({"diploma_recognition": recognition, "diploma_recognition_on": decided_on})
    form.is_valid()

    assert form.errors.get("diploma_recognition_on") == error


def test_the_naric_statuses_are_the_decisions_naric_takes():
    assert DiplomaRecognition.values == ["not_applicable", "not_started", "applied", "specific", "level", "refused"]
    assert DiplomaRecognition.decisions() == {"specific", "level", "refused"}
