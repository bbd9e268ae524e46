"""The report's routes and employers: how placements started (30 % temp work), through which temp agencies, and what
referrals came to — exact for coordinators, and for the funder viewer through the same suppression as every count
of people (small counts hidden, the rest rounded, shares of what is shown)."""

from datetime import date

import pytest

from aftercare.models import Placement, PlacementChange, PlacementRoute, ReferralOutcome
from aftercare.referrals import answer_referral, refer_candidate
from aftercare.services import change_placement, create_placement, ensure_default_plans
from campaigns.models import CampaignPhase
from jobroad.models import Organisation, OrganisationKind
from tests.factories import CandidateFactory, set_phase
from tests.factories.cohort import enrol
from tests.reportpages import report, tables_of


@pytest.fixture
def agencies(db) -> tuple[Organisation, Organisation, Organisation]:
    kind = OrganisationKind.TEMP_AGENCY
    return (
        Organisation.objects.create(kind=kind, name="Flexwerk Interim", branch="Kortrijk"),
        Organisation.objects.create(kind=kind, name="Flexwerk Interim", branch="Roeselare"),
        Organisation.objects.create(kind=OrganisationKind.OCMW, name="OCMW Teststad"),
    )


def place(world, route: str, employer=None) -> Placement:
    candidate = CandidateFactory(registered_by=world.intermediary_org_a)
    return create_placement(
        candidate=candidate, company=world.company_a, campaign=world.campaign_a, route=route, employer=employer,
        starts_on=date(2025, 3, 3), actor=world.alice,
    )  # fmt: skip


@pytest.fixture
def placements(world, agencies):
    """Thirteen placements in campaign A: nine in temp work (six through the Kortrijk branch, two through Roeselare,
    one recorded before agencies were), one article 60, three fixed-term; one temp job became a contract since."""
    kortrijk, roeselare, ocmw = agencies
    ensure_default_plans()
    temp = [place(world, PlacementRoute.TEMP_WORK, kortrijk) for _ in range(6)]
    temp += [place(world, PlacementRoute.TEMP_WORK, roeselare) for _ in range(2)]
    legacy = place(world, PlacementRoute.TEMP_WORK, kortrijk)  # as the migration left it: agency unknown
    Placement.objects.filter(pk=legacy.pk).update(employer=None)
    PlacementChange.objects.filter(placement=legacy).update(employer=None)
    place(world, PlacementRoute.ARTICLE_60, ocmw)
    for _ in range(3):
        place(world, PlacementRoute.FIXED_TERM)
    change_placement(placement=temp[0], route=PlacementRoute.OPEN_ENDED, on=date(2025, 6, 2), actor=world.alice)


@pytest.fixture
def referrals(world, agencies):
    """Three candidates with no offer referred after project week: two to the Kortrijk branch (one placed, one not
    answered yet), one to Werkwinkel A (not suitable)."""
    set_phase(world.campaign_a, CampaignPhase.AFTERCARE)
    kortrijk = agencies[0]
    refer = [
        refer_candidate(
            enrolment=enrol(world, world.campaign_a, name, "Referred", date(2025, 1, 6)), organisation=organisation,
            send_to="branch@example.org", consent=True, actor=world.alice,
        )
        for name, organisation in [("Nadia", kortrijk), ("Omid", kortrijk), ("Rahel", world.intermediary_org_a)]
    ]  # fmt: skip
    answer_referral(referral=refer[0], outcome=ReferralOutcome.PLACED, placed_starts_on=date(2025, 7, 1),
                    placed_workplace="Company A", placed_hours=30)  # fmt: skip
    answer_referral(referral=refer[2], outcome=ReferralOutcome.NOT_SUITABLE, not_suitable_reason="language")


def test_the_coordinator_sees_how_placements_started_and_through_which_agencies(client_for, world, placements):
    tables = tables_of(report(client_for(world.alice)))

    assert tables["placement_routes"] == [  # the contract that began as temp work counts as temp work
        ["Temp work", 9, "69 %"],
        ["Workplace learning (IBO)", 0, "0 %"],
        ["Article 60", 1, "8 %"],
        ["Training or internship", 0, "0 %"],
        ["Fixed-term contract", 3, "23 %"],
        ["Open-ended contract", 0, "0 %"],
        ["Total", 13, "100 %"],
    ]
    assert tables["temp_work_agencies"] == [
        ["Flexwerk Interim · Kortrijk", 6, "67 %"],
        ["Flexwerk Interim · Roeselare", 2, "22 %"],
        ["Agency not recorded", 1, "11 %"],
    ]


def test_the_funder_sees_the_routes_and_agencies_through_the_same_suppression(client_for, world, placements):
    tables = tables_of(report(client_for(world.funder_viewer)))

    # 9 → 10 and 13 → 15; 1 and 3 hidden. Shares from the counts as shown: 10 of 15, never 9 of 13.
    assert tables["placement_routes"] == [
        ["Temp work", 10, "67 %"],
        ["Workplace learning (IBO)", 0, "0 %"],
        ["Article 60", "x", "—"],
        ["Training or internship", 0, "0 %"],
        ["Fixed-term contract", "x", "—"],
        ["Open-ended contract", 0, "0 %"],
        ["Total", 15, "100 %"],
    ]
    assert tables["temp_work_agencies"] == [
        ["Flexwerk Interim · Kortrijk", 5, "50 %"],
        ["Flexwerk Interim · Roeselare", "x", "—"],
        ["Agency not recorded", "x", "—"],
    ]


def test_one_small_agency_beside_a_large_one_hides_the_large_one_too_for_the_funder(client_for, world, agencies):
    kortrijk, roeselare, _ocmw = agencies
    ensure_default_plans()
    for _ in range(7):
        place(world, PlacementRoute.TEMP_WORK, kortrijk)
    place(world, PlacementRoute.TEMP_WORK, roeselare)

    tables = tables_of(report(client_for(world.funder_viewer)))

    # Temp work shows 10 (8 people): Roeselare's one, hidden alone, would be that total minus Kortrijk's.
    assert tables["temp_work_agencies"] == [
        ["Flexwerk Interim · Kortrijk", "x", "—"],
        ["Flexwerk Interim · Roeselare", "x", "—"],
    ]


def test_the_coordinator_sees_the_referrals_by_organisation_with_their_outcomes(client_for, world, referrals):
    tables = tables_of(report(client_for(world.alice)))

    assert tables["referrals_by_agency"] == [
        ["Flexwerk Interim · Kortrijk", 2, 1, 0, 0, 0, 1],
        ["Werkwinkel A", 1, 0, 0, 1, 0, 0],
    ]


def test_the_funder_gets_the_referral_outcomes_hidden_when_small_and_no_total_to_subtract_from(
    client_for, world, referrals
):
    response = report(client_for(world.funder_viewer))

    table = next(table for table in response.context["tables"] if table.key == "referrals_by_agency")
    assert table.headers == [
        "Referred to", "Placed: the person starts work", "Invited or in progress", "Not suitable for now",
        "The person did not respond", "No answer yet",
    ]  # fmt: skip
    assert table.rows == [
        ["Flexwerk Interim · Kortrijk", "x", 0, 0, 0, "x"],
        ["Werkwinkel A", 0, 0, "x", 0, 0],
    ]
