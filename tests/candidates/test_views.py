"""The candidate pages: registering (with the duplicate warning), editing, consent, the list with progress."""

from datetime import date

import pytest
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from campaigns.models import CampaignPhase, Enrolment
from candidates import services
from candidates.choices import DOCUMENT_LANGUAGES
from candidates.models import CONSENT_TEXT_VERSIONS, Candidate, ConsentAction, ConsentPurpose, ResidenceStatus
from jobroad.models import AuditAction, AuditEntry, AuditPlace
from tests.candidates.forms_data import register_url, registration
from tests.factories import CampaignFactory, CandidateFactory
from tests.language import ENGLISH
from tests.pdftext import compact, pdf_text


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def test_an_intermediary_registers_a_candidate_with_consent(client_for, world):
    client = client_for(world.intermediary_a)

    response = client.post(register_url(world.campaign_a), registration(world), headers=ENGLISH)

    candidate = Candidate.objects.get(last_name="Khalil")
    assert response.status_code == 302
    assert response.url == reverse("candidate_detail", kwargs={"pk": candidate.pk})
    assert (candidate.registered_by, candidate.nationality, candidate.desired_sectors, candidate.eligible_from) == (
        world.intermediary_org_a, "SY", ["industry", "cleaning"], date(2026, 5, 11),
    )  # fmt: skip
    assert sorted(candidate.languages.values_list("language", "level")) == [("ar", "C2"), ("nl", "A2")]
    assert list(candidate.campaigns.all()) == [world.campaign_a]
    assert sorted(candidate.consents.values_list("purpose", "action", "language")) == [
        ("contact", "given", "ar"),
        ("share_profile", "given", "ar"),
    ]
    assert (candidate.may_share_with_companies, candidate.may_be_contacted) == (True, True)


def test_the_second_registration_of_the_same_person_shows_the_duplicate_first(client_for, world):
    client = client_for(world.intermediary_a)
    client.post(register_url(world.campaign_a), registration(world))
    first = Candidate.objects.get(last_name="Khalil")

    response = client.post(register_url(world.campaign_a), registration(world, first_name="SAMÍR"), headers=ENGLISH)

    page = response.content.decode()
    assert response.status_code == 409
    assert f'data-duplicate="{first.pk}"' in page
    assert "same reference number, same name, birth year and nationality" in page
    assert Candidate.objects.filter(last_name="Khalil").count() == 1

    confirmed = client.post(register_url(world.campaign_a), registration(world, register_anyway="on"))

    assert confirmed.status_code == 302
    assert Candidate.objects.filter(last_name="Khalil").count() == 2


def test_a_right_to_left_override_never_reaches_a_saved_name(client_for, world):
    client = client_for(world.intermediary_a)
    typed = registration(
        world,
        first_name="\u202eramaS\u202c",
        last_name="Kha\u200blil\u200f",
        experience_summary="Tailor\u2066 for six years\u2069\r\nin Aleppo.\ufeff",
    )

    client.post(register_url(world.campaign_a), typed, headers=ENGLISH)

    candidate = Candidate.objects.get(last_name="Khalil")
    assert (candidate.first_name, candidate.experience_summary) == ("ramaS", "Tailor for six years\r\nin Aleppo.")


def test_a_duplicate_of_another_organisation_is_not_revealed(client_for, world):
    theirs = CandidateFactory(
        first_name="Samir",
        last_name="Khalil",
        birth_year=1994,
        nationality="SY",
        reference_number="OCMW-77",
        registered_by=world.intermediary_org_b,
    )
    client = client_for(world.intermediary_a)

    response = client.post(register_url(world.campaign_a), registration(world), headers=ENGLISH)

    page = response.content.decode()
    assert response.status_code == 409
    assert (
        "A likely duplicate of a candidate who is registered already; ask a JobRoad coordinator whether it is the "
        "same person." in page
    )
    assert 'data-duplicate="hidden"' in page and "another organisation" not in page
    assert reverse("candidate_detail", kwargs={"pk": theirs.pk}) not in page
    assert "OCMW-77" not in page and world.intermediary_org_b.name not in page


def test_a_duplicate_check_at_registration_leaves_the_person_and_the_match_in_the_audit_trail(client_for, world):
    theirs = CandidateFactory(
        first_name="Samir",
        last_name="Khalil",
        birth_year=1994,
        nationality="SY",
        reference_number="OCMW-77",
        registered_by=world.intermediary_org_b,
    )
    client = client_for(world.intermediary_a)

    client.post(register_url(world.campaign_a), registration(world), headers=ENGLISH)

    assert list(AuditEntry.objects.filter(action=AuditAction.MATCHED).values_list("actor", "place", "candidate")) == [
        (world.intermediary_a.pk, AuditPlace.REGISTRATION, theirs.pk)
    ]


def test_registration_is_closed_to_intermediaries_after_the_intake(client_for, world):
    world.campaign_a.phase = CampaignPhase.SCREENING
    world.campaign_a.save()
    client = client_for(world.intermediary_a)

    page = client.get(register_url(world.campaign_a), headers=ENGLISH).content.decode()
    client.post(register_url(world.campaign_a), registration(world))

    assert "The intake of Campaign A is over; the campaign is now in Screening." in page
    assert 'name="first_name"' not in page
    assert not Candidate.objects.filter(last_name="Khalil").exists()


def test_a_coordinator_registers_after_the_intake(client_for, world):
    world.campaign_a.phase = CampaignPhase.SCREENING
    world.campaign_a.save()

    response = client_for(world.alice).post(register_url(world.campaign_a), registration(world))

    assert response.status_code == 302
    assert list(Candidate.objects.get(last_name="Khalil").campaigns.all()) == [world.campaign_a]


def test_an_intermediary_cannot_register_under_another_organisation(client_for, world):
    response = client_for(world.intermediary_a).post(
        register_url(world.campaign_a), registration(world, registered_by=str(world.intermediary_org_b.pk))
    )

    assert response.status_code == 400
    assert not Candidate.objects.filter(last_name="Khalil").exists()


def test_an_asylum_applicant_needs_the_application_date_and_a_residence(client_for, world):
    response = client_for(world.intermediary_a).post(
        register_url(world.campaign_a),
        registration(world, asylum_application_date="", postal_code="", city=""),
        headers=ENGLISH,
    )

    form = response.context["form"]
    assert response.status_code == 400
    assert sorted(form.errors) == ["asylum_application_date", "reception_centre"]


def test_an_impossible_birth_year_says_which_years_are_accepted(client_for, world):
    response = client_for(world.intermediary_a).post(
        register_url(world.campaign_a), registration(world, birth_year="1890"), headers=ENGLISH
    )

    assert response.status_code == 400
    assert response.context["form"].errors["birth_year"] == [
        f"Give a birth year between 1920 and {date.today().year - 14}."
    ]
    assert not Candidate.objects.filter(last_name="Khalil").exists()


def test_editing_a_candidate_replaces_its_languages(client_for, world):
    candidate = world.candidate_a
    candidate.languages.create(language="ar", level="C2")
    data = registration(
        world,
        first_name="Amal",
        last_name="Haddad",
        reference_number="",
        registered_by=None,
        **{
            "languages-TOTAL_FORMS": "2",
            "languages-INITIAL_FORMS": "1",
            "languages-0-id": str(candidate.languages.get().pk),
            "languages-0-DELETE": "on",
            "languages-1-language": "fr",
            "languages-1-level": "B1",
        },
    )

    response = client_for(world.intermediary_a).post(reverse("candidate_edit", kwargs={"pk": candidate.pk}), data)

    candidate.refresh_from_db()
    assert response.status_code == 302
    assert (candidate.city, candidate.registered_by) == ("Gent", world.intermediary_org_a)
    assert list(candidate.languages.values_list("language", "level")) == [("fr", "B1")]


def test_editing_into_a_likely_duplicate_asks_first(client_for, world):
    CandidateFactory(
        first_name="Yusuf", last_name="Ali", reference_number="WL-0007", registered_by=world.intermediary_org_a
    )
    url = reverse("candidate_edit", kwargs={"pk": world.candidate_a.pk})
    data = registration(world, first_name="Amal", last_name="Haddad", reference_number="wl 0007", registered_by=None)
    client = client_for(world.intermediary_a)

    asked = client.post(url, data)
    confirmed = client.post(url, data | {"register_anyway": "on"})

    world.candidate_a.refresh_from_db()
    assert (asked.status_code, confirmed.status_code) == (409, 302)
    assert world.candidate_a.reference_number == "wl 0007"


def test_consent_is_recorded_and_withdrawn_on_the_consent_page(client_for, world):
    client = client_for(world.intermediary_a)
    url = reverse("candidate_consent", kwargs={"pk": world.candidate_a.pk})

    client.post(url, {"purpose": ConsentPurpose.SHARE_PROFILE, "action": ConsentAction.GIVEN, "language": "ti"})
    client.post(url, {"purpose": ConsentPurpose.SHARE_PROFILE, "action": ConsentAction.WITHDRAWN, "language": "ti"})
    refused = client.post(url, {"purpose": ConsentPurpose.CONTACT, "action": ConsentAction.WITHDRAWN, "language": "ti"})

    assert refused.status_code == 400
    assert list(world.candidate_a.consents.values_list("action", "language", "recorded_by")) == [
        ("withdrawn", "ti", world.intermediary_a.pk),
        ("given", "ti", world.intermediary_a.pk),
    ]
    assert world.candidate_a.may_share_with_companies is False


def test_the_list_shows_each_candidates_progress(client_for, world):
    candidate = world.candidate_a
    candidate.residence_status = ResidenceStatus.ASYLUM_APPLICANT
    candidate.asylum_application_date = date(2025, 1, 10)
    candidate.save()
    services.record_consent(candidate=candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")

    page = client_for(world.intermediary_a).get(reverse("candidate_list"), headers=ENGLISH).content.decode()

    assert "Campaign A" in page and "Workshops &amp; intake" in page
    assert 'data-consent="share_profile:given"' in page and 'data-consent="contact:none"' in page
    assert "eligible from 11 May 2025" in page
    assert world.candidate_b.first_name not in page  # another organisation's candidate
    assert reverse("candidate_register", kwargs={"campaign_pk": world.campaign_a.pk}) in page
    assert reverse("candidate_register", kwargs={"campaign_pk": world.campaign_b.pk}) not in page


def test_the_list_says_why_a_campaign_is_closed_for_registration(client_for, world):
    later = CampaignFactory(name="Campaign Later", phase=CampaignPhase.MATCHING)
    later.partners.add(world.intermediary_org_a)

    page = client_for(world.intermediary_a).get(reverse("candidate_list"), headers=ENGLISH).content.decode()

    assert "The intake of Campaign Later is over; the campaign is now in Matching." in page
    assert register_url(later) not in page


def test_the_candidate_list_costs_the_same_queries_for_one_or_many_rows(client_for, world):
    client = client_for(world.intermediary_a)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("candidate_list")).status_code == 200
        return len(queries)

    few = count()
    for index in range(6):
        candidate = CandidateFactory(registered_by=world.intermediary_org_a, birth_year=1990 + index)
        candidate.languages.create(language="ar", level="C1")
        Enrolment.objects.create(campaign=world.campaign_a, candidate=candidate)
        services.record_consent(
            candidate=candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="ar"
        )
        campaign = CampaignFactory(phase=CampaignPhase.DRAFT)
        campaign.partners.add(world.intermediary_org_a)

    assert count() == few


def consent_pdf(client, candidate, language: str) -> bytes:
    response = client.get(reverse("candidate_consent_form", kwargs={"pk": candidate.pk}), {"language": language})
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_the_consent_form_prints_in_arabic_right_to_left(client_for, world):
    text = pdf_text(consent_pdf(client_for(world.intermediary_a), world.candidate_a, "ar"))

    header = compact(text.splitlines()[0])
    assert header.endswith("JobRoad") and header.startswith("الإصدار")  # right to left: JobRoad on the right
    # Words whose glyphs pdftotext maps back exactly (Arabic letters built from shared shapes do not survive).
    assert [word for word in ("بياناتك", "الاسم", "الميلاد", "ومهاراتك", "تصحيحها") if word not in compact(text)] == []
    assert f"{world.candidate_a.first_name}Haddad" in compact(text)
    assert "CampaignA" in compact(text)


def test_the_consent_form_prints_in_tigrinya_and_ukrainian(client_for, world):
    client = client_for(world.intermediary_a)
    tigrinya = pdf_text(consent_pdf(client, world.candidate_a, "ti"))
    ukrainian = pdf_text(consent_pdf(client, world.candidate_a, "uk"))

    assert compact(tigrinya.splitlines()[0]).startswith("JobRoad")  # left to right
    assert "ሓበሬታኹምንምክፋልፍቓድ" in compact(tigrinya)
    assert "መሰላትኩም" in tigrinya and "እወ፡ ይሰማማዕ እየ" in tigrinya
    assert "Згода на передання ваших даних" in ukrainian
    assert "Ваші права" in ukrainian and "Так, я згоден / згодна" in ukrainian
    assert f"{world.candidate_a.first_name} Haddad" in ukrainian


def test_the_consent_form_follows_the_candidates_language(client_for, world):
    world.candidate_a.preferred_language = "fr"
    world.candidate_a.save()

    response = client_for(world.coach_a).get(reverse("candidate_consent_form", kwargs={"pk": world.candidate_a.pk}))

    assert "Consentement au partage de vos données" in pdf_text(response.content)
    assert response["Content-Disposition"] == f'inline; filename="consent-{world.candidate_a.pk}-2026-1-fr.pdf"'


def test_every_document_language_has_a_consent_text():
    templates = [
        get_template(f"candidates/consent/{version}/{language}.html").origin.name
        for version in CONSENT_TEXT_VERSIONS
        for language in DOCUMENT_LANGUAGES
    ]

    assert len(templates) == len(DOCUMENT_LANGUAGES) * len(CONSENT_TEXT_VERSIONS)


def test_an_unknown_language_or_version_is_not_found(client_for, world):
    client = client_for(world.intermediary_a)
    url = reverse("candidate_consent_form", kwargs={"pk": world.candidate_a.pk})

    assert client.get(url, {"language": "../../base"}).status_code == 404
    assert client.get(url, {"version": "1999-1"}).status_code == 404
