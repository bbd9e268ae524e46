"""The matching page's fairness levels (issue 24, item 2): the coordinator chooses how many, and the page shows how
many candidates get 0, 1, 2 interviews and what each level costs in fit."""

import pytest
from django.urls import reverse

from campaigns.matching import services as matching_services
from campaigns.models import CampaignPhase, MatchingRun
from tests.factories import CandidateFactory, VacancyFactory, matchable, set_phase


@pytest.fixture
def ready(world):
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    VacancyFactory(company=world.company_a, title="Magazijnier")
    matchable(world, world.candidate_a)
    matchable(world, CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a))


def run_with(client, world, levels: str):
    return client.post(
        reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk}),
        {
            "interviews_per_candidate": "2",
            "candidates_per_vacancy": "3",
            "max_commute_minutes": "75",
            "fairness_levels": levels,
        },
    )


@pytest.mark.parametrize(("choice", "chosen"), [("", 2), ("1", 1), ("0", 0)])
def test_the_coordinator_chooses_the_fairness_levels_and_the_page_shows_each(client_for, world, ready, choice, chosen):
    client = client_for(world.alice)

    assert run_with(client, world, choice).status_code == 302
    page = client.get(reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk}))

    rows = page.context["levels"]
    assert [row["levels"] for row in rows] == [0, 1, 2]
    assert [row["chosen"] for row in rows] == [n == chosen for n in (0, 1, 2)]
    run = MatchingRun.objects.filter(campaign=world.campaign_a).first()
    assert all(sum(row["interviews"]) == run.eligible for row in rows)
    assert rows[chosen]["fit"] == run.total_fit
    html = page.content.decode()
    assert "data-fairness-table" in html
    assert f'data-level="{chosen}" class="table-active"' in html


def test_the_price_of_each_level_is_the_fit_it_gives_up_against_one_level_fewer():
    levels = [
        matching_services.matching.Level(0, 300, (0, 0, 3)),
        matching_services.matching.Level(1, 280, (0, 2, 1)),
        matching_services.matching.Level(2, 250, (0, 1, 2)),
    ]

    rows = matching_services.fairness_rows(levels, chosen=2)

    assert [(row["fit"], row["price"], row["chosen"]) for row in rows] == [
        (300, 0, False),
        (280, 20, False),
        (250, 30, True),
    ]


@pytest.mark.parametrize("choice", ["nonsense", "3", "-1"])
def test_a_choice_of_levels_that_is_not_on_the_list_is_refused_and_nothing_runs(client_for, world, ready, choice):
    response = run_with(client_for(world.alice), world, choice)

    assert response.status_code == 400
    assert not MatchingRun.objects.filter(campaign=world.campaign_a).exists()


def test_the_chosen_levels_are_kept_for_the_next_run(client_for, world, ready):
    client = client_for(world.alice)
    run_with(client, world, "1")

    page = client.get(reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk}))

    assert page.context["settings_form"].initial["fairness_levels"] == 1
