"""Writes of the project week: generating, moving and publishing the schedule (and the messages it sends), HR's
day confirmations."""

import operator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from jobroad.models import User
from jobroad.outbox import (
    PlannedMessage,
    Recipient,
    cancel_event_messages,
    sync_event_messages,
)
from jobroad.reminders import plan_reminders

from ..lifecycle import PhaseRefused, require_phase
from ..models import (
    Campaign,
    DayConfirmation,
    Interview,
    Participation,
    ProjectWeek,
    ScheduleStatus,
)
from ..personal import services as personal_services
from . import engine as scheduling
from . import inputs, selectors
from . import text as scheduling_text
from .transport.announcements import announce_transport_changes


class ScheduleRefused(Exception):
    """A schedule change that would break a rule; the reason is shown to the coordinator as is."""


class SchedulePhaseRefused(PhaseRefused, ScheduleRefused):
    """A project-week action the campaign's phase does not open (``campaigns.lifecycle``)."""


@dataclass(frozen=True)
class Generation:
    solution: scheduling.Solution
    moves_kept: int  # interviews a coordinator moved by hand that stay where they were put
    moves_lost: tuple[Interview, ...]  # hand moves whose slot is no longer open: the plan placed them anew


def generate_schedule(*, campaign: Campaign, actor: User, keep_moves: bool = True) -> Generation:
    """Plan every schedulable proposal (CP-SAT). Interviews a coordinator moved by hand stay where they are while
    their slot is open, unless ``keep_moves`` is False (a plan from scratch, which forgets the moves). Published
    appointments stay where they are unless a better plan needs them to move, and then as few as possible move.
    Nothing is sent until it is published."""
    require_phase(campaign, "plan_schedule", SchedulePhaseRefused)
    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)  # one schedule change at a time per campaign
        moved = Interview.objects.filter(participation__campaign=campaign, moved_at__isnull=False)
        if not keep_moves:
            moved.update(moved_at=None, moved_by=None)
        data = inputs.schedule_input(campaign)
        if not data.problem.requests:
            raise ScheduleRefused(_("There are no confirmed proposals to schedule yet."))
        if not data.problem.company_days:
            raise ScheduleRefused(_("No participating company has a project-week day yet."))
        solution = scheduling.solve(data.problem)
        _save_appointments(campaign, data, solution.appointments)
        pinned = {a.request_id for a in data.problem.pinned}
        held = {a.request_id for a in set(solution.appointments) & set(data.problem.pinned)}
        lost = tuple(
            Interview.objects.filter(proposal__in=pinned - held).select_related(
                "enrolment__candidate", "participation__company"
            )
        )
        moved.exclude(proposal__in=held).update(moved_at=None, moved_by=None)  # what was not kept is no longer pinned
        week, _created = ProjectWeek.objects.get_or_create(campaign=campaign)
        week.generated_at = timezone.now()
        week.status = solution.status
        week.dropped = [
            {"proposal": drop.request_id, "blockers": [scheduling_text.as_data(b) for b in drop.blockers]}
            for drop in solution.dropped
        ]
        week.save(update_fields=["generated_at", "status", "dropped"])
    return Generation(solution, moves_kept=len(held), moves_lost=lost)


def _save_appointments(campaign: Campaign, data, appointments) -> None:
    """Make the interview rows match the appointments: clear every time first, so no row briefly collides
    with another's old slot under the database constraints, then set the new ones with an interviewer each."""
    Interview.objects.filter(participation__campaign=campaign).update(day=None, starts_at=None, ends_at=None, seat=None)
    at = {a.request_id: a for a in appointments}
    seats = {}
    for pk, proposal in sorted(data.proposals.items()):
        participation = data.participations[proposal.vacancy.company_id]
        values = {"participation": participation, "enrolment": proposal.enrolment}
        values["interpreter"] = inputs.interpreter_language(proposal.enrolment.candidate)
        if appointment := at.get(pk):
            day, start = date.fromordinal(appointment.day), inputs.clock(appointment.start)
            seat = seats[participation.pk, day, start] = seats.get((participation.pk, day, start), 0) + 1
            values |= {
                "day": day,
                "starts_at": start,
                "ends_at": inputs.clock(appointment.start + participation.slot_minutes),
                "seat": seat,
            }
        Interview.objects.update_or_create(proposal=proposal, defaults=values)


def move_interview(*, interview: Interview, day: date, starts_at: time, actor: User) -> Interview:
    """Move one interview by hand, checked against every rule with the rest of the schedule as it stands; the
    next generation keeps it there."""
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
        interview.ends_at = inputs.clock(inputs.minutes(starts_at) + participation.slot_minutes)
        interview.seat = min(set(range(1, participation.interviewers + 1)) - taken)
        interview.moved_by, interview.moved_at = actor, timezone.now()
        interview.save(update_fields=["day", "starts_at", "ends_at", "seat", "moved_by", "moved_at"])
        ProjectWeek.objects.filter(campaign=campaign).update(status=ScheduleStatus.EDITED)
    return interview


def publish_schedule(*, campaign: Campaign, actor: User) -> int:
    """Tell people about their appointments: only interviews that changed since the last publication get a
    message (candidate, their intermediary, the company's HR; with an .ics), and their reminders follow; an
    interview no longer in the schedule gets a cancellation instead of its reminders. HR confirms its day
    again when it changed, and a company taking part with no interview at all hears so; a transport run whose
    departure or passengers change tells the passengers concerned, their intermediaries and the escort. Returns
    how many interviews changed."""
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
        _tell_companies_without_interviews(campaign, now)
        announce_transport_changes(campaign=campaign, now=now)  # only the runs whose departure or riders changed
        if days_changed:
            DayConfirmation.objects.filter(
                reduce(operator.or_, (Q(participation_id=p, day=day) for p, day in days_changed))
            ).delete()
        week, _created = ProjectWeek.objects.get_or_create(campaign=campaign)
        week.version += 1
        week.published_at, week.published_by = now, actor
        week.save(update_fields=["version", "published_at", "published_by"])
    return len(changed)


def _tell_companies_without_interviews(campaign: Campaign, now: datetime) -> None:
    """A company that takes part but got no interview hears it once, so HR does not wait for candidates; one that
    has interviews again loses a notice not yet sent."""
    for participation, recipients in selectors.companies_without_interviews(campaign).items():
        event = selectors.no_interviews_event(participation)
        planned = [
            PlannedMessage(
                key=f"{event}:{recipient.address}",
                template="participation_no_interviews",
                recipient=recipient,
                due_at=now,
                context={"campaign": campaign.name, "company": str(participation.company)},
            )
            for recipient in recipients
        ]
        sync_event_messages(event=event, planned=planned, campaign=campaign)
    for participation in campaign.participations.filter(interviews__day__isnull=False).distinct():
        cancel_event_messages(event=selectors.no_interviews_event(participation))


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
    recipients = selectors.interview_recipients(interview)
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
    plan_evaluation_requests(interview, campaign, now, recipients["hr"])
    for recipient in recipients["candidate"]:
        personal_services.send_personal_link(enrolment=interview.enrolment, recipient=recipient)


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
        for audience, people in selectors.interview_recipients(interview).items()
        for recipient in people
    ]
    sync_event_messages(event=f"interview:{interview.pk}", planned=announcements, campaign=campaign)
    cancel_event_messages(event=f"evaluation:{interview.pk}")


def evaluation_link(interview: Interview) -> str:
    return reverse("interview_evaluation", args=[interview.pk])


def plan_evaluation_requests(interview: Interview, campaign: Campaign, now: datetime, hr: list[Recipient]) -> None:
    """After the interview, HR is asked for its evaluation; three days on, the coordinators hear it is missing.
    Filling in the evaluation, or a coordinator's "not needed", cancels whatever is still pending; a republished
    schedule does not ask again."""
    if hasattr(interview, "evaluation") or interview.evaluation_waived_at:
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
