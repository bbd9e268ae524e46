"""The employer network of the demo (demo/network.py): companies at every stage, Voka the most common source, an
account owner for each, a contact log, this year's target and two ambassadors with a profile."""

from collections import Counter

import pytest
from django.utils import timezone

from companies import selectors
from companies.models import AmbassadorProfile, Company, ContactLogEntry, PipelineStage


@pytest.fixture(autouse=True)
def each_test_in_a_savepoint(db):
    """The demo's rows are read through the ordinary ``db`` fixture, whose transaction nests in the module's."""


def test_the_demo_companies_spread_over_every_stage_of_the_pipeline(demo):
    columns = {column.stage: len(column.companies) for column in selectors.pipeline()}

    assert set(columns) == set(PipelineStage.values)
    assert all(columns[stage] >= 2 for stage in PipelineStage.values), columns
    assert Counter(Company.objects.values_list("source", flat=True)).most_common(1)[0][0] == "voka"
    assert not Company.objects.filter(account_owner__isnull=True).exists()


def test_the_demo_network_has_a_contact_log_a_target_and_two_ambassador_profiles(demo):
    year = selectors.year_against_target(timezone.localdate().year)

    assert (year.target.companies_reached, year.target.companies_committed) == (100, 150)
    assert (year.reached, year.committed) == (6, 3)
    assert ContactLogEntry.objects.count() == 9
    profiles = AmbassadorProfile.objects.exclude(testimony="")
    assert [profile.second_chance for profile in profiles] == ["yes", "yes"]
    assert all(profile.company.is_ambassador for profile in profiles)
