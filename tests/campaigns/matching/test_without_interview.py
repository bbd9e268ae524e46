"""A candidate the matching left without an interview is explained on the matching overview (issue 25, item 9)."""

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.matching.selectors import matching_rows
from campaigns.models import CampaignPhase
from candidates.models import ConsentPurpose
from candidates.services import withdraw_consent
from tests.factories import CandidateFactory, matchable, set_phase
from tests.language import ENGLISH


@pytest.fixture
def two_for_one_place(world):
    set_phase(world.campaign_a, CampaignPhase.MATCHING)
    amal = matchable(world, world.candidate_a)
    sara = matchable(world, CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a))
    return amal, sara


def run(client, world, per_vacancy):
    return client.post(
        reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk}),
        {"interviews_per_candidate": "1", "candidates_per_vacancy": str(per_vacancy), "max_commute_minutes": "75"},
    )


def test_a_candidate_without_a_place_is_told_the_places_went_to_others(client_for, world, two_for_one_place):
    coordinator = client_for(world.alice)
    run(coordinator, world, per_vacancy=1)

    page = coordinator.get(reverse("campaign_matching", kwargs={"pk": world.campaign_a.pk}), headers=ENGLISH)

    explained = [row.without_interview for row in page.context["rows"] if not row.proposals]
    assert explained == ["fits 1 vacancy, but its places went to candidates with a better fit or fewer interviews"]
    assert "data-without-interview" in page.content.decode()


def test_a_candidate_who_withdrew_consent_is_told_why(client_for, world, two_for_one_place):
    _amal, sara = two_for_one_place
    withdraw_consent(candidate=sara.candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl")
    run(client_for(world.alice), world, per_vacancy=3)

    with translation.override("en"):
        rows = {row.enrolment.pk: row.without_interview for row in matching_rows(world.campaign_a)}

    assert rows[sara.pk] == "no consent to share the profile with companies"


def test_before_the_first_run_nobody_is_explained(world, two_for_one_place):
    assert {row.without_interview for row in matching_rows(world.campaign_a)} == {""}
