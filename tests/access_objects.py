"""The objects the access tests open, each made on first use and found again after: campaign A's (alice's, with
candidate A at company A) and campaign B's (bob's, with the candidate both campaigns share at company B).

Rows are written directly, as a test of who may open what needs them: no matching or scheduling run.
"""

from datetime import date, datetime, time, timedelta

import time_machine
from django.utils import timezone

from aftercare.models import CheckIn, CheckInAudience, Placement
from aftercare.services import answer_check_in
from campaigns.models import (
    CampaignPhase,
    Enrolment,
    Evaluation,
    FundingProgramme,
    Interview,
    Proposal,
    ProposalQuestion,
)
from campaigns.projectweek.evaluations import evaluate_interview
from candidates.models import Candidate, ConsentPurpose, Screening
from candidates.services import record_consent
from companies.models import Site, Vacancy
from jobroad.models import (
    CapturedMail,
    ImportKind,
    Message,
    MessageStatus,
    Organisation,
    OrganisationKind,
    PendingImport,
)
from workshops.models import Audience, Registration, RegistrationStatus, Session, Workshop, WorkshopKind

from .factories import (
    CompanyFactory,
    FundingProgrammeFactory,
    InterviewFactory,
    PlacementFactory,
    ProposalFactory,
    VacancyFactory,
    set_phase,
)


def captured_mail_of_campaign_a(world) -> CapturedMail:
    return CapturedMail.objects.create(message=message_for(world.campaign_a), subject="s", body="b")


def placement_a(world) -> Placement:
    """Candidate A's placement at company A in campaign A with the default follow-up plan, started a month ago: its
    first check-ins can be answered (the employer's and the intermediary's are due today)."""
    return Placement.objects.filter(candidate=world.candidate_a).first() or PlacementFactory(
        candidate=world.candidate_a,
        company=world.company_a,
        vacancy=world.vacancy_a,
        campaign=world.campaign_a,
        actor=world.alice,
    )


def check_in_a(world, audience: str) -> CheckIn:
    """Placement A's first pending check-in asking ``audience``."""
    return placement_a(world).check_ins.filter(audience=audience).order_by("due_on", "pk").first()


def at_risk_check_in_a(world) -> CheckIn:
    """Placement A's candidate check-in, answered by coach A: no longer working there, so at risk."""
    return answer_check_in(
        check_in=check_in_a(world, CheckInAudience.CANDIDATE), still_working=False, actor=world.coach_a
    )


def after_the_interview(interview: Interview):
    """The clock at five in the afternoon of the interview's day: HR evaluates an interview once it has started."""
    evening = datetime.combine(interview.published_day, time(17), tzinfo=timezone.get_current_timezone())
    return time_machine.travel(evening, tick=False)


def offer_a(world) -> Evaluation:
    """HR A's offer after interview A, not yet a placement; campaign A is in aftercare, where offers become
    placements."""
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)
    interview = published_interview_a(world)
    with after_the_interview(interview):
        return evaluate_interview(
            interview=interview, attendance="attended", outcome="offer", start_route="temp_work",
            proposed_start=date(2027, 5, 3), actor=world.hr_a,
        )  # fmt: skip


def pending_import_of(owner, company=None, *, campaign=None) -> PendingImport:
    """An uploaded file waiting for its confirmation: vacancies for a company, or candidates for a campaign
    (registered by the owner's organisation)."""
    if company is not None:
        target = {"kind": ImportKind.VACANCIES, "company": company}
        columns, cells = [{"key": "title", "header": "Functie", "letter": "A"}], {"title": "Orderpicker"}
    else:
        organisation = owner.memberships.get().organisation
        target = {"kind": ImportKind.CANDIDATES, "campaign": campaign, "organisation": organisation}
        columns, cells = [{"key": "first_name", "header": "Voornaam", "letter": "A"}], {"first_name": "Amal"}
    return PendingImport.objects.create(
        owner=owner,
        filename="file.csv",
        columns=columns,
        rows=[{"number": 2, "cells": cells}],
        expires_at=timezone.now() + timedelta(hours=1),
        **target,
    )


def enrolment_a(world) -> Enrolment:
    return world.campaign_a.enrolments.get(candidate=world.candidate_a)


def confirmed_proposal(world) -> Proposal:
    """Candidate A, who consented to share the profile, proposed to company A's vacancy and confirmed."""
    record_consent(candidate=world.candidate_a, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")
    return ProposalFactory(enrolment=enrolment_a(world), vacancy=world.vacancy_a, fit=50, confirmed=True)


def question_a(world):
    """HR A's question on candidate A's confirmed proposal to company A, still open."""
    proposal = Proposal.objects.filter(enrolment=enrolment_a(world), vacancy=world.vacancy_a).first()
    proposal = proposal or confirmed_proposal(world)
    return ProposalQuestion.objects.create(proposal=proposal, question="Rijbewijs?", asked_by=world.hr_a,
                                           asked_at=timezone.now())  # fmt: skip


def question_b(world):
    """HR B's question on the shared candidate's proposal to company B (campaign B), still open."""
    return ProposalQuestion.objects.create(proposal=proposal_b(world), question="Rijbewijs?", asked_by=world.hr_b,
                                           asked_at=timezone.now())  # fmt: skip


def interview_a(world) -> Interview:
    """Candidate A's interview at company A in campaign A, not yet in the schedule."""
    proposal = Proposal.objects.filter(enrolment=enrolment_a(world), vacancy=world.vacancy_a).first()
    existing = Interview.objects.filter(proposal=proposal).first() if proposal else None
    return existing or InterviewFactory(proposal=proposal or confirmed_proposal(world))


def published_interview_a(world) -> Interview:
    """Interview A as published: on 20 April 2027 at 11:00, after the 10:00 guided visit."""
    interview = interview_a(world)
    day, start = date(2027, 4, 20), time(11)
    Interview.objects.filter(pk=interview.pk).update(
        day=day, starts_at=start, ends_at=time(11, 30), seat=1, published_day=day, published_starts_at=start
    )
    interview.refresh_from_db()
    return interview


def ambassador_vacancy() -> Vacancy:
    return VacancyFactory(company=CompanyFactory(is_ambassador=True), title="Magazijnier")


def programme_a(world):
    """The funder's programme, campaign A its action: the funder viewer's own."""
    programme = world.campaign_a.programme or FundingProgrammeFactory(name="Programme A", funder=world.funder)
    if world.campaign_a.programme_id != programme.pk:
        world.campaign_a.programme = programme
        world.campaign_a.save(update_fields=["programme"])
    return programme


def programme_of_another_funder(world):
    """A programme of a funder the funder viewer is not: a 404 to them."""
    funder, _ = Organisation.objects.get_or_create(name="Another fund", kind=OrganisationKind.FUNDER)
    return FundingProgramme.objects.get_or_create(
        name="Programme B", defaults={"funder": funder, "starts_on": date(2023, 1, 1), "ends_on": date(2025, 12, 31)}
    )[0]


def site_of(company) -> Site:
    return Site.objects.get_or_create(
        company=company, name="Magazijn", defaults={"street": "Kaai 1", "postal_code": "9000", "city": "Gent"}
    )[0]


def sessions_of(world) -> tuple[Session, Session]:
    """Campaign A's labour-market session (candidate A registered) and its life-as-a-refugee session."""
    return sessions_in(world.campaign_a, world.candidate_a, world.intermediary_org_a)


def sessions_in(campaign, candidate, organisation) -> tuple[Session, Session]:
    """The campaign's labour-market session (the candidate registered by the organisation) and its session for
    partners."""
    sessions = []
    for kind, audience in (
        (WorkshopKind.LABOUR_MARKET, Audience.CANDIDATES),
        (WorkshopKind.LIFE_AS_A_REFUGEE, Audience.PARTNERS),
    ):
        workshop, _ = Workshop.objects.get_or_create(campaign=campaign, kind=kind, audience=audience)
        start = timezone.now() + timedelta(days=10)
        session, _ = Session.objects.get_or_create(
            workshop=workshop, defaults={"starts_at": start, "ends_at": start + timedelta(hours=2), "place": "Centrum"}
        )
        sessions.append(session)
    Registration.objects.get_or_create(
        session=sessions[0],
        candidate=candidate,
        defaults={"status": RegistrationStatus.REGISTERED, "organisation": organisation},
    )
    return sessions[0], sessions[1]


def message_for(campaign) -> Message:
    return Message.objects.create(
        key=f"test:{Message.objects.count()}",
        template="note",
        recipient_address="sara@example.org",
        campaign=campaign,
        due_at=timezone.now(),
        context={"subject": "Hallo", "text": "Tot morgen"},
    )


# --- Campaign B's, with the shared candidate ---------------------------------------------------------------------


def shared_candidate_of(world) -> Candidate:
    """The candidate enrolled in both campaigns (the ``shared_candidate`` fixture): alice and bob both see him."""
    return Candidate.objects.filter(campaigns=world.campaign_a).get(campaigns=world.campaign_b)


def shared_enrolment_b(world) -> Enrolment:
    return world.campaign_b.enrolments.get(candidate=shared_candidate_of(world))


def proposal_b(world) -> Proposal:
    """The shared candidate, who consented to share the profile, proposed to company B's vacancy and confirmed."""
    enrolment = shared_enrolment_b(world)
    proposal = Proposal.objects.filter(enrolment=enrolment, vacancy=world.vacancy_b).first()
    if proposal is None:
        record_consent(candidate=enrolment.candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.bob,
                       language="nl")  # fmt: skip
        proposal = ProposalFactory(enrolment=enrolment, vacancy=world.vacancy_b, fit=50, confirmed=True)
    return proposal


def published_interview_b(world) -> Interview:
    """The shared candidate's published interview at company B in campaign B (his proposal confirmed)."""
    proposal = proposal_b(world)
    interview = Interview.objects.filter(proposal=proposal).first() or InterviewFactory(proposal=proposal)
    day, start = date(2027, 4, 20), time(11)
    Interview.objects.filter(pk=interview.pk).update(
        day=day, starts_at=start, ends_at=time(11, 30), seat=1, published_day=day, published_starts_at=start
    )
    interview.refresh_from_db()
    return interview


def offer_b(world) -> Evaluation:
    """HR B's offer in campaign B, which is in aftercare: a refusal is then about access, never the phase."""
    set_phase(world.campaign_b, CampaignPhase.AFTERCARE)
    interview = published_interview_b(world)
    with after_the_interview(interview):
        return evaluate_interview(
            interview=interview, attendance="attended", outcome="offer", start_route="temp_work",
            proposed_start=date(2027, 5, 3), actor=world.hr_b,
        )  # fmt: skip


def placement_b(world) -> Placement:
    """The shared candidate placed at company B through campaign B: alice sees it (she sees him), bob runs it."""
    return Placement.objects.filter(campaign=world.campaign_b).first() or PlacementFactory(
        candidate=shared_candidate_of(world), company=world.company_b, vacancy=world.vacancy_b,
        campaign=world.campaign_b, starts_on=timezone.localdate(), actor=world.bob,
    )  # fmt: skip


def check_in_b(world, audience: str) -> CheckIn:
    return placement_b(world).check_ins.filter(audience=audience).order_by("due_on", "pk").first()


def at_risk_check_in_b(world) -> CheckIn:
    return answer_check_in(check_in=check_in_b(world, CheckInAudience.CANDIDATE), still_working=False, actor=world.bob)


def sessions_b(world) -> tuple[Session, Session]:
    """Campaign B's labour-market session (candidate B registered by intermediary B) and a session for partners."""
    return sessions_in(world.campaign_b, world.candidate_b, world.intermediary_org_b)


def registration_b(world) -> Registration:
    return sessions_b(world)[0].registrations.get()


def failed_message_for(campaign) -> Message:
    message = message_for(campaign)
    Message.objects.filter(pk=message.pk).update(status=MessageStatus.FAILED)
    return message


def ambassador_vacancy_once() -> Vacancy:
    return Vacancy.objects.filter(company__is_ambassador=True).first() or ambassador_vacancy()


def screened_by(enrolment: Enrolment, screener) -> Screening:
    """The enrolment's first round of screening, done by ``screener`` (scores only)."""
    screening, _created = Screening.objects.get_or_create(
        enrolment=enrolment, round=1, defaults={"screener": screener, "motivation": 4}
    )
    return screening
