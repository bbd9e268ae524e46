"""Importing the valid rows of a file and getting the rows with errors back as a file to fix
(jobroad.imports_partial); the help sheet's own examples import; the template and the importer in each language."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from candidates.models import Candidate, TargetGroup
from jobroad import imports
from jobroad.models import PendingImport

from .files import LOW, REFUGEE, candidate_rows, csv_upload, pending_of, read_csv, upload_candidates

GOOD = [
    f"Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;prs C2",
    f"Dawit;Tesfay;1990;ER;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ti C2",
]
BAD = f"Nour;Saleh;negentig;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2"


def partial_url(pending) -> str:
    return reverse("import_partial", kwargs={"pk": pending.pk})


def imported_names() -> list[str]:
    return sorted(
        Candidate.objects.filter(first_name__in=["Samira", "Dawit", "Nour"]).values_list("first_name", flat=True)
    )


def test_the_confirmation_names_how_many_rows_go_in_and_how_many_are_left_out(intermediary, world):
    upload_candidates(intermediary, world, candidate_rows(GOOD[0], BAD, GOOD[1]))
    pending = pending_of(world.intermediary_a)

    preview = intermediary.get(reverse("import_preview", kwargs={"pk": pending.pk}))
    page = intermediary.get(partial_url(pending))

    assert preview.context["can_leave_out"] is True
    assert (page.context["valid"], page.context["left_out"]) == (2, 1)
    assert "2 rows will be imported." in page.content.decode()
    assert "1 row with an error is left out." in page.content.decode()
    assert imported_names() == []


def test_confirming_imports_the_valid_rows_and_keeps_the_rows_with_errors_to_fix(intermediary, world):
    upload_candidates(intermediary, world, candidate_rows(GOOD[0], BAD, GOOD[1]))
    pending = pending_of(world.intermediary_a)

    response = intermediary.post(partial_url(pending), {"valid": "2", "left_out": "1"})

    remainder = pending_of(world.intermediary_a)
    assert response.url == reverse("import_preview", kwargs={"pk": remainder.pk})
    assert imported_names() == ["Dawit", "Samira"]
    assert remainder.pk != pending.pk
    assert [row["number"] for row in remainder.rows] == [3]
    assert Candidate.objects.get(first_name="Samira").target_group == TargetGroup.REFUGEES


def test_a_stale_count_imports_nothing(intermediary, world):
    upload_candidates(intermediary, world, candidate_rows(GOOD[0], BAD, GOOD[1]))
    pending = pending_of(world.intermediary_a)

    response = intermediary.post(partial_url(pending), {"valid": "3", "left_out": "0"})
    again = intermediary.post(partial_url(pending), {"valid": "1", "left_out": "2"})

    assert response.status_code == 400  # left_out must be at least 1
    assert again.url == reverse("import_preview", kwargs={"pk": pending.pk})
    assert imported_names() == []
    assert PendingImport.objects.get().pk == pending.pk


def test_an_error_in_saving_one_valid_row_saves_none(intermediary, world, monkeypatch):
    from campaigns.intake import services as intake_services

    upload_candidates(intermediary, world, candidate_rows(GOOD[0], BAD, GOOD[1]))
    pending = pending_of(world.intermediary_a)
    register = intake_services.register_candidate

    def register_then_fail(**kwargs):
        if kwargs["first_name"] == "Dawit":
            raise intake_services.RegistrationRefused(["The intake closed."])
        return register(**kwargs)

    monkeypatch.setattr(intake_services, "register_candidate", register_then_fail)

    intermediary.post(partial_url(pending), {"valid": "2", "left_out": "1"})

    assert imported_names() == []
    assert PendingImport.objects.get().pk == pending.pk


def test_the_rows_to_fix_come_as_a_file_with_an_error_column_that_imports_again_once_fixed(intermediary, world):
    upload_candidates(intermediary, world, candidate_rows(GOOD[0], BAD, GOOD[1]))
    pending = pending_of(world.intermediary_a)

    response = intermediary.get(reverse("import_rejected", kwargs={"pk": pending.pk, "file_format": "csv"}))

    rows = read_csv(response)
    assert rows[0][-1] == "Error"
    assert rows[1][:3] == ["Nour", "Saleh", "negentig"]
    assert rows[1][-1].startswith("Geboortejaar: ")
    assert len(rows) == 2
    rows[1][2] = "1999"
    fixed = "\n".join(";".join(row) for row in rows) + "\n"
    upload_candidates(intermediary, world, csv_upload(fixed, name="fixed.csv"))
    fixed_pending = PendingImport.objects.exclude(pk=pending.pk).get()
    assert fixed_pending.ignored_columns == []
    assert imports.preview_import(fixed_pending).error_rows == []


def test_the_rows_to_fix_come_as_a_workbook_too(intermediary, world):
    upload_candidates(intermediary, world, candidate_rows(GOOD[0], BAD))
    pending = pending_of(world.intermediary_a)

    response = intermediary.get(reverse("import_rejected", kwargs={"pk": pending.pk, "file_format": "xlsx"}))

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Voornaam" and values[0][-1] == "Error"
    assert values[1][:2] == ["Nour", "Saleh"]


def test_someone_elses_rows_to_fix_are_a_404(intermediary, world, client_for):
    upload_candidates(intermediary, world, candidate_rows(GOOD[0], BAD))
    pending = pending_of(world.intermediary_a)
    other = client_for(world.intermediary_b)

    pages = [
        other.get(reverse("import_rejected", kwargs={"pk": pending.pk, "file_format": "csv"})),
        other.get(partial_url(pending)),
        other.post(partial_url(pending), {"valid": "1", "left_out": "1"}),
    ]

    assert [page.status_code for page in pages] == [404, 404, 404]
    assert imported_names() == []


def test_a_file_without_errors_has_no_partial_import(intermediary, world):
    upload_candidates(intermediary, world, candidate_rows(*GOOD))
    pending = pending_of(world.intermediary_a)

    response = intermediary.get(partial_url(pending))

    assert response.url == reverse("import_preview", kwargs={"pk": pending.pk})


# --- the help sheet and the languages of the template ----------------------------------------------------------


def help_sheet(client, language: str) -> tuple[list[str], list[tuple]]:
    """The template's column names and its help sheet's rows, downloaded in ``language``."""
    response = client.get(
        reverse("import_template", kwargs={"kind": "candidates", "file_format": "xlsx"}),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    workbook = load_workbook(io.BytesIO(response.content))
    headers = [cell.value for cell in next(workbook.worksheets[0].iter_rows(max_row=1))]
    return headers, list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_help_sheets_own_examples_import(intermediary, world, language):
    headers, help_rows = help_sheet(intermediary, language)
    examples = {row[0]: row[3] or "" for row in help_rows}
    file = csv_upload(
        ";".join(headers) + "\n" + ";".join(f'"{examples[header]}"' for header in headers) + "\n", name="help.csv"
    )

    upload_candidates(intermediary, world, file)
    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [column for column, *_ in help_rows] == headers
    assert [row.errors for row in preview.rows] == [[]]
    assert preview.pending.ignored_columns == []
    amal = preview.rows[0].form.cleaned_data
    assert (amal["preferred_language"], preview.rows[0].extra["languages"]) == ("prs", [("prs", "C2"), ("nl", "A2")])
    assert (amal["reception_centre"], amal["postal_code"], amal["city"]) == (None, "9000", "Gent")


def test_the_help_sheet_says_a_reception_centre_or_an_address_is_needed(intermediary):
    _headers, help_rows = help_sheet(intermediary, "en")

    required = {row[0]: row[1] for row in help_rows}

    assert required["Reception centre"] == "required: this, or postal code and city"
    assert (
        required["City"]
        == required["Postal code"]
        == ("required, both postal code and city, unless a reception centre is given")
    )
    assert required["Street and number"] == "optional"


@pytest.mark.parametrize(("language", "first"), [("nl", "Voornaam"), ("fr", "Prénom"), ("en", "First name")])
def test_the_templates_column_names_follow_the_readers_language(intermediary, language, first):
    response = intermediary.get(
        reverse("import_template", kwargs={"kind": "candidates", "file_format": "csv"}), HTTP_ACCEPT_LANGUAGE=language
    )

    assert read_csv(response)[0][0] == first


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_importer_takes_the_column_names_of_each_language(intermediary, world, language):
    headers, _rows = help_sheet(intermediary, language)
    with translation.override(language):
        names = dict(zip([column.key for column in imports.spec_for("candidates").columns], headers, strict=True))
    row = {"first_name": "Amal", "last_name": "Haddad", "residence_status": "Belgian", "education_level": "low",
           "postal_code": "9000", "city": "Gent"}  # fmt: skip
    file = csv_upload(";".join(names[key] for key in row) + "\n" + ";".join(row.values()) + "\n", name="k.csv")

    upload_candidates(intermediary, world, file)
    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [row.errors for row in preview.rows] == [[]]
    assert [column["key"] for column in preview.pending.columns] == list(row)


def test_a_mother_tongue_counts_as_c2():
    from campaigns.intake.imports import parse_languages

    assert parse_languages("Dari moedertaal; Nederlands A2") == [("prs", "C2"), ("nl", "A2")]
