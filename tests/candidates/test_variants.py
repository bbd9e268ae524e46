"""A name in another spelling (Mohammed, Muhammad, محمد): flagged on the candidate's page, never blocking the
registration, and only ever naming a candidate the reader may see."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from campaigns.models import Enrolment
from candidates import names, selectors, services
from candidates.models import Candidate, DifferentPeople
from jobroad.models import AuditEntry, AuditPlace
from tests.candidates.forms_data import register_url, registration
from tests.factories import CandidateFactory
from tests.language import ENGLISH


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def detail(client, candidate) -> str:
    return client.get(reverse("candidate_detail", kwargs={"pk": candidate.pk}), headers=ENGLISH).content.decode()


def test_a_variant_of_a_candidate_of_the_own_organisation_is_registered_and_flagged_by_name(client_for, world):
    ours = CandidateFactory(
        first_name="Mohammed", last_name="Haddad", birth_year=1994, registered_by=world.intermediary_org_a
    )
    client = client_for(world.intermediary_a)

    response = client.post(
        register_url(world.campaign_a), registration(world, first_name="Muhammad", last_name="Haddad"), headers=ENGLISH
    )

    new = Candidate.objects.get(first_name="Muhammad")
    assert response.status_code == 302
    assert response.url == reverse("candidate_detail", kwargs={"pk": new.pk})
    page = detail(client, new)
    assert 'data-variants="1"' in page
    assert f'data-variant="{ours.pk}"' in page
    assert "Possibly the same person as a candidate registered already:" in page
    assert "Mohammed Haddad</a>" in page


def test_the_flag_shows_on_both_candidates_pages(client_for, world):
    first = CandidateFactory(
        first_name="Ahmed", last_name="Haddad", birth_year=1990, registered_by=world.intermediary_org_a
    )
    second = CandidateFactory(
        first_name="أحمد", last_name="حداد", birth_year=1990, registered_by=world.intermediary_org_a
    )
    client = client_for(world.intermediary_a)

    assert f'data-variant="{second.pk}"' in detail(client, first)
    assert f'data-variant="{first.pk}"' in detail(client, second)


def test_an_intermediary_never_learns_of_another_organisations_candidate_through_a_variant(client_for, world):
    theirs = CandidateFactory(
        first_name="Mohammed", last_name="Haddad", birth_year=1994, reference_number="OCMW-77",
        registered_by=world.intermediary_org_b,
    )  # fmt: skip
    Enrolment.objects.create(campaign=world.campaign_a, candidate=theirs)  # even in the same campaign
    client = client_for(world.intermediary_a)

    response = client.post(
        register_url(world.campaign_a),
        registration(world, first_name="Mohamed", last_name="Haddad", reference_number=""),
        headers=ENGLISH,
    )

    assert response.status_code == 302
    page = detail(client, Candidate.objects.get(first_name="Mohamed"))
    assert "data-variant" not in page
    assert "Possibly the same person" not in page
    assert "OCMW-77" not in page and "OCMW B" not in page and f"/candidates/{theirs.pk}/" not in page


def test_a_coordinator_is_told_of_a_variant_registered_by_another_organisation_in_their_campaign(client_for, world):
    theirs = CandidateFactory(
        first_name="Youssef", last_name="Haddad", birth_year=1988, registered_by=world.intermediary_org_b
    )
    ours = CandidateFactory(
        first_name="Yusuf", last_name="Haddad", birth_year=1988, registered_by=world.intermediary_org_a
    )
    for candidate in (theirs, ours):
        Enrolment.objects.create(campaign=world.campaign_a, candidate=candidate)

    alice_sees = detail(client_for(world.alice), ours)

    assert f'data-variant="{theirs.pk}"' in alice_sees
    assert "Youssef Haddad</a>" in alice_sees
    assert "registered by OCMW B" in alice_sees
    assert selectors.variants_of(world.bob, ours) == []  # bob coordinates campaign B only: he sees neither


def test_a_job_coach_is_not_shown_variants(client_for, world):
    CandidateFactory(first_name="Mohamed", last_name=world.candidate_a.last_name, birth_year=None, coach=world.coach_a,
                     registered_by=world.intermediary_org_a)  # fmt: skip
    world.candidate_a.first_name = "Mohammed"
    world.candidate_a.save()

    assert "data-variant" not in detail(client_for(world.coach_a), world.candidate_a)


def test_a_different_birth_year_or_a_clearly_different_name_is_not_flagged(client_for, world):
    candidate = CandidateFactory(
        first_name="Mohammed", last_name="Haddad", birth_year=1994, registered_by=world.intermediary_org_a
    )
    for first, year in [("Muhammad", 1995), ("Mahmoud", 1994), ("Ahmed", 1994), ("Joseph", 1994)]:
        CandidateFactory(first_name=first, last_name="Haddad", birth_year=year, registered_by=world.intermediary_org_a)

    assert selectors.variants_of(world.intermediary_a, candidate) == []


def test_an_exact_duplicate_still_asks_for_a_confirmation_and_a_variant_does_not(client_for, world):
    client = client_for(world.intermediary_a)
    client.post(register_url(world.campaign_a), registration(world))

    same = client.post(register_url(world.campaign_a), registration(world), headers=ENGLISH)
    variant = client.post(
        register_url(world.campaign_a),
        registration(world, first_name="Sameer", reference_number="HB-0043"),
        headers=ENGLISH,
    )

    assert (same.status_code, variant.status_code) == (409, 302)
    assert sorted(Candidate.objects.filter(last_name="Khalil").values_list("first_name", flat=True)) == [
        "Sameer",
        "Samir",
    ]


def test_an_erased_record_is_never_offered_as_a_variant(world):
    erased = CandidateFactory(
        first_name="Mohammed", last_name="Haddad", birth_year=1994, registered_by=world.intermediary_org_a
    )
    Candidate.objects.filter(pk=erased.pk).update(erased_at="2026-01-01T00:00Z")

    found = selectors.possible_variants(
        world.intermediary_a, first_name="Muhammad", last_name="Haddad", birth_year=1994
    )

    assert found == []


def test_the_search_compares_only_its_block_in_one_query(world, django_assert_num_queries):
    """Blocked in the database by birth year and the initials of the name parts: of 60 candidates of the same
    organisation only those born the same year (or unknown) whose parts start with the same letters are compared."""
    organisation = world.intermediary_org_a
    for n in range(40):  # other birth years
        CandidateFactory(first_name="Mohammed", last_name="Haddad", birth_year=1950 + n, registered_by=organisation)
    for first in ["Samir", "Dawit", "Yonas", "Tesfay", "Kidane", "Bilal", "Rania", "Layla", "Zainab", "Farah"]:
        CandidateFactory(first_name=first, last_name="Tesfaye", birth_year=1994, registered_by=organisation)
    same = CandidateFactory(first_name="Mohamed", last_name="Haddad", birth_year=1994, registered_by=organisation)
    unknown_year = CandidateFactory(first_name="محمد", last_name="حداد", birth_year=None, registered_by=organisation)
    CandidateFactory(first_name="Mahmoud", last_name="Hassan", birth_year=1994, registered_by=organisation)
    selectors.possible_variants(world.intermediary_a, first_name="x", last_name="y")  # the user's roles, cached

    compared = mock.patch.object(selectors.names, "is_variant", wraps=names.is_variant)
    with compared as is_variant, django_assert_num_queries(1):
        found = selectors.possible_variants(
            world.intermediary_a, first_name="Muhammad", last_name="Haddad", birth_year=1994
        )

    assert [variant.candidate for variant in found] == [same, unknown_year]
    assert is_variant.call_count == 3  # Mohamed Haddad, محمد حداد and Mahmoud Hassan: 3 of 63


def test_the_candidate_page_costs_the_same_queries_with_one_or_many_variants(client_for, world):
    client = client_for(world.intermediary_a)
    candidate = CandidateFactory(
        first_name="Mohammed", last_name="Haddad", birth_year=1994, registered_by=world.intermediary_org_a
    )
    CandidateFactory(first_name="Mohamed", last_name="Haddad", birth_year=1994, registered_by=world.intermediary_org_a)
    detail(client, candidate)
    with CaptureQueriesContext(connection) as one:
        detail(client, candidate)
    for first in ("Muhammad", "Mohamad", "Muhammed", "محمد"):
        CandidateFactory(first_name=first, last_name="Haddad", birth_year=1994, registered_by=world.intermediary_org_a)

    with CaptureQueriesContext(connection) as many:
        page = detail(client, candidate)

    assert 'data-variants="5"' in page
    assert len(many) == len(one)


def test_a_flag_checked_as_a_different_person_goes_from_both_pages(client_for, world):
    first = CandidateFactory(
        first_name="Ahmed", last_name="Haddad", birth_year=1990, registered_by=world.intermediary_org_a
    )
    second = CandidateFactory(
        first_name="Ahmad", last_name="Haddad", birth_year=1990, registered_by=world.intermediary_org_a
    )
    client = client_for(world.intermediary_a)

    response = client.post(
        reverse("candidate_different_person", kwargs={"pk": second.pk}), {"other": first.pk}, headers=ENGLISH
    )

    assert response.url == reverse("candidate_detail", kwargs={"pk": second.pk})
    assert [str(message) for message in response.wsgi_request._messages] == [
        "Noted: Ahmad Haddad and Ahmed Haddad are different people."
    ]
    assert list(DifferentPeople.objects.values_list("first", "second", "recorded_by")) == [
        (first.pk, second.pk, world.intermediary_a.pk)
    ]
    assert "data-variant" not in detail(client, first) and "data-variant" not in detail(client, second)
    assert sorted(
        AuditEntry.objects.filter(place=AuditPlace.DETAILS, actor=world.intermediary_a).values_list(
            "candidate", flat=True
        )
    ) == [first.pk, second.pk]


def test_a_third_spelling_is_still_flagged_after_two_were_found_different(client_for, world):
    first = CandidateFactory(
        first_name="Ahmed", last_name="Haddad", birth_year=1990, registered_by=world.intermediary_org_a
    )
    second = CandidateFactory(
        first_name="Ahmad", last_name="Haddad", birth_year=1990, registered_by=world.intermediary_org_a
    )
    services.record_different_people(candidate=first, other=second, actor=world.intermediary_a)

    third = CandidateFactory(
        first_name="أحمد", last_name="حداد", birth_year=1990, registered_by=world.intermediary_org_a
    )

    assert [variant.candidate for variant in selectors.variants_of(world.intermediary_a, first)] == [third]


def test_the_different_person_button_is_there_for_who_keeps_the_record_only(client_for, world):
    ours = CandidateFactory(
        first_name="Yusuf", last_name="Haddad", birth_year=1988, registered_by=world.intermediary_org_a
    )
    theirs = CandidateFactory(
        first_name="Youssef", last_name="Haddad", birth_year=1988, registered_by=world.intermediary_org_a
    )

    page = detail(client_for(world.intermediary_a), ours)

    assert f'data-different-person="{theirs.pk}"' in page
    assert "Different person from Youssef Haddad" in page
