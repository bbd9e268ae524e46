"""Demo data of temp agencies and the OCMW as employers (issue 22): two branches of a temp agency, an OCMW, the demo's
temp placements employed by an agency and its article-60 placements by the OCMW (``employer_of_record``, used as
the demo's offers become placements), and two referrals after project week — one answered "placed", one still
waiting. Names and addresses are fictional.

Re-running completes what is missing: organisations are looked up by name, referrals already there are left as
they are."""

from datetime import timedelta

from django.utils import timezone

from aftercare import referrals
from aftercare.models import PlacementRoute, Referral, ReferralOutcome
from campaigns.models import Campaign, CampaignPhase, Enrolment
from companies.models import Company
from jobroad.models import Organisation, OrganisationKind, User

AGENCY = "Flexwerk Interim"
BRANCHES = [
    ("Leiestad", "interim.leiestad@flexwerk.example"),
    ("Scheldemonde", "interim.scheldemonde@flexwerk.example"),
]
OCMW = ("OCMW Leiestad", "Leiestad")


def _agency(branch: str) -> Organisation:
    return Organisation.objects.get_or_create(
        kind=OrganisationKind.TEMP_AGENCY, name=AGENCY, branch=branch, defaults={"city": branch}
    )[0]


def _ocmw() -> Organisation:
    name, city = OCMW
    ocmw, _created = Organisation.objects.get_or_create(
        kind=OrganisationKind.OCMW, name=name, branch="", defaults={"city": city}
    )
    return ocmw


def employer_of_record(route: str, number: int = 0) -> Organisation | None:
    """The employer a demo placement on ``route`` gets: one of the agency's branches in turn for temp work, the OCMW
    for article 60, none (the company itself) otherwise."""
    if route == PlacementRoute.TEMP_WORK:
        return _agency(BRANCHES[number % len(BRANCHES)][0])
    if route == PlacementRoute.ARTICLE_60:
        return _ocmw()
    return None


def seed_employers(*, coordinator: User, companies: list[Company]) -> None:
    agencies = [_agency(branch) for branch, _address in BRANCHES]
    _ocmw()  # the article-60 offers' employer (``employer_of_record``); here in case none was placed
    campaign = Campaign.objects.filter(phase=CampaignPhase.AFTERCARE, coordinators=coordinator).order_by("pk").first()
    if campaign is None or Referral.objects.filter(enrolment__campaign=campaign).exists():
        return
    free = list(
        Enrolment.objects.filter(campaign=campaign, dropped_out_on__isnull=True)
        .annotate(offer=referrals.has_offer(), placed=referrals.has_running_placement())
        .filter(offer=False, placed=False)
        .select_related("candidate")
        .order_by("pk")
    )
    for (branch, address), agency, enrolment in zip(BRANCHES, agencies, free, strict=False):
        referral = referrals.refer_candidate(
            enrolment=enrolment, organisation=agency, send_to=address, consent=True, actor=coordinator
        )
        if branch == BRANCHES[0][0]:
            referrals.answer_referral(
                referral=referral, outcome=ReferralOutcome.PLACED, placed_workplace=companies[0].organisation.name,
                placed_starts_on=timezone.localdate() + timedelta(days=10), placed_hours=30,
            )  # fmt: skip
