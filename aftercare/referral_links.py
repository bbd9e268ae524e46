"""The link a temp agency or VDAB answers a referral with, without an account.

The link is a credential, so it is made like one:

* **signed** (``django.core.signing``, salted for referrals only): it cannot be made up or altered, and a check-in
  link does not open a referral;
* **one referral**: it names the referral and carries a random key of 256 bits; only the key's SHA-256 is kept
  (``Referral.link_key_hash``), so a copy of the database opens nothing, and a new mail to the agency replaces the
  key — the older link stops working;
* **expires** ``LINK_VALID_DAYS`` after the mail left (the signature's own timestamp), when the referral is closed
  (its placement recorded) or when its campaign closes.

Answering twice is allowed until then: a second answer replaces the first (an "in progress" becomes "placed").
Every refusal shows the same words with the same status (410), as for check-in links: a page saying "expired" or
"replaced" would tell a finder that a referral — and so a person — exists.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from campaigns.models import CampaignPhase

from .links import LinkUnusable
from .models import Referral

SALT = "aftercare.referral-link"
LINK_VALID_DAYS = 60


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_referral_link(referral: Referral) -> str:
    """A new link for ``referral`` (its path): a fresh key whose hash replaces the stored one. Called as the mail
    leaves (``aftercare.referrals.agency_referral_link``), so the link exists only in that mail."""
    key = secrets.token_urlsafe(32)
    Referral.objects.filter(pk=referral.pk).update(link_key_hash=_digest(key), link_sent_at=timezone.now())
    token = signing.dumps({"referral": referral.pk, "key": key}, salt=SALT, compress=True)
    return reverse("referral_link", kwargs={"token": token})


def referral_for_token(token: str) -> Referral:
    """The referral a link may answer now, or LinkUnusable (``cause`` for logs and tests only)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=timedelta(days=LINK_VALID_DAYS))
        referral_id, key = int(payload["referral"]), str(payload["key"])
    except signing.SignatureExpired:
        raise LinkUnusable("expired") from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkUnusable("invalid") from None
    referral = (
        Referral.objects.select_related("enrolment__campaign", "enrolment__candidate", "organisation")
        .filter(pk=referral_id)
        .first()
    )
    if referral is None or not referral.link_key_hash:
        raise LinkUnusable("unknown")
    if not hmac.compare_digest(referral.link_key_hash, _digest(key)):
        raise LinkUnusable("replaced")
    if referral.is_closed:
        raise LinkUnusable("closed")
    if referral.enrolment.campaign.phase == CampaignPhase.CLOSED:
        raise LinkUnusable("campaign closed")
    return referral
