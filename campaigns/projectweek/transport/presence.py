"""Writes of the day itself: the escort's marks at each stop, and what a no-show at the pick-up tells the companies
waiting for that candidate.

A phone on a flaky connection sends its marks again until one is answered, in any order: a mark is identified by
run, passenger and stop, so the same mark twice is one row, and of two marks the one made later on the phone
(``marked_at``) wins. The server's own clock bounds the phone's: a mark cannot claim to come from the future."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from jobroad.models import Role, User
from jobroad.outbox import PlannedMessage, Recipient, dispatch_soon, sync_event_messages
from jobroad.selectors import members

from ...models import Campaign, Enrolment
from ..services import interview_event
from . import day as day_reads
from .models import StopPresence, TransportRun

CLOCK_SKEW = timedelta(minutes=5)  # a phone's clock may run this far ahead of ours


class NotOnRun(Exception):
    """The passenger or the stop is not one of the run's that day (the view answers 404)."""


@dataclass(frozen=True)
class Marked:
    presence: StopPresence
    changed: bool  # False: an older or repeated mark, nothing written


def mark_presence(
    *, run: TransportRun, enrolment_id: int, stop: str, present: bool, marked_at: datetime | None, actor: User
) -> Marked:
    """Record that a passenger was (not) at one stop of the run. The passenger must ride the run that day and the
    stop be theirs (else NotOnRun). Idempotent: a mark already recorded, or older than the one recorded, changes
    nothing. A change at the pick-up tells (or, while not sent, stops telling) the companies waiting for them."""
    now = timezone.now()
    marked_at = min(marked_at or now, now + CLOCK_SKEW)
    view = day_reads.run_view(run)
    if view is None or enrolment_id not in {p.key for p in view.passengers}:
        raise NotOnRun("not a passenger of this run")
    if not day_reads.is_stop_of(run, enrolment_id, stop):
        raise NotOnRun("not one of the passenger's stops")
    participation_id = None if stop == day_reads.PICKUP else int(stop)
    with transaction.atomic():
        TransportRun.objects.select_for_update().get(pk=run.pk)  # marks of one run, one at a time
        presence = StopPresence.objects.filter(
            run=run, enrolment_id=enrolment_id, participation_id=participation_id
        ).first()
        if presence is not None and presence.marked_at >= marked_at:
            return Marked(presence, changed=False)
        was = presence.present if presence else None
        presence = presence or StopPresence(run=run, enrolment_id=enrolment_id, participation_id=participation_id)
        presence.present, presence.marked_at, presence.marked_by = present, marked_at, actor
        presence.save()
        if participation_id is None and was != present:
            tell_companies_of_no_show(run=run, enrolment=Enrolment.objects.get(pk=enrolment_id), absent=not present)
    return Marked(presence, changed=True)


def no_show_event(interview_pk: int) -> str:
    return f"interview:{interview_pk}:no-show"


def no_show_recipients(interviews) -> dict[int, list[Recipient]]:
    """Per interview, the HR people of its company: who waits for the candidate."""
    return {
        interview.pk: [
            Recipient.for_user(user)
            for user in members(Role.COMPANY_HR, interview.participation.company.organisation_id)
        ]
        for interview in interviews
    }


def tell_companies_of_no_show(*, run: TransportRun, enrolment: Enrolment, absent: bool) -> int:
    """Each company with a published interview of the candidate that day hears, through the outbox and in its HR's
    own language, that the candidate was not at the pick-up: the first name, the company and the time, which HR
    already sees on its project-week page, and nothing else. Marked present again before the notice left, the
    notice is cancelled. Returns how many messages are planned."""
    campaign: Campaign = run.project_week.campaign
    interviews = day_reads.published_interviews(run, [enrolment.pk])
    now, planned_count = timezone.now(), 0
    for interview, recipients in no_show_recipients(interviews).items():
        event = interview_event(next(i for i in interviews if i.pk == interview), published=True)
        planned = [
            PlannedMessage(
                key=f"{no_show_event(interview)}:{recipient.address}",
                template="candidate_no_show",
                recipient=recipient,
                due_at=now,
                context={"event": event, "audience": "hr"},
            )
            for recipient in recipients
            if absent
        ]
        sync_event_messages(event=no_show_event(interview), planned=planned, campaign=campaign)
        planned_count += len(planned)
    if planned_count:
        dispatch_soon()
    return planned_count
