"""Importing vacancies and candidates from spreadsheets: upload → preview → confirm, and every way a file
can be wrong. Exports of the lists a user may see, read back with the csv module and openpyxl."""

import csv
import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook, load_workbook

from campaigns.models import CampaignPhase
from candidates import services
from candidates.models import Candidate, EducationLevel, ResidenceStatus, TargetGroup
from companies import services as company_services
from companies.models import Competence, Shift, Site, Vacancy
from jobroad import imports, sweeps
from jobroad.models import AuditAction, AuditEntry, AuditPlace, ImportKind, OrganisationKind, PendingImport, Role

from ..factories import (
    PASSWORD,
    CandidateFactory,
    CompanyFactory,
    MembershipFactory,
    OrganisationFactory,
    VacancyFactory,
)
from ..reauth import recently_authenticated

VACANCY_HEADER = "Functie;Aantal plaatsen;Vereiste competenties;Ploegen;Rijbewijs vereist;Taal;Taalniveau"


def dutch(choice) -> str:
    """A choice's label as a Dutch spreadsheet would have it (translations are kept by the lead)."""
    with translation.override("nl"):
        return str(choice.label)


EARLY, DAY, LATE = dutch(Shift.EARLY), dutch(Shift.DAY), dutch(Shift.LATE)


def csv_upload(text: str, name: str = "vacatures.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_upload(*rows, name: str = "vacatures.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture(autouse=True)
def english_reader(client):
    """Messages are asserted in English; the files themselves use Dutch, French and English names."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def site_a(world):
    return Site.objects.create(
        company=world.company_a, name="Magazijn Zuid", street="Kaai 1", postal_code="9000", city="Gent"
    )


@pytest.fixture
def forklift(db):
    return Competence.objects.create(
        labels={"nl": "Palletwikkelaar bedienen", "fr": "Utiliser une banderoleuse", "en": "Operate a pallet wrapper"}
    )


@pytest.fixture
def hr(client_for, world, site_a, forklift):
    return client_for(world.hr_a)


def upload_vacancies(client, world, file, company=None):
    company = company or world.company_a
    return client.post(reverse("vacancy_import", kwargs={"pk": company.pk}), {"file": file})


def pending_of(user) -> PendingImport:
    return PendingImport.objects.get(owner=user)


def titles(company) -> list[str]:
    return sorted(Vacancy.objects.filter(company=company).values_list("title", flat=True))


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


# --- who sees a pending import --------------------------------------------------------------------------


@pytest.mark.parametrize("other", ["hr_b", "alice", "intermediary_a", "admin"])
def test_another_users_pending_import_is_a_404(hr, client, client_for, world, other):
    upload_vacancies(hr, world, csv_upload(f"{VACANCY_HEADER}\nOrderpicker;2;;;;;\n"))
    pending = pending_of(world.hr_a)
    client.logout()
    intruder = client_for(getattr(world, other))

    pages = [
        intruder.get(reverse("import_preview", kwargs={"pk": pending.pk})),
        intruder.post(reverse("import_confirm", kwargs={"pk": pending.pk})),
        intruder.post(reverse("import_discard", kwargs={"pk": pending.pk})),
    ]

    assert [page.status_code for page in pages] == [404, 404, 404]
    assert PendingImport.objects.filter(pk=pending.pk).exists()
    assert titles(world.company_a) == [world.vacancy_a.title]


def test_a_colleague_of_the_same_company_cannot_see_it_either(hr, client, client_for, world):
    colleague = MembershipFactory(organisation=world.company_a.organisation, role=Role.COMPANY_HR).user
    upload_vacancies(hr, world, csv_upload(f"{VACANCY_HEADER}\nOrderpicker;2;;;;;\n"))
    pending = pending_of(world.hr_a)
    client.logout()

    response = client_for(colleague).get(reverse("import_preview", kwargs={"pk": pending.pk}))

    assert response.status_code == 404


def test_an_expired_pending_import_is_a_404_and_the_sweep_deletes_it(hr, world):
    upload_vacancies(hr, world, csv_upload(f"{VACANCY_HEADER}\nOrderpicker;2;;;;;\n"))
    pending = pending_of(world.hr_a)
    PendingImport.objects.filter(pk=pending.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    response = hr.get(reverse("import_preview", kwargs={"pk": pending.pk}))
    swept = sweeps.run_all_sweeps()

    assert response.status_code == 404
    assert swept["delete_expired_imports"] == 1
    assert not PendingImport.objects.exists()


def test_hr_cannot_upload_for_another_company(hr, world):
    response = upload_vacancies(hr, world, csv_upload(f"{VACANCY_HEADER}\nOrderpicker;2;;;;;\n"), world.company_b)

    assert response.status_code == 404
    assert not PendingImport.objects.exists()


def test_losing_the_company_membership_closes_the_pending_import(hr, world):
    upload_vacancies(hr, world, csv_upload(f"{VACANCY_HEADER}\nOrderpicker;2;;;;;\n"))
    pending = pending_of(world.hr_a)
    world.hr_a.memberships.all().delete()
    del world.hr_a._jobroad_roles

    response = hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert response.status_code == 404
    assert titles(world.company_a) == [world.vacancy_a.title]


# --- row errors -----------------------------------------------------------------------------------------


def test_a_row_with_an_error_is_shown_with_its_row_column_and_message_and_blocks_the_import(hr, world):
    # More competences than an error names, whether or not a transactional test flushed the migrations' vocabulary.
    Competence.objects.bulk_create(Competence(labels={"en": f"Skill {i}"}) for i in range(imports.LISTED_CHOICES + 1))
    text = f"{VACANCY_HEADER}\nOrderpicker;2;;;;;\n;;;;;;\nHeftruckchauffeur;twee;Vliegen;Maan;misschien;nl;\n"
    upload_vacancies(hr, world, csv_upload(text))
    pending = pending_of(world.hr_a)

    page = hr.get(reverse("import_preview", kwargs={"pk": pending.pk}))
    response = hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    preview = page.context["preview"]
    assert [row.number for row in preview.error_rows] == [4]
    assert preview.error_rows[0].errors == [
        ("B · Aantal plaatsen", "Enter a whole number."),
        ("C · Vereiste competenties", "“Vliegen” is not one of the choices; the template's help sheet lists them."),
        ("D · Ploegen", "“Maan” is not one of the choices. Write one of: Day, Early, Late, Night, Weekend."),
        ("E · Rijbewijs vereist", "Write yes or no (ja/nee, oui/non) instead of “misschien”."),
        ("G · Taalniveau", "Give the language and its level together, or neither."),
    ]
    assert not preview.can_confirm
    assert b"data-confirm-blocked" in page.content
    assert response.url == reverse("import_preview", kwargs={"pk": pending.pk})
    assert titles(world.company_a) == [world.vacancy_a.title]
    assert PendingImport.objects.filter(pk=pending.pk).exists()


def test_row_errors_are_said_in_the_readers_language(hr, world):
    upload_vacancies(hr, world, csv_upload(f"{VACANCY_HEADER}\nHeftruckchauffeur;twee;;;;;\n"))

    page = hr.get(reverse("import_preview", kwargs={"pk": pending_of(world.hr_a).pk}), HTTP_ACCEPT_LANGUAGE="fr")

    assert page.context["preview"].error_rows[0].errors == [("B · Aantal plaatsen", "Saisissez un nombre entier.")]


def test_a_value_spilling_over_the_last_column_is_an_error_of_its_row(hr, world):
    upload_vacancies(hr, world, csv_upload("Functie,Aantal plaatsen\nOrderpicker, Gent,2\nChauffeur,1\n"))

    preview = imports.preview_import(pending_of(world.hr_a))

    assert [(row.number, row.errors) for row in preview.error_rows] == [
        (
            2,
            [
                (
                    "",
                    "1 value stands right of the last named column. Is there a separator inside a value? Put that "
                    "value between quotes, or save the file with ; as separator.",
                ),
                ("B · Aantal plaatsen", "Enter a whole number."),
            ],
        )
    ]


# --- formulas -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://evil.example";"klik")', "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"]
)
def test_a_csv_cell_that_is_a_formula_is_refused_and_never_saved(hr, world, cell):
    quoted = '"' + cell.replace('"', '""') + '"'
    upload_vacancies(hr, world, csv_upload(f"Functie;Aantal plaatsen\n{quoted};2\nOrderpicker;1\n"))
    pending = pending_of(world.hr_a)

    preview = imports.preview_import(pending)
    hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert [row.number for row in preview.error_rows] == [2]
    assert preview.error_rows[0].errors == [
        (
            "A · Functie",
            f"“{cell[:12]}…” looks like a spreadsheet formula, which we do not import. Type the value itself "
            "(in Excel: copy, then Paste special → Values).",
        )
    ]
    assert titles(world.company_a) == [world.vacancy_a.title]


def test_a_workbook_formula_cell_is_refused_not_computed(hr, world):
    upload_vacancies(hr, world, xlsx_upload(["Functie", "Aantal plaatsen"], ["Orderpicker", "=1+1"]))

    preview = imports.preview_import(pending_of(world.hr_a))

    assert preview.error_rows[0].errors[0][0] == "B · Aantal plaatsen"
    assert "looks like a spreadsheet formula" in preview.error_rows[0].errors[0][1]


def test_a_phone_number_or_negative_looking_text_is_not_taken_for_a_formula(hr, world):
    upload_vacancies(hr, world, csv_upload("Functie;Omschrijving\nOrderpicker;+32 9 123 45 67\n"))

    preview = imports.preview_import(pending_of(world.hr_a))

    assert preview.error_rows == []


# --- files that cannot be imported ----------------------------------------------------------------------


def refusal(response) -> list[str]:
    return response.context["form"].errors["file"]


def test_a_missing_required_column_is_named_with_the_names_we_accept(hr, world):
    response = upload_vacancies(hr, world, csv_upload("Naam;Aantal\nOrderpicker;2\n"))

    assert response.status_code == 400
    assert refusal(response) == [
        "The file has no column “Functie / Intitulé du poste / Job title”, which is required. The first row of the "
        "file must hold the column names; it now holds: “Naam”, “Aantal”. Download the template to see the names."
    ]
    assert not PendingImport.objects.exists()


def test_unknown_columns_are_named_in_the_preview_and_not_imported(hr, world):
    upload_vacancies(hr, world, csv_upload("Functie;Opmerkingen;;Aantal plaatsen\nOrderpicker;bellen;x;2\n"))
    pending = pending_of(world.hr_a)

    page = hr.get(reverse("import_preview", kwargs={"pk": pending.pk}))

    assert pending.ignored_columns == ["B “Opmerkingen”", "C (no name)"]
    assert b"data-ignored-columns" in page.content
    assert page.context["preview"].can_confirm


def test_a_column_given_twice_is_refused(hr, world):
    response = upload_vacancies(hr, world, csv_upload("Functie;Titel\nOrderpicker;Picker\n"))

    assert refusal(response) == ["Columns A and B are both “Job title”. Keep one of them."]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        (b"\xef\xbb\xbf\r\n;;\r\n", "The file is empty."),
        (b"Functie;Aantal plaatsen\r\n", "The file has column names but no rows under them."),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "This is a PDF document, not a spreadsheet."),
        (b"PK\x03\x04garbage", "This XLSX file is damaged or not a real Excel workbook."),
        (b"Functie\nOrder\x81picker\n", "The letters in this file are in an encoding we cannot read."),
    ],
    ids=["empty", "blank", "only-headers", "renamed-pdf", "broken-xlsx", "wrong-encoding"],
)
def test_a_file_that_cannot_be_read_gets_a_clear_answer_and_nothing_is_kept(hr, world, content, message):
    response = upload_vacancies(hr, world, SimpleUploadedFile("vacatures.csv", content))

    assert response.status_code == 400
    assert refusal(response)[0].startswith(message)
    assert not PendingImport.objects.exists()


def test_a_file_saved_by_belgian_excel_as_plain_csv_is_read_and_the_preview_warns(hr, world):
    upload_vacancies(hr, world, csv_upload("Functie;Aantal plaatsen\r\nMécanicien;1\r\n", encoding="cp1252"))
    pending = pending_of(world.hr_a)

    page = hr.get(reverse("import_preview", kwargs={"pk": pending.pk}))
    hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert pending.legacy_encoding
    assert b"data-legacy-encoding" in page.content
    assert "Mécanicien" in titles(world.company_a)


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_semicolon_comma_and_tab_separated_files_are_read(hr, world, separator):
    upload_vacancies(hr, world, csv_upload(f"Functie{separator}Aantal plaatsen\nOrderpicker{separator}3\n"))

    hr.post(reverse("import_confirm", kwargs={"pk": pending_of(world.hr_a).pk}))

    assert Vacancy.objects.get(title="Orderpicker").positions == 3


def test_a_10000_row_file_is_refused_with_the_limit_and_nothing_is_kept(hr, world):
    text = "Functie;Aantal plaatsen\n" + "Orderpicker;1\n" * 10_000

    response = upload_vacancies(hr, world, csv_upload(text))

    assert refusal(response) == [
        "The file has more than 500 rows. One import takes at most 500 rows: split the file into smaller files "
        "and import them one after the other."
    ]
    assert not PendingImport.objects.exists()


def test_an_oversized_upload_is_stopped_and_named(hr, world):
    big = SimpleUploadedFile("vacatures.csv", b"Functie\n" + b"x" * (6 * 1024 * 1024))

    response = upload_vacancies(hr, world, big)

    assert response.status_code == 400
    assert response.wsgi_request.upload_too_large > 6 * 1024 * 1024  # reading stopped at the limit
    assert refusal(response)[0].startswith("The file is 6.0 MB; one import takes at most 5 MB.")
    assert not PendingImport.objects.exists()


def test_an_upload_without_its_csrf_token_is_refused(world, site_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.hr_a)

    response = upload_vacancies(client, world, csv_upload("Functie\nOrderpicker\n"))

    assert response.status_code == 403
    assert not PendingImport.objects.exists()


def test_a_company_without_a_site_is_told_to_add_one_first(client_for, world):
    response = upload_vacancies(client_for(world.hr_a), world, csv_upload("Functie\nOrderpicker\n"))

    assert refusal(response) == ["Add a site to Company A first: every vacancy is at one of its sites."]


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


# --- one transaction ------------------------------------------------------------------------------------


def test_when_saving_one_row_fails_no_row_is_saved(hr, world, monkeypatch):
    upload_vacancies(hr, world, csv_upload("Functie\nOrderpicker\nHeftruckchauffeur\nMagazijnier\n"))
    pending = pending_of(world.hr_a)
    real_save = company_services.save_vacancy

    def save_then_fail(*, vacancy, **kwargs):
        if vacancy.title == "Magazijnier":
            raise RuntimeError("disk full")
        return real_save(vacancy=vacancy, **kwargs)

    monkeypatch.setattr(company_services, "save_vacancy", save_then_fail)

    with pytest.raises(RuntimeError):
        imports.confirm_import(pending=pending, actor=world.hr_a, include_flagged=False)

    assert titles(world.company_a) == [world.vacancy_a.title]
    assert PendingImport.objects.filter(pk=pending.pk).exists()


def test_rows_are_validated_again_at_confirmation(hr, world, site_a):
    upload_vacancies(hr, world, csv_upload("Functie;Vestiging\nOrderpicker;Magazijn Zuid\n"))
    pending = pending_of(world.hr_a)
    Site.objects.filter(pk=site_a.pk).update(name="Hoofdkantoor")

    response = hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert response.url == reverse("import_preview", kwargs={"pk": pending.pk})
    assert [str(message) for message in response.wsgi_request._messages] == [
        "1 row has an error; nothing was imported. Fix the file and upload it again."
    ]
    assert titles(world.company_a) == [world.vacancy_a.title]


def test_confirming_twice_imports_once(hr, world):
    upload_vacancies(hr, world, csv_upload("Functie\nOrderpicker\n"))
    pending = pending_of(world.hr_a)

    hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))
    second = hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert second.status_code == 404
    assert titles(world.company_a) == sorted(["Orderpicker", world.vacancy_a.title])


def test_the_service_refuses_a_second_confirmation_itself(hr, world):
    upload_vacancies(hr, world, csv_upload("Functie\nOrderpicker\n"))
    pending = pending_of(world.hr_a)
    imports.confirm_import(pending=pending, actor=world.hr_a, include_flagged=False)

    with pytest.raises(imports.ImportRefused, match="already confirmed or discarded"):
        imports.confirm_import(pending=pending, actor=world.hr_a, include_flagged=False)

    assert titles(world.company_a) == sorted(["Orderpicker", world.vacancy_a.title])


def test_a_file_of_the_largest_size_previews_and_imports_in_one_go(hr, world):
    text = "Functie;Aantal plaatsen\n" + "".join(
        f"Magazijnier {n};1\n" for n in range(imports.spec_for(ImportKind.VACANCIES).max_rows)
    )
    upload_vacancies(hr, world, csv_upload(text))
    pending = pending_of(world.hr_a)

    page = hr.get(reverse("import_preview", kwargs={"pk": pending.pk}))
    hr.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert page.context["hidden_count"] == 400
    assert Vacancy.objects.filter(company=world.company_a).count() == 501


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


# --- exports --------------------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";"))


def read_xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_hr_exports_only_its_own_companys_vacancies_with_formulas_neutralised(client_for, world):
    VacancyFactory(company=world.company_a, title='=HYPERLINK("http://evil.example","klik")')
    client = client_for(world.hr_a)

    as_csv = read_csv(client.get(reverse("vacancy_export", kwargs={"file_format": "csv"})))
    as_xlsx = read_xlsx(client.get(reverse("vacancy_export", kwargs={"file_format": "xlsx"})))

    for rows in (as_csv, as_xlsx):
        assert rows[0][:2] == ["Company", "Job title"]
        assert sorted(row[1] for row in rows[1:]) == sorted(
            [world.vacancy_a.title, '\'=HYPERLINK("http://evil.example","klik")']
        )
        assert {row[0] for row in rows[1:]} == {"Company A"}


def test_a_coordinator_exports_every_company(client_for, world):
    response = client_for(world.alice).get(reverse("company_export", kwargs={"file_format": "xlsx"}))

    rows = read_xlsx(response)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Cache-Control"] == "private, no-store"
    assert [row[0] for row in rows[1:]] == ["Company A", "Company B"]


def test_hr_exports_only_its_own_company(client_for, world):
    rows = read_csv(client_for(world.hr_b).get(reverse("company_export", kwargs={"file_format": "csv"})))

    assert [row[0] for row in rows[1:]] == ["Company B"]


def test_an_intermediary_exports_only_its_own_candidates_with_formulas_neutralised(client_for, world):
    world.candidate_a.last_name = "@SUM(A1:A9)"
    world.candidate_a.save()
    client = client_for(world.intermediary_a)
    recently_authenticated(client, world.intermediary_a)

    as_csv = read_csv(client.get(reverse("candidate_export", kwargs={"file_format": "csv"})))
    as_xlsx = read_xlsx(client.get(reverse("candidate_export", kwargs={"file_format": "xlsx"})))

    for rows in (as_csv, as_xlsx):
        assert [(row[0], row[1]) for row in rows[1:]] == [(world.candidate_a.first_name, "'@SUM(A1:A9)")]


def test_the_candidate_export_follows_the_lists_search(client_for, world):
    client = client_for(world.admin)
    recently_authenticated(client, world.admin)

    response = client.get(reverse("candidate_export", kwargs={"file_format": "csv"}), {"q": "Yonas"})

    assert [row[0] for row in read_csv(response)[1:]] == ["Yonas"]


def test_the_candidate_export_asks_for_the_password_again_and_then_hands_over_the_file(client_for, world):
    client = client_for(world.intermediary_a)
    url = reverse("candidate_export", kwargs={"file_format": "csv"}) + "?q=Amal"

    asked = client.get(url)
    answered = client.post(asked.url, {"password": PASSWORD})
    response = client.get(answered.url)

    assert asked.url == f"{reverse('account_reauthenticate')}?next=%2Fexports%2Fcandidates.csv%3Fq%3DAmal"
    assert answered.url == url
    assert [row[0] for row in read_csv(response)[1:]] == ["Amal"]


def test_nothing_is_exported_or_recorded_before_the_password_is_typed_again(client_for, world):
    response = client_for(world.alice).get(reverse("candidate_export", kwargs={"file_format": "xlsx"}))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert not world.candidate_a.audit_entries.exists()


def test_someone_who_may_not_export_candidates_is_not_asked_for_a_password(client_for, world):
    response = client_for(world.hr_a).get(reverse("candidate_export", kwargs={"file_format": "csv"}))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["candidate_export", "vacancy_export", "company_export"])
def test_an_unknown_export_format_is_a_404(client_for, world, name):
    response = client_for(world.admin).get(reverse(name, kwargs={"file_format": "exe"}))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "name"),
    [("alice", "candidate_export"), ("hr_a", "vacancy_export"), ("alice", "company_export")],
)
def test_export_query_count_does_not_grow_with_rows(client_for, world, role, name):
    client = client_for(getattr(world, role))
    recently_authenticated(client, getattr(world, role))
    url = reverse(name, kwargs={"file_format": "xlsx"})

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for _ in range(5):
        candidate = CandidateFactory(registered_by=world.intermediary_org_a)
        world.campaign_a.enrolments.create(candidate=candidate)
        VacancyFactory(company=world.company_a)
        CompanyFactory()
    many = count()

    assert many == few


# --- candidates -----------------------------------------------------------------------------------------

CANDIDATE_HEADER = "Voornaam;Achternaam;Geboortejaar;Nationaliteit;Verblijfsstatus;Opleidingsniveau;Opvangcentrum;Talen"


@pytest.fixture
def centre(db):
    return OrganisationFactory(name="Opvangcentrum Heidedorp", kind=OrganisationKind.RECEPTION_CENTRE)


@pytest.fixture
def intermediary(client_for, world, centre):
    world.campaign_a.target_group = TargetGroup.REFUGEES
    world.campaign_a.save()
    return client_for(world.intermediary_a)


def upload_candidates(client, world, file, campaign=None, organisation=None):
    data = {"campaign": (campaign or world.campaign_a).pk, "file": file}
    if organisation is not None:
        data["organisation"] = organisation.pk
    return client.post(reverse("candidate_import"), data)


def candidate_rows(*rows: str) -> SimpleUploadedFile:
    return csv_upload("\n".join([CANDIDATE_HEADER, *rows]) + "\n", name="kandidaten.csv")


REFUGEE, LOW = dutch(ResidenceStatus.RECOGNISED_REFUGEE), dutch(EducationLevel.LOW)


def test_an_intermediary_imports_candidates_into_its_campaign_with_languages_and_consent(intermediary, world):
    file = csv_upload(
        f"{CANDIDATE_HEADER};Toestemming profiel delen\n"
        f"Samira;Ahmadi;1994;Afghanistan;{REFUGEE};{LOW};Opvangcentrum Heidedorp;prs C2, nl A2;ja\n"
        "Dawit;Tesfay;1990;ER;recognised_refugee;medium;;ti C2;nee\n",
        name="kandidaten.csv",
    )
    file_with_address = file  # the second row has no centre: the form asks for one or an address
    upload_candidates(intermediary, world, file_with_address)
    pending = pending_of(world.intermediary_a)

    preview = imports.preview_import(pending)

    assert [(row.number, row.errors) for row in preview.error_rows] == [
        (3, [("G · Opvangcentrum", "Give the reception centre where the candidate lives, or an address.")])
    ]


def test_confirmed_candidates_are_registered_by_the_intermediarys_organisation(intermediary, world, centre):
    file = csv_upload(
        f"{CANDIDATE_HEADER};Toestemming profiel delen;Postcode;Gemeente\n"
        f"Samira;Ahmadi;1994;Afghanistan;{REFUGEE};{LOW};Opvangcentrum Heidedorp;prs C2, nl A2;ja;;\n"
        "Dawit;Tesfay;1990;ER;recognised_refugee;medium;;ti C2;nee;9000;Gent\n",
        name="kandidaten.csv",
    )
    upload_candidates(intermediary, world, file)
    pending = pending_of(world.intermediary_a)

    response = intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert response.url == reverse("candidate_list")
    samira = Candidate.objects.get(first_name="Samira")
    assert (samira.registered_by, samira.reception_centre, samira.nationality, samira.birth_year) == (
        world.intermediary_org_a,
        centre,
        "AF",
        1994,
    )
    assert samira.target_group == TargetGroup.REFUGEES  # the campaign's own target group
    assert sorted(samira.languages.values_list("language", "level")) == [("nl", "A2"), ("prs", "C2")]
    assert samira.may_share_with_companies
    assert list(samira.campaigns.all()) == [world.campaign_a]
    dawit = Candidate.objects.get(first_name="Dawit")
    assert (dawit.city, dawit.may_share_with_companies) == ("Gent", False)
    assert [str(message) for message in response.wsgi_request._messages] == ["2 candidates registered in Campaign A."]


def test_candidate_rows_are_checked_with_the_registration_rules(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(
            f"Amal;Haddad;negentig;Syrië;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2",
            f"Yonas;Tesfaye;1990;Atlantis;asylum_applicant;{LOW};Opvangcentrum Heidedorp;ti",
        ),
    )

    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [(row.number, row.errors) for row in preview.error_rows] == [
        (2, [("C · Geboortejaar", "Enter a whole number.")]),
        (
            3,
            [
                ("D · Nationaliteit", "“Atlantis” is not one of the choices; the template's help sheet lists them."),
                ("H · Talen", "“ti” has no level. Write each language with its level, e.g. “ar C2; nl A2”."),
                (
                    "Asylum application date",
                    "Give the date of the asylum application (annex 26 or orange card): access to work follows from "
                    "it.",
                ),
            ],
        ),
    ]


def test_outside_the_intake_an_intermediary_is_told_why_and_nothing_is_kept(intermediary, world):
    world.campaign_a.phase = CampaignPhase.SCREENING
    world.campaign_a.save()

    response = upload_candidates(intermediary, world, candidate_rows(f"Amal;Haddad;1990;SY;{REFUGEE};{LOW};;"))

    assert response.status_code == 400
    assert refusal(response) == [
        " ".join(services.registration_problems(campaign=world.campaign_a, actor=world.intermediary_a))
    ]
    assert not PendingImport.objects.exists()


def test_an_intermediary_cannot_import_into_another_organisations_campaign(intermediary, world):
    response = upload_candidates(intermediary, world, candidate_rows("Amal;Haddad;;;;;;"), campaign=world.campaign_b)

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["campaign"]
    assert not PendingImport.objects.exists()


def test_a_coordinator_imports_for_a_partner_organisation(intermediary, client_for, world):
    alice = client_for(world.alice)

    upload_candidates(
        alice,
        world,
        candidate_rows(f"Amal;Haddad;1990;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2"),
        organisation=world.intermediary_org_a,
    )
    alice.post(reverse("import_confirm", kwargs={"pk": pending_of(world.alice).pk}), {"flagged": "import"})

    assert Candidate.objects.get(first_name="Amal", birth_year=1990).registered_by == world.intermediary_org_a


def test_an_imported_name_is_previewed_and_saved_without_its_invisible_control_characters(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(f"\u202ealiraS\u202c;Ahm\u200badi\ufeff;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;"),
    )
    pending = pending_of(world.intermediary_a)

    preview = imports.preview_import(pending)
    intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert preview.rows[0].cells[:2] == ["aliraS", "Ahmadi"]
    assert list(Candidate.objects.filter(last_name="Ahmadi").values_list("first_name", flat=True)) == ["aliraS"]


def test_a_formula_behind_an_invisible_mark_is_still_refused(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(f'\u200f=HYPERLINK("http://x.example");Tesfay;1990;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;'),
    )

    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [(row.number, [label for label, _message in row.errors]) for row in preview.error_rows] == [
        (2, ["A · Voornaam"])
    ]


def test_a_duplicate_in_another_organisation_is_flagged_without_naming_it(intermediary, world):
    Candidate.objects.filter(pk=world.candidate_b.pk).update(birth_year=1988, nationality="ER")

    upload_candidates(
        intermediary,
        world,
        candidate_rows(
            f"Yonas;HADDAD;1988;Eritrea;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
            f"Amal;Haddad;1991;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
        ),
    )
    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [(row.number, row.flags) for row in preview.flagged_rows] == [
        (
            2,
            [
                "Likely duplicate of a candidate who is registered already (same name, birth year and nationality); "
                "ask a JobRoad coordinator whether it is the same person."
            ],
        )
    ]


def test_a_file_fishing_for_reference_numbers_leaves_the_uploader_and_every_match_in_the_audit_trail(
    intermediary, world, caplog
):
    Candidate.objects.filter(pk=world.candidate_b.pk).update(reference_number="OCMW-77", reference_key="OCMW77")
    Candidate.objects.filter(pk=world.candidate_a.pk).update(reference_number="OC-1", reference_key="OC1")
    upload_candidates(
        intermediary,
        world,
        csv_upload(
            f"{CANDIDATE_HEADER};Referentienummer\n"
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;;ocmw 77\n"
            f"Dawit;Tesfay;1990;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;;OC-1\n"
            f"Yonas;Kidane;1992;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;;OCMW-78\n"
        ),
    )

    with caplog.at_level("INFO", logger="jobroad.audit"):
        imports.preview_import(pending_of(world.intermediary_a))

    assert list(
        AuditEntry.objects.filter(action=AuditAction.MATCHED).order_by("pk").values_list("actor", "place", "candidate")
    ) == [
        (world.intermediary_a.pk, AuditPlace.IMPORT, world.candidate_b.pk),
        (world.intermediary_a.pk, AuditPlace.IMPORT, world.candidate_a.pk),
    ]
    assert caplog.messages == [
        f"A duplicate check (import) by user {world.intermediary_a.pk} matched 2 candidate(s): "
        f"{world.candidate_b.pk}, {world.candidate_a.pk}"
    ]


def test_a_candidate_of_the_own_organisation_is_flagged_by_name(intermediary, world):
    Candidate.objects.filter(pk=world.candidate_a.pk).update(
        reference_number="OC-2026/0042", reference_key="OC20260042"
    )

    upload_candidates(
        intermediary,
        world,
        csv_upload(
            f"{CANDIDATE_HEADER};Referentienummer\n"
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;;oc 2026 0042\n"
        ),
    )
    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert preview.flagged_rows[0].flags == [
        f"Likely registered already: {world.candidate_a}, by Werkwinkel A (same reference number)."
    ]


def test_the_same_person_twice_in_a_file_is_flagged_and_skipping_imports_the_first(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
            f"Dawit;Tesfay;1990;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
            f"AHMADI;Samira;1994;Afghanistan;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
        ),
    )
    pending = pending_of(world.intermediary_a)

    preview = imports.preview_import(pending)
    intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}), {"flagged": "skip"})

    assert [(row.number, row.flags) for row in preview.flagged_rows] == [(4, ["Same as row 2 of this file."])]
    assert Candidate.objects.filter(name_key="ahmadi samira").count() == 1
    assert Candidate.objects.filter(first_name="Dawit").count() == 1


def test_flagged_candidates_are_registered_when_the_person_checked_them(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        candidate_rows(
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
            f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;",
        ),
    )

    intermediary.post(
        reverse("import_confirm", kwargs={"pk": pending_of(world.intermediary_a).pk}), {"flagged": "import"}
    )

    assert Candidate.objects.filter(name_key="ahmadi samira").count() == 2


def test_when_the_intake_closes_before_confirming_nothing_is_registered(intermediary, world):
    upload_candidates(
        intermediary, world, candidate_rows(f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;")
    )
    pending = pending_of(world.intermediary_a)
    world.campaign_a.phase = CampaignPhase.SCREENING
    world.campaign_a.save()

    response = intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert response.url == reverse("import_preview", kwargs={"pk": pending.pk})
    assert not Candidate.objects.filter(first_name="Samira").exists()


def test_a_candidate_file_of_the_largest_size_previews_and_imports_in_one_go(intermediary, world):
    rows = [
        f"Kandidaat{n};Achternaam{n};{1960 + n % 40};SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2"
        for n in range(imports.spec_for(ImportKind.CANDIDATES).max_rows)
    ]
    upload_candidates(intermediary, world, candidate_rows(*rows))
    pending = pending_of(world.intermediary_a)

    page = intermediary.get(reverse("import_preview", kwargs={"pk": pending.pk}))
    intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert page.context["preview"].can_confirm
    assert world.campaign_a.enrolments.count() == 1 + 250


def test_the_candidate_upload_page_offers_only_campaigns_open_to_the_user(intermediary, world):
    response = intermediary.get(reverse("candidate_import"))

    assert list(response.context["form"].fields["campaign"].queryset) == [world.campaign_a]
    assert "organisation" not in response.context["form"].fields  # one organisation: it registers


def test_a_10000_row_candidate_file_is_refused_with_the_candidate_limit(intermediary, world):
    rows = [f"Kandidaat;Achternaam;1990;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2"] * 10_000

    response = upload_candidates(intermediary, world, candidate_rows(*rows))

    assert refusal(response) == [
        "The file has more than 250 rows. One import takes at most 250 rows: split the file into smaller files "
        "and import them one after the other."
    ]
    assert not PendingImport.objects.exists()
    assert Candidate.objects.count() == 2


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


def hostile_files() -> dict[str, bytes]:
    random = __import__("random").Random(4)
    wide = xlsx_upload(["Functie", *[f"K{n}" for n in range(100)]], ["Orderpicker"]).read()
    sparse = Workbook()
    sparse.active["A1"] = "Functie"
    sparse.active["A2"] = "Orderpicker"
    sparse.active["XFD1048576"] = "ver weg"
    sparse_bytes = io.BytesIO()
    sparse.save(sparse_bytes)
    empty_workbook = io.BytesIO()
    with zipfile.ZipFile(empty_workbook, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return {
        "random bytes": bytes(random.randrange(256) for _ in range(5000)),
        "nul bytes": b"Functie\x00;Aantal\n\x00\x00\n",
        "only separators": b";;;;\n;;;;\n",
        "unclosed quote": b'Functie;Aantal plaatsen\n"Orderpicker;1\nChauffeur;2\n',
        "one huge line": b"Functie;" + b"x;" * 200_000,
        "wide workbook": wide,
        "sparse workbook": sparse_bytes.getvalue(),
        "workbook without sheets": empty_workbook.getvalue(),
        "html": b"<html><body><table><tr><td>Functie</td></tr></table></body></html>",
        "utf-16 no bom": "Functie;Aantal\nOrderpicker;1\n".encode("utf-16-le"),
        "formula header": b"=cmd|' /C calc'!A0;Functie\nx;Orderpicker\n",
        "bom then binary": b"\xef\xbb\xbf\x01\x02\x03\x04",
    }


@pytest.mark.parametrize("name", list(hostile_files()))
def test_no_hostile_file_causes_a_server_error_or_a_partial_import(hr, world, name):
    response = upload_vacancies(hr, world, SimpleUploadedFile("file.csv", hostile_files()[name]))
    if response.status_code == 302:  # readable after all: the preview and confirmation must hold too
        preview = hr.get(response.url)
        confirm = hr.post(reverse("import_confirm", kwargs={"pk": pending_of(world.hr_a).pk}))
        assert (preview.status_code, confirm.status_code) == (200, 302)
    else:
        assert response.status_code == 400
        assert not PendingImport.objects.exists()
    assert all(title in {world.vacancy_a.title, "Orderpicker", "x"} for title in titles(world.company_a))
