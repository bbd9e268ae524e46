"""A company's sector is a choice of the one list of sectors candidates wish for, never free text: the company forms
offer a list in the reader's language and refuse anything else, ``sector_code`` reads the names people type in Dutch,
French and English, and migration 0009 turned the names saved before into codes."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from companies.models import Company
from companies.sectors import ALSO_CALLED, Sector, sector_code
from jobroad.languages import name_key
from tests.factories import CompanyFactory
from tests.language import ENGLISH


def test_the_company_form_offers_the_sectors_in_a_list_named_in_the_readers_language(client_for, world):
    page = client_for(world.hr_a).get(reverse("company_edit", kwargs={"pk": world.company_a.pk}), headers=ENGLISH)

    html = page.content.decode()
    assert '<select name="sector"' in html
    assert '<option value="logistics" selected>Transport and logistics</option>' in html
    assert '<option value="hospitality">Hotels, restaurants and catering</option>' in html


def test_the_company_form_refuses_a_sector_typed_as_free_text(client_for, world):
    response = client_for(world.hr_a).post(
        reverse("company_edit", kwargs={"pk": world.company_a.pk}), {"sector": "Zorg"}, headers=ENGLISH
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "sector": ["Select a valid choice. Zorg is not one of the available choices."]
    }
    world.company_a.refresh_from_db()
    assert world.company_a.sector == Sector.LOGISTICS


def test_a_coordinator_adding_a_company_chooses_its_sector_from_the_list(client_for, world):
    client = client_for(world.alice)

    page = client.get(reverse("company_create"), headers=ENGLISH)
    refused = client.post(
        reverse("company_create"), {"name": "Bakkerij Zonneveld", "sector": "Voeding"}, headers=ENGLISH
    )

    assert '<option value="food">Food production</option>' in page.content.decode()
    assert refused.context["form"].errors == {
        "sector": ["Select a valid choice. Voeding is not one of the available choices."]
    }
    assert not Company.objects.filter(organisation__name="Bakkerij Zonneveld").exists()


def test_the_company_page_names_the_sector_in_the_readers_language(client_for, world):
    page = client_for(world.hr_a).get(reverse("company_detail", kwargs={"pk": world.company_a.pk}), headers=ENGLISH)

    assert "<p>Transport and logistics · " in page.content.decode()


@pytest.mark.parametrize(
    "typed",
    ["Logistiek", "logistique", "Logistics", " LOGISTIEK ", "Transport en logistiek", "Transport et logistique",
     "transport and logistics", "logistics"],
)  # fmt: skip
def test_a_sector_is_read_by_its_code_or_its_name_in_dutch_french_or_english(typed):
    assert sector_code(typed) == Sector.LOGISTICS


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Horeca", "hospitality"), ("Hôtellerie, restauration et traiteur", "hospitality"),
     ("Grafische sector", "industry"), ("Metaal", "industry"), ("Land- en tuinbouw", "agriculture"),
     ("Groenvoorziening", "green"), ("soins", "care"), ("Bâtiment", "construction"), ("Kantoor en IT", "office")],
)  # fmt: skip
def test_the_names_people_use_for_a_sector_are_read_as_its_code(typed, code):
    assert sector_code(typed) == code


def test_an_unknown_sector_is_refused_with_examples_of_what_is_taken():
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            sector_code("Ruimtevaart")

        assert refused.value.messages == [
            "“Ruimtevaart” is not a sector we know. Write its name in Dutch, French or English or its code, e.g. "
            "Logistiek, logistique, Logistics or logistics; Horeca or hospitality."
        ]


def test_no_name_goes_for_two_sectors():
    sectors_by_name: dict[str, set] = {}
    for sector in Sector:
        labels = []
        for language in ("nl", "fr", "en"):
            with translation.override(language):
                labels.append(str(sector.label))
        for name in {sector.value, *ALSO_CALLED[sector], *labels}:
            sectors_by_name.setdefault(name_key(name), set()).add(sector)

    assert {name for name, sectors in sectors_by_name.items() if len(sectors) > 1} == set()


def test_the_migration_turns_sector_names_into_codes_and_clears_what_names_no_sector(world):
    # At most 20 characters, the column's length since the migration (PostgreSQL enforces it): "Zorg en welzijn" is a
    # Dutch label, which the migration knows without the compiled catalogues.
    typed = ["Logistiek", "Zorg en welzijn", "Horeca", "Grafische sector", "soins", "care", "", "Ruimtevaart"]
    companies = [CompanyFactory() for _ in typed]
    for company, text in zip(companies, typed, strict=True):
        Company.objects.filter(pk=company.pk).update(sector=text)  # as free text was saved before the list

    import_module("companies.migrations.0009_company_sector_choice").sector_names_to_codes(apps, None)

    saved = dict(Company.objects.values_list("pk", "sector"))
    assert [saved[company.pk] for company in companies] == [
        "logistics", "care", "hospitality", "industry", "care", "care", "", "",
    ]  # fmt: skip


def test_the_migration_knows_every_name_the_app_knows_from_its_own_frozen_table(monkeypatch):
    """Migration 0009 carries its names (Dutch and French labels included) in the file itself: it reads no
    compiled catalogue and no app code, so neither a later edit of companies/sectors.py nor missing .mo files change
    what it does. Today the two agree on every name."""
    migration = import_module("companies.migrations.0009_company_sector_choice")
    known = {name: sector_code(name) for name in migration.CODE_BY_NAME}
    monkeypatch.setattr(translation, "override", None)  # the migration must not look anything up in the catalogues

    frozen = {name: migration.CODE_BY_NAME[migration.name_key(name)] for name in migration.CODE_BY_NAME}

    assert frozen == known
    assert frozen["transport en logistiek"] == "logistics"
