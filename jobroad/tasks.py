"""Thin Celery tasks: load by id, call the code that does the work, return."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import outbox
from .models import Invitation
from .sweeps import run_all_sweeps

logger = logging.getLogger(__name__)


@shared_task(name="jobroad.send_invitation_mail")
def send_invitation_mail(*, invitation_id: int, token: str) -> None:
    invitation = Invitation.objects.select_related("organisation", "invited_by").filter(pk=invitation_id).first()
    if invitation is None:
        logger.info("Invitation %s is gone; nothing to send.", invitation_id)
        return
    language = invitation.invited_by.language if invitation.invited_by else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "invitation": invitation,
            "link": settings.SITE_URL + reverse("invitation_accept", kwargs={"token": token}),
        }
        subject = render_to_string("jobroad/mail/invitation_subject.txt", context).strip()
        body = render_to_string("jobroad/mail/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])


@shared_task(name="jobroad.run_periodic_sweep")
def run_periodic_sweep() -> None:
    run_all_sweeps()


@shared_task(name="jobroad.deliver_message")
def deliver_message(*, message_id: int, claim: str) -> None:
    outbox.deliver_message(message_id=message_id, claim=claim)
