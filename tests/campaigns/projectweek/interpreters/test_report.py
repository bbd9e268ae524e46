"""The funder report's interpreting table: interpreter days and cost add up; funders see them published."""

from datetime import timedelta

from campaigns.models import Campaign
from campaigns.reporting.reports import Scope
from campaigns.reporting.tables import report_tables
from jobroad.disclosure import HIDDEN
from tests.factories.campaigns import DAY

from .world import book, interpreter


def interpreting(campaign, *, suppress: bool, starts_on=None):
    scope = Scope(campaigns=Campaign.objects.filter(pk=campaign.pk), ends_on=DAY + timedelta(days=30),
                  starts_on=starts_on)  # fmt: skip
    (table,) = [t for t in report_tables(scope, suppress=suppress) if t.key == "interpreting"]
    return {key: row[1] for key, row in zip(table.row_keys, table.rows, strict=True)}


def seven_days_booked(campaign):
    for n in range(7):
        day = DAY + timedelta(days=n)
        book(campaign, interpreter(f"Tolk {n}", ["ti"], free=[day]), day=day, cost="95.50" if n % 2 else None)


def test_coordinators_see_the_days_and_the_cost_of_every_booking(world, week):
    seven_days_booked(world.campaign_a)

    assert interpreting(world.campaign_a, suppress=False) == {"days": 7, "interviews": 0, "cost": "286.50"}
    assert interpreting(world.campaign_a, suppress=False, starts_on=DAY + timedelta(days=4))["days"] == 3


def test_funders_see_the_days_rounded_and_no_cost_beside_a_hidden_count(world, week):
    seven_days_booked(world.campaign_a)
    few = interpreting(world.campaign_a, suppress=True, starts_on=DAY + timedelta(days=4))

    assert interpreting(world.campaign_a, suppress=True)["days"] == 5
    assert few == {"days": HIDDEN, "interviews": 0, "cost": HIDDEN}
