"""Candidate A with a sentinel in every sensitive field (the ``sentinels`` fixture), and a page, export or PDF read the
way a person reads it — HTML unescaped, PDFs through pdftotext, spreadsheets cell by cell — to search it for them.
Shared by tests/test_sentinels.py (company HR, funders, the self-checks) and tests/test_sentinels_screeners.py."""

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
from candidates.choices import DietaryNeed
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
from tests.factories import CompanyFactory, FundingProgrammeFactory, VacancyFactory, employer_check_in_of, set_phase
from tests.factories.aftercare import employer_for
from tests.pdftext import compact, pdf_text

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
    candidate.dietary_need = DietaryNeed.KOSHER  # special-category: counted on the run sheet, shown nowhere else
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
        employer=employer_for("temp_work"),
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
    world.campaign_a.programme = FundingProgrammeFactory(name="ESF Sentinel", funder=world.funder)
    world.campaign_a.save(update_fields=["programme"])

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
        sentinel("dietary need", *labels(DietaryNeed.KOSHER)),
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
