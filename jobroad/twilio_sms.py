"""SMS through Twilio, with its official client: ``JOBROAD_SMS_BACKEND=jobroad.twilio_sms.TwilioSmsBackend``.

Sending asks Twilio to report what became of the message to ``sms_status_callback``; each report is signed with
the account's auth token (``X-Twilio-Signature``), and a report whose signature does not check out changes nothing.
"""

import logging

from django.conf import settings
from django.urls import reverse
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from .channels import ProviderRefused, Undeliverable
from .phones import e164_or_none

logger = logging.getLogger(__name__)


def status_callback_url() -> str:
    """Where Twilio posts its delivery reports; also the URL their signature is computed over."""
    return settings.SITE_URL + reverse("sms_status_callback")


class TwilioSmsBackend:
    """Sends one SMS with Twilio's Messages API and returns Twilio's id of it (``SM…``). Twilio's refusals become
    ProviderRefused with the HTTP status (the outbox decides from it whether to try again); a connection that fails
    or times out is the ``requests`` error, an OSError, tried again like a mail server that does not answer."""

    def __init__(self):
        self.client = Client(
            settings.TWILIO_ACCOUNT_SID,
            settings.TWILIO_AUTH_TOKEN,
            http_client=TwilioHttpClient(timeout=settings.TWILIO_TIMEOUT_SECONDS),
        )
        if settings.TWILIO_API_BASE_URL:
            self.client.api.base_url = settings.TWILIO_API_BASE_URL

    def send(self, to: str, text: str) -> str:
        number = e164_or_none(to)  # a number stored before numbers were normalised, or typed by hand
        if number is None:
            raise Undeliverable(f"{to} is not a valid phone number.")
        try:
            sent = self.client.messages.create(
                to=number, from_=settings.TWILIO_FROM_NUMBER, body=text, status_callback=status_callback_url()
            )
        except TwilioRestException as error:
            raise ProviderRefused(
                f"Twilio answered {error.status}: {error.msg} (error {error.code})",
                status=error.status,
                code=error.code,
            ) from None
        return sent.sid


def is_signed_by_twilio(*, url: str, params, signature: str) -> bool:
    """Whether ``params`` posted to ``url`` carry Twilio's signature made with our auth token. Without a token
    nothing is: an empty key would let anyone sign."""
    if not settings.TWILIO_AUTH_TOKEN or not signature:
        return False
    return RequestValidator(settings.TWILIO_AUTH_TOKEN).validate(url, params, signature)
