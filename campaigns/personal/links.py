"""The link to a candidate's personal page, without an account (the pattern of the employer check-in links).

The token is signed, so it cannot be made up or altered, and names one enrolment: the page shows that campaign's
appointments of that candidate. It works until the campaign closes or its end date has passed, and stops for good
when the candidate's record is erased. The language in the path is not part of the secret: it only lets a link that
cannot be used say so in the candidate's language. Whatever the reason, an unusable link gets one neutral page that
shows nothing (``LinkUnusable``; the cause is for logs and tests only).
"""

from datetime import date

from django.conf import settings
from django.core import signing
from django.urls import reverse

from jobroad.channels import Undeliverable
from jobroad.languages import DOCUMENT_LANGUAGES

from ..models import CampaignPhase, Enrolment

SALT = "campaigns.personal-page"


class LinkUnusable(Exception):
    def __init__(self, cause: str):
        super().__init__(cause)
        self.cause = cause


def page_language(enrolment: Enrolment) -> str:
    language = enrolment.candidate.preferred_language
    return language if language in DOCUMENT_LANGUAGES else "nl"


def personal_path(enrolment: Enrolment) -> str:
    token = signing.Signer(salt=SALT).sign_object({"enrolment": enrolment.pk}, compress=True)  # the same link each time
    return reverse("personal_page", kwargs={"language": page_language(enrolment), "token": token})


def enrolment_for_token(token: str, *, today: date) -> Enrolment:
    """The enrolment a link opens today, or LinkUnusable."""
    try:
        enrolment_id = int(signing.Signer(salt=SALT).unsign_object(token)["enrolment"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkUnusable("invalid") from None
    enrolment = Enrolment.objects.select_related("candidate__registered_by", "campaign").filter(pk=enrolment_id).first()
    if enrolment is None or enrolment.candidate.erased_at is not None:
        raise LinkUnusable("unknown or erased")
    campaign = enrolment.campaign
    if campaign.phase == CampaignPhase.CLOSED or (campaign.ends_on and today > campaign.ends_on):
        raise LinkUnusable("the campaign is over")
    return enrolment


def link_for_message(message) -> str:
    """The link a ``personal_page`` message carries, made as it leaves and never stored in the outbox
    (``jobroad.channels.register_one_time_link``); a candidate erased meanwhile gets no message."""
    enrolment = Enrolment.objects.select_related("candidate").filter(pk=message.context.get("enrolment")).first()
    if enrolment is None or enrolment.candidate.erased_at is not None:
        raise Undeliverable("The candidate's record is gone.")
    return settings.SITE_URL + personal_path(enrolment)
