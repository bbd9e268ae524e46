"""Reads for the project-week pages: the schedule board, what a hand move would break, HR's days and what changed
since publishing."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache

from django.utils.translation import gettext_lazy as _

from candidates.choices import language_name
from candidates.selectors import candidate_recipient
from jobroad.models import Message, Role
from jobroad.outbox import Recipient
from jobroad.selectors import members

from ..matching.selectors import BlindProfile, blind_profile
from ..models import (
    Campaign,
    DayConfirmation,
    Interview,
    Participation,
    ProjectWeek,
)
from . import engine as scheduling
from . import text as scheduling_text
from .board import blockers_at
from .board import free_slots as board_free_slots
from .inputs import clock, minutes, schedule_input


def _others(interview: Interview) -> list[scheduling.Appointment]:
    """The campaign's other placed interviews, as appointments."""
    placed = Interview.objects.filter(participation__campaign_id=interview.participation.campaign_id, day__isnull=False)
    return [
        scheduling.Appointment(i.proposal_id, i.day.toordinal(), minutes(i.starts_at))
        for i in placed.exclude(pk=interview.pk)
    ]


def move_problems(interview: Interview, day: date, starts_at: time) -> list[str]:
    """Why ``interview`` cannot move to ``day`` at ``starts_at`` with the rest of the schedule as it stands, in
    sentences (empty when it can): the live check while a coordinator picks a time, and the move's own check."""
    data = schedule_input(interview.participation.campaign)
    if interview.proposal_id not in data.proposals:
        return [str(_("This proposal is no longer confirmed, so it has no interview to move."))]
    blockers = blockers_at(data.problem, _others(interview), interview.proposal_id, day.toordinal(), minutes(starts_at))
    return [scheduling_text.explain(blocker) for blocker in blockers]


def free_slots(interview: Interview, limit: int = 8) -> list[tuple[date, time]]:
    """Where ``interview`` could move with the rest of the schedule as it stands, best first (its own day, then
    the least waiting after the guided visit): every one passes the move's own check."""
    data = schedule_input(interview.participation.campaign)
    if interview.proposal_id not in data.proposals:
        return []
    now = None
    if interview.day:
        now = scheduling.Appointment(interview.proposal_id, interview.day.toordinal(), minutes(interview.starts_at))
    slots = board_free_slots(data.problem, _others(interview), interview.proposal_id, near=now)
    here = (now.day, now.start) if now else None
    return [(date.fromordinal(day), clock(start)) for day, start in slots if (day, start) != here][:limit]


@dataclass(frozen=True)
class BoardDay:
    day: date
    rows: list  # (participation, [interviews]) per company with that day
    groups: dict  # transport group -> candidates travelling that day
    confirmed: frozenset = frozenset()  # participations whose HR confirmed this day


def schedule_board(campaign: Campaign) -> list[BoardDay]:
    """Per project-week day, each participating company with its interviews in time order, and who travels
    from which reception centre. A company has a day sheet (``has_day_sheet``) once one of its interviews is
    published; one without any gets no link that would lead nowhere."""
    interviews = (
        Interview.objects.filter(participation__campaign=campaign, day__isnull=False)
        .select_related(
            "enrolment__candidate__reception_centre",
            "participation__company__organisation",
            "proposal__vacancy",
            "evaluation",
        )
        .order_by("day", "starts_at", "seat")
    )
    by_day = defaultdict(lambda: defaultdict(list))
    for interview in interviews:
        by_day[interview.day][interview.participation_id].append(interview)
    participations = list(
        campaign.participations.select_related("company__organisation").order_by("company__organisation__name")
    )
    with_day_sheet = {interview.participation_id for interview in interviews if interview.published_day}
    for participation in participations:
        participation.has_day_sheet = participation.pk in with_day_sheet
    days = sorted({date.fromisoformat(iso) for p in participations for iso in p.available_days} | set(by_day))
    confirmed = defaultdict(set)
    for participation_id, day in DayConfirmation.objects.filter(participation__campaign=campaign).values_list(
        "participation_id", "day"
    ):
        confirmed[day].add(participation_id)
    board = []
    for day in days:
        rows = [
            (p, by_day[day].get(p.pk, []))
            for p in participations
            if day.isoformat() in p.available_days or p.pk in by_day[day]
        ]
        groups = defaultdict(set)
        for _p, items in rows:
            for interview in items:
                candidate = interview.enrolment.candidate
                groups[str(candidate.reception_centre or _("own address"))].add(candidate)
        people = {name: sorted(people, key=str) for name, people in sorted(groups.items())}
        board.append(BoardDay(day, rows, people, frozenset(confirmed[day])))
    return board


def unplaced_interviews(campaign: Campaign):
    return (
        Interview.objects.filter(participation__campaign=campaign, day__isnull=True)
        .select_related("enrolment__candidate", "participation__company__organisation")
        .order_by("participation__company__organisation__name", "pk")
    )


@dataclass(frozen=True)
class InterviewForHr:
    """A published interview as HR sees it: the blind profile, never the candidate row."""

    pk: int
    day: date
    starts_at: time
    ends_at: time
    vacancy: str
    interpreter: str
    profile: BlindProfile
    evaluation: object  # campaigns.models.Evaluation or None
    evaluation_opens_at: datetime  # when the interview starts: HR cannot evaluate it before


@dataclass(frozen=True)
class HrDay:
    participation: object
    day: date
    interviews: list[InterviewForHr]
    confirmation: object = None  # campaigns.models.DayConfirmation of this day, or None


def interview_days_for_hr(interviews) -> list[HrDay]:
    """``interviews`` (already scoped to the user) grouped per company and day, as published, in time order."""
    # The ids first: joined to the nine tables below at once, the scope's conditions come last in PostgreSQL's
    # plan (past its join_collapse_limit), after joining every interview of every campaign.
    shown = list(interviews.filter(published_day__isnull=False).values_list("pk", flat=True))
    interviews = (
        Interview.objects.filter(pk__in=shown)
        .select_related(
            "participation__company__organisation", "participation__campaign", "proposal__vacancy",
            "enrolment__candidate", "evaluation",
        )
        .prefetch_related("enrolment__candidate__languages", "enrolment__candidate__competences")
        .order_by("published_day", "participation_id", "published_starts_at", "pk")
    )  # fmt: skip
    interviews = list(interviews)
    confirmations = (
        {
            (c.participation_id, c.day): c
            for c in DayConfirmation.objects.filter(participation__in={i.participation_id for i in interviews})
        }
        if interviews
        else {}
    )
    days = {}
    for interview in interviews:
        key = (interview.participation_id, interview.published_day)
        if key not in days:
            days[key] = HrDay(interview.participation, interview.published_day, [], confirmations.get(key))
        start = minutes(interview.published_starts_at)
        days[key].interviews.append(
            InterviewForHr(
                pk=interview.pk,
                day=interview.published_day,
                starts_at=interview.published_starts_at,
                ends_at=clock(start + interview.participation.slot_minutes),
                vacancy=interview.proposal.vacancy.title,
                interpreter=language_name(interview.interpreter) if interview.interpreter else "",
                profile=blind_profile(interview.enrolment.candidate),
                evaluation=getattr(interview, "evaluation", None),
                evaluation_opens_at=interview.evaluation_opens_at,
            )
        )
    return list(days.values())


def unpublished_changes(campaign: Campaign) -> int:
    """Interviews whose time differs from what people were last told (new, moved or dropped)."""
    rows = Interview.objects.filter(participation__campaign=campaign).only(
        "day", "starts_at", "published_day", "published_starts_at"
    )
    return sum(row.changed_since_published for row in rows)


def interview_recipients(interview: Interview, members_of=members) -> dict[str, list[Recipient]]:
    candidate = interview.enrolment.candidate
    people = {
        "candidate": [r for r in [candidate_recipient(candidate)] if r],
        "intermediary": members_of(Role.INTERMEDIARY, candidate.registered_by_id),
        "hr": members_of(Role.COMPANY_HR, interview.participation.company.organisation_id),
    }
    return {key: [p if isinstance(p, Recipient) else Recipient.for_user(p) for p in people[key]] for key in people}


def no_interviews_event(participation: Participation) -> str:
    return f"participation:{participation.pk}:no-interviews"


def companies_without_interviews(campaign: Campaign) -> dict[Participation, list[Recipient]]:
    """The companies taking part that have no interview in the schedule, with the HR people to tell."""
    participations = campaign.participations.exclude(interviews__day__isnull=False).select_related("company")
    return {
        p: [Recipient.for_user(user) for user in members(Role.COMPANY_HR, p.company.organisation_id)]
        for p in participations
    }


@dataclass(frozen=True)
class Publication:
    """What publishing now would send: one message per person concerned by each changed interview, and one to
    the HR people of each company that has no interview and was not told yet."""

    changed: int
    messages: int
    candidates: int
    intermediaries: int
    companies: int
    companies_without_interviews: int


def publication(campaign: Campaign) -> Publication:
    """Counted before the coordinator presses Publish, from the same recipients the messages go to."""
    changed = [
        interview
        for interview in Interview.objects.filter(participation__campaign=campaign).select_related(
            "enrolment__candidate__registered_by", "participation__company__organisation"
        )
        if interview.changed_since_published
    ]
    members_of = cache(lambda role, organisation: list(members(role, organisation)))  # one query per organisation
    messages, people = 0, defaultdict(set)
    for interview in changed:
        recipients = interview_recipients(interview, members_of)
        messages += sum(len(group) for group in recipients.values())
        people["candidate"] |= {r.address for r in recipients["candidate"]}
        people["intermediary"] |= {r.address for r in recipients["intermediary"]}
        if recipients["hr"]:
            people["company"].add(interview.participation.company_id)
    without = companies_without_interviews(campaign)
    told = set(
        Message.objects.filter(event__in=[no_interviews_event(p) for p in without]).values_list("key", flat=True)
    )
    untold = {
        p: [r for r in recipients if f"{no_interviews_event(p)}:{r.address}" not in told]
        for p, recipients in without.items()
    }
    untold = {p: recipients for p, recipients in untold.items() if recipients}
    messages += sum(len(recipients) for recipients in untold.values())
    people["company"] |= {p.company_id for p in untold}
    return Publication(
        len(changed),
        messages,
        len(people["candidate"]),
        len(people["intermediary"]),
        len(people["company"]),
        len(untold),
    )


@dataclass(frozen=True)
class Regeneration:
    """What generating again puts at stake: what people were told, and the interviews moved by hand."""

    published_version: int
    published_at: datetime | None
    published_interviews: int
    hand_moves: int

    @property
    def asks_first(self) -> bool:
        return bool(self.published_at or self.hand_moves)


def regeneration(campaign: Campaign) -> Regeneration:
    week = ProjectWeek.objects.filter(campaign=campaign).first()
    interviews = Interview.objects.filter(participation__campaign=campaign)
    return Regeneration(
        published_version=week.version if week else 0,
        published_at=week.published_at if week else None,
        published_interviews=interviews.filter(published_day__isnull=False).count(),
        hand_moves=interviews.filter(moved_at__isnull=False, day__isnull=False).count(),
    )
