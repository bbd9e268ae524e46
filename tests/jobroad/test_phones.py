"""Phone numbers in E.164 (jobroad.phones, issue 20 part 4): however a number is typed it is stored one way, read as
Belgian unless it has a country code; a number that cannot be valid is refused with a message that says what to
do; the forms that take a number (a candidate's details, an import row, a coordinator's SMS) all use it, and the
migrations normalised the numbers stored before, leaving those they could not read."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from campaigns.intake.imports import CandidateImport
from candidates.forms import CandidateForm
from candidates.models import Candidate
from jobroad.models import Channel, Message, Organisation, PendingImport
from jobroad.phones import PhoneNumberField, normalise_phone


@pytest.mark.parametrize(
    "typed",
    ["0470 12 34 56", "0470/12.34.56", "+32 470 12 34 56", "+32470123456", "0032 470 12 34 56", " 0470-123-456 "],
)
def test_a_belgian_mobile_number_is_stored_in_e164_however_it_is_typed(typed):
    assert normalise_phone(typed) == "+32470123456"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("+31 6 12345678", "+31612345678"), ("+1 202 555 0143", "+12025550143"), ("00 33 6 12 34 56 78", "+33612345678")],
)
def test_a_foreign_number_keeps_its_country(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["0470 12 34", "+32 12", "0470 12 34 56 78 90", "+999 470 12 34 56"])
def test_a_number_that_cannot_be_valid_is_refused(typed):
    with pytest.raises(ValidationError) as refused:
        normalise_phone(typed)

    assert refused.value.code == "invalid"


def test_the_refusal_names_the_number_and_asks_for_the_country_code():
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            normalise_phone("0470 12 34")

        assert refused.value.messages == [
            "0470 12 34 cannot be a valid phone number: check the digits, and give the country code (+…) for a "
            "number from abroad."
        ]


def test_text_that_is_no_number_is_refused_with_an_example():
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        normalise_phone("call the centre")

    assert "0470 12 34 56" in refused.value.messages[0]


def test_the_form_field_leaves_an_empty_number_empty():
    assert PhoneNumberField(required=False).clean("") == ""


def candidate_row(**overrides) -> dict:
    """A candidate as typed into the registration form or a row of an import."""
    return {
        "first_name": "Yonas",
        "last_name": "Tesfay",
        "gender": "man",
        "birth_year": "1996",
        "nationality": "ER",
        "residence_status": "recognised_refugee",
        "postal_code": "9000",
        "city": "Gent",
        "preferred_language": "ti",
        "education_level": "low",
        "target_group": "asylum_applicants",
        **overrides,
    }


@pytest.mark.parametrize("form", ["registration", "import row"])
def test_the_candidate_forms_store_the_number_in_e164(db, form):
    data = candidate_row(phone="0470 12 34 56")
    bound = CandidateForm(data) if form == "registration" else CandidateImport().form(PendingImport(), data)

    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["phone"] == "+32470123456"


def test_the_candidate_form_refuses_an_impossible_number(db):
    form = CandidateForm(candidate_row(phone="0470 12 34"))

    assert not form.is_valid()
    assert list(form.errors) == ["phone"]
    assert [error.code for error in form.errors.as_data()["phone"]] == ["invalid"]


def test_an_sms_to_a_national_number_is_written_to_its_e164_address(client_for, world):
    client_for(world.alice).post(
        reverse("message_create"), {"address": "0470 12 34 56", "channel": Channel.SMS, "text": "Tot maandag"}
    )

    assert list(Message.objects.values_list("recipient_address", flat=True)) == ["+32470123456"]


def test_the_admin_of_an_organisation_stores_its_number_in_e164():
    field = Organisation._meta.get_field("phone").formfield()

    assert field.clean("050 12 34 56") == "+3250123456"


def test_the_migration_normalises_the_candidates_numbers_it_can_read_and_leaves_the_others(world):
    typed = {
        world.candidate_a: "0470/12.34.56",
        world.candidate_b: "+32 2 000 00 00",  # no such number: kept as typed, for a person to fix
    }
    for candidate, phone in typed.items():
        Candidate.objects.filter(pk=candidate.pk).update(phone=phone)

    import_module("candidates.migrations.0006_phone_numbers_in_e164").phone_numbers_to_e164(apps, None)

    stored = dict(Candidate.objects.filter(pk__in=[c.pk for c in typed]).values_list("pk", "phone"))
    assert stored == {world.candidate_a.pk: "+32470123456", world.candidate_b.pk: "+32 2 000 00 00"}


def test_the_migration_normalises_the_organisations_numbers(world):
    Organisation.objects.filter(pk=world.intermediary_org_a.pk).update(phone="09 265 80 00")
    Organisation.objects.filter(pk=world.intermediary_org_b.pk).update(phone="ask at the desk")

    import_module("jobroad.migrations.0010_organisation_phones_in_e164").phone_numbers_to_e164(apps, None)

    assert Organisation.objects.get(pk=world.intermediary_org_a.pk).phone == "+3292658000"
    assert Organisation.objects.get(pk=world.intermediary_org_b.pk).phone == "ask at the desk"
