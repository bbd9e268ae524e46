"""The link an employer answers a check-in with, without an account.

The token is signed (so it cannot be made up or altered) and names one check-in and the due day it was sent for.
It expires ``CHECK_IN_LINK_VALID_DAYS`` after that day, works once (an answered check-in refuses it), and a
moved start date or an ended placement retire it. Whatever the reason, an unusable link shows nothing of the
placement.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import CheckIn, CheckInAudience, CheckInStatus

SALT = "aftercare.check-in-link"


class LinkUnusable(Exception):
    """The link cannot be used; ``reason`` says why in words an HR person understands."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def check_in_path(check_in: CheckIn) -> str:
    token = signing.dumps({"check_in": check_in.pk, "due": check_in.due_on.isoformat()}, salt=SALT, compress=True)
    return reverse("check_in_link", kwargs={"token": token})


def check_in_for_token(token: str, *, today: date) -> CheckIn:
    """The employer check-in a link may answer today, or LinkUnusable."""
    try:
        payload = signing.loads(token, salt=SALT)
        check_in_id, due = int(payload["check_in"]), date.fromisoformat(payload["due"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkUnusable(_("This link is not valid. Please use the link from the e-mail exactly as it is.")) from None
    check_in = (
        CheckIn.objects.select_related("placement__candidate", "placement__company", "placement__vacancy")
        .filter(pk=check_in_id, audience=CheckInAudience.EMPLOYER)
        .first()
    )
    if check_in is None or check_in.status == CheckInStatus.CANCELLED:
        raise LinkUnusable(_("This check-in is no longer needed. Thank you all the same."))
    if check_in.status == CheckInStatus.DONE:
        raise LinkUnusable(_("This link has already been used: the check-in is answered. Thank you!"))
    if check_in.due_on != due:
        raise LinkUnusable(_("This link was replaced by a newer one, because the start date changed."))
    if today > due + timedelta(days=settings.CHECK_IN_LINK_VALID_DAYS):
        raise LinkUnusable(_("This link has expired. JobRoad will contact you about this check-in."))
    return check_in
