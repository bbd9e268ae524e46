"""The funder reports as files (issue 8): one table as CSV, the workbook, the PDF with its annex of sessions, and
what each costs in queries as the campaign grows."""

import csv
import io
import re
from datetime import date

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aftercare.services import change_placement, place_from_evaluation
from campaigns.models import CampaignPhase, Interview
from tests.factories import set_phase
from tests.factories.aftercare import employer_for
from tests.factories.cohort import enrol, offer, screen
from tests.language import ENGLISH
from tests.pdftext import pdf_text
from tests.reportpages import report

# --- Exports ---------------------------------------------------------------------------------------------------


def test_one_table_as_csv(client_for, world, cohort):
    response = client_for(world.alice).get(
        reverse("report_export", args=["csv"]), {"table": "funnel", "campaign": world.campaign_a.pk}, headers=ENGLISH
    )

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Stage", "People", "Share of those registered"],
        ["Registered", "7", "100 %"],
        ["Screened", "6", "86 %"],
        ["Selected", "5", "71 %"],
        ["Proposed to a company", "5", "71 %"],
        ["Interviewed", "4", "57 %"],
        ["Offer", "3", "43 %"],
        ["Placed", "4", "57 %"],
    ]


@pytest.mark.parametrize("address", ["report.csv?table=nope", "report.csv", "report.ods?table=funnel"])
def test_an_unknown_table_or_format_is_not_found(client_for, world, address):
    response = client_for(world.alice).get(f"{reverse('report_list')}{address}")

    assert response.status_code == 404


def test_the_workbook_has_one_sheet_per_table(client_for, world, cohort):
    client = client_for(world.alice)
    tables = report(client).context["tables"]

    response = client.get(reverse("report_export", args=["xlsx"]), headers=ENGLISH)

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [table.title for table in tables]
    assert len(workbook.sheetnames) == 14  # the last four: routes, temp work by agency, referrals, interpreting
    funnel = [list(row) for row in workbook["From registration to work"].iter_rows(values_only=True)]
    assert funnel == [
        ["Stage", "People", "Share of those registered"],
        ["Registered", 7, "100 %"],
        ["Screened", 6, "86 %"],
        ["Selected", 5, "71 %"],
        ["Proposed to a company", 5, "71 %"],
        ["Interviewed", 4, "57 %"],
        ["Offer", 3, "43 %"],
        ["Placed", 4, "57 %"],
    ]


def lines_with(text: str, *cells: str) -> list[str]:
    pattern = r"\s+".join(re.escape(cell) for cell in cells)
    return [line.strip() for line in text.splitlines() if re.search(pattern, line)]


def test_the_pdf_holds_the_figures_and_an_annex_of_the_sessions_held(client_for, world, cohort):
    response = client_for(world.alice).get(reverse("report_pdf"), headers=ENGLISH)

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert len(lines_with(text, "Registered", "7", "100 %")) == 1
    assert len(lines_with(text, "Interviewed", "4", "57 %")) == 1
    assert len(lines_with(text, "Placed", "4", "57 %")) == 1
    assert len(lines_with(text, "20/02/2025", "Campaign A", "Werkcultuur (residents)", "Heidedorp", "3")) == 1
    assert len(lines_with(text, "25/02/2025", "Campaign A", "Project week: 1 companies visited", "—", "5")) == 1


def test_the_funders_pdf_hides_the_small_attendance_too(client_for, world, cohort):
    response = client_for(world.funder_viewer).get(reverse("report_pdf"), headers=ENGLISH)

    text = pdf_text(response.content)
    assert len(lines_with(text, "Registered", "5", "100 %")) == 1
    assert len(lines_with(text, "Interviewed", "x", "—")) == 1
    assert len(lines_with(text, "Werkcultuur (residents)", "Heidedorp", "x")) == 1
    assert len(lines_with(text, "Project week: 1 companies visited", "—", "5")) == 1  # five people, exactly five


# --- Query budget ----------------------------------------------------------------------------------------------


def add_tracked_people(world, count: int) -> None:
    """People who went all the way: screened, interviewed with an offer, placed (campaign A is in aftercare), their
    route changed."""
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)
    for index in range(count):
        enrolment = enrol(world, world.campaign_a, f"Person{index}", "Budget", date(2025, 1, 10))
        screen(world, enrolment, "selected")
        evaluation = offer(world, enrolment, 8 + Interview.objects.count(), "temp_work")
        placement = place_from_evaluation(
            evaluation=evaluation, starts_on=date(2025, 3, 3), employer=employer_for("temp_work"), actor=world.alice
        )
        change_placement(placement=placement, route="open_ended", on=date(2025, 6, 1), actor=world.alice)


@pytest.mark.parametrize(
    ("name", "args"), [("report_list", []), ("report_export", ["xlsx"]), ("report_pdf", [])], ids=str
)
def test_the_report_costs_as_many_queries_for_two_people_as_for_six(client_for, world, name, args):
    client = client_for(world.alice)
    url = reverse(name, args=args)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add_tracked_people(world, 1)
    few = queries()
    add_tracked_people(world, 4)
    many = queries()

    assert world.campaign_a.enrolments.count() == 6  # Amal and five people placed
    assert many == few
