"""Browser flow: a coordinator plans a labour-market session, fills it until the waiting list starts, marks
attendance on a phone and prints the attendance sheet; cancelling a session asks first. Selectors use names and
data attributes, not words."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from jobroad.models import Message, MessageStatus
from tests.factories import CandidateFactory
from tests.pdftext import pdf_text
from workshops import services
from workshops.models import Audience, RegistrationStatus, Session, Workshop, WorkshopKind

from .conftest import log_in_as_coordinator


@pytest.fixture
def workshop(world):
    for name in ("Hiwet", "Omar"):
        candidate = CandidateFactory(first_name=name, last_name="Demo", registered_by=world.intermediary_org_a)
        world.campaign_a.enrolments.create(candidate=candidate)
    return Workshop.objects.create(
        campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES
    )


def test_a_workshop_session_is_filled_and_attendance_marked(phone_page, live_url, world, workshop, screenshot):
    page = phone_page
    log_in_as_coordinator(page, live_url, world.alice)

    page.goto(f"{live_url}/workshops/campaign/{world.campaign_a.pk}/")
    screenshot(page, "workshops")
    page.locator(f"a[href='/workshops/{workshop.pk}/sessions/new/']").click()
    page.locator("input[name=starts_at]").fill("2027-03-02T09:30")
    page.locator("input[name=ends_at]").fill("2027-03-02T12:30")
    page.locator("input[name=place]").fill("Opvangcentrum, Leslokaal 2")
    page.locator("input[name=capacity]").fill("2")
    page.locator("input[name=facilitator]").fill("Lotte Peeters")
    screenshot(page, "new-session")
    page.locator("main form [type=submit]").click()
    session = workshop.sessions.get()
    expect(page).to_have_url(f"{live_url}/workshops/sessions/{session.pk}/")

    for candidate in (world.candidate_a, *world.campaign_a.candidates.filter(last_name="Demo")):
        page.locator("select[name=candidate]").select_option(str(candidate.pk))
        page.locator(f"form[action='/workshops/sessions/{session.pk}/register/'] [type=submit]").click()
    expect(page.locator("[data-taken]")).to_contain_text("2")
    expect(page.locator("[data-registration]")).to_have_count(3)
    screenshot(page, "session-full-with-waiting-list")
    assert list(session.registrations.values_list("status", flat=True)) == [
        RegistrationStatus.REGISTERED, RegistrationStatus.REGISTERED, RegistrationStatus.WAITING,
    ]  # fmt: skip

    page.locator(f"a[href='/workshops/sessions/{session.pk}/attendance/']").click()
    first, second = session.registrations.filter(status=RegistrationStatus.REGISTERED)
    page.locator(f"#registration-{first.pk} button[value=yes]").click()
    page.locator(f"#registration-{second.pk} button[value=no]").click()
    expect(page.locator(f"#registration-{first.pk}")).to_have_attribute("data-attended", "yes")
    expect(page.locator(f"#registration-{second.pk}")).to_have_attribute("data-attended", "no")
    screenshot(page, "attendance-marked")

    sheet = page.request.get(f"{live_url}/workshops/sessions/{session.pk}/attendance-sheet.pdf")
    assert sheet.headers["content-type"] == "application/pdf"
    text = pdf_text(sheet.body())
    assert str(first.candidate) in text and str(second.candidate) in text and "Lotte Peeters" in text


def test_cancelling_a_session_asks_first_and_names_the_reminders(page, live_url, world, workshop, screenshot):
    start = timezone.now() + timedelta(days=7)
    session = services.save_session(
        session=Session(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Centrum"),
        actor=world.alice,
    )
    services.register(session=session, candidate=world.candidate_a, actor=world.alice)  # intermediary A: 1 reminder
    log_in_as_coordinator(page, live_url, world.alice)
    page.goto(f"{live_url}/workshops/sessions/{session.pk}/")

    page.locator("[data-cancel-session]").click()
    expect(page.locator("[data-cancellation]")).to_have_attribute("data-reminders", "1")
    screenshot(page, "cancel-the-session")
    page.locator("input[name=confirm]").check()
    page.locator("[data-cancel-session-confirm]").click()

    expect(page).to_have_url(f"{live_url}/workshops/sessions/{session.pk}/")
    expect(page.locator("[data-cancel-session]")).to_have_count(0)
    assert sorted(Message.objects.values_list("template", "status")) == [
        ("workshop_cancelled", MessageStatus.PENDING),  # intermediary A hears that it is off
        ("workshop_reminder", MessageStatus.CANCELLED),
    ]
