"""Likely duplicates: who is found, and what each user may be told about them."""

import pytest
from django.utils import translation

from candidates.models import name_key, reference_key
from candidates.selectors import duplicate_notices, likely_duplicates
from tests.factories import CandidateFactory


@pytest.fixture(autouse=True)
def in_english():
    """Messages are compared in English, whatever the catalogues translate them to."""
    with translation.override("en"):
        yield


def find(**identity):
    return likely_duplicates(
        **{"first_name": "", "last_name": "", "birth_year": None, "nationality": "", "reference_number": ""} | identity
    )


def test_names_compare_without_case_accents_punctuation_or_order():
    assert name_key("Amàl", "HADDAD") == name_key("amal", "haddad") == name_key("Haddad,", "Amal") == "amal haddad"
    assert reference_key(" oc-2026/0042 ") == reference_key("OC 2026 0042") == "OC20260042"


def test_same_name_birth_year_and_nationality_is_a_likely_duplicate(world):
    existing = CandidateFactory(first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY")

    found = find(first_name="AMÀL", last_name="haddad", birth_year=1990, nationality="SY")

    assert [(duplicate.candidate, [str(reason) for reason in duplicate.reasons]) for duplicate in found] == [
        (existing, ["same name, birth year and nationality"])
    ]


def test_the_name_alone_is_not_enough(world):
    CandidateFactory(first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY")

    assert find(first_name="Amal", last_name="Haddad", birth_year=1991, nationality="SY") == []
    assert find(first_name="Amal", last_name="Haddad", birth_year=1990, nationality="IQ") == []
    assert find(first_name="Amal", last_name="Haddad") == []


def test_the_same_reference_number_is_a_likely_duplicate_whatever_the_name(world):
    existing = CandidateFactory(first_name="Yonas", last_name="Tesfay", reference_number="HB-2026-0042")

    found = find(first_name="Jonas", last_name="Tesfai", reference_number="hb 2026 0042")

    assert [(duplicate.candidate, [str(reason) for reason in duplicate.reasons]) for duplicate in found] == [
        (existing, ["same reference number"])
    ]


def test_both_reasons_are_given_when_both_match(world):
    CandidateFactory(first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY", reference_number="7")

    found = find(first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY", reference_number="7")

    assert [str(reason) for reason in found[0].reasons] == [
        "same reference number",
        "same name, birth year and nationality",
    ]


def test_a_candidate_is_not_its_own_duplicate(world):
    existing = CandidateFactory(first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY")

    found = likely_duplicates(
        first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY", exclude=existing
    )

    assert found == []


def test_another_organisations_duplicate_stays_anonymous(world):
    theirs = CandidateFactory(
        first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY", registered_by=world.intermediary_org_b
    )
    ours = CandidateFactory(
        first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY", registered_by=world.intermediary_org_a
    )
    duplicates = find(first_name="Amal", last_name="Haddad", birth_year=1990, nationality="SY")

    notices = duplicate_notices(world.intermediary_a, duplicates)

    assert [notice.candidate for notice in notices] == [None, ours]
    assert [duplicate.candidate for duplicate in duplicates] == [theirs, ours]
