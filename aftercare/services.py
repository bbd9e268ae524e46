"""Writes on placements: one function creates a placement, one changes it. Both keep the history and the
check-ins (and their messages in the outbox) in step with the start date and the status."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from campaigns.lifecycle import PhaseRefused, require_phase
from campaigns.models import Evaluation, Outcome, StartRoute
from candidates.models import Candidate
from jobroad import audit
from jobroad.channels import Undeliverable
from jobroad.models import AuditAction, AuditPlace, Message, Organisation, OrganisationKind, Role, User
from jobroad.outbox import Recipient, cancel_event_messages, schedule_message, sync_event_messages
from jobroad.reminders import plan_reminders
from jobroad.selectors import members

from .links import check_in_path
from .models import (
    EMPLOYER_KIND_BY_ROUTE,
    CheckIn,
    CheckInAudience,
    CheckInIssue,
    CheckInStatus,
    CoachingContact,
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


class PlacementPhaseRefused(PhaseRefused, PlacementRefused):
    """Offers become placements during project week and aftercare (``campaigns.lifecycle``)."""


# An evaluation's start route as a placement's; a direct contract starts as fixed-term until someone says more.
ROUTE_FROM_EVALUATION = {
    StartRoute.TEMP_WORK: PlacementRoute.TEMP_WORK,
    StartRoute.WORKPLACE_LEARNING: PlacementRoute.WORKPLACE_LEARNING,
    StartRoute.ARTICLE_60: PlacementRoute.ARTICLE_60,
    StartRoute.TRAINING: PlacementRoute.TRAINING,
    StartRoute.DIRECT_CONTRACT: PlacementRoute.FIXED_TERM,
}


def employer_objection(route: str, employer: Organisation | None) -> str:
    """Why ``employer`` cannot be the employer of record on ``route``, or "". Temp work is employed by a temp
    agency (the client company is the workplace), article 60 by an OCMW; on every other route the workplace company
    employs the person itself, so no other employer is recorded."""
    kind = EMPLOYER_KIND_BY_ROUTE.get(route)
    if kind == OrganisationKind.TEMP_AGENCY and (employer is None or employer.kind != kind):
        return _("Temp work needs a temp agency (its branch) as employer; the client company is the workplace.")
    if kind == OrganisationKind.OCMW and (employer is None or employer.kind != kind):
        return _("Article 60 needs an OCMW as employer; the company is the workplace.")
    if kind is None and employer is not None:
        return _(
            "On this route the company itself is the employer: leave the employer empty "
            "(only temp work and article 60 have another employer)."
        )
    return ""


def place_from_evaluation(
    *,
    evaluation: Evaluation,
    starts_on: date | None = None,
    hours_per_week: int | None = None,
    employer: Organisation | None = None,
    actor: User,
) -> Placement:
    """An offer becomes a placement at the interviewing company (the workplace), with the route and start date HR
    proposed, and the employer of record for temp work (the agency) or article 60 (the OCMW)."""
    require_phase(evaluation.interview.participation.campaign, "place_from_evaluation", PlacementPhaseRefused)
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
        employer=employer,
        actor=actor,
    )


def create_placement(
    *, route: str, starts_on: date, actor: User, employer: Organisation | None = None, **fields
) -> Placement:
    """A new placement with its route's follow-up plan copied into check-ins, and their messages planned. Refused
    when the employer does not fit the route (``employer_objection``)."""
    if objection := employer_objection(route, employer):
        raise PlacementRefused(objection)
    fields["employer"] = employer
    with transaction.atomic():
        placement = Placement.objects.create(route=route, starts_on=starts_on, **fields)
        _record(placement, actor, note="", effective_on=starts_on)
        audit.record(actor=actor, action=AuditAction.CREATED, candidates=[placement.candidate_id],
                     place=AuditPlace.PLACEMENT)  # fmt: skip
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
    on: date | None = None,
    employer: Organisation | None = None,
) -> Placement:
    """The one way a placement changes. ``on`` is the day a new route or the end takes effect (today when not
    given). A new start date moves every pending check-in and its messages; ending the placement (with a reason)
    cancels them. ``route`` comes with its ``employer`` of record (``employer_objection``): temp work becoming a
    contract leaves the agency, and the same route with another employer records the agency or OCMW of a placement
    recorded before employers were. Every change is kept in the history."""
    on = on or timezone.localdate()
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.status == PlacementStatus.ENDED:
            raise PlacementRefused(_("This placement has ended; record a new placement instead."))
        if status == PlacementStatus.ENDED and not end_reason.strip():
            raise PlacementRefused(_("Say why the placement ended."))
        if status == PlacementStatus.PLANNED and placement.status != PlacementStatus.PLANNED:
            raise PlacementRefused(_("A placement that has started cannot go back to planned."))
        if status == PlacementStatus.STARTED and placement.has_started():
            raise PlacementRefused(_("This placement has already started."))
        if route and (route != placement.route or employer != placement.employer):
            if objection := employer_objection(route, employer):
                raise PlacementRefused(objection)
            if route != placement.route:
                status = status or PlacementStatus.ROUTE_CHANGED
            placement.route, placement.employer = route, employer
        if status:
            placement.status = status
        if status == PlacementStatus.ENDED:
            placement.ended_on, placement.end_reason = on, end_reason.strip()
        moved = starts_on is not None and starts_on != placement.starts_on
        if moved:
            placement.starts_on = starts_on
        placement.save()
        _record(placement, actor, note, effective_on=on)
        audit.changed(actor, placement.candidate_id, AuditPlace.PLACEMENT)
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


def _record(placement: Placement, actor: User | None, note: str, effective_on: date) -> None:
    PlacementChange.objects.create(
        placement=placement,
        status=placement.status,
        route=placement.route,
        employer=placement.employer,
        starts_on=placement.starts_on,
        note=note,
        effective_on=effective_on,
        changed_by=actor,
    )


def check_in_recipients(check_in: CheckIn) -> dict[str, list[Recipient]]:
    """Who answers a check-in: the employer's HR (through a link, no account needed), the candidate's
    intermediary, or — for the candidate, who mostly has no e-mail — their job coach; the campaign's
    coordinators hear when it is overdue."""
    placement = check_in.placement
    candidate = placement.candidate
    if check_in.audience == CheckInAudience.EMPLOYER:
        asked = {"employer": members(Role.COMPANY_HR, placement.company.organisation_id)}
    elif check_in.audience == CheckInAudience.INTERMEDIARY:
        asked = {"responsible": members(Role.INTERMEDIARY, candidate.registered_by_id)}
    else:
        asked = {"responsible": User.objects.filter(pk=candidate.coach_id, is_active=True)}
    coordinators = placement.campaign.coordinators.filter(is_active=True) if placement.campaign else []
    return {
        **{audience: [Recipient.for_user(user) for user in users] for audience, users in asked.items()},
        "coordinator": [Recipient.for_user(user) for user in coordinators],
    }


def _message_time(due_on: date, now: datetime) -> datetime:
    """Nine o'clock on the due day; for a check-in already due (a placement recorded late), the next nine
    o'clock, so it is still asked rather than silently skipped."""
    zone = timezone.get_current_timezone()
    at = datetime.combine(due_on, CHECK_IN_HOUR, tzinfo=zone)
    if at > now:
        return at
    today = timezone.localtime(now, zone).date()
    at = datetime.combine(today, CHECK_IN_HOUR, tzinfo=zone)
    return at if at > now else at + timedelta(days=1)


def _plan_check_in_messages(check_in: CheckIn) -> None:
    """The due message and the overdue escalation. Only the employer's message carries the answer link (and is
    not kept once sent); the others point to the check-in's page in the platform."""
    placement = check_in.placement
    now = timezone.now()
    due = datetime.combine(check_in.due_on, CHECK_IN_HOUR, tzinfo=timezone.get_current_timezone())
    recipients = check_in_recipients(check_in)
    employer = recipients.pop("employer", [])
    event = {"summary": f"{placement.candidate.first_name} · {placement.company}", "start": due.isoformat()}
    context = {"event": event, "link": reverse("check_in_answer", kwargs={"pk": check_in.pk})}
    at = _message_time(check_in.due_on, now)
    plan = partial(plan_reminders, event_kind="checkin", event_id=check_in.pk, at=at, now=now)
    planned = plan(recipients=recipients, context=context)
    if employer:
        planned += plan(recipients={"employer": employer}, context=context | {"check_in": check_in.pk})
    sync_event_messages(event=f"checkin:{check_in.pk}", planned=planned, campaign=placement.campaign)


def employer_check_in_link(message: Message) -> str:
    """The employer's answer link for the check-in an outbox message is about, made as the mail leaves (the
    outbox never keeps it). A check-in no longer pending has nothing to answer: the mail is not sent."""
    check_in = CheckIn.objects.filter(pk=message.context.get("check_in"), status=CheckInStatus.PENDING).first()
    if check_in is None:
        raise Undeliverable("The check-in is no longer pending.")
    return settings.SITE_URL + check_in_path(check_in)


# --- Check-ins ------------------------------------------------------------------------------------------------


class CheckInRefused(Exception):
    """A check-in answer that cannot be taken; the reason is shown as is."""


def check_in_not_yet_open(check_in: CheckIn, today: date) -> str:
    """Why the check-in cannot be answered yet — it is not due soon enough — or "" when it can."""
    if check_in.is_open_on(today):
        return ""
    return _("This check-in can be answered from %(day)s, shortly before it is due.") % {
        "day": formats.date_format(check_in.opens_on, "j F Y")
    }


def answer_check_in(
    *,
    check_in: CheckIn,
    still_working: bool,
    hours_per_week: int | None = None,
    satisfaction: int | None = None,
    issues: Iterable[str] = (),
    notes: str = "",
    at_risk: bool = False,
    actor: User | None,
) -> CheckIn:
    """Record the answers to a pending check-in, once; its messages are cancelled. ``actor`` is None for an
    employer answering through the link. A person no longer at work is always at risk; an answer at risk tells
    the campaign's coordinators at once (and flags the placement on their dashboard)."""
    with transaction.atomic():
        check_in = CheckIn.objects.select_for_update().select_related("placement").get(pk=check_in.pk)
        if check_in.status != CheckInStatus.PENDING:
            raise CheckInRefused(_("This check-in has already been answered or is no longer needed."))
        if not_yet := check_in_not_yet_open(check_in, timezone.localdate()):
            raise CheckInRefused(not_yet)
        check_in.still_working = still_working
        check_in.hours_per_week = hours_per_week if still_working else None
        check_in.satisfaction = satisfaction
        check_in.issues = sorted(set(issues) & set(CheckInIssue.values))
        check_in.notes = notes.strip()
        check_in.at_risk = at_risk or not still_working
        check_in.status = CheckInStatus.DONE
        check_in.answered_at = timezone.now()
        check_in.answered_by = actor
        check_in.answered_by_link = actor is None
        check_in.save()
        audit.changed(actor, check_in.placement.candidate_id, AuditPlace.CHECK_IN)
        cancel_event_messages(event=f"checkin:{check_in.pk}")
        if check_in.at_risk:
            _tell_coordinators_at_risk(check_in)
    return check_in


def _tell_coordinators_at_risk(check_in: CheckIn) -> None:
    placement = check_in.placement
    event = {"summary": f"{placement.candidate.first_name} · {placement.company}", "start": timezone.now().isoformat()}
    for recipient in check_in_recipients(check_in)["coordinator"]:
        schedule_message(
            key=f"checkin:{check_in.pk}:at-risk:{recipient.address}",
            template="checkin_at_risk",
            recipient=recipient,
            due_at=timezone.now(),
            context={"event": event, "link": reverse("placement_detail", kwargs={"pk": placement.pk})},
            event=f"checkin:{check_in.pk}:at-risk",
            campaign=placement.campaign,
        )


def clear_risk_flag(*, check_in: CheckIn, actor: User) -> None:
    """A coordinator took up an answer at risk: the flag leaves the dashboard, the answer stays."""
    changed = CheckIn.objects.filter(pk=check_in.pk, at_risk=True, flag_cleared_at__isnull=True).update(
        flag_cleared_at=timezone.now(), flag_cleared_by=actor
    )
    if not changed:
        raise CheckInRefused(_("This check-in has no open flag."))


# --- Job coaching -----------------------------------------------------------------


def log_coaching_contact(*, candidate: Candidate, coach: User, **fields) -> CoachingContact:
    """One contact in the coach's log; ``fields`` are CoachingContact's (date, channel, topic, notes, next action)."""
    with transaction.atomic():
        audit.changed(coach, candidate, AuditPlace.COACHING)
        return CoachingContact.objects.create(candidate=candidate, coach=coach, **fields)


def assign_coach(*, candidate: Candidate, coach: User | None, actor: User) -> Candidate:
    """Give the candidate a job coach (or none): the candidate joins the coach's caseload and the coach logs their
    contacts. The form offers only coaches ``actor`` may assign; the change is in the candidate's audit trail."""
    Candidate.objects.filter(pk=candidate.pk).update(coach=coach)
    candidate.coach = coach
    audit.changed(actor, candidate, AuditPlace.DETAILS)
    return candidate
