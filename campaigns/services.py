"""Writes on campaigns: creating, cloning and moving one through its lifecycle (DESIGN §3), matching, and the
project-week schedule."""

import operator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import reduce

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from jobroad import audit
from jobroad.models import AuditAction, AuditPlace, Role, User
from jobroad.outbox import (
    PlannedMessage,
    Recipient,
    cancel_event_messages,
    schedule_message,
    sync_event_messages,
)
from jobroad.reminders import plan_reminders
from jobroad.selectors import members
from workshops.models import Session
from workshops.services import candidate_recipient

from . import matching, scheduling, scheduling_text, second_chance, selectors
from .lifecycle import PhaseRefused, TransitionRefused, previous_phase, require_phase, transition_problems
from .matching_text import constraint_text
from .models import (
    PROPOSAL_TRANSITIONS,
    Attendance,
    Campaign,
    CampaignPhase,
    DayConfirmation,
    Enrolment,
    Evaluation,
    HrAnswer,
    Interview,
    MatchingRun,
    Outcome,
    PairRule,
    PairRuleKind,
    Participation,
    PhaseChange,
    PhasePlan,
    ProjectWeek,
    Proposal,
    ProposalStatus,
    ScheduleStatus,
)


def advance_campaign(*, campaign: Campaign, to_phase: str, actor: User) -> Campaign:
    """Move the campaign to its next phase and record who did it; refuses with reasons otherwise.

    The row is locked, so two coordinators pressing the button at once move it one step, not two.
    """
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        problems = transition_problems(campaign, to_phase)
        if problems:
            raise TransitionRefused(problems)
        PhaseChange.objects.create(campaign=campaign, from_phase=campaign.phase, to_phase=to_phase, changed_by=actor)
        campaign.phase = to_phase
        campaign.save(update_fields=["phase"])
    return campaign


def step_back_campaign(*, campaign: Campaign, reason: str, actor: User) -> Campaign:
    """Move the campaign back to the phase before, with the coordinator's reason on the record (for a late
    candidate, a schedule to redo, an aftercare to reopen). One phase only; refuses without a reason."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        to_phase = previous_phase(campaign)
        if to_phase is None:
            raise TransitionRefused([_("A campaign in draft has no phase before it.")])
        if not reason.strip():
            raise TransitionRefused([_("Say why the campaign steps back, for the record.")])
        PhaseChange.objects.create(
            campaign=campaign, from_phase=campaign.phase, to_phase=to_phase, changed_by=actor, reason=reason.strip()
        )
        campaign.phase = to_phase
        campaign.save(update_fields=["phase"])
    return campaign


def save_phase_plans(*, campaign: Campaign, plans: dict[str, tuple[date, date]]) -> None:
    """Replace the campaign's planned dates; the campaign's own start and end follow them."""
    require_phase(campaign, "edit_campaign")
    with transaction.atomic():
        campaign.phase_plans.exclude(phase__in=plans).delete()
        for phase, (starts_on, ends_on) in plans.items():
            PhasePlan.objects.update_or_create(
                campaign=campaign, phase=phase, defaults={"starts_on": starts_on, "ends_on": ends_on}
            )
        dates = [day for pair in plans.values() for day in pair]
        campaign.starts_on, campaign.ends_on = (min(dates), max(dates)) if dates else (None, None)
        campaign.save(update_fields=["starts_on", "ends_on"])


def create_campaign(*, actor: User, plans: dict[str, tuple[date, date]], **fields) -> Campaign:
    """A new campaign in draft, with ``actor`` as its coordinator."""
    many = {name: fields.pop(name) for name in ("partners", "reception_centres") if name in fields}
    with transaction.atomic():
        campaign = Campaign.objects.create(phase=CampaignPhase.DRAFT, **fields)
        for name, values in many.items():
            getattr(campaign, name).set(values)
        campaign.coordinators.add(actor)
        save_phase_plans(campaign=campaign, plans=plans)
    return campaign


def clone_campaign(*, source: Campaign, name: str, intake_starts_on: date, actor: User) -> Campaign:
    """A new draft campaign like ``source`` — region, target group, funding, targets, partners, workshops and
    their sessions — with every date moved by the same number of days so that intake starts on
    ``intake_starts_on``. Reminder rules are platform-wide (``jobroad.reminders``), so the clone has them too."""
    plans = {plan.phase: (plan.starts_on, plan.ends_on) for plan in source.phase_plans.all()}
    anchor = plans.get(CampaignPhase.INTAKE, (source.starts_on or intake_starts_on,))[0]
    shift = timedelta(days=(intake_starts_on - anchor).days)
    with transaction.atomic():
        clone = create_campaign(
            actor=actor,
            plans={phase: (start + shift, end + shift) for phase, (start, end) in plans.items()},
            name=name,
            region=source.region,
            target_group=source.target_group,
            funding_programme=source.funding_programme,
            funder=source.funder,
            target_candidates=source.target_candidates,
            target_companies=source.target_companies,
            target_workshops=source.target_workshops,
            target_workshop_attendees=source.target_workshop_attendees,
            cloned_from=source,
            partners=list(source.partners.all()),
            reception_centres=list(source.reception_centres.all()),
        )
        copy_workshops(source=source, target=clone, shift=shift)
    return clone


def copy_workshops(*, source: Campaign, target: Campaign, shift: timedelta) -> None:
    """The source's workshops and (not cancelled) sessions, moved by ``shift``, without anyone registered."""
    for workshop in source.workshops.prefetch_related("sessions"):
        sessions = [session for session in workshop.sessions.all() if not session.cancelled_at]
        workshop.pk, workshop.campaign = None, target
        workshop.save()
        for session in sessions:
            session.pk, session.workshop = None, workshop
            session.starts_at += shift
            session.ends_at += shift
        Session.objects.bulk_create(sessions)


def add_company(*, campaign: Campaign, company, actor: User, **capacity) -> Participation:
    """Take a company into a campaign and tell its HR people, through the outbox, in the same transaction."""
    require_phase(campaign, "add_company")
    with transaction.atomic():
        participation = Participation.objects.create(campaign=campaign, company=company, **capacity)
        for person in members(Role.COMPANY_HR, company.organisation_id):
            schedule_message(
                key=f"participation:{participation.pk}:welcome:{person.pk}",
                template="campaign_welcome",
                recipient=Recipient.for_user(person),
                due_at=timezone.now(),
                context={"campaign": campaign.name, "company": str(company), "link": f"/campaigns/{campaign.pk}/"},
                campaign=campaign,
                created_by=actor,
            )
    return participation


def save_participation(*, participation: Participation, actor: User) -> Participation:
    """Save a company's project-week days and capacity in its campaign, while the campaign's phase allows it."""
    require_phase(participation.campaign, "edit_participation")
    participation.save()
    return participation


# --- Matching --------------------------------------------------------------------------------------------------


class MatchingRefused(Exception):
    """A pin, a confirmation or an answer that cannot be done; the message says why."""


class MatchingPhaseRefused(PhaseRefused, MatchingRefused):
    """A matching action the campaign's phase does not open (``campaigns.lifecycle``)."""


def reasons_as_data(pair: matching.Pair) -> list[dict]:
    return [
        {"code": r.code, "points": r.points, "positive": r.positive, "params": dict(r.params)} for r in pair.reasons
    ]


def run_matching(*, campaign: Campaign, actor: User) -> MatchingRun:
    """Solve the campaign's matching and replace its draft proposals by the solution; confirmed proposals and
    pins are kept (they are pins to the engine). The greedy baseline and the best fit that leaves people out are
    recorded next to it, so the coordinator sees what fairness costs."""
    require_phase(campaign, "run_matching", MatchingPhaseRefused)
    loaded = selectors.matching_input(campaign)
    problem = loaded.problem
    solution = matching.solve(problem)
    baseline = matching.greedy(problem)
    fit_first = matching.solve(replace(problem, settings=replace(problem.settings, coverage_first=False)))
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        proposals = Proposal.objects.filter(enrolment__campaign=campaign)
        confirmed = set(proposals.filter(status=ProposalStatus.CONFIRMED).values_list("enrolment_id", "vacancy_id"))
        proposals.filter(status=ProposalStatus.DRAFT).delete()
        drafts = [
            Proposal(
                enrolment=loaded.enrolments[pair.candidate_id],
                vacancy=loaded.vacancies[pair.vacancy_id],
                fit=pair.fit,
                reasons=reasons_as_data(pair),
            )
            for pair in solution.proposals
            if (loaded.enrolments[pair.candidate_id].pk, pair.vacancy_id) not in confirmed
        ]
        set_proposal_status(campaign=campaign, proposals=drafts, to=ProposalStatus.DRAFT, actor=actor)
        return MatchingRun.objects.create(
            campaign=campaign,
            run_by=actor,
            eligible=len(solution.covered) + len(solution.uncovered),
            covered=len(solution.covered),
            total_fit=solution.total_fit,
            best_fit=max(fit_first.total_fit, solution.total_fit),
            greedy_covered=len(baseline.covered),
            greedy_fit=baseline.total_fit,
            problems=list(solution.problems),
        )


def set_pair_rule(*, enrolment: Enrolment, vacancy, kind: str, actor: User) -> Proposal | None:
    """Pin a pair (it becomes a draft proposal now and stays in every re-run), forbid it (its draft proposal
    goes), or clear the rule (``kind`` ""). A pair the hard rules exclude cannot be pinned: the reason says why."""
    require_phase(enrolment.campaign, "run_matching", MatchingPhaseRefused)
    with transaction.atomic():
        PairRule.objects.filter(enrolment=enrolment, vacancy=vacancy).delete()
        proposal = Proposal.objects.filter(enrolment=enrolment, vacancy=vacancy).first()
        if kind == PairRuleKind.FORBID:
            if proposal and proposal.status == ProposalStatus.CONFIRMED:
                raise MatchingRefused(_("This proposal is confirmed and HR has seen it; it cannot be forbidden."))
            Proposal.objects.filter(enrolment=enrolment, vacancy=vacancy).delete()
            proposal = None
        elif kind == PairRuleKind.PIN:
            problem = selectors.matching_input(enrolment.campaign).problem
            candidate = next(c for c in problem.candidates if c.id == enrolment.candidate_id)
            offer = next((v for v in problem.vacancies if v.id == vacancy.pk), None)
            if offer is None:
                raise MatchingRefused(_("This vacancy is closed or its company does not take part in the campaign."))
            excluded = matching.exclusions(candidate, offer, problem.settings)
            if excluded:
                raise MatchingRefused(
                    _("This pair cannot be proposed: %(reasons)s.")
                    % {"reasons": ", ".join(constraint_text(code) for code in excluded)}
                )
            pair = matching.score(candidate, offer, problem.settings)
            if proposal is None:
                proposal = Proposal(enrolment=enrolment, vacancy=vacancy)
            proposal.fit, proposal.reasons = pair.fit, reasons_as_data(pair)
            if proposal.pk is None:
                set_proposal_status(
                    campaign=enrolment.campaign, proposals=[proposal], to=ProposalStatus.DRAFT, actor=actor
                )
            else:
                proposal.save(update_fields=["fit", "reasons"])
        if kind:
            PairRule.objects.create(enrolment=enrolment, vacancy=vacancy, kind=kind, created_by=actor)
    return proposal


def confirm_proposals(*, campaign: Campaign, actor: User) -> int:
    """Confirm every draft proposal: from now on HR sees the blind profiles and is asked to answer. Each HR person
    gets one message per campaign round, listing nothing personal — the link shows the profiles."""
    require_phase(campaign, "confirm_proposals", MatchingPhaseRefused)
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        drafts = Proposal.objects.filter(enrolment__campaign=campaign, status=ProposalStatus.DRAFT)
        return set_proposal_status(campaign=campaign, proposals=drafts, to=ProposalStatus.CONFIRMED, actor=actor)


class ProposalStatusRefused(MatchingRefused):
    """A change of a proposal's status that ``PROPOSAL_TRANSITIONS`` does not allow; the message says which."""


def set_proposal_status(*, campaign: Campaign, proposals, to: str, actor: User | None) -> int:
    """The one way a proposal's status changes, ``PROPOSAL_TRANSITIONS`` deciding which steps exist. An unsaved
    proposal is being made (its step starts from nothing) and is created here. Every step is checked, against the
    rows as they are now, before anything is saved: one refused step refuses them all, in words. A confirmation
    stamps who and when, is written in each candidate's audit trail (their blind profile now goes to a company),
    and tells the companies' HR, one message per person, listing nothing personal. Returns how many changed."""
    proposals = list(proposals)
    made = [proposal for proposal in proposals if proposal.pk is None]
    with transaction.atomic():
        current = dict(
            Proposal.objects.select_for_update()
            .filter(pk__in=[proposal.pk for proposal in proposals if proposal.pk is not None])
            .values_list("pk", "status")
        )
        for proposal in proposals:
            _check_proposal_step(current.get(proposal.pk), to)
        now = timezone.now()
        stamp = {"confirmed_at": now, "confirmed_by": actor} if to == ProposalStatus.CONFIRMED else {}
        for proposal in made:
            proposal.status = to
            for name, value in stamp.items():
                setattr(proposal, name, value)
        Proposal.objects.bulk_create(made)
        Proposal.objects.filter(pk__in=current).update(status=to, **stamp)
        if to == ProposalStatus.CONFIRMED and proposals:
            ids = [proposal.pk for proposal in proposals]
            audit.record(
                actor=actor,
                action=AuditAction.CHANGED,
                candidates=Proposal.objects.filter(pk__in=ids).values_list("enrolment__candidate", flat=True),
                place=AuditPlace.MATCHING,
            )
            _tell_hr_proposals_confirmed(campaign, ids, actor, now)
    return len(proposals)


def _check_proposal_step(current: str | None, to: str) -> None:
    if to in PROPOSAL_TRANSITIONS.get(current, ()):
        return
    if current is None:
        raise ProposalStatusRefused(_("A new proposal cannot start as “%(to)s”.") % {"to": ProposalStatus(to).label})
    raise ProposalStatusRefused(
        _("A proposal that is “%(current)s” cannot become “%(to)s”.")
        % {"current": ProposalStatus(current).label, "to": ProposalStatus(to).label}
    )


def _tell_hr_proposals_confirmed(campaign: Campaign, ids: list[int], actor: User | None, now: datetime) -> None:
    companies = set(Proposal.objects.filter(pk__in=ids).values_list("vacancy__company__organisation_id", flat=True))
    for person in members(Role.COMPANY_HR, *companies):
        schedule_message(
            key=f"campaign:{campaign.pk}:proposals:{person.pk}:{now:%Y%m%d%H%M%S}",
            template="proposals_confirmed",
            recipient=Recipient.for_user(person),
            due_at=now,
            context={"campaign": campaign.name, "link": "/proposals/"},
            campaign=campaign,
            created_by=actor,
        )


def answer_proposal(*, proposal: Proposal, answer: str, comment: str, actor: User) -> Proposal:
    """HR's answer to a confirmed proposal: interested, not interested, or a question (which needs its text)."""
    require_phase(proposal.enrolment.campaign, "answer_proposal", MatchingPhaseRefused)
    if proposal.status != ProposalStatus.CONFIRMED:
        raise MatchingRefused(_("This proposal is not confirmed yet."))
    if answer == HrAnswer.QUESTION and not comment.strip():
        raise MatchingRefused(_("Write your question, so the coordinator can answer it."))
    Proposal.objects.filter(pk=proposal.pk).update(
        hr_answer=answer, hr_comment=comment.strip(), answered_at=timezone.now(), answered_by=actor
    )
    proposal.refresh_from_db()
    return proposal


# --- Project week -----------------------------------------------------------------------------------------------


class ScheduleRefused(Exception):
    """A schedule change that would break a rule; the reason is shown to the coordinator as is."""


class SchedulePhaseRefused(PhaseRefused, ScheduleRefused):
    """A project-week action the campaign's phase does not open (``campaigns.lifecycle``)."""


def generate_schedule(*, campaign: Campaign, actor: User) -> scheduling.Solution:
    """Plan every schedulable proposal (CP-SAT). Appointments already published stay where they are unless a
    better plan needs them to move, and then as few as possible move. Nothing is sent until it is published."""
    require_phase(campaign, "plan_schedule", SchedulePhaseRefused)
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)  # one schedule change at a time per campaign
        data = selectors.schedule_input(campaign)
        if not data.problem.requests:
            raise ScheduleRefused(_("There are no confirmed proposals to schedule yet."))
        if not data.problem.company_days:
            raise ScheduleRefused(_("No participating company has a project-week day yet."))
        solution = scheduling.solve(data.problem)
        _save_appointments(campaign, data, solution.appointments)
        week, _created = ProjectWeek.objects.get_or_create(campaign=campaign)
        week.generated_at = timezone.now()
        week.status = solution.status
        week.dropped = [
            {"proposal": drop.request_id, "blockers": [scheduling_text.as_data(b) for b in drop.blockers]}
            for drop in solution.dropped
        ]
        week.save(update_fields=["generated_at", "status", "dropped"])
    return solution


def _save_appointments(campaign: Campaign, data, appointments) -> None:
    """Make the interview rows match the appointments: clear every time first, so no row briefly collides
    with another's old slot under the database constraints, then set the new ones with an interviewer each."""
    Interview.objects.filter(participation__campaign=campaign).update(day=None, starts_at=None, ends_at=None, seat=None)
    at = {a.request_id: a for a in appointments}
    seats = {}
    for pk, proposal in sorted(data.proposals.items()):
        participation = data.participations[proposal.vacancy.company_id]
        values = {"participation": participation, "enrolment": proposal.enrolment}
        values["interpreter"] = selectors.interpreter_language(proposal.enrolment.candidate)
        if appointment := at.get(pk):
            day, start = date.fromordinal(appointment.day), selectors.clock(appointment.start)
            seat = seats[participation.pk, day, start] = seats.get((participation.pk, day, start), 0) + 1
            values |= {
                "day": day,
                "starts_at": start,
                "ends_at": selectors.clock(appointment.start + participation.slot_minutes),
                "seat": seat,
            }
        Interview.objects.update_or_create(proposal=proposal, defaults=values)


def move_interview(*, interview: Interview, day: date, starts_at: time, actor: User) -> Interview:
    """Move one interview by hand, checked against every rule with the rest of the schedule as it stands."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=interview.participation.campaign_id)
        require_phase(campaign, "plan_schedule", SchedulePhaseRefused)
        if problems := selectors.move_problems(interview, day, starts_at):
            raise ScheduleRefused("; ".join(problems))
        participation = interview.participation
        taken = set(
            Interview.objects.filter(participation=participation, day=day, starts_at=starts_at)
            .exclude(pk=interview.pk)
            .values_list("seat", flat=True)
        )
        interview.day, interview.starts_at = day, starts_at
        interview.ends_at = selectors.clock(selectors.minutes(starts_at) + participation.slot_minutes)
        interview.seat = min(set(range(1, participation.interviewers + 1)) - taken)
        interview.save(update_fields=["day", "starts_at", "ends_at", "seat"])
        ProjectWeek.objects.filter(campaign=campaign).update(status=ScheduleStatus.EDITED)
    return interview


def publish_schedule(*, campaign: Campaign, actor: User) -> int:
    """Tell people about their appointments: only interviews that changed since the last publication get a
    message (candidate, their intermediary, the company's HR; with an .ics), and their reminders follow; an
    interview no longer in the schedule gets a cancellation instead of its reminders. HR confirms its day
    again when it changed. Returns how many interviews changed."""
    require_phase(campaign, "publish_schedule", SchedulePhaseRefused)
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        interviews = Interview.objects.filter(participation__campaign=campaign).select_related(
            "enrolment__candidate__registered_by", "participation__company__organisation", "proposal__vacancy"
        )
        changed = [i for i in interviews if i.changed_since_published]
        # HR confirms again the days that change: the day an interview leaves and the day it comes to.
        days_changed = {(i.participation_id, day) for i in changed for day in (i.published_day, i.day) if day}
        now = timezone.now()
        for interview in changed:
            if interview.day:
                _announce_interview(interview, campaign, now)
            elif interview.published_day:
                _announce_cancellation(interview, campaign, now)
            interview.published_day, interview.published_starts_at = interview.day, interview.starts_at
            interview.save(update_fields=["published_day", "published_starts_at"])
        if days_changed:
            DayConfirmation.objects.filter(
                reduce(operator.or_, (Q(participation_id=p, day=day) for p, day in days_changed))
            ).delete()
        week, _created = ProjectWeek.objects.get_or_create(campaign=campaign)
        week.version += 1
        week.published_at, week.published_by = now, actor
        week.save(update_fields=["version", "published_at", "published_by"])
    return len(changed)


def interview_recipients(interview: Interview) -> dict[str, list[Recipient]]:
    candidate = interview.enrolment.candidate
    people = {
        "candidate": [r for r in [candidate_recipient(candidate)] if r],
        "intermediary": members(Role.INTERMEDIARY, candidate.registered_by_id),
        "hr": members(Role.COMPANY_HR, interview.participation.company.organisation_id),
    }
    return {key: [p if isinstance(p, Recipient) else Recipient.for_user(p) for p in people[key]] for key in people}


def interview_event(interview: Interview, *, published: bool = False) -> dict:
    """The interview as the calendar part of a message: the company's guided visit first, then the interview
    (as it is now, or as people were last told). HR and the intermediary see the candidate's first name only
    (DESIGN §2)."""
    participation = interview.participation
    day, starts_at = (
        (interview.published_day, interview.published_starts_at) if published else (interview.day, interview.starts_at)
    )
    zone = timezone.get_current_timezone()
    interview_at = datetime.combine(day, starts_at, tzinfo=zone)
    return {
        "uid": f"interview-{interview.pk}@{settings.OUTBOX_MESSAGE_ID_DOMAIN}",
        "start": datetime.combine(day, participation.visit_starts_at, tzinfo=zone).isoformat(),
        "end": (interview_at + timedelta(minutes=participation.slot_minutes)).isoformat(),
        "interview": interview_at.isoformat(),
        "summary": str(participation.company),  # a name, not a sentence: each recipient reads their own language
        "location": participation.meeting_point,
        "candidate": interview.enrolment.candidate.first_name,
    }


def _announce_interview(interview: Interview, campaign: Campaign, now: datetime) -> None:
    """The new time now, with an .ics, to everyone concerned, and the reminders before it; whatever was still
    pending for the interview's old time is cancelled by the sync."""
    recipients = interview_recipients(interview)
    event = interview_event(interview)
    at = datetime.fromisoformat(event["interview"])
    announcements = [
        PlannedMessage(
            key=f"interview:{interview.pk}:scheduled:{at:%Y%m%dT%H%M}:{audience}:{recipient.address}",
            template="interview_scheduled",
            recipient=recipient,
            due_at=now,
            context={"event": event, "audience": audience, "calendar": True},
        )
        for audience, people in recipients.items()
        for recipient in people
    ]
    reminders = plan_reminders(
        event_kind="interview", event_id=interview.pk, at=at, recipients=recipients, context={"event": event}, now=now
    )
    sync_event_messages(event=f"interview:{interview.pk}", planned=announcements + reminders, campaign=campaign)
    _plan_evaluation_requests(interview, campaign, now, recipients["hr"])


def _announce_cancellation(interview: Interview, campaign: Campaign, now: datetime) -> None:
    """An interview people were told about is no longer planned: its reminders and evaluation requests go,
    and everyone concerned hears that it is off."""
    event = interview_event(interview, published=True)
    announcements = [
        PlannedMessage(
            key=f"interview:{interview.pk}:cancelled:{event['interview']}:{audience}:{recipient.address}",
            template="interview_cancelled",
            recipient=recipient,
            due_at=now,
            context={"event": event, "audience": audience},
        )
        for audience, people in interview_recipients(interview).items()
        for recipient in people
    ]
    sync_event_messages(event=f"interview:{interview.pk}", planned=announcements, campaign=campaign)
    cancel_event_messages(event=f"evaluation:{interview.pk}")


def evaluation_link(interview: Interview) -> str:
    return reverse("interview_evaluation", args=[interview.pk])


def _plan_evaluation_requests(interview: Interview, campaign: Campaign, now: datetime, hr: list[Recipient]) -> None:
    """After the interview, HR is asked for its evaluation; three days on, the coordinators hear it is missing.
    Filling in the evaluation cancels whatever is still pending."""
    if hasattr(interview, "evaluation"):
        return
    event = interview_event(interview)
    event["summary"] = f"{event['candidate']} · {event['summary']}"
    coordinators = campaign.coordinators.filter(is_active=True)
    planned = plan_reminders(
        event_kind="evaluation",
        event_id=interview.pk,
        at=datetime.fromisoformat(event["end"]),
        recipients={"hr": hr, "coordinator": [Recipient.for_user(user) for user in coordinators]},
        context={"event": event, "link": evaluation_link(interview)},
        now=now,
    )
    sync_event_messages(event=f"evaluation:{interview.pk}", planned=planned, campaign=campaign)


def confirm_day(*, participation: Participation, day: date, actor: User) -> DayConfirmation:
    """HR confirms one of its project-week days as published (the coordinator sees it on the board); its other
    days stay as they are, each confirmed on its own."""
    require_phase(participation.campaign, "confirm_day", SchedulePhaseRefused)
    if not participation.interviews.filter(published_day__isnull=False).exists():
        raise ScheduleRefused(_("There is no published schedule for your company to confirm yet."))
    if not participation.interviews.filter(published_day=day).exists():
        raise ScheduleRefused(
            _("Your company has no published interviews on %(day)s, so there is nothing to confirm that day.")
            % {"day": formats.date_format(day, "l j F")}
        )
    confirmation, _created = DayConfirmation.objects.update_or_create(
        participation=participation, day=day, defaults={"confirmed_at": timezone.now(), "confirmed_by": actor}
    )
    return confirmation


def set_interpreters(*, campaign: Campaign, interpreters: dict[str, dict[str, int]], actor: User) -> ProjectWeek:
    """How many interpreters per language are available on each project-week day; the next generation and
    every hand move respect it. Days or languages with 0 are left out."""
    require_phase(campaign, "plan_schedule", SchedulePhaseRefused)
    counted = {language: {day: n for day, n in sorted(days.items()) if n} for language, days in interpreters.items()}
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        week, _created = ProjectWeek.objects.get_or_create(campaign=campaign)
        week.interpreters = {language: days for language, days in sorted(counted.items()) if days}
        week.save(update_fields=["interpreters"])
    return week


class EvaluationRefused(Exception):
    """An evaluation that cannot be saved as given; the reason is shown as is."""


class EvaluationPhaseRefused(PhaseRefused, EvaluationRefused):
    """Evaluations are open during project week and aftercare (``campaigns.lifecycle``)."""


def evaluation_not_yet_open(interview: Interview, now: datetime) -> str:
    """Why the interview cannot be evaluated yet — it has not started — or "" when it can (or is not published)."""
    opens_at = interview.evaluation_opens_at
    if opens_at is None or now >= opens_at:
        return ""
    return _("This evaluation opens when the interview starts, on %(when)s.") % {
        "when": formats.date_format(timezone.localtime(opens_at), "l j F, H:i")
    }


def evaluate_interview(
    *,
    interview: Interview,
    attendance: str,
    outcome: str = "",
    start_route: str = "",
    proposed_start: date | None = None,
    feedback: str = "",
    actor: User,
) -> Evaluation:
    """Record (or correct) HR's evaluation of a published interview; pending evaluation requests are cancelled.
    A no-show keeps no outcome, a "no" no start; an offer needs its start route."""
    require_phase(interview.participation.campaign, "evaluate_interview", EvaluationPhaseRefused)
    if interview.published_day is None:
        raise EvaluationRefused(_("This interview is not in the published schedule, so it cannot be evaluated."))
    if not_yet := evaluation_not_yet_open(interview, timezone.now()):
        raise EvaluationRefused(not_yet)
    if attendance not in Attendance.values:
        raise EvaluationRefused(_("Say whether the candidate came."))
    if attendance == Attendance.NO_SHOW:
        outcome = ""
    if outcome in ("", Outcome.NO):  # nothing to start
        start_route, proposed_start = "", None
    if attendance == Attendance.ATTENDED and not outcome:
        raise EvaluationRefused(_("Choose the outcome of the interview."))
    if outcome == Outcome.OFFER and not start_route:
        raise EvaluationRefused(_("For an offer, choose how the candidate would start."))
    with transaction.atomic():
        evaluation, _created = Evaluation.objects.update_or_create(
            interview=interview,
            defaults={
                "attendance": attendance,
                "outcome": outcome,
                "start_route": start_route,
                "proposed_start": proposed_start,
                "feedback": feedback.strip(),
                "filled_at": timezone.now(),
                "filled_by": actor,
            },
        )
        cancel_event_messages(event=f"evaluation:{interview.pk}")
    return evaluation


def propose_second_chance(*, enrolment: Enrolment, vacancy, actor: User) -> Proposal:
    """Offer a candidate who was not retained to an ambassador company's open vacancy: a confirmed proposal
    its HR sees and answers like any other (it has no project-week interview)."""
    require_phase(enrolment.campaign, "propose_second_chance", MatchingPhaseRefused)
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=enrolment.campaign_id)
        option = second_chance.option(enrolment, vacancy)
        if option is None:
            raise MatchingRefused(
                _("This candidate cannot be proposed to this vacancy (any more): it is closed, already proposed, "
                  "not at an ambassador company, or a hard rule excludes the pair.")
            )  # fmt: skip
        proposal = Proposal(
            enrolment=enrolment,
            vacancy=vacancy,
            fit=option.pair.fit,
            reasons=reasons_as_data(option.pair),
            second_chance=True,
        )
        set_proposal_status(campaign=enrolment.campaign, proposals=[proposal], to=ProposalStatus.CONFIRMED, actor=actor)
    return proposal
