import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from companies.models import (
    Company,
    Competence,
    CompetenceKind,
    Occupation,
    Site,
    Vacancy,
    normalise_enterprise_number,
)
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
        {"name": "Bakkerij Zonneveld", "enterprise_number": "0123 456 749", "sector": "food", "city": "Leiestad"},
    )

    company = Company.objects.get(organisation__name="Bakkerij Zonneveld")
    assert (company.enterprise_number, company.organisation.kind) == ("0123.456.749", OrganisationKind.COMPANY)
    assert response.url == reverse("company_invite", kwargs={"pk": company.pk})


def test_the_address_of_a_new_company_becomes_its_first_site(client_for, world):
    client_for(world.alice).post(
        reverse("company_create"),
        {"name": "Bakkerij Zonneveld", "street": "Molenstraat 4", "postal_code": "8500", "city": "Leiestad"},
    )

    site = Site.objects.get(company__organisation__name="Bakkerij Zonneveld")
    assert (site.name, site.address) == ("Leiestad", "Molenstraat 4, 8500 Leiestad")


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
        {"enterprise_number": "0403205640", "sector": "construction", "is_ambassador": "on"},
    )

    world.company_a.refresh_from_db()
    assert (world.company_a.sector, world.company_a.is_ambassador) == ("construction", False)


def test_the_pledge_records_who_signed_it_first(client_for, world):
    client_for(world.hr_a).post(reverse("company_pledge", kwargs={"pk": world.company_a.pk}))
    world.company_a.refresh_from_db()
    first = world.company_a.pledge_signed_at

    client_for(world.alice).post(reverse("company_pledge", kwargs={"pk": world.company_a.pk}))

    world.company_a.refresh_from_db()
    assert (world.company_a.pledge_signed_by, world.company_a.pledge_signed_at) == (world.hr_a, first)


def test_hr_adds_a_vacancy_with_its_requirements(client_for, world):
    site = Site.objects.create(
        company=world.company_a, name="Magazijn", street="Kaai 1", postal_code="9000", city="Gent"
    )
    forklift = Occupation.objects.create(isco_code="8344", labels={"nl": "heftruckchauffeur"})
    driving = Competence.objects.create(labels={"nl": "heftruck besturen"})
    safety = Competence.objects.create(kind=CompetenceKind.KNOWLEDGE, labels={"nl": "veiligheidsregels"})
    team = Competence.objects.create(labels={"nl": "in team werken"})

    response = client_for(world.hr_a).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}),
        {
            "title": "Heftruckchauffeur",
            "site": site.pk,
            "occupation": forklift.pk,
            "positions": "2",
            "language": "nl",
            "language_level": "A2",
            "shifts": ["early", "late"],
            "start_routes": ["temp_work", "ibo"],
            "physical_demand": "medium",
            "required_competences": [driving.pk, safety.pk],
            "nice_competences": [team.pk],
            "is_open": "on",
        },
    )

    vacancy = Vacancy.objects.get(title="Heftruckchauffeur")
    assert response.url == reverse("company_detail", kwargs={"pk": world.company_a.pk})
    assert (vacancy.company, vacancy.site, vacancy.occupation, vacancy.positions) == (
        world.company_a,
        site,
        forklift,
        2,
    )
    assert (vacancy.shifts, vacancy.start_routes) == (["early", "late"], ["temp_work", "ibo"])
    assert set(vacancy.required_competences.all()) == {driving, safety}
    assert list(vacancy.nice_competences.all()) == [team]


def test_a_competence_cannot_be_both_required_and_nice_to_have(client_for, world):
    driving = Competence.objects.create(labels={"nl": "heftruck besturen"})

    response = client_for(world.hr_a).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}),
        {"title": "Heftruckchauffeur", "positions": "1", "required_competences": [driving.pk],
         "nice_competences": [driving.pk]},
    )  # fmt: skip

    assert response.status_code == 400
    assert response.context["form"].has_error("nice_competences", code="already_required")
    assert "heftruck besturen" in response.context["form"].errors["nice_competences"][0]
    assert not Vacancy.objects.filter(title="Heftruckchauffeur").exists()


def test_editing_a_vacancy_shows_and_keeps_its_competences(client_for, world):
    driving = Competence.objects.create(labels={"nl": "heftruck besturen"})
    world.vacancy_a.required_competences.add(driving)
    client = client_for(world.hr_a)
    url = reverse("vacancy_edit", kwargs={"pk": world.vacancy_a.pk})

    page = client.get(url)
    client.post(url, {"title": "Orderpicker nacht", "positions": "3", "required_competences": [driving.pk]})

    world.vacancy_a.refresh_from_db()
    assert re.search(rf'value="{driving.pk}" id="id_required_competences_[0-9_]+" checked', page.content.decode())
    assert (world.vacancy_a.title, list(world.vacancy_a.required_competences.all())) == ("Orderpicker nacht", [driving])


def test_ambassador_companies_are_marked_and_can_be_listed_alone(client_for, world):
    world.company_b.is_ambassador = True
    world.company_b.save()
    client = client_for(world.alice)

    everyone = client.get(reverse("company_list"))
    ambassadors = client.get(reverse("company_list") + "?ambassador=1")

    assert [company.pk for company in everyone.context["page"]] == [world.company_a.pk, world.company_b.pk]
    assert everyone.content.decode().count("data-ambassador") == 1
    assert [company.pk for company in ambassadors.context["page"]] == [world.company_b.pk]


def test_a_language_without_a_level_is_explained_and_not_saved(client_for, world):
    response = client_for(world.hr_a).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}),
        {"title": "Magazijnier", "positions": "1", "language": "nl", "shifts": ["sunday"]},
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"language_level", "shifts"}
    assert not Vacancy.objects.filter(title="Magazijnier").exists()
