"""Issue 8: sentinel values in every sensitive field of candidate A never reach an HR or funder page, export or PDF.

Candidate A gets a distinctive value in each field company HR and funders must never see, and is taken all the
way to company A (consent, a confirmed proposal, a published interview, an evaluation, a placement with check-ins).
Then every page hr_a and funder_viewer may open (the role matrix of tests/access_matrix.py plus the files and
links it does not name) is read the way a person reads it — HTML unescaped, PDFs through pdftotext, spreadsheets
cell by cell — and searched for each sentinel. A coordinator self-check proves the sentinels do show where they
belong, so a search that can never match would fail too.

Notes are stored encrypted (screening, coaching, check-ins), so only rendered pages can tell; that is what these
tests read.
"""

import csv
import html
import io
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from aftercare.links import check_in_path
from aftercare.models import CheckIn, CheckInAudience, ContactChannel, ContactTopic, Placement, PlacementRoute
from aftercare.services import answer_check_in, create_placement, ensure_default_plans, log_coaching_contact
from campaigns.intake.services import save_screening
from campaigns.models import (
    Attendance,
    CampaignPhase,
    HrAnswer,
    Interview,
    Outcome,
    Participation,
    Proposal,
    ProposalStatus,
    StartRoute,
)
from campaigns.projectweek.evaluations import evaluate_interview
from campaigns.reporting import reports
from campaigns.reporting.tables import report_tables
from candidates.models import (
    CandidateLanguage,
    DocumentType,
    ResidenceStatus,
    ScreeningDecision,
    ScreeningRound,
    TargetGroup,
)
from tests.access_matrix import MATRIX
from tests.access_objects import after_the_interview, enrolment_a, published_interview_a
from tests.factories import CompanyFactory, VacancyFactory, employer_check_in_of, set_phase
from tests.pdftext import compact, pdf_text
from tests.reauth import recently_authenticated

# One made-up word per free-text field, so a hit names the field it came from.
LAST_NAME = "Qwyllinor"
REFERENCE_NUMBER = "RQ-48213-ZX"
BIRTH_YEAR = 1937  # validate_birth_year allows 1920 up to fourteen years ago
PHONE = "+32 499 73 19 46"
EMAIL = "amal.sentinel@qzmail.example"
STREET = "Zwavelbloemstraat 77"
CITY = "Quaxhoven"
NATIONALITY = "TV"  # Tuvalu: one name in Dutch, French and English, and nobody else in the world has it here
APPLIED_ON = date(2023, 2, 17)
NEGATIVE_DECISION_ON = date(2024, 9, 23)
DOCUMENT_EXPIRES_ON = date(2031, 6, 29)
AVAILABILITY_NOTE = "Vorkdag"
SCREENING_NOTES = "Brombeltje"
TEST_RESULTS = "Krinkelpunt"
DECISION_REASON = "Moerzwalp"
COACHING_NOTES = "Plonzerwijk"
COACHING_NEXT_ACTION = "Tremmelgat"
COACH_CHECK_IN_NOTES = "Grusselveld"
INTERMEDIARY_CHECK_IN_NOTES = "Wobbelhaven"
OTHER_COMPANY_FEEDBACK = "Snirkelbaan"
OTHER_COMPANY_COMMENT = "Fladdermuis"
# What HR A may see of its own candidate, but a funder never: the blind profile and HR A's own evaluation.
FIRST_NAME = "Amal"
EXPERIENCE = "Kwartelmagazijn"
OWN_FEEDBACK = "Pruttelkoffie"

LANGUAGES = ("nl", "fr", "en")
DATE_FORMATS = (
    "j F Y", "d F Y", "j M Y", "j N Y", "F j, Y", "N j, Y", "d/m/Y", "j/n/Y", "d/m/y", "d-m-Y", "j-n-Y", "d.m.Y",
    "j.n.Y", "Y-m-d", "DATE_FORMAT", "SHORT_DATE_FORMAT",
)  # fmt: skip


@dataclass(frozen=True)
class Sentinel:
    field: str
    renderings: frozenset[str]  # any of these on a page is a hit

    def patterns(self) -> list[re.Pattern]:
        # Not inside a longer word or number; spaces in the value may be any run of white space (or none) on the
        # page, as for a phone number written without spaces or a date pdftotext spreads out.
        return [
            re.compile(
                r"(?<![^\W_])" + r"\s*".join(re.escape(part) for part in value.split()) + r"(?![^\W_])",
                re.IGNORECASE,
            )
            for value in self.renderings
        ]

    def found_in(self, text: str, *, pdf: bool = False) -> bool:
        if any(pattern.search(text) for pattern in self.patterns()):
            return True
        # pdftotext may break a long word where glyphs are spaced; compare without any spacing at all.
        return pdf and any(len(compact(value)) >= 8 and compact(value).casefold() in compact(text).casefold()
                           for value in self.renderings)  # fmt: skip


def sentinel(field: str, *values: str) -> Sentinel:
    return Sentinel(field, frozenset(values))


def day_renderings(day: date) -> set[str]:
    """A date as any page, spreadsheet or PDF could write it, in each interface language."""
    found = {day.isoformat()}
    for language in LANGUAGES:
        with translation.override(language):
            found |= {formats.date_format(day, form) for form in DATE_FORMATS}
    return found


def labels(choice) -> set[str]:
    """A choice's label in each interface language."""
    found = set()
    for language in LANGUAGES:
        with translation.override(language):
            found.add(str(choice.label))
    return found


@dataclass
class Sentinels:
    hr: list[Sentinel]  # never on an HR page
    funder: list[Sentinel]  # never on a funder page: all of the above and any trace of the person


@pytest.fixture
def sentinels(world) -> Sentinels:
    """Candidate A with a sentinel in every sensitive field, proposed to, interviewed and placed at company A, with
    check-ins answered by the coach and the intermediary; another company's evaluation of the candidate too."""
    candidate = world.candidate_a
    candidate.last_name = LAST_NAME
    candidate.reference_number = REFERENCE_NUMBER
    candidate.birth_year = BIRTH_YEAR
    candidate.phone, candidate.email = PHONE, EMAIL
    candidate.street, candidate.postal_code, candidate.city = STREET, "9999", CITY
    candidate.nationality = NATIONALITY
    candidate.residence_status = ResidenceStatus.ASYLUM_APPLICANT
    candidate.asylum_application_date, candidate.asylum_negative_decision_on = APPLIED_ON, NEGATIVE_DECISION_ON
    candidate.target_group = TargetGroup.EX_DETAINEES  # detention history
    candidate.availability_note = f"Niet op {AVAILABILITY_NOTE} (ziekenhuisbezoek)"
    candidate.experience_summary = f"Twee jaar orderpicker in het {EXPERIENCE}"
    candidate.full_clean()  # the sentinels are values the forms would accept
    candidate.save()
    CandidateLanguage.objects.create(candidate=candidate, language="ar", level="C2")
    set_phase(world.campaign_a, CampaignPhase.SCREENING)
    save_screening(
        enrolment=enrolment_a(world), round=ScreeningRound.FIRST, screener=world.alice,
        notes=f"Rugklachten, {SCREENING_NOTES}", test_results=f"Rekentoets {TEST_RESULTS} 7/10",
        document_type=DocumentType.ORANGE_CARD, document_expires_on=DOCUMENT_EXPIRES_ON,
        decision=ScreeningDecision.RESERVE, decision_reason=f"Eerst {DECISION_REASON} afronden",
    )  # fmt: skip
    log_coaching_contact(
        candidate=candidate, coach=world.coach_a, happened_on=timezone.localdate(), channel=ContactChannel.PHONE,
        topic=ContactTopic.OTHER, notes=f"Slaapt slecht sinds {COACHING_NOTES}",
        next_action=f"Bellen over {COACHING_NEXT_ACTION}",
    )  # fmt: skip
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)  # evaluations done, offers become placements
    interview = published_interview_a(world)  # records the consent to share and confirms the proposal
    with after_the_interview(interview):
        evaluation = evaluate_interview(
            interview=interview, attendance=Attendance.ATTENDED, outcome=Outcome.OFFER,
            start_route=StartRoute.TEMP_WORK, proposed_start=timezone.localdate(), feedback=f"Sterk in {OWN_FEEDBACK}",
            actor=world.hr_a,
        )  # fmt: skip
    ensure_default_plans()
    # Started thirty days ago, so the employer's first check-in is due today and on hr_a's list.
    placement = create_placement(
        candidate=candidate, company=world.company_a, vacancy=world.vacancy_a, campaign=world.campaign_a,
        evaluation=evaluation, route=PlacementRoute.TEMP_WORK, starts_on=timezone.localdate() - timedelta(days=30),
        actor=world.alice,
    )  # fmt: skip
    answer_check_in(
        check_in=placement.check_ins.get(audience=CheckInAudience.CANDIDATE, offset_days=7),
        still_working=True, notes=f"Thuis {COACH_CHECK_IN_NOTES}", actor=world.coach_a,
    )  # fmt: skip
    answer_check_in(
        check_in=placement.check_ins.get(audience=CheckInAudience.INTERMEDIARY),
        still_working=True, notes=f"Huur {INTERMEDIARY_CHECK_IN_NOTES}", actor=world.intermediary_a,
    )  # fmt: skip
    other_company_evaluates(world)
    world.campaign_a.funding_programme = "ESF Sentinel"
    world.campaign_a.save(update_fields=["funding_programme"])

    access = candidate.legal_access
    derived = [day for day in (access.eligible_from, access.check_from) if day and day != date.min]
    hr = [
        sentinel("last name", LAST_NAME),
        sentinel("reference number", REFERENCE_NUMBER),
        sentinel("birth year", str(BIRTH_YEAR)),
        sentinel("phone", PHONE),
        sentinel("e-mail", EMAIL),
        sentinel("street", STREET),
        sentinel("city", CITY),
        sentinel("nationality", *{candidate.nationality_name, "Tuvalu"}),
        sentinel("residence status", *labels(ResidenceStatus.ASYLUM_APPLICANT)),
        sentinel("asylum application date", *day_renderings(APPLIED_ON)),
        sentinel("negative decision date", *day_renderings(NEGATIVE_DECISION_ON)),
        sentinel("legal access dates", *{text for day in derived for text in day_renderings(day)}),
        sentinel("target group (detention)", *labels(TargetGroup.EX_DETAINEES)),
        sentinel("availability note", AVAILABILITY_NOTE),
        sentinel("screening notes", SCREENING_NOTES),
        sentinel("screening test results", TEST_RESULTS),
        sentinel("screening decision reason", DECISION_REASON),
        sentinel("residence document", *labels(DocumentType.ORANGE_CARD)),
        sentinel("residence document expiry", *day_renderings(DOCUMENT_EXPIRES_ON)),
        sentinel("coaching notes", COACHING_NOTES),
        sentinel("coaching next action", COACHING_NEXT_ACTION),
        sentinel("candidate check-in notes (coach)", COACH_CHECK_IN_NOTES),
        sentinel("intermediary check-in notes", INTERMEDIARY_CHECK_IN_NOTES),
        sentinel("another company's evaluation feedback", OTHER_COMPANY_FEEDBACK),
        sentinel("another company's comment on the proposal", OTHER_COMPANY_COMMENT),
    ]
    funder = [
        *hr,
        sentinel("first name", FIRST_NAME),
        sentinel("work experience", EXPERIENCE),
        sentinel("HR's own evaluation feedback", OWN_FEEDBACK),
    ]
    return Sentinels(hr=hr, funder=funder)


def other_company_evaluates(world) -> None:
    """Company C, also in campaign A, was proposed candidate A, asked a question and evaluated the interview."""
    company_c = CompanyFactory(organisation__name="Company C")
    participation = Participation.objects.create(campaign=world.campaign_a, company=company_c)
    proposal = Proposal.objects.create(
        enrolment=enrolment_a(world), vacancy=VacancyFactory(company=company_c), fit=40,
        status=ProposalStatus.CONFIRMED, hr_answer=HrAnswer.QUESTION, hr_comment=f"Waarom {OTHER_COMPANY_COMMENT}?",
    )  # fmt: skip
    day = date(2027, 4, 21)
    interview = Interview.objects.create(
        proposal=proposal, participation=participation, enrolment=proposal.enrolment, day=day, starts_at=time(11),
        ends_at=time(11, 30), seat=1, published_day=day, published_starts_at=time(11),
    )  # fmt: skip
    with after_the_interview(interview):
        evaluate_interview(
            interview=interview, attendance=Attendance.ATTENDED, outcome=Outcome.NO,
            feedback=f"Te weinig {OTHER_COMPANY_FEEDBACK}", actor=world.alice,
        )  # fmt: skip


# --- Reading a response the way a person would ------------------------------------------------------------------

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    text: str
    pdf: bool


def read(client, url: str) -> Page:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "").split(";")[0]
    if kind == "application/pdf":
        text = pdf_text(body)
    elif kind == XLSX:
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        rows = [row for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
        text = "\n".join(
            [*workbook.sheetnames, *("\t".join("" if cell is None else str(cell) for cell in row) for row in rows)]
        )
    elif kind == "text/csv":
        text = "\n".join("\t".join(row) for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    else:
        text = html.unescape(body.decode())
    # The file name a download is saved under is read too.
    text += "\n" + response.get("Content-Disposition", "")
    return Page(url=url, status=response.status_code, text=text, pdf=kind == "application/pdf")


def leaks(page: Page, sentinels: list[Sentinel]) -> list[str]:
    return [f"{page.url} shows the {item.field}" for item in sentinels if item.found_in(page.text, pdf=page.pdf)]


def matrix_urls(world, role: str) -> list[str]:
    """Every page of the role matrix the role may open; actions that only take a POST answer with a redirect
    and show nothing, and their GET is refused, so they are left out."""
    urls = []
    for case in MATRIX:
        if role in case.allowed and case.method == "get":
            urls.append(reverse(case.name, kwargs=case.kwargs(world)))
    return urls


def employer_check_in(world) -> CheckIn:
    """Candidate A's placement's employer check-in a month after the start."""
    return employer_check_in_of(Placement.objects.get(candidate=world.candidate_a), offset_days=30)


def walk(client, urls: list[str]) -> list[Page]:
    pages = [read(client, url) for url in dict.fromkeys(urls)]
    refused = [f"{page.url} answered {page.status}" for page in pages if page.status != 200]
    assert refused == [], "\n".join(["Pages of the walk that did not open, so were not searched:", *refused])
    return pages


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
        f"?programme={campaign_a.funding_programme.replace(' ', '+')}",
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
