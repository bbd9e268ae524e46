"""Referrals for the access matrix and the foreign posts: candidate A's in alice's campaign A, and the shared
candidate's in bob's campaign B (alice sees him, but does not run campaign B). Both campaigns are put in aftercare,
where candidates with no offer are referred."""

from datetime import date

from aftercare.models import Referral, ReferralOutcome
from aftercare.referrals import answer_referral, refer_candidate
from campaigns.models import CampaignPhase, Enrolment
from tests.access_objects import enrolment_a, shared_enrolment_b
from tests.factories import set_phase
from tests.factories.aftercare import employer_for


def referable_enrolment_a(world) -> Enrolment:
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)
    return enrolment_a(world)


def referable_enrolment_b(world) -> Enrolment:
    set_phase(world.campaign_b, CampaignPhase.AFTERCARE)
    return shared_enrolment_b(world)


def _referral(enrolment: Enrolment, actor, *, placed: bool) -> Referral:
    referral = Referral.objects.filter(enrolment=enrolment).first() or refer_candidate(
        enrolment=enrolment, organisation=employer_for("temp_work"), send_to="interim@flexwerk.example",
        consent=True, actor=actor,
    )  # fmt: skip
    if placed and referral.outcome != ReferralOutcome.PLACED:
        referral = answer_referral(
            referral=referral, outcome=ReferralOutcome.PLACED, placed_starts_on=date(2027, 6, 1),
            placed_workplace="Company A", placed_hours=30,
        )  # fmt: skip
    return referral


def referral_a(world, *, placed: bool = False) -> Referral:
    return _referral(referable_enrolment_a(world), world.alice, placed=placed)


def referral_b(world, *, placed: bool = False) -> Referral:
    return _referral(referable_enrolment_b(world), world.bob, placed=placed)


def referral_form_data() -> dict:
    """A complete, confirmed referral form: to the temp agency, with consent."""
    return {"organisation": employer_for("temp_work").pk, "send_to": "x@flexwerk.example", "consent": "on",
            "confirm": "yes"}  # fmt: skip
