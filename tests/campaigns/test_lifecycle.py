"""The lifecycle table (campaigns.lifecycle) against every service that writes for a campaign: in each phase the
table forbids, the service refuses in words and writes nothing; in each phase it allows, it runs, and whatever
refusal it gives is its own, never the phase's. The expected outcome is read from the table, so a service that
forgets ``require_phase`` fails here in every phase the table forbids it."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from aftercare import services as aftercare_services
from campaigns import lifecycle
from campaigns import services as campaign_services
from campaigns.intake import services as intake_services
from campaigns.lifecycle import ACTIONS, PhaseRefused
from campaigns.matching import services as matching_services
from campaigns.models import (
    Campaign,
    CampaignPhase,
    Evaluation,
    HrAnswer,
    Interview,
    PhaseChange,
    PhasePlan,
    ProjectWeek,
    Proposal,
    ProposalStatus,
)
from campaigns.projectweek import evaluations
from campaigns.projectweek import services as projectweek_services
from campaigns.projectweek.interpreters import services as interpreter_services
from campaigns.projectweek.interpreters.models import Interpreter
from candidates.models import ConsentPurpose, Screening, ScreeningDecision
from candidates.services import record_consent
from tests.campaigns.projectweek.interpreters.world import interpreter
from tests.factories import CompanyFactory, VacancyFactory, set_phase
from tests.language import ENGLISH
from workshops import services as workshop_services
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

DAY = date(2025, 3, 4)  # the project-week day, in the past: its interview can be evaluated


@dataclass
class Stage:
    """Campaign A with one of everything a service may act on."""

    world: object
    enrolment: object
    participation: object
    proposal: Proposal
    interview: Interview
    evaluation: Evaluation
    ambassador_vacancy: object
    not_retained: object
    session: Session
    registration: Registration
    interpreter: Interpreter


@pytest.fixture
def stage(world) -> Stage:
    campaign = world.campaign_a
    participation = campaign.participations.get(company=world.company_a)
    participation.available_days = [DAY.isoformat()]
    participation.save()
    enrolment = campaign.enrolments.get(candidate=world.candidate_a)
    Screening.objects.create(
        enrolment=enrolment, round=1, screener=world.alice, motivation=4, decision=ScreeningDecision.SELECTED
    )
    record_consent(candidate=world.candidate_a, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")
    proposal = Proposal.objects.create(
        enrolment=enrolment, vacancy=world.vacancy_a, fit=60, status=ProposalStatus.CONFIRMED
    )
    interview = Interview.objects.create(
        proposal=proposal, participation=participation, enrolment=enrolment, day=DAY, starts_at=time(11),
        ends_at=time(11, 30), seat=1, published_day=DAY, published_starts_at=time(11),
    )  # fmt: skip
    evaluation = Evaluation.objects.create(
        interview=interview, attendance="attended", outcome="offer", start_route="temp_work",
        proposed_start=DAY + timedelta(weeks=3), filled_at=timezone.now(), filled_by=world.hr_a,
    )  # fmt: skip
    # Sara came, and HR said no: a second chance at an ambassador company is open to her.
    sara = campaign.enrolments.create(candidate=world.candidate_b)
    sara_proposal = Proposal.objects.create(enrolment=sara, vacancy=world.vacancy_a, fit=50, status="confirmed")
    sara_interview = Interview.objects.create(
        proposal=sara_proposal, participation=participation, enrolment=sara, day=DAY, starts_at=time(11, 30),
        ends_at=time(12), seat=1, published_day=DAY, published_starts_at=time(11, 30),
    )  # fmt: skip
    Evaluation.objects.create(
        interview=sara_interview, attendance="attended", outcome="no", filled_at=timezone.now(), filled_by=world.hr_a
    )
    workshop = Workshop.objects.create(campaign=campaign, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES)
    starts_at = timezone.make_aware(datetime.combine(DAY - timedelta(days=30), time(9, 30)))
    session = Session.objects.create(
        workshop=workshop, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3), place="Leslokaal", capacity=5
    )
    registration = Registration.objects.create(
        session=session, candidate=world.candidate_a, status=RegistrationStatus.REGISTERED
    )
    return Stage(
        world=world,
        enrolment=enrolment,
        participation=participation,
        proposal=proposal,
        interview=interview,
        evaluation=evaluation,
        ambassador_vacancy=VacancyFactory(company=CompanyFactory(is_ambassador=True)),
        not_retained=sara,
        session=session,
        registration=registration,
        interpreter=interpreter("Hiwet", ["ti"], free=[DAY]),
    )


def person(stage: Stage, registered_by) -> dict:
    return {"first_name": "Late", "last_name": "Komer", "registered_by": registered_by}


# Every service that writes for a campaign, with the action of the table it belongs to.
SERVICES = {
    "save_phase_plans": ("edit_campaign", lambda s, c: campaign_services.save_phase_plans(
        campaign=c, plans={CampaignPhase.INTAKE: (DAY - timedelta(days=60), DAY - timedelta(days=40))})),
    "add_company": ("add_company", lambda s, c: campaign_services.add_company(
        campaign=c, company=s.world.company_b, actor=s.world.alice)),
    "save_participation": ("edit_participation", lambda s, c: campaign_services.save_participation(
        participation=c.participations.get(), actor=s.world.alice)),
    "run_matching": ("run_matching", lambda s, c: matching_services.run_matching(campaign=c, actor=s.world.alice)),
    "set_pair_rule": ("run_matching", lambda s, c: matching_services.set_pair_rule(
        enrolment=s.enrolment, vacancy=s.world.vacancy_a, kind="forbid", actor=s.world.alice)),
    "confirm_proposals": ("confirm_proposals", lambda s, c: matching_services.confirm_proposals(
        campaign=c, actor=s.world.alice)),
    "answer_proposal": ("answer_proposal", lambda s, c: matching_services.answer_proposal(
        proposal=s.proposal, answer=HrAnswer.INTERESTED, comment="", actor=s.world.hr_a)),
    "book_interpreter": ("plan_schedule", lambda s, c: interpreter_services.book_interpreter(
        campaign=c, interpreter=s.interpreter, day=DAY, language="ti", cost=None, actor=s.world.alice)),
    "generate_schedule": ("plan_schedule", lambda s, c: projectweek_services.generate_schedule(
        campaign=c, actor=s.world.alice)),
    "move_interview": ("plan_schedule", lambda s, c: projectweek_services.move_interview(
        interview=s.interview, day=DAY, starts_at=time(12), actor=s.world.alice)),
    "publish_schedule": ("publish_schedule", lambda s, c: projectweek_services.publish_schedule(
        campaign=c, actor=s.world.alice)),
    "confirm_day": ("confirm_day", lambda s, c: projectweek_services.confirm_day(
        participation=s.participation, day=DAY, actor=s.world.hr_a)),
    "evaluate_interview": ("evaluate_interview", lambda s, c: evaluations.evaluate_interview(
        interview=s.interview, attendance="no_show", actor=s.world.hr_a)),
    "propose_second_chance": ("propose_second_chance", lambda s, c: matching_services.propose_second_chance(
        enrolment=s.not_retained, vacancy=s.ambassador_vacancy, actor=s.world.alice)),
    "register_candidate (intermediary)": ("register_candidate", lambda s, c: intake_services.register_candidate(
        campaign=c, actor=s.world.intermediary_a, **person(s, s.world.intermediary_org_a))),
    "register_candidate (coordinator)": ("register_late_candidate", lambda s, c: intake_services.register_candidate(
        campaign=c, actor=s.world.alice, **person(s, s.world.intermediary_org_a))),
    "save_screening": ("screen", lambda s, c: intake_services.save_screening(
        enrolment=s.enrolment, round=1, screener=s.world.alice, motivation=3, decision="")),
    "save_session": ("plan_workshops", lambda s, c: workshop_services.save_session(
        session=s.session, actor=s.world.alice)),
    "cancel_session": ("plan_workshops", lambda s, c: workshop_services.cancel_session(
        session=s.session, actor=s.world.alice)),
    "register": ("plan_workshops", lambda s, c: workshop_services.register(
        session=s.session, actor=s.world.alice, name="Walk-in")),
    "cancel_registration": ("plan_workshops", lambda s, c: workshop_services.cancel_registration(
        registration=s.registration, actor=s.world.alice)),
    "mark_attendance": ("mark_attendance", lambda s, c: workshop_services.mark_attendance(
        registration=s.registration, attended=True, actor=s.world.alice)),
    "place_from_evaluation": ("place_from_evaluation", lambda s, c: aftercare_services.place_from_evaluation(
        evaluation=s.evaluation, actor=s.world.alice)),
}  # fmt: skip

# A service's own refusals: allowed in its phase, it may still say no for its own reasons.
OWN_REFUSALS = (
    matching_services.MatchingRefused,
    projectweek_services.ScheduleRefused,
    interpreter_services.BookingRefused,
    evaluations.EvaluationRefused,
    intake_services.RegistrationRefused,
    intake_services.DuplicateSuspected,
    intake_services.ScreeningRefused,
    aftercare_services.PlacementRefused,
    ValidationError,
)
DATA_APPS = ("campaigns", "candidates", "companies", "workshops", "aftercare", "jobroad")


def everything() -> dict[str, list]:
    """Every row of the domain apps, to show that a refusal wrote nothing."""
    return {
        model._meta.label: sorted(map(repr, model.objects.values_list()))
        for name in DATA_APPS
        for model in apps.get_app_config(name).get_models()
    }


CASES = [(name, phase) for name in SERVICES for phase in CampaignPhase]


@pytest.mark.parametrize(("name", "phase"), CASES, ids=[f"{name}-{phase}" for name, phase in CASES])
def test_every_service_obeys_the_lifecycle_table(stage, name, phase, english):
    action, call = SERVICES[name]
    campaign = set_phase(stage.world.campaign_a, phase)  # the instance every object of the stage holds
    allowed = phase in ACTIONS[action].phases

    if allowed:
        try:
            call(stage, campaign)
        except OWN_REFUSALS as refusal:
            assert not isinstance(refusal, PhaseRefused), refusal
    else:
        before = everything()
        with pytest.raises(PhaseRefused) as refused:
            call(stage, campaign)
        if name != "register_candidate (intermediary)":  # which keeps its own words, with the intake's dates
            assert refused.value.reasons == [lifecycle.phase_refusal(campaign, action)]
        assert "Campaign A" in str(refused.value)
        assert everything() == before


def test_every_action_in_the_table_has_a_service_in_this_test():
    assert {action for action, _call in SERVICES.values()} == set(ACTIONS)


def test_a_closed_campaigns_company_days_cannot_be_changed(client_for, world, english):
    set_phase(world.campaign_a, CampaignPhase.CLOSED)
    participation = world.campaign_a.participations.get()

    response = client_for(world.alice).post(
        reverse("participation_edit", kwargs={"pk": participation.pk}),
        {"available_days": [], "visit_capacity": 3, "interviewers": 2, "slot_minutes": 30, "visit_starts_at": "10:00",
         "visit_minutes": 60, "interviews_until": "16:00", "meeting_point": "Elsewhere"}, headers=ENGLISH,
    )  # fmt: skip

    participation.refresh_from_db()
    assert "Campaign A has moved on to closed." in response.content.decode()
    assert participation.interviewers == 1


def test_matching_in_intake_is_refused_in_words(world, english):
    assert lifecycle.phase_refusal(world.campaign_a, "run_matching") == (
        "Matching runs in the matching or project week phase; Campaign A is still in workshops & intake."
    )


def test_a_phase_left_behind_says_a_coordinator_can_step_back(world, english):
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)

    reason = lifecycle.phase_refusal(world.campaign_a, "run_matching")

    assert reason == (
        "Matching runs in the matching or project week phase; Campaign A has moved on to aftercare. "
        "A coordinator can step the campaign back one phase, with a reason."
    )


def test_the_matching_page_in_intake_shows_why_and_runs_nothing(client_for, world, english):
    client = client_for(world.alice)
    url = reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk})

    page = client.get(url, headers=ENGLISH)
    posted = client.post(url, {"interviews_per_candidate": "2", "candidates_per_vacancy": "3",
                               "max_commute_minutes": "75"}, headers=ENGLISH, follow=True)  # fmt: skip

    assert page.context["refusal"] == (
        "Matching runs in the matching or project week phase; Campaign A is still in workshops & intake."
    )
    assert "data-matching-settings" not in page.content.decode()
    assert "Campaign A is still in workshops &amp; intake." in posted.content.decode()
    assert not world.campaign_a.matching_runs.exists()


# --- Entering a phase -------------------------------------------------------------------------------------------


def plan(campaign, phase):
    PhasePlan.objects.create(campaign=campaign, phase=phase, starts_on=DAY, ends_on=DAY + timedelta(days=4))


def test_project_week_waits_for_every_confirmed_proposal_to_have_an_interview_or_a_reason(world, english):
    campaign = set_phase(world.campaign_a, CampaignPhase.MATCHING)
    plan(campaign, CampaignPhase.PROJECT_WEEK)
    enrolment = campaign.enrolments.get(candidate=world.candidate_a)
    waiting = Proposal.objects.create(enrolment=enrolment, vacancy=world.vacancy_a, fit=60, status="confirmed")
    turned_down = Proposal.objects.create(
        enrolment=campaign.enrolments.create(candidate=world.candidate_b), vacancy=world.vacancy_a, fit=50,
        status="confirmed", hr_answer=HrAnswer.NOT_INTERESTED,
    )  # fmt: skip

    refused = lifecycle.transition_problems(campaign, CampaignPhase.PROJECT_WEEK)
    ProjectWeek.objects.create(campaign=campaign, dropped=[{"proposal": waiting.pk, "blockers": []}])
    explained = lifecycle.transition_problems(campaign, CampaignPhase.PROJECT_WEEK)

    assert refused == [
        "1 confirmed proposal has no interview in the schedule and no reason why: generate the schedule on the "
        "project-week page first."
    ]
    assert explained == []
    assert turned_down.hr_answer == HrAnswer.NOT_INTERESTED  # needs no interview


def test_aftercare_waits_for_every_published_interview_to_be_evaluated(stage, english):
    campaign = set_phase(stage.world.campaign_a, CampaignPhase.PROJECT_WEEK)
    plan(campaign, CampaignPhase.AFTERCARE)
    stage.evaluation.delete()

    refused = lifecycle.transition_problems(campaign, CampaignPhase.AFTERCARE)
    evaluations.evaluate_interview(interview=stage.interview, attendance="no_show", actor=stage.world.alice)
    allowed = lifecycle.transition_problems(campaign, CampaignPhase.AFTERCARE)

    assert refused == [
        "1 published interview has no evaluation yet: ask HR, fill it in yourself (for example “did not come”), "
        "or mark it as not needed if it never took place."
    ]
    assert allowed == []


# --- Stepping back ----------------------------------------------------------------------------------------------


def test_a_coordinator_steps_back_one_phase_with_a_reason_on_the_record(world):
    set_phase(world.campaign_a, CampaignPhase.PROJECT_WEEK)

    campaign = campaign_services.step_back_campaign(
        campaign=world.campaign_a, reason="A late candidate to match.", actor=world.alice
    )

    assert campaign.phase == CampaignPhase.MATCHING
    change = PhaseChange.objects.get()
    assert (change.from_phase, change.to_phase, change.reason, change.changed_by) == (
        CampaignPhase.PROJECT_WEEK, CampaignPhase.MATCHING, "A late candidate to match.", world.alice,
    )  # fmt: skip


@pytest.mark.parametrize(("phase", "reason"), [(CampaignPhase.MATCHING, "  "), (CampaignPhase.DRAFT, "Oops")])
def test_a_step_back_without_a_reason_or_from_draft_is_refused(world, phase, reason):
    set_phase(world.campaign_a, phase)

    with pytest.raises(campaign_services.TransitionRefused):
        campaign_services.step_back_campaign(campaign=world.campaign_a, reason=reason, actor=world.alice)

    assert Campaign.objects.get(pk=world.campaign_a.pk).phase == phase
    assert not PhaseChange.objects.exists()


def test_the_campaign_page_steps_back_after_confirmation(client_for, world):
    set_phase(world.campaign_a, CampaignPhase.SCREENING)
    client = client_for(world.alice)
    url = reverse("campaign_step_back", kwargs={"pk": world.campaign_a.pk})

    unconfirmed = client.post(url, {"reason": "Intake reopens for a late partner."})
    still = Campaign.objects.get(pk=world.campaign_a.pk).phase
    confirmed = client.post(url, {"reason": "Intake reopens for a late partner.", "confirm": "on"})

    assert (unconfirmed.status_code, still) == (302, CampaignPhase.SCREENING)
    assert confirmed.status_code == 302
    assert Campaign.objects.get(pk=world.campaign_a.pk).phase == CampaignPhase.INTAKE
    assert list(PhaseChange.objects.values_list("reason", flat=True)) == ["Intake reopens for a late partner."]
