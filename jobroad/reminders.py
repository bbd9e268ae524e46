"""Declarative reminder rules: which messages an event wants, when, to whom and with which template.

A capability that owns an event (a workshop session, an interview, an evaluation) calls
``plan_reminders`` with the event's time and its people, then ``outbox.sync_event_messages`` in the
same transaction; moving the event re-plans (new keys carry the new time, in UTC, the old pending ones are
cancelled), cancelling it syncs to nothing. Later capabilities add their rules to ``RULES``.
"""

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .outbox import PlannedMessage, Recipient


@dataclass(frozen=True)
class ReminderRule:
    event_kind: str
    name: str
    offset: timedelta  # from the event's time; negative = before
    audiences: tuple[str, ...]
    template: str
    calendar: bool = False  # attach the event as an .ics invitation


BEFORE, AFTER = -1, 1
WORKSHOP_PEOPLE = ("attendee", "intermediary")  # the intermediary of an attending candidate
INTERVIEW_PEOPLE = ("candidate", "intermediary", "hr")

RULES: list[ReminderRule] = [
    ReminderRule("workshop_session", "reminder-2d", BEFORE * timedelta(days=2), WORKSHOP_PEOPLE,
                 "workshop_reminder", calendar=True),
    ReminderRule("workshop_session", "reminder-2h", BEFORE * timedelta(hours=2), ("attendee",),
                 "workshop_reminder", calendar=True),
    ReminderRule("interview", "reminder-1d", BEFORE * timedelta(days=1), INTERVIEW_PEOPLE,
                 "interview_reminder", calendar=True),
    ReminderRule("interview", "reminder-2h", BEFORE * timedelta(hours=2), INTERVIEW_PEOPLE,
                 "interview_reminder", calendar=True),
    # Evaluation rules run from the interview's end; filling in the evaluation cancels them.
    ReminderRule("evaluation", "request-1d", AFTER * timedelta(days=1), ("hr",), "evaluation_request"),
    ReminderRule("evaluation", "escalate-3d", AFTER * timedelta(days=3), ("coordinator",), "evaluation_escalation"),
    # Aftercare check-ins run from their due day; answering one cancels them, so does moving or ending the job.
    ReminderRule("checkin", "due", timedelta(0), ("responsible",), "checkin_due"),
    ReminderRule("checkin", "due", timedelta(0), ("employer",), "checkin_employer"),
    ReminderRule("checkin", "escalate-7d", AFTER * timedelta(days=7), ("coordinator",), "checkin_overdue"),
]  # fmt: skip


def event_key(event_kind: str, event_id: int | str) -> str:
    return f"{event_kind}:{event_id}"


def plan_reminders(
    *,
    event_kind: str,
    event_id: int | str,
    at: datetime,
    recipients: Mapping[str, Sequence[Recipient]],
    context: dict,
    now: datetime,
    rules: Sequence[ReminderRule] = RULES,
) -> list[PlannedMessage]:
    """The messages the rules want for one event at ``at``. One whose time has already passed is ``late``: none is
    written for it, but one still waiting stays. A reminder before the event expires when the event starts. The
    key holds the event's time in UTC (whatever offset ``at`` carries), so re-planning an unchanged event changes
    nothing and a moved event's reminders are new occurrences."""
    planned = []
    moment = at.astimezone(UTC)
    for rule in rules:
        if rule.event_kind != event_kind:
            continue
        for audience in rule.audiences:
            for recipient in recipients.get(audience, ()):
                who = hashlib.sha256(f"{audience}:{recipient.channel}:{recipient.address}".encode()).hexdigest()[:12]
                planned.append(
                    PlannedMessage(
                        key=f"{event_key(event_kind, event_id)}:{rule.name}:{moment:%Y%m%dT%H%MZ}:{who}",
                        template=rule.template,
                        recipient=recipient,
                        due_at=at + rule.offset,
                        context=context | {"audience": audience, "calendar": rule.calendar},
                        expires_at=at if rule.offset < timedelta(0) else None,
                        late=at + rule.offset <= now,
                    )
                )
    return planned
