"""Spreadsheets as the import and export tests make and read them: Dutch column names and values, CSV and xlsx
uploads, the upload requests, and the files read back."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from candidates.models import EducationLevel, ResidenceStatus
from companies.models import Shift, Vacancy
from jobroad.models import PendingImport

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


def upload_vacancies(client, world, file, company=None):
    company = company or world.company_a
    return client.post(reverse("vacancy_import", kwargs={"pk": company.pk}), {"file": file})


def pending_of(user) -> PendingImport:
    return PendingImport.objects.get(owner=user)


def titles(company) -> list[str]:
    return sorted(Vacancy.objects.filter(company=company).values_list("title", flat=True))


def refusal(response) -> list[str]:
    return response.context["form"].errors["file"]


CANDIDATE_HEADER = "Voornaam;Achternaam;Geboortejaar;Nationaliteit;Verblijfsstatus;Opleidingsniveau;Opvangcentrum;Talen"


def upload_candidates(client, world, file, campaign=None, organisation=None):
    data = {"campaign": (campaign or world.campaign_a).pk, "file": file}
    if organisation is not None:
        data["organisation"] = organisation.pk
    return client.post(reverse("candidate_import"), data)


def candidate_rows(*rows: str) -> SimpleUploadedFile:
    return csv_upload("\n".join([CANDIDATE_HEADER, *rows]) + "\n", name="kandidaten.csv")


REFUGEE, LOW = dutch(ResidenceStatus.RECOGNISED_REFUGEE), dutch(EducationLevel.LOW)


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";"))


def read_xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]
