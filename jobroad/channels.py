"""Turning an outbox message into what leaves the machine: rendering per language, e-mail with an optional
``.ics`` invitation, and SMS through a small pluggable backend."""

import hashlib
import logging
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.utils import formataddr, parseaddr
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from . import phrasebook
from .models import Channel, Message

logger = logging.getLogger(__name__)

BRUSSELS = ZoneInfo("Europe/Brussels")


class Undeliverable(Exception):
    """The message itself cannot be sent (no address, unknown channel); retrying will not help."""


class ProviderRefused(Exception):
    """An SMS provider answered with an error: ``status`` is its HTTP status, ``code`` its own error code. Whether
    another try may help is the outbox's call (``outbox.is_transient``)."""

    def __init__(self, text: str, *, status: int, code: int | None = None):
        super().__init__(text)
        self.status = status
        self.code = code


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str = ""
    calendar: bytes = b""


def message_templates(template: str, part: str, language: str) -> list[str]:
    """A language's own wording first (for candidate languages without a gettext catalogue), then the
    shared template rendered with the language's translations."""
    return [f"messages/{template}/{language}/{part}", f"messages/{template}/{part}"]


# A mail that carries a one-time link (an invitation, an employer's check-in) keeps in the outbox only what names
# the link's object. The app that owns the object registers how to make the link; it is made as the mail leaves
# and never stored, so a preview, the sent copy and the embedded mode's captured mail cannot show it.
ONE_TIME_LINKS: dict[str, Callable[[Message], str]] = {}


def register_one_time_link(template: str, make_link: Callable[[Message], str]) -> None:
    """``make_link(message)`` returns the absolute link, or raises Undeliverable when it can no longer be used."""
    ONE_TIME_LINKS[template] = make_link


def holds_one_time_link(message: Message) -> bool:
    return message.template in ONE_TIME_LINKS


def render(message: Message, *, make_link: bool = False) -> Rendered:
    """The message in its language. Only the delivery asks for ``make_link``; everywhere else a one-time link is
    a placeholder that says it is made when the message leaves."""
    with translation.override(message.language):
        link = _("(a personal link, made when the message is sent)")
    if make_link and holds_one_time_link(message):
        link = ONE_TIME_LINKS[message.template](message)
    context = {
        **{key: _as_datetime(value) if key.endswith("_at") else value for key, value in message.context.items()},
        "recipient_name": message.recipient_name,
        "site_url": settings.SITE_URL,
        "event": _event_for_display(message.context.get("event")),
        "one_time_link": link,
    }
    wants_calendar = message.channel != Channel.SMS and message.context.get("calendar") and message.context.get("event")
    calendar = calendar_invitation(message.context["event"], message.recipient_address) if wants_calendar else b""
    if phrasebook.composes(message.template, message.language):
        subject, text = phrasebook.compose(
            message.template,
            message.language,
            name=message.recipient_name,
            event=context["event"],
            sms=message.channel == Channel.SMS,
            calendar=bool(calendar),
        )
        return Rendered(subject=subject, text=text, calendar=calendar)
    with translation.override(message.language):
        if message.channel == Channel.SMS:
            text = _render(message, "sms.txt", context)
            return Rendered(subject="", text=text.strip())
        subject = " ".join(_render(message, "subject.txt", context).split())
        text = _render(message, "body.txt", context)
        try:
            html = _render(message, "body.html", context)
        except TemplateDoesNotExist:  # the HTML part is optional
            html = ""
    return Rendered(subject=subject, text=text, html=html, calendar=calendar)


def _render(message: Message, part: str, context: dict) -> str:
    template = select_template(message_templates(message.template, part, message.language))
    rendered = template.render(context)
    # Only the HTML part is markup. The text parts are written with autoescape off, so they hold what people typed
    # as it is: they must not stay marked safe, or a page showing them (the outbox preview) would not escape them.
    return rendered if part.endswith(".html") else str.__str__(rendered)


def _as_datetime(value):
    """Context is JSON: times travel as ISO 8601 strings and are shown in Brussels time."""
    return timezone.localtime(datetime.fromisoformat(value), BRUSSELS) if isinstance(value, str) else value


def _event_for_display(event: dict | None) -> dict | None:
    if not event:
        return None
    times = [name for name in ("start", "end", "interview") if name in event]  # a check-in has a start only
    return {**event, **{name: timezone.localtime(datetime.fromisoformat(event[name]), BRUSSELS) for name in times}}


def calendar_file(event: dict) -> bytes:
    """One event to add to a calendar (a download, not an invitation: nobody is asked to reply)."""
    return calendar_invitation(event, attendee="", method="PUBLISH")


def calendar_invitation(event: dict, attendee: str, method: str = "REQUEST") -> bytes:
    """An iCalendar REQUEST for an interview or visit, in Brussels time. ``event`` carries ``uid``, ``start``,
    ``end`` (ISO 8601 with offset), ``summary``, ``location`` and a ``sequence`` raised on every move. A REQUEST
    names JobRoad's sending address as its ORGANIZER (RFC 5546 requires one); a PUBLISH download has none."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//JobRoad//Platform//NL")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    entry = icalendar.Event()
    entry.add("uid", event["uid"])
    entry.add("sequence", int(event.get("sequence", 0)))
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", datetime.fromisoformat(event["start"]).astimezone(BRUSSELS))
    entry.add("dtend", datetime.fromisoformat(event["end"]).astimezone(BRUSSELS))
    entry.add("summary", event.get("summary", ""))
    if event.get("location"):
        entry.add("location", event["location"])
    if method == "REQUEST":
        entry.add("organizer", organizer())
    if attendee:
        entry.add("attendee", f"mailto:{attendee}")
    calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def organizer() -> icalendar.vCalAddress:
    """JobRoad's from address (DEFAULT_FROM_EMAIL) as an iCalendar ORGANIZER, with its display name as CN."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = icalendar.vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["cn"] = icalendar.vText(name)
    return organizer


def message_id(message: Message) -> str:
    """The same Message-ID for every try of one message, so a receiving server can recognise a repeat."""
    digest = hashlib.sha256(message.key.encode()).hexdigest()[:24]
    return f"<{digest}@{settings.OUTBOX_MESSAGE_ID_DOMAIN}>"


@contextmanager
def connection_for(message: Message):
    """An open mail connection for an e-mail (closed with QUIT on leaving), nothing for an SMS."""
    if message.channel != Channel.EMAIL:
        yield None
        return
    connection = get_connection()
    connection.open()
    try:
        yield connection
    finally:
        connection.close()


def send(message: Message, rendered: Rendered, connection=None) -> str:
    """Sends the message; returns the SMS provider's id of it ("" for an e-mail, or a backend that gives none)."""
    if not message.recipient_address:
        raise Undeliverable("The message has no address.")
    if message.channel == Channel.EMAIL:
        send_email(message, rendered, connection)
        return ""
    if message.channel == Channel.SMS:
        return sms_backend().send(message.recipient_address, rendered.text) or ""
    raise Undeliverable(f"Unknown channel {message.channel!r}.")


def sms_backend():
    """The configured SMS backend (``JOBROAD_SMS_BACKEND``): a class whose ``send(to, text)`` sends one SMS and
    returns the provider's id of it, or None. It raises Undeliverable for a message that can never leave, and
    ProviderRefused (or an OSError: a connection that failed) for the provider's refusals."""
    return import_string(settings.SMS_BACKEND)()


def send_email(message: Message, rendered: Rendered, connection=None) -> None:
    mail = EmailMultiAlternatives(
        connection=connection,
        subject=rendered.subject,
        body=rendered.text,
        # A line break typed into a name would make Django refuse the header, so the mail would never leave.
        to=[formataddr((" ".join(message.recipient_name.split()), message.recipient_address))],
        headers={"Message-ID": message_id(message), "X-JobRoad-Message-Key": message.key},
    )
    # For the embedded mode's capturing backend: which outbox message this is, and whether it must not be kept.
    mail.outbox_message_id = message.pk
    mail.holds_one_time_link = holds_one_time_link(message)
    if rendered.html:
        mail.attach_alternative(rendered.html, "text/html")
    if rendered.calendar:
        mail.attach("invitation.ics", rendered.calendar, "text/calendar; method=REQUEST; charset=utf-8")
    mail.send()


class LogSmsBackend:
    """The default SMS backend: no provider needed to run; the text is logged and kept on the message."""

    def send(self, to: str, text: str) -> None:
        logger.info("SMS to %s: %s", to, text)
        return None  # no provider, no delivery report: the message stays "sent"
