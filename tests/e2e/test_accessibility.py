"""axe-core (tests/e2e/vendor) on every main page of every role and on the anonymous pages: no serious or critical
violation. Each role walks its own pages in one log-in, forms also as they come back with errors, and the test
fails with the whole list of problems. Every role walks at phone width (HR and intermediaries work on phones) and
on a desktop screen, where the menu is open.

HR also fills an evaluation with the keyboard alone."""

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from aftercare.models import CheckInAudience
from campaigns.models import CampaignPhase, Evaluation
from jobroad.models import CapturedMail, ImportKind, PendingImport
from tests.access_objects import (
    check_in_a,
    enrolment_a,
    message_for,
    placement_a,
    published_interview_a,
    question_a,
    sessions_of,
)
from tests.factories import set_phase
from tests.mfa import with_totp

from .conftest import axe, log_in, log_in_as_coordinator


class Visit(NamedTuple):
    name: str
    path: str
    send_empty: str = ""  # a form on the page to send empty too, so its error messages are checked as well


def main_pages(world) -> dict[str, list[Visit]]:
    """The pages each role works on, with data on them: an interview in the published schedule, a placement with
    its check-ins, the campaign's two workshop sessions, a message in the outbox and a captured mail."""
    interview = published_interview_a(world)
    candidates_session, partners_session = sessions_of(world)
    placement = placement_a(world)
    enrolment = enrolment_a(world)
    message = message_for(world.campaign_a)
    question = question_a(world)  # HR's question on the proposal of the published interview
    mail = CapturedMail.objects.create(
        message=message, subject="Welkom", body="Tot morgen", recipients="sara@example.org"
    )
    campaign, company, candidate = world.campaign_a.pk, world.company_a.pk, world.candidate_a.pk
    check_ins = {audience: check_in_a(world, audience).pk for audience in CheckInAudience.values}
    employer_check_in = check_ins[CheckInAudience.EMPLOYER]
    candidates = [
        Visit("candidates", "/candidates/"),
        Visit("candidates filtered", f"/candidates/?campaign={campaign}&status=active&language=ar"),
        Visit("candidate", f"/candidates/{candidate}/"),
    ]

    def aftercare(audience: str) -> list[Visit]:
        """The aftercare pages, with the form of the check-in that asks ``audience``."""
        return [
            Visit("placements", "/aftercare/"),
            Visit("placement", f"/aftercare/placements/{placement.pk}/"),
            Visit("check-ins", "/aftercare/check-ins/"),
            Visit("check-in form", f"/aftercare/check-ins/{check_ins[audience]}/", "[data-check-in-form]"),
        ]

    return {
        "alice": [
            Visit("home", "/"),
            Visit("two-factor authentication", "/accounts/2fa/"),
            Visit("campaigns", "/campaigns/"),
            Visit("campaign", f"/campaigns/{campaign}/"),
            Visit("campaign form", f"/campaigns/{campaign}/edit/"),
            Visit("new campaign form", "/campaigns/new/", "main form"),
            *candidates,
            Visit("register a candidate", f"/candidates/register/{campaign}/", "main form"),
            Visit("consent", f"/candidates/{candidate}/consent/"),
            Visit("audit trail", f"/candidates/{candidate}/audit/"),
            Visit("companies", "/companies/"),
            Visit("company", f"/companies/{company}/"),
            Visit("company form", f"/companies/{company}/edit/"),
            Visit("invite HR", f"/companies/{company}/invite/"),
            Visit("vacancy form", f"/companies/{company}/vacancies/new/", "main form"),
            Visit("workshops", f"/workshops/campaign/{campaign}/"),
            Visit("session", f"/workshops/sessions/{candidates_session.pk}/"),
            Visit("attendance", f"/workshops/sessions/{candidates_session.pk}/attendance/"),
            Visit("screening board", f"/candidates/screening/campaign/{campaign}/"),
            Visit("screening calibration", f"/candidates/screening/campaign/{campaign}/calibration/"),
            Visit("screening form", f"/candidates/screening/{enrolment.pk}/round-1/"),
            Visit("matching", f"/campaigns/{campaign}/matching/"),
            Visit("matching scores", f"/campaigns/{campaign}/matching/scores/"),
            Visit("matching of a candidate", f"/campaigns/enrolments/{enrolment.pk}/matching/"),
            Visit("project week", f"/campaigns/{campaign}/project-week/"),
            Visit("move an interview", f"/campaigns/interviews/{interview.pk}/move/"),
            Visit("transport", f"/campaigns/{campaign}/project-week/transport/"),
            Visit("transport run form", f"/campaigns/{campaign}/project-week/transport/add/", "main form"),
            Visit("interpreter bookings", f"/campaigns/{campaign}/project-week/interpreters/"),
            Visit("interpreter register", "/campaigns/interpreters/"),
            Visit("interpreter form", "/campaigns/interpreters/add/", "main form"),
            Visit("second chance", f"/campaigns/{campaign}/second-chance/"),
            Visit("interviews", "/campaigns/interviews/"),
            Visit("evaluation form", f"/campaigns/interviews/{interview.pk}/evaluation/"),
            Visit("proposals", "/campaigns/proposals/"),
            Visit("HR's question", f"/campaigns/proposals/questions/{question.pk}/", "[data-question-form]"),
            *aftercare(CheckInAudience.CANDIDATE),
            Visit("coaching contact form", f"/aftercare/candidates/{candidate}/contacts/new/"),
            Visit("reports", "/campaigns/reports/"),
            Visit("outbox", "/messages/"),
            Visit("new message", "/messages/new/", "main form"),
            Visit("message", f"/messages/{message.pk}/"),
            Visit("mail", "/mail/"),
            Visit("a mail", f"/mail/{mail.pk}/"),
            Visit("organisations", "/organisations/"),
            Visit("organisation", f"/organisations/{world.jobroad.pk}/"),
        ],
        "hr_a": [
            Visit("home", "/"),
            Visit("campaigns", "/campaigns/"),
            Visit("campaign", f"/campaigns/{campaign}/"),
            Visit("companies", "/companies/"),
            Visit("company", f"/companies/{company}/"),
            Visit("company form", f"/companies/{company}/edit/"),
            Visit("vacancy form", f"/companies/{company}/vacancies/new/", "main form"),
            Visit("vacancy import", f"/imports/vacancies/{company}/"),
            Visit("workshops", f"/workshops/campaign/{campaign}/"),
            Visit("session", f"/workshops/sessions/{partners_session.pk}/"),
            Visit("interviews", "/campaigns/interviews/"),
            Visit("evaluation form", f"/campaigns/interviews/{interview.pk}/evaluation/", "[data-evaluation-form]"),
            Visit("proposals", "/campaigns/proposals/"),
            Visit("check-ins", "/aftercare/check-ins/"),
            Visit("check-in form", f"/aftercare/check-ins/{employer_check_in}/", "[data-check-in-form]"),
            Visit("organisations", "/organisations/"),
            Visit("organisation", f"/organisations/{world.company_a.organisation.pk}/"),
        ],
        "intermediary_a": [
            Visit("home", "/"),
            Visit("campaigns", "/campaigns/"),
            Visit("campaign", f"/campaigns/{campaign}/"),
            *candidates,
            Visit("register a candidate", f"/candidates/register/{campaign}/", "main form"),
            Visit("candidate form", f"/candidates/{candidate}/edit/"),
            Visit("candidate import", "/imports/candidates/"),
            Visit("import preview with a row to fix", f"/imports/{pending_with_an_error(world).pk}/"),
            Visit("import the valid rows", f"/imports/{pending_with_an_error(world).pk}/valid-rows/", "main form"),
            Visit("workshops", f"/workshops/campaign/{campaign}/"),
            Visit("session", f"/workshops/sessions/{candidates_session.pk}/"),
            *aftercare(CheckInAudience.INTERMEDIARY),
            Visit("organisations", "/organisations/"),
            Visit("organisation", f"/organisations/{world.intermediary_org_a.pk}/"),
        ],
        "coach_a": [
            Visit("home", "/"),
            *candidates,
            Visit("caseload", "/aftercare/caseload/"),
            Visit("coaching contact form", f"/aftercare/candidates/{candidate}/contacts/new/", "main form"),
            *aftercare(CheckInAudience.CANDIDATE),
        ],
        "funder_viewer": [
            Visit("home", "/"),
            Visit("campaigns", "/campaigns/"),
            Visit("campaign", f"/campaigns/{campaign}/"),
            Visit("reports", "/campaigns/reports/"),
        ],
    }


def pending_with_an_error(world) -> PendingImport:
    """Intermediary A's upload of two candidates into campaign A, the second without a last name."""
    keys = ("first_name", "last_name", "residence_status", "education_level", "postal_code", "city")
    rows = [("Amal", "Haddad", "belgian", "low", "9000", "Gent"), ("Nour", "", "belgian", "low", "9000", "Gent")]
    pending, _created = PendingImport.objects.get_or_create(
        owner=world.intermediary_a, kind=ImportKind.CANDIDATES, campaign=world.campaign_a,
        organisation=world.intermediary_org_a, filename="kandidaten.csv",
        defaults={"expires_at": timezone.now() + timedelta(hours=1),
                  "columns": [{"key": key, "header": key, "letter": chr(65 + i)} for i, key in enumerate(keys)],
                  "rows": [{"number": n, "cells": dict(zip(keys, row, strict=True))} for n, row in enumerate(rows, 2)]},
    )  # fmt: skip
    return pending


DASHBOARDS = {"hr_a": "company_hr", "intermediary_a": "intermediary", "coach_a": "job_coach"}


def problems_on(page, base_url: str, visits: list[Visit]) -> list[str]:
    """Every page that does not answer 200 and every serious or critical violation, as ``name path: problem``."""
    found = []
    for visit in visits:
        where = f"{visit.name} {visit.path}"
        response = page.goto(f"{base_url}{visit.path}")
        if response.status != 200:
            found.append(f"{where}: HTTP {response.status}")
            continue
        found += [f"{where}: {violation}" for violation in axe(page)]
        if visit.send_empty:
            send_empty(page, visit.send_empty)
            found += [f"{where} sent empty: {violation}" for violation in axe(page)]
    return found


def send_empty(page, form: str) -> None:
    """Submit the form as it is, past the browser's own checks, so the server answers with its error messages (with
    its sending button, not a section's "Save and continue", which saves a draft unchecked)."""
    page.locator(form).first.evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():
        page.locator(form).first.locator("[type=submit]:not([data-save-section])").first.click()


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("role", ["alice", "hr_a", "intermediary_a", "coach_a", "funder_viewer"])
def test_every_main_page_of_a_role_passes_axe(request, live_url, world, role, width):
    visits = main_pages(world)[role]
    user = getattr(world, role)
    page = request.getfixturevalue("phone_page" if width == "phone" else "page")
    if role == "alice":
        log_in_as_coordinator(page, live_url, user, with_totp(user))
    else:
        log_in(page, live_url, user.email)
        expect(page.locator(f"[data-dashboard={DASHBOARDS.get(role, role)}]").first).to_be_visible()

    problems = problems_on(page, live_url, visits)

    assert problems == [], "\n".join(["", *problems])


def test_the_anonymous_pages_pass_axe(page, live_url):
    visits = [
        Visit("log-in", "/accounts/login/", "main form"),
        Visit("password reset", "/accounts/password/reset/"),
    ]

    problems = problems_on(page, live_url, visits)
    page.goto(f"{live_url}/aftercare/answer/x/")  # an unusable check-in link: 410 Gone, with a page that says so
    problems += [f"unusable check-in link: {violation}" for violation in axe(page)]

    assert problems == [], "\n".join(["", *problems])


def test_axe_reports_a_field_without_a_label(page, live_url):
    page.goto(f"{live_url}/accounts/login/")
    page.locator("main form").first.evaluate("form => form.append(document.createElement('input'))")

    problems = axe(page)

    assert [problem.split(":")[0] for problem in problems] == ["label (critical)"]


def tab_to(page, selector: str, presses: int = 40) -> None:
    """Press Tab until the focus is on ``selector``; fails if it never gets there."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.name || document.activeElement.tagName")


def test_hr_fills_an_evaluation_with_the_keyboard_alone(phone_page, live_url, world, time_machine):
    page = phone_page
    set_phase(world.campaign_a, CampaignPhase.PROJECT_WEEK)
    interview = published_interview_a(world)
    # The evaluation opens once the interview has started: the evening of its day.
    time_machine.move_to(datetime.combine(interview.published_day, time(17), tzinfo=timezone.get_current_timezone()))
    log_in(page, live_url, world.hr_a.email)
    page.goto(f"{live_url}/campaigns/interviews/")

    tab_to(page, f"a[href='/campaigns/interviews/{interview.pk}/evaluation/']")
    page.keyboard.press("Enter")
    expect(page.locator("[data-evaluation-form]")).to_be_visible()
    tab_to(page, "input[name=attendance]")
    page.keyboard.press("Space")  # attended, the first choice
    page.keyboard.press("Tab")
    assert focused(page) == "outcome"
    page.keyboard.press("ArrowDown")  # maybe
    page.keyboard.press("ArrowUp")  # offer
    page.keyboard.press("Tab")
    assert focused(page) == "start_route"
    page.keyboard.press("ArrowDown")  # temp work
    page.keyboard.press("ArrowDown")  # workplace learning
    page.keyboard.press("Tab")
    assert focused(page) == "proposed_start"
    page.keyboard.type("05052027")  # 5 May 2027 whether the browser puts the day or the month first
    for _ in range(4):  # Tab walks through the date's own parts (day, month, year, calendar button) first
        page.keyboard.press("Tab")
        if focused(page) != "proposed_start":
            break
    assert focused(page) == "feedback"
    page.keyboard.type("Rustig en nauwkeurig.")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "submit"
    page.keyboard.press("Enter")

    expect(page.locator("[data-hr-interview] [data-evaluated]").first).to_have_attribute("data-evaluated", "offer")
    evaluation = Evaluation.objects.get()
    assert (
        evaluation.interview, evaluation.attendance, evaluation.outcome, evaluation.start_route,
        evaluation.proposed_start, evaluation.feedback, evaluation.filled_by,
    ) == (
        interview, "attended", "offer", "workplace_learning", date(2027, 5, 5), "Rustig en nauwkeurig.", world.hr_a,
    )  # fmt: skip
