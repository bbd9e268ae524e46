"""What aftercare holds about a candidate — placements with their history and check-ins, the coaching log — for
the subject export and the erasure (``jobroad.privacy``) and for the retention policy (``jobroad.retention``).
Registered in ``AftercareConfig.ready``."""

from django.db.models import Max
from django.utils.translation import gettext as _

from jobroad import privacy, retention

from .models import CheckIn, CoachingContact, Placement, PlacementChange, PlacementStatus, Referral


def register() -> None:
    privacy.register_holding(privacy.Holding(
        position=30, tables=held_about, events=events_about, refusal=erasure_refusal, scrub=scrub_aftercare_rows
    ))  # fmt: skip
    retention.register_contacts(last_contacts)
    retention.register_kept(working_candidate_ids)


def held_about(candidate) -> dict:
    placements = Placement.objects.filter(candidate=candidate)
    return {
        "placements": placements,
        "placement_history": PlacementChange.objects.filter(placement__in=placements),
        "check_ins": CheckIn.objects.filter(placement__in=placements),
        "coaching_contacts": CoachingContact.objects.filter(candidate=candidate),
        "referrals": Referral.objects.filter(enrolment__candidate=candidate),
    }


def events_about(candidate) -> list[str]:
    """The check-ins of the candidate's placements, and their at-risk alerts, name them to the employer and coach;
    a referral's mails go to the agency and the coordinators."""
    check_ins = list(CheckIn.objects.filter(placement__candidate=candidate).values_list("pk", flat=True))
    referrals = list(Referral.objects.filter(enrolment__candidate=candidate).values_list("pk", flat=True))
    return (
        [f"checkin:{pk}" for pk in check_ins]
        + [f"checkin:{pk}:at-risk" for pk in check_ins]
        + [f"referral:{pk}" for pk in referrals]
        + [f"referral:{pk}:answer" for pk in referrals]
    )


def erasure_refusal(candidate) -> str:
    if candidate.placements.exclude(status=PlacementStatus.ENDED).exists():
        return _("This candidate has a placement that has not ended; end it first.")
    return ""


def scrub_aftercare_rows(*, candidate, actor) -> None:
    """Free text written about the person goes; the placements, routes and dates the reports count stay. A referral's
    link stops working: the agency's blind profile of an erased person must not open any more."""
    placements = Placement.objects.filter(candidate=candidate)
    placements.update(end_reason="")
    PlacementChange.objects.filter(placement__in=placements).update(note="")
    CheckIn.objects.filter(placement__in=placements).update(notes="")
    CoachingContact.objects.filter(candidate=candidate).update(notes="", next_action="")
    Referral.objects.filter(enrolment__candidate=candidate).update(link_key_hash="", placed_workplace="")


def last_contacts(live) -> list:
    """A placement's start and end, an answered check-in and a coaching contact each count as a contact."""
    placements = Placement.objects.filter(candidate__in=live).values("candidate")
    return [
        placements.annotate(at=Max("starts_on")).values_list("candidate", "at"),
        placements.annotate(at=Max("ended_on")).values_list("candidate", "at"),
        CheckIn.objects.filter(placement__candidate__in=live)
        .values("placement__candidate")
        .annotate(at=Max("answered_at"))
        .values_list("placement__candidate", "at"),
        CoachingContact.objects.filter(candidate__in=live)
        .values("candidate")
        .annotate(at=Max("happened_on"))
        .values_list("candidate", "at"),
    ]


def working_candidate_ids():
    """Whoever has a placement that runs is never due for anonymisation (an erasure would be refused)."""
    return Placement.objects.exclude(status=PlacementStatus.ENDED).values_list("candidate", flat=True).distinct()
