"""The link an employer answers a check-in with, without an account.

The token is signed (so it cannot be made up or altered) and names one check-in and the due day it was sent for.
It opens ``CHECK_IN_OPENS_DAYS_BEFORE`` days before that day, as the check-in does, expires
``CHECK_IN_LINK_VALID_DAYS`` after it, works once (an answered check-in refuses it), and a moved start date or an
ended placement retire it. Whatever the reason, an unusable link shows nothing of the placement, and every refusal
gets the same words (``REFUSAL``) and the same status: a page that said "already answered", "not open yet" or
"replaced by a newer one" would tell whoever holds or guesses a link that a check-in — and so a placement — exists,
and when it moved.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy

from .models import CheckIn, CheckInAudience, CheckInStatus

SALT = "aftercare.check-in-link"


# One answer for every link that cannot be used (tampered, unknown, not the employer's, not open yet, expired,
# answered, moved, cancelled): it names the possible causes without saying which one applies.
REFUSAL = gettext_lazy(
    "This link cannot be used: it is incomplete, has expired, was used already or was replaced by a newer one. "
    "If your answer is still needed, JobRoad will contact you."
)


class LinkUnusable(Exception):
    """The link cannot be used. ``cause`` says why, for logs and tests only; the person is shown ``REFUSAL``."""

    def __init__(self, cause: str):
        super().__init__(cause)
        self.cause = cause


def check_in_path(check_in: CheckIn) -> str:
    token = signing.dumps({"check_in": check_in.pk, "due": check_in.due_on.isoformat()}, salt=SALT, compress=True)
    return reverse("check_in_link", kwargs={"token": token})


def check_in_for_token(token: str, *, today: date) -> CheckIn:
    """The employer check-in a link may answer today, or LinkUnusable."""
    try:
        payload = signing.loads(token, salt=SALT)
        check_in_id, due = int(payload["check_in"]), date.fromisoformat(payload["due"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkUnusable("invalid") from None
    check_in = (
        CheckIn.objects.select_related("placement__candidate", "placement__company", "placement__vacancy")
        .filter(pk=check_in_id, audience=CheckInAudience.EMPLOYER)
        .first()
    )
    if check_in is None or check_in.status == CheckInStatus.CANCELLED:
        raise LinkUnusable("unknown or cancelled")
    if check_in.status == CheckInStatus.DONE:
        raise LinkUnusable("answered")
    if check_in.due_on != due:
        raise LinkUnusable("replaced")
    if today > due + timedelta(days=settings.CHECK_IN_LINK_VALID_DAYS):
        raise LinkUnusable("expired")
    if not check_in.is_open_on(today):
        raise LinkUnusable("not open yet")
    return check_in
