"""Writes on placements: one function creates a placement, one changes it. Both keep the history and the
check-ins (and their messages in the outbox) in step with the start date and the status."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Evaluation, Outcome, StartRoute
from jobroad.models import Role, User
from jobroad.outbox import Recipient, cancel_event_messages, sync_event_messages
from jobroad.reminders import plan_reminders
from jobroad.selectors import members

from .models import (
    CheckIn,
    CheckInAudience,
    CheckInStatus,
    FollowUpStep,
    Placement,
    PlacementChange,
    PlacementRoute,
    PlacementStatus,
)

CHECK_IN_HOUR = time(9)  # a check-in's messages go out on its due day at nine

# The follow-up plan every route starts with (also written by migration 0002): days after the start, who is asked.
DEFAULT_PLAN = [
    (7, CheckInAudience.CANDIDATE),
    (30, CheckInAudience.EMPLOYER),
    (30, CheckInAudience.INTERMEDIARY),
    (91, CheckInAudience.EMPLOYER),
    (182, CheckInAudience.CANDIDATE),
    (365, CheckInAudience.EMPLOYER),
]


def ensure_default_plans() -> None:
    """Give every route without a plan the default one (the demo data; a database emptied by tests)."""
    for route in PlacementRoute.values:
        if not FollowUpStep.objects.filter(route=route).exists():
            FollowUpStep.objects.bulk_create(
                FollowUpStep(route=route, offset_days=offset, audience=audience) for offset, audience in DEFAULT_PLAN
            )


class PlacementRefused(Exception):
    """A placement change that does not fit its state; the reason is shown as is."""


# An evaluation's start route as a placement's; a direct contract starts as fixed-term until someone says more.
ROUTE_FROM_EVALUATION = {
    StartRoute.TEMP_WORK: PlacementRoute.TEMP_WORK,
    StartRoute.WORKPLACE_LEARNING: PlacementRoute.WORKPLACE_LEARNING,
    StartRoute.ARTICLE_60: PlacementRoute.ARTICLE_60,
    StartRoute.TRAINING: PlacementRoute.TRAINING,
    StartRoute.DIRECT_CONTRACT: PlacementRoute.FIXED_TERM,
}


def place_from_evaluation(
    *, evaluation: Evaluation, starts_on: date | None = None, hours_per_week: int | None = None, actor: User
) -> Placement:
    """An offer becomes a placement at the interviewing company, with the route and start date HR proposed."""
    if evaluation.outcome != Outcome.OFFER:
        raise PlacementRefused(_("Only an interview that ended with an offer becomes a placement."))
    if Placement.objects.filter(evaluation=evaluation).exists():
        raise PlacementRefused(_("This offer is already a placement."))
    starts_on = starts_on or evaluation.proposed_start
    if starts_on is None:
        raise PlacementRefused(_("Give the start date."))
    interview = evaluation.interview
    return create_placement(
        candidate=interview.enrolment.candidate,
        company=interview.participation.company,
        vacancy=interview.proposal.vacancy,
        campaign=interview.participation.campaign,
        evaluation=evaluation,
        route=ROUTE_FROM_EVALUATION[evaluation.start_route],
        starts_on=starts_on,
        hours_per_week=hours_per_week,
        actor=actor,
    )


def create_placement(*, route: str, starts_on: date, actor: User, **fields) -> Placement:
    """A new placement with its route's follow-up plan copied into check-ins, and their messages planned."""
    with transaction.atomic():
        placement = Placement.objects.create(route=route, starts_on=starts_on, **fields)
        _record(placement, actor, note="")
        CheckIn.objects.bulk_create(
            CheckIn(
                placement=placement,
                offset_days=step.offset_days,
                audience=step.audience,
                due_on=starts_on + timedelta(days=step.offset_days),
            )
            for step in FollowUpStep.objects.filter(route=route)
        )
        for check_in in placement.check_ins.all():
            _plan_check_in_messages(check_in)
    return placement


def change_placement(
    *,
    placement: Placement,
    actor: User,
    status: str | None = None,
    route: str | None = None,
    starts_on: date | None = None,
    end_reason: str = "",
    note: str = "",
) -> Placement:
    """The one way a placement changes. A new start date moves every pending check-in and its messages; ending
    the placement (with a reason) cancels them. Every change is kept in the history."""
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.status == PlacementStatus.ENDED:
            raise PlacementRefused(_("This placement has ended; record a new placement instead."))
        if status == PlacementStatus.ENDED and not end_reason.strip():
            raise PlacementRefused(_("Say why the placement ended."))
        if route and route != placement.route:
            placement.route, status = route, status or PlacementStatus.ROUTE_CHANGED
        if status:
            placement.status = status
        if status == PlacementStatus.ENDED:
            placement.ended_on, placement.end_reason = timezone.localdate(), end_reason.strip()
        moved = starts_on is not None and starts_on != placement.starts_on
        if moved:
            placement.starts_on = starts_on
        placement.save()
        _record(placement, actor, note)
        pending = placement.check_ins.filter(status=CheckInStatus.PENDING)
        if placement.status == PlacementStatus.ENDED:
            for check_in in pending:
                cancel_event_messages(event=f"checkin:{check_in.pk}")
            pending.update(status=CheckInStatus.CANCELLED)
        elif moved:
            for check_in in pending:
                check_in.due_on = placement.starts_on + timedelta(days=check_in.offset_days)
                check_in.save(update_fields=["due_on"])
                _plan_check_in_messages(check_in)
    return placement


def _record(placement: Placement, actor: User, note: str) -> None:
    PlacementChange.objects.create(
        placement=placement,
        status=placement.status,
        route=placement.route,
        starts_on=placement.starts_on,
        note=note,
        changed_by=actor,
    )


def check_in_recipients(check_in: CheckIn) -> dict[str, list[Recipient]]:
    """Who answers a check-in: the employer's HR, the candidate's intermediary, or — for the candidate, who
    mostly has no e-mail — their job coach; the campaign's coordinators hear when it is overdue."""
    placement = check_in.placement
    candidate = placement.candidate
    responsible = {
        CheckInAudience.EMPLOYER: members(Role.COMPANY_HR, placement.company.organisation_id),
        CheckInAudience.INTERMEDIARY: members(Role.INTERMEDIARY, candidate.registered_by_id),
        CheckInAudience.CANDIDATE: User.objects.filter(pk=candidate.coach_id, is_active=True),
    }[check_in.audience]
    coordinators = placement.campaign.coordinators.all() if placement.campaign else User.objects.none()
    return {
        "responsible": [Recipient.for_user(user) for user in responsible],
        "coordinator": [Recipient.for_user(user) for user in coordinators.filter(is_active=True)],
    }


def _plan_check_in_messages(check_in: CheckIn) -> None:
    placement = check_in.placement
    due = datetime.combine(check_in.due_on, CHECK_IN_HOUR, tzinfo=timezone.get_current_timezone())
    event = {
        "summary": f"{placement.candidate.first_name} · {placement.company}",
        "start": due.isoformat(),
    }
    planned = plan_reminders(
        event_kind="checkin",
        event_id=check_in.pk,
        at=due,
        recipients=check_in_recipients(check_in),
        context={"event": event, "link": "/"},
        now=timezone.now(),
    )
    sync_event_messages(event=f"checkin:{check_in.pk}", planned=planned, campaign=placement.campaign)
