"""The candidate import and what the rules need: temporary protection and NARIC columns (optional), and a name in
another spelling noted — never blocking, never naming another organisation's candidate."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from candidates.models import Candidate, DiplomaRecognition, ResidenceStatus
from jobroad import imports
from jobroad.models import ImportKind
from tests.factories import CandidateFactory
from tests.language import ENGLISH
from tests.reauth import recently_authenticated

from .files import (
    CANDIDATE_HEADER,
    LOW,
    REFUGEE,
    candidate_rows,
    csv_upload,
    pending_of,
    read_csv,
    upload_candidates,
)


def test_the_template_offers_the_temporary_protection_and_naric_columns_as_optional():
    spec = imports.spec_for(ImportKind.CANDIDATES)
    columns = {column.key: column for column in spec.columns}

    with translation.override("en"):
        help_rows = {row[0]: row for row in template_help_rows()}

    assert [
        columns[key].required for key in ("temporary_protection_on", "diploma_recognition", "diploma_recognition_on")
    ] == [
        False,
        False,
        False,
    ]
    assert help_rows["Diploma recognition (NARIC)"][1:3] == [
        "optional",
        "Accepted: Not applicable (no foreign diploma to recognise); Not applied for yet; Applied, waiting for the "
        "decision; Equivalent to a specific Flemish diploma (full equivalence); Equivalent in level (e.g. bachelor, "
        "master); Refused.",
    ]
    assert help_rows["Annex 15 or A card of"][1] == "optional"


def template_help_rows() -> list[list]:
    content, _name = imports.template_file(ImportKind.CANDIDATES, "xlsx")
    sheet = load_workbook(BytesIO(content))["Help"]
    return [[cell.value or "" for cell in row] for row in sheet.iter_rows(min_row=2)]


def test_a_ukrainian_and_a_naric_decision_are_imported(intermediary, world):
    upload_candidates(
        intermediary,
        world,
        csv_upload(
            f"{CANDIDATE_HEADER};Datum bijlage 15 of A-kaart;Diplomaerkenning (NARIC);Datum beslissing NARIC\n"
            f"Olena;Kovalenko;1990;UA;temporary_protection;{LOW};Opvangcentrum Heidedorp;uk C2;02/03/2026;;\n"
            f"Samira;Ahmadi;1994;AF;{REFUGEE};high;Opvangcentrum Heidedorp;prs C2;;level;20/11/2025\n"
        ),
    )
    pending = pending_of(world.intermediary_a)

    intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    olena, samira = Candidate.objects.get(first_name="Olena"), Candidate.objects.get(first_name="Samira")
    assert (olena.residence_status, olena.eligible_from, olena.diploma_recognition) == (
        ResidenceStatus.TEMPORARY_PROTECTION,
        date(2026, 3, 2),
        DiplomaRecognition.NOT_APPLICABLE,
    )
    assert (samira.diploma_recognition, samira.diploma_recognition_on) == (DiplomaRecognition.LEVEL, date(2025, 11, 20))


def test_a_spelling_variant_of_an_own_candidate_is_noted_and_imported_without_a_choice(intermediary, world):
    ours = CandidateFactory(
        first_name="Mohammed", last_name="Haddad", birth_year=1994, registered_by=world.intermediary_org_a
    )
    upload_candidates(
        intermediary, world, candidate_rows(f"محمد;حداد;1994;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2")
    )
    pending = pending_of(world.intermediary_a)

    with translation.override("en"):
        preview = imports.preview_import(pending)
    response = intermediary.post(reverse("import_confirm", kwargs={"pk": pending.pk}))

    assert [(row.number, row.notes, row.flags) for row in preview.noted_rows] == [
        (2, [f"Possibly the same person as {ours} (1994), registered by Werkwinkel A."], [])
    ]
    assert response.url == reverse("candidate_list")
    assert Candidate.objects.filter(first_name="محمد", last_name="حداد").count() == 1


def test_a_spelling_variant_of_another_organisations_candidate_is_not_noted(intermediary, world):
    CandidateFactory(first_name="Mohammed", last_name="Haddad", birth_year=1994, registered_by=world.intermediary_org_b)
    upload_candidates(
        intermediary, world, candidate_rows(f"Muhammad;Haddad;1994;SY;{REFUGEE};{LOW};Opvangcentrum Heidedorp;ar C2")
    )

    preview = imports.preview_import(pending_of(world.intermediary_a))
    page = intermediary.get(reverse("import_preview", kwargs={"pk": pending_of(world.intermediary_a).pk})).content

    assert [row.notes for row in preview.rows] == [[]]
    assert b"data-row-note" not in page and b"Mohammed" not in page


def test_the_candidate_export_has_the_naric_status_beside_the_education_level(client_for, world):
    world.candidate_a.diploma_recognition = DiplomaRecognition.SPECIFIC
    world.candidate_a.save()
    client = client_for(world.intermediary_a)
    recently_authenticated(client, world.intermediary_a)

    with translation.override("en"):
        rows = read_csv(client.get(reverse("candidate_export", kwargs={"file_format": "csv"}), headers=ENGLISH))

    naric = rows[0].index("Diploma recognition (NARIC)")
    assert rows[0][naric - 1 : naric + 2] == ["Education level", "Diploma recognition (NARIC)", "Residence status"]
    assert [row[naric] for row in rows[1:]] == ["Equivalent to a specific Flemish diploma (full equivalence)"]
