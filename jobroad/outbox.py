"""The outbox: every e-mail and SMS is a ``Message`` row, written in the transaction that causes it and
sent by the dispatcher. Nothing waits in the broker — reminders and retries are due times in the
database — so a worker killed mid-send, a Redis restart or two dispatchers lose nothing and send
nothing twice (short of SMTP's own at-least-once instant between "250 OK" and our update; see README).
"""

import logging
import smtplib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.template import TemplateDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError

from . import channels, phrasebook
from .models import Channel, Message, MessageStatus, User

logger = logging.getLogger(__name__)

DISPATCH_BATCH = 200


@dataclass(frozen=True)
class Recipient:
    address: str
    name: str = ""
    user: User | None = field(default=None, compare=False)
    language: str = "nl"
    channel: str = Channel.EMAIL
    also_reads: tuple[str, ...] = ()  # languages to write in, best first, when a message has no text in ``language``

    @classmethod
    def for_user(cls, user: User) -> "Recipient":
        return cls(address=user.email, name=user.full_name, user=user, language=user.language or "nl")


@dataclass(frozen=True)
class PlannedMessage:
    """A message an event wants to exist; ``sync_event_messages`` makes the outbox match. A ``late`` one's time
    had passed when it was planned: no new row is written for it, but one already waiting is kept (due, not yet
    sent: a sweep missed while beat was down, a retry after an SMTP error)."""

    key: str
    template: str
    recipient: Recipient
    due_at: datetime
    context: dict = field(default_factory=dict)
    expires_at: datetime | None = None
    late: bool = False


def schedule_message(
    *,
    key: str,
    template: str,
    recipient: Recipient,
    due_at: datetime,
    context: dict | None = None,
    event: str = "",
    campaign=None,
    created_by: User | None = None,
    expires_at: datetime | None = None,
) -> Message:
    """Write one message, or move the pending one with the same key. Call it inside the transaction of the
    change that causes it. A message already sent, failed or expired is history and is left as it is; one a
    person cancelled stays cancelled (only the machine's own cancels are undone by planning it again)."""
    language = phrasebook.written_in(template, (recipient.language, *recipient.also_reads))
    values = {
        "template": template,
        "channel": recipient.channel,
        "language": language,
        "requested_language": "" if language == recipient.language else recipient.language,
        "recipient_user": recipient.user,
        "recipient_name": recipient.name,
        "recipient_address": recipient.address,
        "due_at": due_at,
        "expires_at": expires_at,
        "context": context or {},
        "event": event,
        "campaign": campaign,
    }
    with transaction.atomic():
        message, created = Message.objects.select_for_update().get_or_create(
            key=key, defaults=values | {"created_by": created_by}
        )
        revivable = message.status == MessageStatus.CANCELLED and message.cancelled_by_id is None
        if not created and (message.status == MessageStatus.PENDING or revivable):
            changed = {name: value for name, value in values.items() if getattr(message, name) != value}
            if changed or message.status != MessageStatus.PENDING:
                for name, value in changed.items():
                    setattr(message, name, value)
                message.status = MessageStatus.PENDING
                message.save(update_fields=[*changed, "status"])
    return message


def sync_event_messages(*, event: str, planned: Iterable[PlannedMessage], campaign=None) -> list[Message]:
    """Make an event's pending messages exactly ``planned``: new ones written, moved ones re-timed, the ones
    no longer wanted (a moved or cancelled event) cancelled. Sent messages stay as history; a late one already
    waiting is kept as it is."""
    planned = list(planned)
    with transaction.atomic():
        messages = [
            schedule_message(
                key=item.key,
                template=item.template,
                recipient=item.recipient,
                due_at=item.due_at,
                context=item.context,
                event=event,
                campaign=campaign,
                expires_at=item.expires_at,
            )
            for item in planned
            if not item.late
        ]
        Message.objects.filter(event=event, status=MessageStatus.PENDING).exclude(
            key__in=[item.key for item in planned]
        ).update(status=MessageStatus.CANCELLED)
    return messages


def cancel_event_messages(*, event: str) -> int:
    """Cancel everything still pending for an event (a cancelled interview, a filled-in evaluation)."""
    return Message.objects.filter(event=event, status=MessageStatus.PENDING).update(status=MessageStatus.CANCELLED)


class MessageRefused(Exception):
    """A coordinator's action that does not fit the message's state; the reason is shown as is."""


def cancel_message(*, message: Message, actor: User) -> None:
    """A person cancels one pending message; it stays cancelled until a person sends it again."""
    changed = Message.objects.filter(pk=message.pk, status=MessageStatus.PENDING).update(
        status=MessageStatus.CANCELLED, cancelled_by=actor
    )
    if not changed:
        raise MessageRefused(_("Only a message that is still waiting can be cancelled."))


def resend_failed_messages(*, messages, actor: User | None = None, now: datetime | None = None) -> int:
    """Put every failed message of ``messages`` (a filtered outbox) back in the queue; how many went back. The log
    says who did, as the single resend does."""
    count = messages.filter(status=MessageStatus.FAILED).update(
        status=MessageStatus.PENDING, due_at=now or timezone.now(), attempts=0, last_error=""
    )
    logger.info("User %s sent %s failed message(s) again", getattr(actor, "pk", None), count)
    return count


def resend_message(*, message: Message, actor: User | None = None, now: datetime | None = None) -> None:
    """Put a failed or cancelled message back in the queue, due now, with a fresh count of attempts. An expired
    one is not sent again: its time is over (it would still expire)."""
    changed = Message.objects.filter(pk=message.pk, status__in=[MessageStatus.FAILED, MessageStatus.CANCELLED]).update(
        status=MessageStatus.PENDING, due_at=now or timezone.now(), attempts=0, last_error="", cancelled_by=None
    )
    if not changed:
        raise MessageRefused(_("Only a failed or cancelled message can be sent again."))
    logger.info("User %s sent message %s again", getattr(actor, "pk", None), message.pk)


# --- Dispatch --------------------------------------------------------------------------------------------


def claim_due_messages(*, now: datetime | None = None, limit: int = DISPATCH_BATCH) -> list[tuple[int, uuid.UUID]]:
    """Claim due messages for delivery and queue one delivery task per message when the claim commits.

    Due means pending and due, or stuck in ``sending`` past the reclaim timeout (its worker died or its
    task was lost with the broker). The claim is a compare-and-set: the UPDATE repeats the conditions the
    rows were read with, so of two dispatchers only one wins a row — on PostgreSQL ``skip_locked`` keeps
    them off each other's rows, on SQLite the single writer makes the loser's UPDATE match nothing.
    """
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.OUTBOX_RECLAIM_AFTER_SECONDS)
    Message.objects.filter(status=MessageStatus.PENDING, due_at__lte=now, expires_at__lte=now).update(
        status=MessageStatus.EXPIRED
    )
    pending_due = Q(status=MessageStatus.PENDING, due_at__lte=now)
    stuck = Q(status=MessageStatus.SENDING, claimed_at__lt=stale)
    claim = uuid.uuid4()
    with transaction.atomic():
        due = list(
            Message.objects.select_for_update(skip_locked=True)
            .filter(pending_due | stuck)
            .order_by("due_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        Message.objects.filter(stuck, pk__in=due, attempts__gte=settings.OUTBOX_MAX_ATTEMPTS).update(
            status=MessageStatus.FAILED, last_error=_("No worker finished sending it; it was tried too often.")
        )
        Message.objects.filter(pending_due | stuck, pk__in=due).update(
            status=MessageStatus.SENDING, claim=claim, claimed_at=now, attempts=F("attempts") + 1
        )
        claimed = [(pk, claim) for pk in Message.objects.filter(claim=claim).values_list("pk", flat=True)]
        transaction.on_commit(lambda: _queue_deliveries(claimed))
    return claimed


def _queue_deliveries(claimed: list[tuple[int, uuid.UUID]]) -> None:
    from .tasks import deliver_message

    for pk, claim in claimed:
        if not queue_task(deliver_message, message_id=pk, claim=str(claim)):
            return  # the broker is down: the rest wait for the reclaim too, without a timeout each


def queue_task(task, **kwargs) -> bool:
    """Send a task to the broker; False, with a warning, when the broker cannot be reached. Never raises for that:
    the outbox row is the truth, and the sweep delivers it (a message claimed but never queued is claimed again
    after ``OUTBOX_RECLAIM_AFTER_SECONDS``), so a person's request must not fail because Redis is down."""
    try:
        task.delay(**kwargs)
    except OperationalError as error:  # what Celery raises for a broker it cannot reach, after its own retries
        logger.warning("The broker is unreachable (%s); %s waits for the next sweep.", error, task.name)
        return False
    return True


def is_transient(error: Exception) -> bool:
    """Worth another try later: whatever the network, the server or its configuration can mend — a 4xx reply, a
    broken connection, a server that will not talk to us or refuses our log-in or sender (an operator fixes that,
    and the message should still leave). Not what is wrong with this message for good: a 5xx refusal of its
    recipient or of its content.

    An SMS provider speaks HTTP, where the classes are the other way round: a 5xx is the provider's own trouble,
    429 asks us to slow down and 401 refuses our credentials (all worth another try); any other 4xx is about this
    message — an invalid or unreachable number — and final."""
    if isinstance(error, channels.ProviderRefused):
        return error.status >= 500 or error.status in (401, 429)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _reply in error.recipients.values())
    if isinstance(error, smtplib.SMTPDataError):
        return 400 <= error.smtp_code < 500
    return isinstance(error, smtplib.SMTPException | OSError)


def deliver_message(*, message_id: int, claim: str) -> MessageStatus | None:
    """Send one claimed message and record the outcome. A claim that is no longer the row's (reclaimed,
    cancelled, already sent) does nothing, so a task delivered twice by the broker sends once.

    The claim is renewed first, by the same compare-and-set: time spent waiting in the broker's queue does not count
    towards ``OUTBOX_RECLAIM_AFTER_SECONDS``, so only a send that itself outlasts it (far beyond EMAIL_TIMEOUT) could
    overlap a reclaim. Of a renewal and a reclaim, whichever commits first wins; the other matches no row."""
    renewed = Message.objects.filter(pk=message_id, status=MessageStatus.SENDING, claim=claim).update(
        claimed_at=timezone.now()
    )
    message = (
        Message.objects.filter(pk=message_id, status=MessageStatus.SENDING, claim=claim).first() if renewed else None
    )
    if message is None:
        logger.info("Message %s: claim %s is no longer current; nothing to do.", message_id, claim)
        return None
    if message.expires_at and timezone.now() >= message.expires_at:  # claimed in time, reached too late
        Message.objects.filter(pk=message.pk, claim=claim, status=MessageStatus.SENDING).update(
            status=MessageStatus.EXPIRED
        )
        return MessageStatus.EXPIRED
    try:
        rendered = channels.render(message, make_link=True)
        # What the outbox keeps of it: a one-time link stays a placeholder.
        kept = channels.render(message) if channels.holds_one_time_link(message) else rendered
        with channels.connection_for(message) as connection:
            provider_id = channels.send(message, rendered, connection=connection)
            # Recorded before the connection's QUIT: the fewer steps between the server's "250 OK" and
            # this record, the smaller the chance that a worker dying in between sends the message twice.
            _mark_sent(message, claim, kept, provider_id=provider_id)
    except (OSError, TemplateDoesNotExist, channels.Undeliverable, channels.ProviderRefused) as error:
        if is_transient(error):
            return _retry_or_fail(message, claim, error)
        return _mark_failed(message.pk, claim, str(error) or error.__class__.__name__)
    return MessageStatus.SENT


def _mark_sent(message: Message, claim: str, rendered: channels.Rendered, *, provider_id: str = "") -> None:
    Message.objects.filter(pk=message.pk, claim=claim, status=MessageStatus.SENDING).update(
        status=MessageStatus.SENT,
        sent_at=timezone.now(),
        subject=rendered.subject[:300],
        body=rendered.text,
        last_error="",
        provider_id=provider_id[:64],
    )


# An SMS provider's delivery report: its final words on a message. Anything else it reports (queued, sending,
# sent, accepted) is on the way and changes nothing.
DELIVERED_REPORTS = {"delivered"}
FAILED_REPORTS = {"failed", "undelivered"}


def record_delivery_report(*, provider_id: str, report: str, error_code: str = "") -> Message | None:
    """What the SMS provider says became of a message it accepted: ``delivered`` marks it delivered, ``failed``
    or ``undelivered`` marks it failed with the provider's error code (a coordinator sees it on the dashboard and
    can send it again). Only a message still "sent" changes, so a report repeated, or one arriving after the final
    one, changes nothing. Returns the message, or None when no SMS has ``provider_id``."""
    message = Message.objects.filter(channel=Channel.SMS, provider_id=provider_id).exclude(provider_id="").first()
    if message is None:
        return None
    if report in DELIVERED_REPORTS:
        Message.objects.filter(pk=message.pk, status=MessageStatus.SENT).update(status=MessageStatus.DELIVERED)
    elif report in FAILED_REPORTS:
        error = _("The SMS provider could not deliver it (%(report)s, error %(code)s).") % {
            "report": report,
            "code": error_code or "?",
        }
        if Message.objects.filter(pk=message.pk, status=MessageStatus.SENT).update(
            status=MessageStatus.FAILED, last_error=error
        ):
            logger.warning("Message %s failed: %s", message.pk, error)
    message.refresh_from_db()
    return message


def retry_delay(attempts: int) -> timedelta:
    """Back-off between tries: 1, 2, 4, 8 … minutes, at most an hour; with the default 30 attempts a message keeps
    trying for about a day (``JOBROAD_OUTBOX_MAX_ATTEMPTS``), long enough for a mail server's outage."""
    return timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))


# Both only touch a row still "sending" under this claim: an error after the message was recorded as sent
# (a failing QUIT, say) must not put it back in the queue.


def _retry_or_fail(message: Message, claim: str, error: Exception) -> MessageStatus:
    if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        return _mark_failed(message.pk, claim, str(error))
    Message.objects.filter(pk=message.pk, claim=claim, status=MessageStatus.SENDING).update(
        status=MessageStatus.PENDING,
        due_at=timezone.now() + retry_delay(message.attempts),
        last_error=str(error)[:2000] or error.__class__.__name__,
    )
    return MessageStatus.PENDING


def _mark_failed(pk: int, claim, error: str) -> MessageStatus:
    logger.warning("Message %s failed: %s", pk, error)
    Message.objects.filter(pk=pk, claim=claim, status=MessageStatus.SENDING).update(
        status=MessageStatus.FAILED, last_error=error[:2000]
    )
    return MessageStatus.FAILED


def dispatch_soon() -> None:
    """Dispatch right after the current transaction commits, rather than at the next sweep."""
    from .tasks import dispatch_outbox

    transaction.on_commit(lambda: queue_task(dispatch_outbox))


def dispatch_due_messages() -> int:
    """The sweep entry point: claim what is due; the deliveries run as tasks after the claim commits."""
    return len(claim_due_messages())
