"""Sectors in imported candidate spreadsheets (campaigns.intake.imports): written as people write them —
"Logistiek", "horeca", "soins", a label with a comma in it — they are saved as the sector codes matching reads; a
name no sector goes by is a row error, and nobody is registered."""

from django.urls import reverse

from candidates.models import Candidate
from jobroad import imports

from .files import CANDIDATE_HEADER, LOW, REFUGEE, csv_upload, pending_of, upload_candidates


def candidate_file(sectors: str):
    return csv_upload(
        f"{CANDIDATE_HEADER};Gewenste sectoren\n"
        f'Samira;Ahmadi;1994;AF;{REFUGEE};{LOW};Opvangcentrum Heidedorp;nl A2;"{sectors}"\n',
        name="kandidaten.csv",
    )


def test_desired_sectors_are_imported_by_the_names_people_type_as_codes(intermediary, world, centre):
    upload_candidates(intermediary, world, candidate_file("Logistiek; horeca, soins; Hotels, restaurants and catering"))

    intermediary.post(reverse("import_confirm", kwargs={"pk": pending_of(world.intermediary_a).pk}))

    assert Candidate.objects.get(first_name="Samira").desired_sectors == ["logistics", "hospitality", "care"]


def test_an_unknown_sector_is_a_row_error_and_nobody_is_registered(intermediary, world, centre):
    upload_candidates(intermediary, world, candidate_file("Logistiek; Ruimtevaart"))

    preview = imports.preview_import(pending_of(world.intermediary_a))

    assert [(row.number, [column for column, _error in row.errors]) for row in preview.error_rows] == [
        (2, ["I · Gewenste sectoren"])
    ]
    assert "Ruimtevaart" in preview.error_rows[0].errors[0][1]
    assert not Candidate.objects.filter(first_name="Samira").exists()
