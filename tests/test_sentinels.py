"""Issue 8: sentinel values in every sensitive field of candidate A never reach an HR or funder page, export or PDF;
issue 22: nor a partner screener's page beyond what screening needs, and nothing at all of another campaign's
(tests/test_sentinels_screeners.py).

Candidate A gets a distinctive value in each field company HR and funders must never see, and is taken all the
way to company A (consent, a confirmed proposal, a published interview, an evaluation, a placement with check-ins).
Then every page hr_a and funder_viewer may open (the role matrix of tests/access_matrix.py plus the files and
links it does not name) is read the way a person reads it — HTML unescaped, PDFs through pdftotext, spreadsheets
cell by cell — and searched for each sentinel. A coordinator self-check proves the sentinels do show where they
belong, so a search that can never match would fail too.

Notes are stored encrypted (screening, coaching, check-ins), so only rendered pages can tell; that is what these
tests read. The sentinels fixture and the reading of pages are in tests/sentinel_walk.py.
"""

import re
from datetime import date

from django.urls import reverse
from django.utils import timezone

from aftercare.links import check_in_path
from campaigns.models import Interview
from campaigns.reporting import reports
from campaigns.reporting.tables import report_tables
from tests.access_objects import enrolment_a, published_interview_a
from tests.reauth import recently_authenticated
from tests.sentinel_walk import (
    EXPERIENCE,
    FIRST_NAME,
    LAST_NAME,
    Page,
    employer_check_in,
    leaks,
    matrix_urls,
    read,
    walk,
)
from tests.sentinel_walk import sentinels as sentinels  # the fixture

# --- Company HR ---------------------------------------------------------------------------------------------------


# On the home page, the check-ins HR has to answer; the rest of the page is a dashboard like any other.
CHECK_INS_ON_HOME = re.compile(r'<section[^>]*data-dashboard="check_ins".*?</section>', re.DOTALL)


def hr_urls(world) -> tuple[list[str], list[str]]:
    """hr_a's pages: (those that may name the employee, the others)."""
    employer = employer_check_in(world)
    # The employer's own check-in pages are about the person it employs since the placement, whom it knows by full
    # name: there, and only there, the last name is no leak.
    employee_pages = [reverse("check_in_answer", kwargs={"pk": employer.pk}), check_in_path(employer),
                      reverse("check_in_list")]  # fmt: skip
    others = [
        *matrix_urls(world, "hr_a"),
        reverse("home"),
        reverse("interview_list"),
        reverse("proposal_list"),
        reverse("company_day_sheet", kwargs={"pk": published_interview_a(world).participation_id}),
        *(reverse(name, kwargs={"file_format": form}) for name in ("vacancy_export", "company_export")
          for form in ("csv", "xlsx")),
    ]  # fmt: skip
    return employee_pages, [url for url in others if url not in employee_pages]


def test_hr_sees_no_sentinel_on_any_page_export_or_pdf(client_for, world, sentinels):
    employee_pages, other_pages = hr_urls(world)
    client = client_for(world.hr_a)

    employee = walk(client, employee_pages)
    others = walk(client, other_pages)

    without_last_name = [item for item in sentinels.hr if item.field != "last name"]
    last_name = [item for item in sentinels.hr if item.field == "last name"]
    found = [leak for page in employee for leak in leaks(page, without_last_name)]
    found += [leak for page in others for leak in leaks(page, without_last_name)]
    # The home page lists the same employer check-ins as the check-in list; outside that list, no last name.
    found += [leak for page in others for leak in leaks(outside_check_ins(page), last_name)]
    assert found == [], "\n".join(["Sentinels on hr_a's pages:", *found])


def outside_check_ins(page: Page) -> Page:
    if page.url != reverse("home"):
        return page
    return Page(url=page.url, status=page.status, text=CHECK_INS_ON_HOME.sub("", page.text), pdf=page.pdf)


def test_the_hr_walk_reaches_the_candidate_and_the_employer_check_in(client_for, world, sentinels):
    employee_pages, other_pages = hr_urls(world)
    day_sheet_url = reverse("company_day_sheet", kwargs={"pk": published_interview_a(world).participation_id})
    client = client_for(world.hr_a)

    proposals = read(client, reverse("proposal_list"))
    day_sheet = read(client, day_sheet_url)
    check_ins = read(client, reverse("check_in_list"))

    assert {reverse("proposal_list"), day_sheet_url, reverse("check_in_list")} <= {*employee_pages, *other_pages}
    assert FIRST_NAME in proposals.text and EXPERIENCE in proposals.text
    assert FIRST_NAME in day_sheet.text and EXPERIENCE in day_sheet.text
    assert f"{FIRST_NAME} {LAST_NAME}" in check_ins.text


# --- Funder viewer ------------------------------------------------------------------------------------------------


def report_filters(world) -> list[str]:
    campaign_a = world.campaign_a
    return [
        "",
        f"?campaign={campaign_a.pk}",
        f"?programme={campaign_a.programme_id}",
        f"?starts_on={date(2020, 1, 1).isoformat()}&ends_on={timezone.localdate().isoformat()}",
    ]


def funder_urls(world) -> list[str]:
    scope = reports.report_scope(world.funder_viewer, campaign=None, programme="", starts_on=None, ends_on=None)
    tables = [table.key for table in report_tables(scope, suppress=True)]
    urls = matrix_urls(world, "funder_viewer")
    for query in report_filters(world):
        urls += [reverse("report_list") + query, reverse("report_pdf") + query]
        urls.append(reverse("report_export", kwargs={"file_format": "xlsx"}) + query)
        separator = "&" if query else "?"
        urls += [
            reverse("report_export", kwargs={"file_format": "csv"}) + f"{query}{separator}table={key}" for key in tables
        ]
    return urls


def test_funder_sees_no_sentinel_nor_the_person_in_any_report_export_or_pdf(client_for, world, sentinels):
    client = client_for(world.funder_viewer)

    pages = walk(client, funder_urls(world))

    found = [leak for page in pages for leak in leaks(page, sentinels.funder)]
    assert found == [], "\n".join(["Sentinels on funder_viewer's pages:", *found])


def test_the_funder_walk_reads_figures_of_the_candidates_campaign(client_for, world, sentinels):
    client = client_for(world.funder_viewer)

    report = read(client, reverse("report_list") + f"?campaign={world.campaign_a.pk}")
    pdf = read(client, reverse("report_pdf") + f"?campaign={world.campaign_a.pk}")

    assert world.campaign_a.name in report.text and world.campaign_a.name in pdf.text
    assert "<td>x</td>" in report.text  # a hidden count (jobroad.disclosure.HIDDEN)


# --- The sentinels are real ---------------------------------------------------------------------------------------


def test_a_coordinator_sees_every_sentinel_somewhere(client_for, world, sentinels):
    interview_c = Interview.objects.get(
        enrolment=enrolment_a(world), participation__company__organisation__name="Company C"
    )
    client = client_for(world.alice)
    pages = [
        read(client, reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk})),
        read(client, reverse("screening_edit", kwargs={"pk": enrolment_a(world).pk, "round": 1})),
        read(client, reverse("placement_detail", kwargs={"pk": employer_check_in(world).placement_id})),
        read(client, reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk})),
        read(client, reverse("interview_evaluation", kwargs={"pk": interview_c.pk})),
        read(client, reverse("interview_evaluation", kwargs={"pk": published_interview_a(world).pk})),
        read(client, reverse("project_week_pack", kwargs={"pk": world.campaign_a.pk})),  # the run sheet's lunch
    ]

    shown = {item.field for page in pages for item in sentinels.funder if item.found_in(page.text)}

    assert shown == {item.field for item in sentinels.funder}


def test_the_candidate_page_shows_a_coordinator_nationality_last_name_and_phone(client_for, world, sentinels):
    page = read(client_for(world.alice), reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}))

    shown = {item.field for item in sentinels.hr if item.found_in(page.text)}

    assert {"nationality", "last name", "phone"} <= shown
    assert "Tuvalu" in page.text


def test_spreadsheets_and_pdfs_are_read_well_enough_to_find_a_sentinel(client_for, world, sentinels):
    client = client_for(world.alice)
    recently_authenticated(client, world.alice)
    files = {
        "csv": read(client, reverse("candidate_export", kwargs={"file_format": "csv"})),
        "xlsx": read(client, reverse("candidate_export", kwargs={"file_format": "xlsx"})),
        "pdf": read(client, reverse("candidate_schedule", kwargs={"pk": published_interview_a(world).enrolment_id})),
    }

    shown = {kind: {item.field for item in sentinels.hr if item.found_in(page.text, pdf=page.pdf)}
             for kind, page in files.items()}  # fmt: skip

    expected_in_exports = {"last name", "reference number", "birth year", "nationality", "residence status",
                           "legal access dates", "target group (detention)"}  # fmt: skip
    assert shown == {"csv": expected_in_exports, "xlsx": expected_in_exports, "pdf": {"last name"}}
