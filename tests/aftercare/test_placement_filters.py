"""The placement list's filters: bookmarkable, saved under a name, and never wider than the placements one sees."""

import re

from django.urls import reverse
from django.utils import timezone

from aftercare.models import PlacementRoute
from jobroad.models import SavedFilter
from tests.access_objects import placement_b
from tests.factories import PlacementFactory
from tests.language import ENGLISH


def listed(client, **params) -> set[int]:
    response = client.get(reverse("placement_list"), params, headers=ENGLISH)
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r'<tr data-placement="(\d+)"', response.content.decode())}


def placement_a(world):
    return PlacementFactory(
        candidate=world.candidate_a, company=world.company_a, vacancy=world.vacancy_a, campaign=world.campaign_a,
        starts_on=timezone.localdate(), actor=world.alice, route=PlacementRoute.FIXED_TERM,
    )  # fmt: skip


def test_placements_filter_by_campaign_workplace_route_and_name(client_for, world, shared_candidate):
    mine, theirs = placement_a(world), placement_b(world)
    admin = client_for(world.admin)
    assert listed(admin) == {mine.pk, theirs.pk}
    assert listed(admin, campaign=world.campaign_a.pk) == {mine.pk}
    assert listed(admin, company=world.company_b.pk) == {theirs.pk}
    assert listed(admin, route=PlacementRoute.FIXED_TERM) == {mine.pk}
    assert listed(admin, q=world.candidate_a.first_name) == {mine.pk}


def test_an_intermediary_filtering_on_another_campaign_gets_nothing(client_for, world, shared_candidate):
    mine, _ = placement_a(world), placement_b(world)
    intermediary = client_for(world.intermediary_a)
    # Samir (intermediary A's) is placed through campaign B, which intermediary A does not see: not offered, not usable.
    page = intermediary.get(reverse("placement_list"), headers=ENGLISH).content.decode()
    campaigns = re.search(r'<select name="campaign".*?</select>', page, re.S).group()
    assert f'<option value="{world.campaign_a.pk}"' in campaigns
    assert f'<option value="{world.campaign_b.pk}"' not in campaigns
    assert listed(intermediary, campaign=world.campaign_b.pk) == set()
    assert listed(intermediary, campaign=world.campaign_a.pk) == {mine.pk}


def test_a_placement_filter_is_saved_for_its_owner(client_for, world):
    client = client_for(world.alice)
    data = {"page": "placement_list", "name": "Uitzend", "route": PlacementRoute.TEMP_WORK, "note": "x"}
    client.post(reverse("saved_filter_create"), data)
    assert SavedFilter.objects.get(user=world.alice, page="placement_list").query == "route=temp_work"
