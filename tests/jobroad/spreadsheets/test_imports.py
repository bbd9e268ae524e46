"""The import machinery every spreadsheet goes through (jobroad.imports): a pending import is its uploader's alone;
row errors, formulas and unreadable files are refused whole with a reason; confirming is one transaction; no hostile
file causes a server error or a partial import. Vacancy files are the vehicle."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from companies import services as company_services
from companies.models import Competence, Site, Vacancy
from jobroad import cells, imports, sweeps
from jobroad.models import ImportKind, PendingImport, Role
from tests.factories import (
    MembershipFactory,
)

from .files import VACANCY_HEADER, csv_upload, pending_of, refusal, titles, upload_vacancies, xlsx_upload

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
    Competence.objects.bulk_create(Competence(labels={"en": f"Skill {i}"}) for i in range(cells.LISTED_CHOICES + 1))
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
