import pytest
from django.urls import reverse


@pytest.mark.parametrize("role", ["funder_viewer", "hr_a"])
def test_funders_and_hr_see_a_campaign_without_any_candidate_on_it(client_for, world, role):
    page = client_for(getattr(world, role)).get(reverse("campaign_detail", kwargs={"pk": world.campaign_a.pk}))

    assert page.status_code == 200
    assert world.candidate_a.last_name not in page.content.decode()
    assert reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}) not in page.content.decode()


def test_the_intermediary_sees_the_candidates_it_registered(client_for, world):
    page = client_for(world.intermediary_a).get(reverse("campaign_detail", kwargs={"pk": world.campaign_a.pk}))

    assert reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}) in page.content.decode()


def test_reports_show_counts_to_funders(client_for, world):
    page = client_for(world.funder_viewer).get(reverse("report_list"))

    assert world.campaign_a.name in page.content.decode()
    assert world.campaign_b.name not in page.content.decode()
