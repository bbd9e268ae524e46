"""Finding a person in what others wrote: by their full name in either order, their phone number however it is
written, their e-mail address and reference number — and not a namesake, a relative or a number in passing."""

import pytest
from django.apps import apps

from jobroad.mentions import MARK, NOT_MENTIONS, RECORD_LISTS, Identity, searched_fields

AMAL = Identity(
    first_name="Amal",
    last_name="Haddad",
    email="amal.h@example.org",
    phone="+32 470 12 34 56",
    reference="OC-2026/0042",
)


@pytest.mark.parametrize(
    "written",
    [
        "Amal Haddad", "HADDAD, amal", "amal  haddad", "Haddad Amal", "+32 470 12 34 56", "0470/12.34.56",
        "0032 470 123456", "+32 (0)470 12 34 56", "0470123456", "Amal.H@Example.org", "oc 2026 0042", "OC20260042",
    ],
)  # fmt: skip
def test_the_person_is_found_however_their_name_and_number_are_written(written):
    assert AMAL.redact(f"Call {written} about Monday.") == f"Call {MARK} about Monday."


@pytest.mark.parametrize(
    "text",
    [
        "Yonas Haddad starts Monday", "Amal Karimi starts Monday", "Mrs Haddad called", "Call 0470 12 34 57",
        "Normal hours, Amalia", "Invoice 2026/0042", "mail amal.h@example.org.be",
    ],
)  # fmt: skip
def test_a_namesake_a_relative_or_another_number_is_not_the_person(text):
    assert not AMAL.mentioned_in(text)


def test_in_a_text_that_names_the_person_their_first_name_alone_goes_too_and_the_rest_stays():
    text = "Amal Haddad and Yonas Haddad start Monday; Amal brings her papers."

    assert AMAL.redact(text) == f"{MARK} and Yonas Haddad start Monday; {MARK} brings her papers."


def test_a_person_without_a_last_name_is_found_only_by_number_address_or_reference():
    first_name_only = Identity(first_name="Amal", last_name="", phone="0470 12 34 56")

    assert not first_name_only.mentioned_in("Amal called")
    assert first_name_only.mentioned_in("Amal called from 0470/123456")


def test_every_column_said_to_hold_no_mentions_exists_and_every_record_list_is_searched():
    for label, names in (NOT_MENTIONS | RECORD_LISTS).items():
        model = apps.get_model(label)
        assert names <= {field.name for field in model._meta.concrete_fields}, label
    for label, names in RECORD_LISTS.items():
        assert names <= {field.name for field in searched_fields(apps.get_model(label))}
