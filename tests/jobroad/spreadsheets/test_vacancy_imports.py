"""Importing vacancies from a spreadsheet (companies.imports): upload → preview → confirm, duplicates flagged, the
templates, and the pages that offer it."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from companies.models import Vacancy
from jobroad import imports
from jobroad.models import ImportKind, PendingImport

from .files import (
    DAY,
    EARLY,
    LATE,
    VACANCY_HEADER,
    csv_upload,
    pending_of,
    titles,
    upload_vacancies,
    xlsx_upload,
)

# --- the flow -------------------------------------------------------------------------------------------


def test_hr_uploads_vacancies_sees_the_preview_and_nothing_is_saved_before_confirming(hr, world):
    text = (
        f"{VACANCY_HEADER}\nHeftruckchauffeur;2;Palletwikkelaar bedienen;{EARLY}; ja;nl;A2\n"
        f"Orderpicker;1;;{DAY}, {LATE};nee;;\n"
    )

    response = upload_vacancies(hr, world, csv_upload(text))

    pending = pending_of(world.hr_a)
    assert response.status_code == 302
    assert response.url == reverse("import_preview", kwargs={"pk": pending.pk})
    assert titles(world.company_a) == [world.vacancy_a.title]
    page = hr.get(response.url)
    assert page.status_code == 200
    assert [row.number for row in page.context["preview"].rows] == [2, 3]
    assert page.context["preview"].can_confirm
    assert b"data-confirm-blocked" not in page.content


def test_confirming_imports_every_row_with_the_vacancy_form_rules(hr, world, site_a, forklift):
    text = (
        f"{VACANCY_HEADER}\nHeftruckchauffeur;2;Palletwikkelaar bedienen;{EARLY}; ja;nl;A2\n"
        f"Orderpicker;1;;{DAY}, {LATE};nee;;\n"
    )
    upload_vacancies(hr, world, csv_upload(text))
    pending = pending_of(world.hr_a)

    response = hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert response.status_code == 302
    assert response.url == reverse("company_detail", kwargs={"pk": world.company_a.pk})
    driver = Vacancy.objects.get(company=world.company_a, title="Heftruckchauffeur")
    assert (driver.positions, driver.site, driver.language, driver.language_level) == (2, site_a, "nl", "A2")
    assert driver.driving_licence_required is True
    assert driver.is_open is True  # no "Open" column: the form's default
    assert list(driver.required_competences.all()) == [forklift]
    assert driver.shifts == ["early"]
    picker = Vacancy.objects.get(company=world.company_a, title="Orderpicker")
    assert sorted(picker.shifts) == ["day", "late"]
    assert not PendingImport.objects.exists()
    assert [str(message) for message in response.wsgi_request._messages] == ["2 vacancies imported for Company A."]


def test_french_and_english_column_names_and_values_are_understood(hr, world, forklift):
    text = (
        "Intitulé du poste,Nombre de postes,Compétences requises,Horaires,Permis de conduire requis,Open\n"
        "Cariste,3,Utiliser une banderoleuse,Nuit,oui,non\n"
        'Cleaner,1,,"Weekend; Day",no,yes\n'
    )
    upload_vacancies(hr, world, csv_upload(text))

    hr.post(reverse("import_confirm", kwargs={"pk": pending_of(world.hr_a).pk}))

    cariste = Vacancy.objects.get(title="Cariste")
    assert (cariste.positions, cariste.shifts, cariste.driving_licence_required, cariste.is_open) == (
        3,
        ["night"],
        True,
        False,
    )
    assert list(cariste.required_competences.all()) == [forklift]
    assert sorted(Vacancy.objects.get(title="Cleaner").shifts) == ["day", "weekend"]


def test_a_workbook_is_imported_like_a_csv(hr, world):
    upload_vacancies(hr, world, xlsx_upload(["Job title", "Positions"], ["Magazijnier", 4]))

    hr.post(reverse("import_confirm", kwargs={"pk": pending_of(world.hr_a).pk}))

    assert Vacancy.objects.get(title="Magazijnier").positions == 4


def test_a_corrected_file_replaces_the_pending_import(hr, world):
    upload_vacancies(hr, world, csv_upload(f"{VACANCY_HEADER}\nOrderpicker;twee;;;;;\n"))
    first = pending_of(world.hr_a)

    response = hr.post(
        reverse("import_preview", kwargs={"pk": first.pk}),
        {"file": csv_upload(f"{VACANCY_HEADER}\nOrderpicker;2;;;;;\n")},
    )

    second = pending_of(world.hr_a)
    assert second.pk != first.pk
    assert response.url == reverse("import_preview", kwargs={"pk": second.pk})
    assert hr.get(response.url).context["preview"].can_confirm


def test_setting_a_file_aside_deletes_it_and_imports_nothing(hr, world):
    upload_vacancies(hr, world, csv_upload(f"{VACANCY_HEADER}\nOrderpicker;2;;;;;\n"))

    response = hr.post(reverse("import_discard", kwargs={"pk": pending_of(world.hr_a).pk}))

    assert response.url == reverse("vacancy_import", kwargs={"pk": world.company_a.pk})
    assert not PendingImport.objects.exists()
    assert titles(world.company_a) == [world.vacancy_a.title]


# --- duplicates -----------------------------------------------------------------------------------------


def test_a_row_repeating_an_earlier_row_is_flagged_and_the_person_chooses(hr, world):
    text = "Functie;Aantal plaatsen\nOrderpicker;1\nHeftruckchauffeur;1\norderpicker ;2\n"
    upload_vacancies(hr, world, csv_upload(text))
    pending = pending_of(world.hr_a)

    preview = imports.preview_import(pending)
    unchosen = hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))
    skipped = hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}), {"flagged": "skip"})

    assert [(row.number, row.flags) for row in preview.flagged_rows] == [(4, ["Same as row 2 of this file."])]
    assert preview.can_confirm
    assert unchosen.url == reverse("import_preview", kwargs={"pk": pending.pk})
    assert skipped.status_code == 302
    assert titles(world.company_a) == sorted(["Heftruckchauffeur", "Orderpicker", world.vacancy_a.title])


def test_flagged_rows_are_imported_too_when_the_person_says_so(hr, world):
    upload_vacancies(hr, world, csv_upload("Functie;Aantal plaatsen\nOrderpicker;1\nOrderpicker;2\n"))

    hr.post(reverse("import_confirm", kwargs={"pk": pending_of(world.hr_a).pk}), {"flagged": "import"})

    assert titles(world.company_a) == sorted(["Orderpicker", "Orderpicker", world.vacancy_a.title])


def test_a_row_like_an_existing_vacancy_is_flagged(hr, world):
    upload_vacancies(hr, world, csv_upload(f"Functie\n{world.vacancy_a.title.upper()}\n"))

    preview = imports.preview_import(pending_of(world.hr_a))

    assert preview.flagged_rows[0].flags == [f"Company A already has a vacancy “{world.vacancy_a.title.upper()}”."]


# --- templates ------------------------------------------------------------------------------------------


def test_the_csv_template_has_the_column_names_in_the_readers_language(hr, world):
    response = hr.get(reverse("import_template", kwargs={"kind": "vacancies", "file_format": "csv"}))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Disposition"] == 'attachment; filename="jobroad-vacancies-template.csv"'
    assert rows == [[column.headers["en"] for column in imports.spec_for(ImportKind.VACANCIES).columns]]


def test_the_xlsx_template_has_a_help_sheet_and_a_filled_template_imports(hr, world):
    response = hr.get(
        reverse("import_template", kwargs={"kind": "vacancies", "file_format": "xlsx"}), HTTP_ACCEPT_LANGUAGE="fr"
    )
    workbook = load_workbook(io.BytesIO(response.content))
    sheet, help_sheet = workbook.worksheets
    sheet.append(["Cariste", "Magazijn Zuid", "", 2])
    filled = io.BytesIO()
    workbook.save(filled)

    upload_vacancies(hr, world, SimpleUploadedFile("filled.xlsx", filled.getvalue()))
    hr.post(reverse("import_confirm", kwargs={"pk": pending_of(world.hr_a).pk}))

    assert [cell.value for cell in sheet[1]][:2] == ["Intitulé du poste", "Site"]
    assert help_sheet["A1"].value == "Colonne"
    assert help_sheet["B2"].value == "obligatoire"
    assert Vacancy.objects.get(title="Cariste").positions == 2


@pytest.mark.parametrize(("kind", "file_format"), [("vacancies", "pdf"), ("workshops", "csv")])
def test_an_unknown_template_is_a_404(hr, kind, file_format):
    response = hr.get(reverse("import_template", kwargs={"kind": kind, "file_format": file_format}))

    assert response.status_code == 404


# --- pages ----------------------------------------------------------------------------------------------


def test_the_upload_page_names_the_limits_and_offers_the_templates(hr, world):
    response = hr.get(reverse("vacancy_import", kwargs={"pk": world.company_a.pk}))

    content = response.content.decode()
    assert "At most 500 rows and 5 MB per file" in content
    assert reverse("import_template", kwargs={"kind": "vacancies", "file_format": "xlsx"}) in content
    assert reverse("import_template", kwargs={"kind": "vacancies", "file_format": "csv"}) in content


def test_the_lists_link_to_their_imports_and_exports(intermediary, client_for, world, site_a):
    candidates = intermediary.get(reverse("candidate_list")).content.decode()
    company = client_for(world.hr_a).get(reverse("company_detail", kwargs={"pk": world.company_a.pk})).content.decode()
    companies = client_for(world.hr_a).get(reverse("company_list")).content.decode()

    assert reverse("candidate_import") in candidates
    assert reverse("candidate_export", kwargs={"file_format": "xlsx"}) in candidates
    assert reverse("vacancy_import", kwargs={"pk": world.company_a.pk}) in company
    assert reverse("company_export", kwargs={"file_format": "csv"}) in companies
    assert reverse("vacancy_export", kwargs={"file_format": "xlsx"}) in companies
