"""One campaign from its creation to a placement's first check-in, in the browser, in Dutch, French and English
(which also checks that dates read day first): the coordinator plans it and opens the intake; an intermediary
registers a candidate on a phone; the coordinator screens, matches and confirms; HR answers the blind profile on a
phone; the coordinator plans and publishes the project week; HR confirms its day and evaluates with an offer; the
coordinator records the placement and marks it started; a week later the job coach answers the candidate's
check-in; the coordinator reads the answer.

Every step a person does goes through the UI, each person in their own browser in the campaign's language (the
coach's phone is in English and the coach picks the language in the navigation bar). The database only arranges what
has no UI (the people and organisations, each person's language as their invitation set it, the company's site and
vacancy, the follow-up plans, a TOTP secret) and checks the result. The clock moves three times: to the project-week
day, to the start day and to the first check-in's due day; every session has expired by then, so each person logs in
again."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from aftercare.models import CheckIn, CheckInAudience, CheckInStatus, FollowUpStep, Placement, PlacementStatus
from aftercare.services import ensure_default_plans
from campaigns.models import (
    Campaign,
    CampaignPhase,
    Evaluation,
    HrAnswer,
    Interview,
    Participation,
    PhaseChange,
    Proposal,
    ProposalStatus,
)
from candidates.models import Candidate, ConsentPurpose, Screening, ScreeningDecision
from companies.models import Site
from jobroad.models import User
from tests.factories.aftercare import employer_for
from tests.mfa import with_totp

from .conftest import PHONE, log_in, log_in_as_coordinator

SLOW = 30_000  # ms: the matching and the schedule run a solver on a shared machine


@dataclass(frozen=True)
class Language:
    code: str
    locale: str
    log_out: str  # the navbar's button, on every page behind log-in
    new_campaign: str
    candidates: str
    proposals: str
    project_week: str
    check_ins_to_answer: str
    check_ins: str
    route: str  # the start route HR chooses (a different one per language, for a little more ground)


DUTCH = Language(
    code="nl", locale="nl-BE", log_out="Afmelden", new_campaign="Nieuwe campagne", candidates="Kandidaten",
    proposals="Voorgestelde kandidaten", project_week="Jouw projectweek",
    check_ins_to_answer="Te beantwoorden opvolgcontacten", check_ins="Opvolgcontacten", route="workplace_learning",
)  # fmt: skip
FRENCH = Language(
    code="fr", locale="fr-BE", log_out="Se déconnecter", new_campaign="Nouvelle campagne", candidates="Candidats",
    proposals="Candidats proposés", project_week="Votre semaine projet",
    check_ins_to_answer="Contacts de suivi à compléter", check_ins="Contacts de suivi", route="temp_work",
)  # fmt: skip
ENGLISH = Language(
    code="en", locale="en-GB", log_out="Log out", new_campaign="New campaign", candidates="Candidates",
    proposals="Proposed candidates", project_week="Your project week", check_ins_to_answer="Check-ins to answer",
    check_ins="Check-ins", route="workplace_learning",
)  # fmt: skip


@pytest.fixture
def browsers(browser, browser_context_args):
    """``open_browser(locale, phone=False)``: a page in a browser of its own (cookies and all), one per person."""
    contexts = []

    def open_browser(locale: str, phone: bool = False):
        context = browser.new_context(
            **{**browser_context_args, "locale": locale, **({"viewport": PHONE} if phone else {})}
        )
        contexts.append(context)
        return context.new_page()

    yield open_browser
    for context in contexts:
        context.close()


@pytest.fixture
def patient_expect():
    """A shared two-core machine runs the live server, the solvers and chromium: wait up to 15 s, not 5."""
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def hiring_company(world):
    """Company A with a warehouse site and one open vacancy there (HR keeps these in the UI; tested elsewhere)."""
    site = Site.objects.create(
        company=world.company_a, name="Magazijn Noord", street="Dokweg 3", postal_code="9000", city="Gent",
        latitude=Decimal("51.070000"), longitude=Decimal("3.730000"),
    )  # fmt: skip
    vacancy = world.vacancy_a
    vacancy.title, vacancy.site, vacancy.language, vacancy.language_level = "Magazijnmedewerker", site, "nl", "A2"
    vacancy.shifts, vacancy.start_routes = ["day"], ["temp_work", "workplace_learning"]
    vacancy.save()
    return vacancy


@pytest.fixture
def default_plans(db):
    """The default follow-up plan for every route (a check-in with the candidate, through the coach, after a week
    first), whatever an earlier test left in the database."""
    FollowUpStep.objects.all().delete()
    ensure_default_plans()


def expect_language(page, language: Language) -> None:
    """The page is in the campaign's language: the document says so, the navbar's language button for it is
    the current one, and a word every logged-in page shows is translated."""
    expect(page.locator("html")).to_have_attribute("lang", language.code)
    expect(page.locator("button[name=language][aria-current=true]")).to_have_attribute("value", language.code)
    expect(page.locator("form[action='/accounts/logout/'] button")).to_have_text(language.log_out)


def open_menu(page) -> None:
    """On a phone the navigation bar is folded away behind its toggler."""
    page.locator(".navbar-toggler").click()
    expect(page.locator("#main-nav")).to_be_visible()


def advance(page, campaign: Campaign, phase: str) -> None:
    """Press the campaign page's "move on" button (shown once nothing stands in the way) for the next phase."""
    expect(page.locator("[data-problems]")).to_have_count(0)
    move_on = page.locator(f"form[action='/campaigns/{campaign.pk}/advance/']")
    expect(move_on.locator("input[name=phase]")).to_have_value(phase)
    move_on.locator("button[type=submit]").click()
    expect(page.locator(f"[data-phase={phase}]")).to_be_visible()


def move_clock(time_machine, day: date, hour: int) -> None:
    time_machine.move_to(datetime.combine(day, clock(hour), tzinfo=timezone.get_current_timezone()))


@pytest.mark.parametrize("language", [DUTCH, FRENCH, ENGLISH], ids=lambda language: language.code)
def test_a_campaign_runs_from_its_creation_to_the_first_check_in_of_a_placement(
    language, browsers, live_url, world, hiring_company, default_plans, patient_expect, screenshot, time_machine
):
    today = timezone.localdate()
    week = today + timedelta(days=7)  # the project week's first day: the company's day
    start = week + timedelta(days=7)  # the start date HR proposes
    first_check_in = start + timedelta(days=7)  # the default plan: the candidate, through the coach, after a week
    plans = {
        "intake": (today, today + timedelta(days=2)),
        "screening": (today + timedelta(days=3), today + timedelta(days=4)),
        "matching": (today + timedelta(days=5), today + timedelta(days=6)),
        "project_week": (week, week + timedelta(days=4)),
        "aftercare": (week + timedelta(days=5), week + timedelta(days=370)),
    }
    secret = with_totp(world.alice)
    company, vacancy = world.company_a, hiring_company
    # Invited in the campaign's language, they start in it; the coach was invited in English and picks it below.
    User.objects.filter(pk__in=[world.alice.pk, world.intermediary_a.pk, world.hr_a.pk]).update(language=language.code)
    User.objects.filter(pk=world.coach_a.pk).update(language="en")

    # 1. The coordinator creates the campaign with its phase dates and partner, adds the company, opens the intake.
    coordinator = browsers(language.locale)
    log_in_as_coordinator(coordinator, live_url, world.alice, secret)
    expect_language(coordinator, language)
    coordinator.locator("#main-nav a[href='/campaigns/']").click()
    coordinator.locator("main a[href='/campaigns/new/']").click()
    expect(coordinator.locator("main h1")).to_have_text(language.new_campaign)
    coordinator.locator("input[name=name]").fill("Matchmaking Scheldeland")
    coordinator.locator("input[name=region]").fill("Scheldeland")
    coordinator.locator(f"input[name=partners][value='{world.intermediary_org_a.pk}']").check()
    for phase, (starts_on, ends_on) in plans.items():
        coordinator.locator(f"input[name={phase}_from]").fill(starts_on.isoformat())
        coordinator.locator(f"input[name={phase}_until]").fill(ends_on.isoformat())
    screenshot(coordinator, "coordinator-new-campaign")
    coordinator.locator("main form [type=submit]").click()
    expect(coordinator.locator("[data-phase=draft]")).to_be_visible()
    campaign = Campaign.objects.get(name="Matchmaking Scheldeland")
    expect(coordinator).to_have_url(f"{live_url}/campaigns/{campaign.pk}/")

    coordinator.locator(f"main a[href='/campaigns/{campaign.pk}/companies/add/']").click()
    coordinator.locator("select[name=company]").select_option(str(company.pk))
    coordinator.locator("main form [type=submit]").click()
    expect(coordinator.locator(f"main a[href='/companies/{company.pk}/']")).to_be_visible()
    advance(coordinator, campaign, CampaignPhase.INTAKE)
    screenshot(coordinator, "coordinator-intake-open")

    # 2. The intermediary, on a phone, registers a candidate into the campaign with consent to share the profile.
    intermediary = browsers(language.locale, phone=True)
    log_in(intermediary, live_url, world.intermediary_a.email)
    expect(intermediary.locator("[data-dashboard=intermediary]")).to_be_visible()
    expect_language(intermediary, language)
    open_menu(intermediary)
    intermediary.locator("#main-nav a[href='/candidates/']").click()
    expect(intermediary.locator("main h1")).to_have_text(language.candidates)
    screenshot(intermediary, "intermediary-candidates")
    intermediary.locator(f"[data-openings] a[href='/candidates/register/{campaign.pk}/']").click()
    form = intermediary.locator("main form")
    form.locator("input[name=first_name]").fill("Nour")
    form.locator("input[name=last_name]").fill("Al-Khatib")
    form.locator("input[name=reference_number]").fill("WW-2026-0815")
    form.locator("select[name=gender]").select_option("woman")
    form.locator("input[name=birth_year]").fill("1997")
    form.locator("select[name=nationality]").select_option("SY")
    form.locator("select[name=residence_status]").select_option("recognised_refugee")
    form.locator("input[name=postal_code]").fill("9000")
    form.locator("input[name=city]").fill("Gent")
    form.locator("select[name=preferred_language]").select_option("ar")
    form.locator("select[name=education_level]").select_option("medium")
    form.locator("textarea[name=experience_summary]").fill("Five years of stock keeping in a Damascus pharmacy.")
    form.locator("input[name=desired_sectors][value=logistics]").check()
    form.locator("input[name=available_shifts][value=day]").check()
    form.locator("select[name=target_group]").select_option("refugees")
    form.locator("select[name=languages-0-language]").select_option("ar")
    form.locator("select[name=languages-0-level]").select_option("C2")
    form.locator("select[name=languages-1-language]").select_option("nl")
    form.locator("select[name=languages-1-level]").select_option("A2")
    form.locator("input[name=share_profile]").check()
    screenshot(intermediary, "intermediary-registration")
    form.locator("button[name=save]").click()
    expect(intermediary.locator("main h1")).to_have_text("Nour Al-Khatib")
    expect(intermediary.locator("[data-legal-access=unrestricted]").first).to_be_visible()
    expect(intermediary.locator("[data-consent='share_profile:given']")).to_be_visible()
    screenshot(intermediary, "intermediary-registered")
    candidate = Candidate.objects.get(reference_number="WW-2026-0815")
    enrolment = campaign.enrolments.get(candidate=candidate)

    # 3. The coordinator screens the candidate as selected, assigns the job coach, matches and confirms.
    coordinator.reload()
    expect_language(coordinator, language)
    advance(coordinator, campaign, CampaignPhase.SCREENING)
    coordinator.locator(f"main a[href='/candidates/screening/campaign/{campaign.pk}/']").first.click()
    coordinator.locator(f"[data-enrolment='{enrolment.pk}'] [data-action=screen]").click()
    for criterion in ("motivation", "learning_ability", "experience", "competences", "communication"):
        coordinator.locator(f"[data-rubric={criterion}] label").nth(3).click()  # 4 out of 5
    coordinator.locator("select[name=document_type]").select_option("a_card")
    coordinator.locator("input[name=document_expires_on]").fill((week + timedelta(days=365)).isoformat())
    coordinator.locator("input[name=decision][value=selected]").check()
    screenshot(coordinator, "coordinator-screening")
    coordinator.locator("[data-screening-form] button[name=save]").click()
    expect(coordinator.locator("[data-count=selected] .badge")).to_have_text("1")

    coordinator.goto(f"{live_url}/campaigns/{campaign.pk}/")
    coordinator.locator(f"main a[href='/candidates/{candidate.pk}/']").click()
    coordinator.locator(f"main a[href='/candidates/{candidate.pk}/edit/']").click()
    coordinator.locator("select[name=coach]").select_option(str(world.coach_a.pk))
    coordinator.locator("button[name=save]").click()
    expect(coordinator).to_have_url(f"{live_url}/candidates/{candidate.pk}/")
    assert Candidate.objects.get(pk=candidate.pk).coach == world.coach_a

    coordinator.goto(f"{live_url}/campaigns/{campaign.pk}/")
    advance(coordinator, campaign, CampaignPhase.MATCHING)
    coordinator.locator(f"main a[href='/campaigns/{campaign.pk}/matching/']").first.click()
    coordinator.locator("[data-matching-settings] [type=submit]").click()
    expect(coordinator.locator("[data-covered]")).to_have_text("1 / 1", timeout=SLOW)
    expect(coordinator.locator(f"[data-candidate='{candidate.pk}'] [data-proposal='{vacancy.pk}']")).to_be_visible()
    coordinator.locator("[data-confirm]").click()
    expect(coordinator.locator("[data-confirmation]")).to_have_attribute("data-proposals", "1")
    coordinator.locator("input[name=confirm]").check()
    coordinator.locator("[data-confirm-proposals]").click()
    expect(coordinator.locator(f"[data-candidate='{candidate.pk}'] .badge.text-bg-success")).to_have_count(1)
    screenshot(coordinator, "coordinator-proposals-confirmed")
    proposal = Proposal.objects.get(enrolment=enrolment)

    # 4. HR, on a phone, reads the blind profile and wants to meet the candidate.
    hr = browsers(language.locale, phone=True)
    log_in(hr, live_url, world.hr_a.email)
    expect_language(hr, language)
    hr.locator("[data-proposals-link]").click()
    expect(hr.locator("main h1")).to_have_text(language.proposals)
    card = hr.locator(f"#proposal-{proposal.pk}")
    expect(card.locator("[data-first-name]")).to_have_text("Nour")
    for hidden in ("Al-Khatib", "WW-2026-0815", "1997"):
        expect(hr.locator("main")).not_to_contain_text(hidden)
    screenshot(hr, "hr-blind-profile")
    card.locator(f"input[value={HrAnswer.INTERESTED}]").check()
    card.locator("[type=submit]").click()
    expect(hr.locator("[data-to-answer]")).to_have_attribute("data-to-answer", "0")
    hr.locator("[data-answered] summary").click()  # answered proposals are folded away
    expect(hr.locator(f"#proposal-{proposal.pk} [data-answer={HrAnswer.INTERESTED}]")).to_be_visible()
    screenshot(hr, "hr-answered")

    # 5. The coordinator gives the company its project-week day and generates the schedule while still matching
    # (project week opens once every confirmed proposal has its interview), moves on, and publishes it.
    coordinator.goto(f"{live_url}/campaigns/{campaign.pk}/matching/")
    expect_language(coordinator, language)
    expect(coordinator.locator(f"[data-candidate='{candidate.pk}'] [data-hr-answer=interested]")).to_be_visible()
    screenshot(coordinator, "coordinator-reads-hr-answer")
    coordinator.locator(f"main a[href='/campaigns/{campaign.pk}/']").first.click()
    participation = Participation.objects.get(campaign=campaign, company=company)
    coordinator.locator(f"main a[href='/campaigns/participations/{participation.pk}/edit/']").click()
    coordinator.locator(f"input[name=available_days][value='{week.isoformat()}']").check()
    coordinator.locator("main form [type=submit]").click()
    expect(coordinator).to_have_url(f"{live_url}/campaigns/{campaign.pk}/")
    coordinator.locator(f"main a[href='/campaigns/{campaign.pk}/project-week/']").first.click()
    coordinator.locator("[data-generate]").click()
    expect(coordinator.locator(f"[data-day='{week.isoformat()}'] [data-interview]")).to_have_count(1, timeout=SLOW)
    coordinator.locator(f"main a[href='/campaigns/{campaign.pk}/']").first.click()
    advance(coordinator, campaign, CampaignPhase.PROJECT_WEEK)
    coordinator.locator(f"main a[href='/campaigns/{campaign.pk}/project-week/']").first.click()
    expect(coordinator.locator("[data-publish]")).to_contain_text("1")
    coordinator.locator("[data-publish]").click()
    coordinator.locator("input[name=confirm]").check()
    coordinator.locator("[data-publish-confirm]").click()
    expect(coordinator.locator("[data-publish]")).to_contain_text("0")
    expect(coordinator.locator("[data-pack]")).to_be_visible()
    screenshot(coordinator, "coordinator-schedule-published")
    interview = Interview.objects.get(proposal=proposal)
    assert interview.published_day == week

    # 6. HR confirms its day; on the day, after the interview, it evaluates: an offer, a route and a start date.
    hr.goto(f"{live_url}/")
    hr.locator("[data-interviews-link]").click()
    expect(hr.locator("main h1")).to_have_text(language.project_week)
    expect(hr.locator(f"[data-hr-interview='{interview.pk}']")).to_contain_text("Nour")
    hr.locator("[data-confirm-day]").click()
    expect(hr.locator("[data-day-confirmed]")).to_be_visible()
    screenshot(hr, "hr-day-confirmed")

    move_clock(time_machine, week, 15)
    log_in(hr, live_url, world.hr_a.email)  # a week later: the session has expired
    expect_language(hr, language)
    hr.locator("[data-interviews-link]").click()
    hr.locator(f"[data-hr-interview='{interview.pk}'] a").click()
    evaluation_form = hr.locator("[data-evaluation-form]")
    evaluation_form.locator("input[name=attendance][value=attended]").check()
    evaluation_form.locator("input[name=outcome][value=offer]").check()
    evaluation_form.locator("select[name=start_route]").select_option(language.route)
    evaluation_form.locator("input[name=proposed_start]").fill(start.isoformat())
    evaluation_form.locator("textarea[name=feedback]").fill("Nauwkeurig en rustig; kent voorraadbeheer.")
    screenshot(hr, "hr-evaluation")
    evaluation_form.locator("[type=submit]").click()
    expect(hr.locator(f"[data-hr-interview='{interview.pk}'] [data-evaluated]")).to_have_attribute(
        "data-evaluated", "offer"
    )
    screenshot(hr, "hr-evaluated")
    evaluation = Evaluation.objects.get(interview=interview)

    # 7. The same day the coordinator moves on to aftercare and records the placement; on the start day she
    # marks it started.
    log_in_as_coordinator(coordinator, live_url, world.alice, secret)
    expect_language(coordinator, language)
    coordinator.goto(f"{live_url}/campaigns/{campaign.pk}/")
    advance(coordinator, campaign, CampaignPhase.AFTERCARE)
    coordinator.locator("#main-nav a[href='/aftercare/']").click()
    offer = coordinator.locator(f"[data-offer='{evaluation.pk}']")
    expect(offer).to_contain_text("Nour Al-Khatib")
    screenshot(coordinator, "coordinator-offer")
    agency = employer_for("temp_work")  # the branch temp work goes through, there before the form is opened
    offer.locator("a").click()
    expect(coordinator.locator("input[name=starts_on]")).to_have_value(start.isoformat())
    coordinator.locator("input[name=hours_per_week]").fill("38")
    if language.route == "temp_work":  # employed by the temp agency; the company is the workplace
        coordinator.locator("select[name=employer]").select_option(str(agency.pk))
    coordinator.locator("[data-placement-form] [type=submit]").click()
    expect(coordinator.locator("[data-placement-status=planned]")).to_be_visible()
    placement = Placement.objects.get(evaluation=evaluation)
    expect(coordinator).to_have_url(f"{live_url}/aftercare/placements/{placement.pk}/")
    check_in = placement.check_ins.get(offset_days=7)
    expect(coordinator.locator(f"[data-check-in='{check_in.pk}']")).to_have_attribute(
        "data-check-in-status", CheckInStatus.PENDING
    )
    screenshot(coordinator, "coordinator-placement-recorded")

    move_clock(time_machine, start, 9)
    log_in_as_coordinator(coordinator, live_url, world.alice, secret)
    coordinator.locator("#main-nav a[href='/aftercare/']").click()
    # One short date format in every language, day first (en-GB in English, not the US month first).
    expect(coordinator.locator(f"[data-placement='{placement.pk}']")).to_contain_text(start.strftime("%d/%m/%Y"))
    coordinator.locator(f"[data-placement='{placement.pk}'] a").click()
    coordinator.locator("[data-change=start] [type=submit]").click()
    expect(coordinator.locator("[data-placement-status=started]")).to_be_visible()
    expect(coordinator.locator("[data-history=started]")).to_have_count(1)
    screenshot(coordinator, "coordinator-placement-started")

    # 8. A week after the start the job coach, on a phone set to English, picks the campaign's language, logs in
    # and answers the candidate's check-in from the home page.
    move_clock(time_machine, first_check_in, 10)
    coach = browsers("en-GB", phone=True)
    coach.goto(f"{live_url}/accounts/login/")
    expect(coach.locator("html")).to_have_attribute("lang", "en")
    open_menu(coach)
    coach.locator(f"button[name=language][value={language.code}]").click()
    expect(coach.locator("html")).to_have_attribute("lang", language.code)
    log_in(coach, live_url, world.coach_a.email)
    expect_language(coach, language)
    assert User.objects.get(pk=world.coach_a.pk).language == language.code  # picked before logging in: kept
    todo = coach.locator(f"[data-dashboard=check_ins] [data-todo-check-in='{check_in.pk}']")
    expect(coach.locator("#check-ins-heading")).to_have_text(language.check_ins_to_answer)
    expect(todo).to_contain_text("Nour Al-Khatib")
    screenshot(coach, "coach-home")
    todo.locator("a").click()
    answers = coach.locator("[data-check-in-form]")
    answers.locator("input[name=still_working][value=yes]").check()
    answers.locator("input[name=hours_per_week]").fill("38")
    answers.locator("input[name=satisfaction][value='4']").check()
    answers.locator("textarea[name=notes]").fill("Goed gestart; de ploegbaas is tevreden.")
    screenshot(coach, "coach-check-in")
    answers.locator("[type=submit]").click()
    expect(coach).to_have_url(f"{live_url}/aftercare/placements/{placement.pk}/")
    expect(coach.locator(f"[data-check-in='{check_in.pk}']")).to_have_attribute(
        "data-check-in-status", CheckInStatus.DONE
    )
    screenshot(coach, "coach-answered")

    # 9. The coordinator reads the answer on the placement's page.
    log_in_as_coordinator(coordinator, live_url, world.alice, secret)
    expect_language(coordinator, language)
    coordinator.locator("#main-nav a[href='/aftercare/']").click()
    coordinator.locator(f"[data-placement='{placement.pk}'] a").click()
    expect(coordinator.locator("main h2").first).to_have_text(language.check_ins)
    answered = coordinator.locator(f"[data-check-in='{check_in.pk}']")
    expect(answered).to_have_attribute("data-check-in-status", CheckInStatus.DONE)
    expect(answered.locator("[data-answered-by]")).to_have_attribute("data-answered-by", "user")
    expect(answered.locator("[data-answered-by]")).to_contain_text(world.coach_a.full_name)
    expect(answered.locator("[data-check-in-answers]")).to_contain_text("de ploegbaas is tevreden")
    screenshot(coordinator, "coordinator-reads-check-in")

    campaign.refresh_from_db()
    assert campaign.phase == CampaignPhase.AFTERCARE
    assert list(campaign.phase_plans.order_by("starts_on").values_list("phase", "starts_on", "ends_on")) == [
        (phase, starts_on, ends_on) for phase, (starts_on, ends_on) in plans.items()
    ]
    assert list(PhaseChange.objects.filter(campaign=campaign).order_by("pk").values_list("to_phase", "changed_by")) == [
        (phase, world.alice.pk) for phase in ("intake", "screening", "matching", "project_week", "aftercare")
    ]
    assert list(campaign.partners.all()) == [world.intermediary_org_a]
    assert list(campaign.companies.all()) == [company]
    candidate.refresh_from_db()
    assert (candidate.registered_by, candidate.coach, candidate.may_share_with_companies) == (
        world.intermediary_org_a, world.coach_a, True,
    )  # fmt: skip
    assert candidate.consents.filter(purpose=ConsentPurpose.SHARE_PROFILE).count() == 1
    screening = Screening.objects.get(enrolment=enrolment)
    assert (screening.decision, screening.document_type, screening.screener) == (
        ScreeningDecision.SELECTED, "a_card", world.alice,
    )  # fmt: skip
    proposal.refresh_from_db()
    assert (proposal.vacancy, proposal.status, proposal.hr_answer, proposal.answered_by) == (
        vacancy, ProposalStatus.CONFIRMED, HrAnswer.INTERESTED, world.hr_a,
    )  # fmt: skip
    participation.refresh_from_db()
    assert participation.available_days == [week.isoformat()]
    assert list(participation.day_confirmations.values_list("day", "confirmed_by")) == [(week, world.hr_a.pk)]
    assert (evaluation.attendance, evaluation.outcome, evaluation.start_route, evaluation.proposed_start) == (
        "attended", "offer", language.route, start,
    )  # fmt: skip
    assert evaluation.filled_by == world.hr_a
    placement.refresh_from_db()
    assert (placement.candidate, placement.company, placement.vacancy, placement.campaign) == (
        candidate, company, vacancy, campaign,
    )  # fmt: skip
    assert (placement.route, placement.starts_on, placement.hours_per_week, placement.status) == (
        language.route, start, 38, PlacementStatus.STARTED,
    )  # fmt: skip
    check_in.refresh_from_db()
    assert (check_in.audience, check_in.due_on, check_in.status, check_in.answered_by) == (
        CheckInAudience.CANDIDATE, first_check_in, CheckInStatus.DONE, world.coach_a,
    )  # fmt: skip
    assert timezone.localtime(check_in.answered_at).date() == first_check_in
    assert (check_in.still_working, check_in.hours_per_week, check_in.satisfaction, check_in.at_risk) == (
        True, 38, 4, False,
    )  # fmt: skip
    later = CheckIn.objects.filter(placement=placement).exclude(pk=check_in.pk)
    assert list(later.values_list("status", flat=True)) == [CheckInStatus.PENDING] * 5
