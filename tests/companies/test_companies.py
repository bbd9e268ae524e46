import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from companies.models import Company, Vacancy, normalise_enterprise_number
from jobroad.models import OrganisationKind


@pytest.mark.parametrize(
    ("given", "normalised"),
    [("0123.456.749", "0123.456.749"), ("BE 0403 205 640", "0403.205.640"), ("123456749", "0123.456.749")],
)
def test_enterprise_numbers_are_checked_and_written_one_way(given, normalised):
    assert normalise_enterprise_number(given) == normalised


@pytest.mark.parametrize("given", ["0123.456.748", "2123.456.749", "12345", "abcdefghij"])
def test_a_wrong_enterprise_number_is_refused(given):
    with pytest.raises(ValidationError):
        normalise_enterprise_number(given)


def test_a_coordinator_adds_a_company_and_is_sent_to_invite_its_hr(client_for, world):
    response = client_for(world.alice).post(
        reverse("company_create"),
        {"name": "Bakkerij Zonneveld", "enterprise_number": "0123 456 749", "sector": "Voeding", "city": "Leiestad"},
    )

    company = Company.objects.get(organisation__name="Bakkerij Zonneveld")
    assert (company.enterprise_number, company.organisation.kind) == ("0123.456.749", OrganisationKind.COMPANY)
    assert response.url == reverse("organisation_detail", kwargs={"pk": company.organisation_id})


def test_a_wrong_enterprise_number_saves_nothing(client_for, world):
    response = client_for(world.alice).post(
        reverse("company_create"), {"name": "Bakkerij Zonneveld", "enterprise_number": "0123.456.748"}
    )

    assert response.status_code == 400
    assert "enterprise_number" in response.context["form"].errors
    assert not Company.objects.filter(organisation__name="Bakkerij Zonneveld").exists()


def test_hr_keeps_its_profile_but_cannot_make_itself_an_ambassador(client_for, world):
    client_for(world.hr_a).post(
        reverse("company_edit", kwargs={"pk": world.company_a.pk}),
        {"enterprise_number": "0403205640", "sector": "Logistiek en transport", "is_ambassador": "on"},
    )

    world.company_a.refresh_from_db()
    assert (world.company_a.sector, world.company_a.is_ambassador) == ("Logistiek en transport", False)


def test_the_pledge_records_who_signed_it_first(client_for, world):
    client_for(world.hr_a).post(reverse("company_pledge", kwargs={"pk": world.company_a.pk}))
    world.company_a.refresh_from_db()
    first = world.company_a.pledge_signed_at

    client_for(world.alice).post(reverse("company_pledge", kwargs={"pk": world.company_a.pk}))

    world.company_a.refresh_from_db()
    assert (world.company_a.pledge_signed_by, world.company_a.pledge_signed_at) == (world.hr_a, first)


def test_hr_adds_a_vacancy_with_its_requirements(client_for, world):
    response = client_for(world.hr_a).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}),
        {
            "title": "Heftruckchauffeur",
            "positions": "2",
            "language": "nl",
            "language_level": "A2",
            "shifts": ["early", "late"],
            "start_routes": ["temp_work", "ibo"],
            "physical_demand": "medium",
            "required_competences": "Heftruck rijden\nVeilig werken",
            "is_open": "on",
        },
    )

    vacancy = Vacancy.objects.get(title="Heftruckchauffeur")
    assert response.url == reverse("company_detail", kwargs={"pk": world.company_a.pk})
    assert (vacancy.company, vacancy.positions, vacancy.shifts, vacancy.start_routes) == (
        world.company_a,
        2,
        ["early", "late"],
        ["temp_work", "ibo"],
    )


def test_a_language_without_a_level_is_explained_and_not_saved(client_for, world):
    response = client_for(world.hr_a).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}),
        {"title": "Magazijnier", "positions": "1", "language": "nl", "shifts": ["sunday"]},
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"language_level", "shifts"}
    assert not Vacancy.objects.filter(title="Magazijnier").exists()
