"""The candidate list's filters: bookmarkable GET parameters that only ever narrow what the user may see."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aftercare.models import CandidateOutcome
from campaigns.models import DropOutReason, Enrolment
from candidates import services
from candidates.models import ConsentPurpose, ResidenceStatus, Screening, ScreeningDecision
from jobroad.models import OrganisationKind
from tests.factories import CandidateFactory, OrganisationFactory
from tests.language import ENGLISH


def listed(client, **params) -> set[int]:
    response = client.get(reverse("candidate_list"), params, headers=ENGLISH)
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r'<tr data-candidate="(\d+)"', response.content.decode())}


@pytest.fixture
def centre_b(world):
    centre = OrganisationFactory(name="Centre B", kind=OrganisationKind.RECEPTION_CENTRE)
    world.candidate_b.reception_centre = centre
    world.candidate_b.save()
    return centre


def test_the_campaign_filter_narrows_the_list_and_offers_only_visible_campaigns(client_for, world, shared_candidate):
    alice = client_for(world.alice)
    assert listed(alice, campaign=world.campaign_a.pk) == {world.candidate_a.pk, shared_candidate.pk}
    page = client_for(world.intermediary_a).get(reverse("candidate_list"), headers=ENGLISH).content.decode()
    assert f'<option value="{world.campaign_a.pk}"' in page
    assert f'<option value="{world.campaign_b.pk}"' not in page and "Campaign B" not in page


def test_another_organisations_campaign_or_centre_gets_an_intermediary_nothing(
    client_for, world, shared_candidate, centre_b
):
    intermediary = client_for(world.intermediary_a)
    assert listed(intermediary) == {world.candidate_a.pk, shared_candidate.pk}
    # Samir is enrolled in campaign B too, which intermediary A does not see: no filter on it, not even a narrower one.
    assert listed(intermediary, campaign=world.campaign_b.pk) == set()
    assert listed(intermediary, reception_centre=centre_b.pk) == set()
    page = intermediary.get(reverse("candidate_list"), {"campaign": world.campaign_b.pk}, headers=ENGLISH)
    assert 'data-filter-error="campaign"' in page.content.decode()
    assert "Centre B" not in intermediary.get(reverse("candidate_list")).content.decode()
    # The coordinator of campaign B sees the same filter work (client_for logs the one test client in again).
    assert listed(client_for(world.bob), reception_centre=centre_b.pk) == {world.candidate_b.pk}


def test_the_status_counts_only_enrolments_in_campaigns_the_user_sees(client_for, world, shared_candidate):
    Enrolment.objects.filter(candidate=shared_candidate, campaign=world.campaign_b).update(
        dropped_out_on=date(2026, 3, 1), drop_out_reason=DropOutReason.values[0]
    )
    intermediary = client_for(world.intermediary_a)
    assert listed(intermediary, status="dropped_out") == set()  # dropped out of campaign B, which they do not see
    assert listed(intermediary, status="active") == {world.candidate_a.pk, shared_candidate.pk}
    assert listed(client_for(world.bob), status="dropped_out") == {shared_candidate.pk}


def test_the_status_filter_reads_the_screening_decision(client_for, world):
    enrolment = Enrolment.objects.get(candidate=world.candidate_a, campaign=world.campaign_a)
    Screening.objects.create(enrolment=enrolment, screener=world.alice, decision=ScreeningDecision.SELECTED)
    other = CandidateFactory(registered_by=world.intermediary_org_a)
    Enrolment.objects.create(candidate=other, campaign=world.campaign_a)
    alice = client_for(world.alice)
    assert listed(alice, status="selected") == {world.candidate_a.pk}
    assert listed(alice, status="unscreened") == {other.pk}
    assert listed(alice, status="reserve") == set()


def test_language_consent_and_search_filters(client_for, world):
    world.candidate_a.languages.create(language="ar", level="B1")
    services.record_consent(
        candidate=world.candidate_a, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice, language="nl"
    )
    other = CandidateFactory(first_name="Zara", registered_by=world.intermediary_org_a)
    Enrolment.objects.create(candidate=other, campaign=world.campaign_a)
    alice = client_for(world.alice)
    assert listed(alice, language="ar") == {world.candidate_a.pk}
    assert listed(alice, consent="share_given") == {world.candidate_a.pk}
    assert listed(alice, consent="share_missing") == {other.pk}
    assert listed(alice, q="Zara") == {other.pk}
    assert listed(alice, q="Zara", language="ar") == set()


def test_the_eligibility_filter_is_derived_for_the_whole_list(client_for, world):
    today = timezone.localdate()
    world.candidate_a.residence_status = ResidenceStatus.RECOGNISED_REFUGEE
    world.candidate_a.save()
    waiting = CandidateFactory(
        registered_by=world.intermediary_org_a,
        residence_status=ResidenceStatus.ASYLUM_APPLICANT,
        asylum_application_date=today - timedelta(days=10),
    )
    Enrolment.objects.create(candidate=waiting, campaign=world.campaign_a)
    alice = client_for(world.alice)
    assert listed(alice, eligibility="now") == {world.candidate_a.pk}
    assert listed(alice, eligibility="later") == {waiting.pk}


def test_the_outcome_filter(client_for, world):
    Enrolment.objects.filter(candidate=world.candidate_a).update(
        dropped_out_on=date(2026, 1, 5), drop_out_reason=DropOutReason.values[0]
    )
    alice = client_for(world.alice)
    assert listed(alice, outcome=CandidateOutcome.DROPPED_OUT) == {world.candidate_a.pk}
    assert listed(alice, outcome=CandidateOutcome.PERMANENT_JOB) == set()


def test_filters_are_kept_in_the_page_so_the_list_can_be_bookmarked(client_for, world):
    page = (
        client_for(world.alice)
        .get(reverse("candidate_list"), {"language": "ar", "campaign": world.campaign_a.pk}, headers=ENGLISH)
        .content.decode()
    )
    assert f'<option value="{world.campaign_a.pk}" selected>' in page
    assert '<option value="ar" selected>' in page
