"""The demo world of ``seed_demo`` (demo/management/commands/seed_demo.py): seeded once for the module (the
``demo`` fixture of tests/demo/conftest.py), and read by every test."""

from datetime import date

import pytest
from django.utils import timezone

from aftercare import selectors as aftercare_selectors
from aftercare.models import CheckIn, CoachingContact, Placement
from campaigns.intake import selectors as intake_selectors
from campaigns.matching import second_chance
from campaigns.models import (
    Campaign,
    CampaignPhase,
    Enrolment,
    Evaluation,
    Interview,
    MatchingRun,
    Proposal,
    ProposalStatus,
)
from campaigns.projectweek import documents
from campaigns.reporting.dashboard import dashboard_for
from candidates.models import Candidate, Consent, ConsentAction, ConsentPurpose, Screening, ScreeningDecision
from companies.models import Company, Vacancy
from companies.sectors import Sector
from demo.management.commands.seed_demo import DEMO_PASSWORD
from demo.network import PROSPECTS
from demo.programme import PAST_ACTIONS, PEOPLE_PER_ACTION
from demo.registration_details import PEOPLE as REGISTRATION_DETAIL_PEOPLE
from jobroad.models import Membership, Message, Organisation, OrganisationKind, Role, User
from tests.demo.seeding import seed
from tests.pdftext import pdf_text
from workshops.models import Registration, RegistrationStatus, Session

MODELS = [User, Organisation, Membership, Company, Vacancy, Candidate, Campaign, Enrolment, Session, Registration,
          Screening, Proposal, MatchingRun, Interview, Placement, CheckIn, CoachingContact]  # fmt: skip

# The demo's sixty, and the people of the funding programme's past actions (demo.programme).
CANDIDATES = 60 + len(PAST_ACTIONS) * PEOPLE_PER_ACTION + len(REGISTRATION_DETAIL_PEOPLE)


@pytest.fixture(autouse=True)
def each_test_in_a_savepoint(db):
    """The demo's rows are read through the ordinary ``db`` fixture, whose transaction nests in the module's."""


def test_the_demo_world_has_what_the_issue_asks(demo):
    kinds = Organisation.objects.values_list("kind", flat=True)
    assert list(kinds).count(OrganisationKind.RECEPTION_CENTRE) == 2
    assert list(kinds).count(OrganisationKind.INTERMEDIARY) == 3
    assert Company.objects.count() == 12 + len(PROSPECTS)  # and the employer network's prospects (demo.network)
    assert set(Company.objects.values_list("sector", flat=True)) == set(Sector.values) - {Sector.RETAIL, Sector.OFFICE}
    assert 25 <= Vacancy.objects.count() <= 35
    assert Candidate.objects.count() == CANDIDATES
    assert len(set(Candidate.objects.values_list("residence_status", flat=True))) > 2
    assert set(Campaign.objects.values_list("phase", flat=True)) == set(CampaignPhase.values)
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)


def test_demo_candidates_have_profiles_languages_and_consent_history(demo):
    candidates = Candidate.objects.all()
    withdrawn = Consent.objects.filter(purpose=ConsentPurpose.SHARE_PROFILE, action=ConsentAction.WITHDRAWN)
    assert candidates.count() == CANDIDATES
    assert candidates.filter(reference_number="").count() == 0
    assert candidates.filter(languages__isnull=True).count() == 0
    assert withdrawn.count() > 0
    never_asked = CANDIDATES // 10  # one in ten never agrees to share (``consent_history``)
    assert (
        sum(candidate.may_share_with_companies for candidate in candidates)
        == CANDIDATES - never_asked - withdrawn.count()
    )
    assert {candidate.preferred_language for candidate in candidates} >= {"ar", "prs", "ps", "ti", "so", "uk"}


def test_the_demo_workshops_have_a_waiting_list_attendance_and_an_upcoming_session(demo):
    statuses = set(Registration.objects.values_list("status", flat=True))
    assert statuses == {RegistrationStatus.REGISTERED, RegistrationStatus.WAITING}
    assert Registration.objects.filter(attended=True).exists() and Registration.objects.filter(attended=False).exists()
    upcoming = Session.objects.filter(workshop__campaign__phase=CampaignPhase.INTAKE)
    assert upcoming.count() == 2 and not Registration.objects.filter(session__in=upcoming, attended__isnull=False)


def test_the_demo_has_screening_decisions_a_calibration_and_answered_proposals(demo):
    screening = Campaign.objects.get(phase=CampaignPhase.SCREENING)
    decisions = set(Screening.objects.filter(round=1).values_list("decision", flat=True))
    assert decisions == {*ScreeningDecision.values, ""}
    assert intake_selectors.calibration(screening, only_differences=True)
    assert MatchingRun.objects.filter(campaign__phase=CampaignPhase.MATCHING, covered__gt=0).exists()
    answered = Proposal.objects.filter(status=ProposalStatus.CONFIRMED).exclude(hr_answer="")
    assert answered.count() >= 3


def test_the_campaign_in_project_week_has_a_published_schedule(demo):
    campaign = Campaign.objects.get(phase=CampaignPhase.PROJECT_WEEK)
    interviews = Interview.objects.filter(participation__campaign=campaign)

    assert interviews.filter(day__isnull=False).count() >= 5
    assert not any(i.changed_since_published for i in interviews)
    assert Message.objects.filter(campaign=campaign, template="interview_scheduled").exists()
    assert campaign.participations.filter(day_confirmations__isnull=False).exists()


def test_past_project_weeks_are_evaluated_with_printable_packs_and_second_chances(demo):
    campaign = Campaign.objects.filter(phase=CampaignPhase.AFTERCARE).first()
    interviews = Interview.objects.filter(participation__campaign=campaign, published_day__isnull=False)

    assert interviews.exists() and not interviews.filter(evaluation__isnull=True).exists()
    assert set(Evaluation.objects.filter(interview__in=interviews).values_list("outcome", flat=True)) == {
        "offer", "maybe", "no", "",
    }  # fmt: skip
    assert second_chance.rows(campaign)
    assert pdf_text(documents.pack_pdf(campaign, language="nl")).count("Draaiboek") >= 1


def test_past_offers_are_placements_at_every_stage(demo):
    assert set(Placement.objects.values_list("status", flat=True)) == {"planned", "started", "route_changed", "ended"}
    assert CheckIn.objects.filter(status="pending").exists()
    assert not Placement.objects.filter(status="ended", check_ins__status="pending").exists()
    assert Placement.objects.count() == Evaluation.objects.filter(outcome="offer").count()


def test_the_aftercare_pages_have_answers_worries_overdue_check_ins_coaching_and_a_new_start(demo):
    coordinator = User.objects.get(email="coordinator@jobroad.example")
    coach = User.objects.get(email="coach@jobroad.example")
    today = timezone.localdate()

    assert aftercare_selectors.overdue_check_ins(coordinator, today).exists()
    assert aftercare_selectors.flagged_check_ins(coordinator).count() == 2  # the latest worry of each campaign
    assert CheckIn.objects.filter(status="done", answered_by_link=True).exists()
    assert CheckIn.objects.filter(status="done", answered_by=coach).exists()
    assert {row.candidate.pk for row in aftercare_selectors.caseload(coach, today) if row.last_contact} >= set(
        Placement.objects.values_list("candidate", flat=True)
    )
    assert Enrolment.objects.filter(dropped_out_on__isnull=False, drop_out_reason="moved").count() == 2
    intake = Campaign.objects.get(phase=CampaignPhase.INTAKE)
    assert intake.enrolments.filter(candidate__enrolments__campaign__phase=CampaignPhase.AFTERCARE).exists()


def test_running_it_twice_changes_nothing(demo):
    counts = {model: model.objects.count() for model in MODELS}

    seed()

    assert {model: model.objects.count() for model in MODELS} == counts


def test_it_prints_a_log_in_for_every_demo_user(demo):
    for user in User.objects.filter(memberships__isnull=False).distinct():
        assert user.email in demo
        assert user.check_password(DEMO_PASSWORD)
    assert DEMO_PASSWORD in demo


def test_every_demo_user_has_a_dashboard_with_something_on_it(demo):
    for user in User.objects.filter(memberships__isnull=False).distinct():
        dashboard = dashboard_for(user)
        assert dashboard.sections, user.email
        for section in dashboard.sections:
            rows = {
                "coordinator": dashboard.campaigns,
                "company_hr": dashboard.companies,
                "intermediary": dashboard.candidates,
                "job_coach": dashboard.caseload,
                "funder_viewer": dashboard.funded_campaigns,
                "screener": dashboard.to_screen,
            }[section]
            assert rows.exists(), f"{user.email}: empty {section} dashboard"


def test_the_demo_dashboard_and_funder_pdf_show_real_figures(demo, english):
    from campaigns.reporting import reports
    from campaigns.reporting.tables import report_tables

    coordinator = User.objects.get(email="coordinator@jobroad.example")
    campaign = Campaign.objects.get(phase=CampaignPhase.AFTERCARE)
    scope = reports.report_scope(coordinator, campaign=campaign, programme="", starts_on=None, ends_on=None)

    tables = report_tables(scope, suppress=False)
    funnel = {row[0]: row[1] for row in next(table for table in tables if table.key == "funnel").rows}
    pdf = " ".join(documents_text(scope).split())

    assert funnel["Registered"] == campaign.enrolments.count() > 0
    assert 0 < funnel["Placed"] == Placement.objects.filter(campaign=campaign).values("candidate").distinct().count()
    assert f"Registered {funnel['Registered']} 100 %" in pdf
    assert f"Placed {funnel['Placed']}" in pdf


def documents_text(scope) -> str:
    from campaigns.reporting.tables import activities, report_tables
    from jobroad.pdf import render_pdf

    context = {"scope": scope, "tables": report_tables(scope, suppress=False),
               "activities": activities(scope, suppress=False), "printed_on": timezone.localdate()}  # fmt: skip
    return pdf_text(render_pdf("campaigns/pdf/funder_report.html", context, language="en"))


def test_the_demo_holds_the_refugees2work_programme_with_two_years_of_actions_and_workshops(demo):
    from campaigns.models import FundingProgramme
    from campaigns.reporting.programmes import programme_progress

    programme = FundingProgramme.objects.get(name="Refugees2work (AMIF)")

    progress = programme_progress(programme, suppress=False)

    assert (programme.starts_on, programme.ends_on) == (date(2023, 1, 1), date(2025, 12, 31))
    assert [span.line("actions").actual for span in progress.spans] == [0, 2, 2, 4]
    assert [span.line("company_workshops").target for span in progress.spans] == [4, 4, 4, 12]
    assert [span.line("resident_workshops").actual for span in progress.spans] == [0, 2, 2, 4]
    assert progress.whole.line("people").actual == len(PAST_ACTIONS) * PEOPLE_PER_ACTION
    assert progress.whole.line("residents").target == 840
    assert progress.whole.line("companies").target == 60
