"""A vacancy's required language is a choice of the platform's languages, never free text: the form offers a list in
the reader's language and refuses anything else, the company page names it, and migration 0008 turned the names
saved before into codes."""

from importlib import import_module

from django.apps import apps
from django.urls import reverse

from companies.models import Site, Vacancy
from tests.factories import VacancyFactory
from tests.language import ENGLISH


def add_site(world) -> Site:
    return Site.objects.create(
        company=world.company_a, name="Magazijn", street="Kaai 1", postal_code="9000", city="Gent"
    )


def test_the_vacancy_form_offers_the_languages_in_a_list_named_in_the_readers_language(client_for, world):
    add_site(world)

    page = client_for(world.hr_a).get(reverse("vacancy_create", kwargs={"pk": world.company_a.pk}), headers=ENGLISH)

    html = page.content.decode()
    assert '<select name="language"' in html
    assert '<option value="nl">Dutch (Nederlands)</option>' in html
    assert '<option value="prs">Dari (دری)</option>' in html


def test_the_vacancy_form_refuses_a_language_typed_as_free_text(client_for, world):
    site = add_site(world)

    response = client_for(world.hr_a).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}),
        {"title": "Magazijnier", "site": site.pk, "positions": "1", "language": "Nederlands", "language_level": "A2"},
        headers=ENGLISH,
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "language": ["Select a valid choice. Nederlands is not one of the available choices."]
    }
    assert not Vacancy.objects.filter(title="Magazijnier").exists()


def test_the_vacancy_form_saves_the_chosen_languages_code(client_for, world):
    site = add_site(world)

    client_for(world.hr_a).post(
        reverse("vacancy_create", kwargs={"pk": world.company_a.pk}),
        {"title": "Magazijnier", "site": site.pk, "positions": "1", "language": "prs", "language_level": "B1"},
    )

    assert Vacancy.objects.filter(title="Magazijnier").values_list("language", "language_level").get() == ("prs", "B1")


def test_the_company_page_names_the_required_language_in_the_readers_language(client_for, world):
    world.vacancy_a.language, world.vacancy_a.language_level = "nl", "A2"
    world.vacancy_a.save()

    page = client_for(world.hr_a).get(reverse("company_detail", kwargs={"pk": world.company_a.pk}), headers=ENGLISH)

    assert "<td>Dutch A2</td>" in page.content.decode()


def test_the_migration_turns_language_names_into_codes_and_clears_what_names_no_language(world):
    typed = ["Nederlands", "Arabisch", "Dutch ", "NL", "دری", "nl", "", "NL/FR"]
    vacancies = [VacancyFactory(company=world.company_a, language=text, language_level="A2") for text in typed]

    import_module("companies.migrations.0008_vacancy_language_choice").language_names_to_codes(apps, None)

    saved = dict(Vacancy.objects.values_list("pk", "language"))
    assert [saved[vacancy.pk] for vacancy in vacancies] == ["nl", "ar", "nl", "nl", "prs", "nl", "", ""]
