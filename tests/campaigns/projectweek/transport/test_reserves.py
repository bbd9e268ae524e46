"""A no-show's slot offered to a reserve (issue 23, item 4): who fits (reserves only, the matching engine's hard rules,
free at that time), best first; the confirmation page says what is sent to whom; the offer places the reserve in the
slot, publishes it and tells the reserve in their own language, their intermediary and HR."""

from datetime import time

import pytest
from django.urls import reverse

from campaigns.models import Interview, Proposal, ProposalStatus
from campaigns.projectweek.services import generate_schedule
from campaigns.projectweek.transport.reserves import reserve_options
from candidates.models import ConsentPurpose, Screening, ScreeningDecision
from candidates.services import withdraw_consent
from jobroad import channels
from jobroad.models import Message
from tests.language import ENGLISH

from .day_world import day_runs, mark, reserve, rider


@pytest.fixture
def runs(world, published):
    return day_runs(world, published)


@pytest.fixture
def sara_absent(client_for, world, published, runs):
    """Sara was not at Heidebloem's pick-up; the escort marked it."""
    heidebloem_run, _kapellen_run = runs
    sara = rider(published, "Sara")
    mark(client_for(world.coach_a), heidebloem_run, sara.enrolment_id, present=False)
    return sara


def offer_url(run, interview, enrolment):
    return reverse("transport_reserve_offer", args=[run.pk, interview.pk, enrolment.pk])


def test_only_reserves_who_fit_are_offered_best_fit_first(world, published):
    sara = rider(published, "Sara")
    strong, weak = reserve(world, "Hamid"), reserve(world, "Lina", phone="+32470111333")
    Screening.objects.filter(enrolment=strong).update(motivation=5, learning_ability=5, experience=5, competences=5,
                                                      communication=5)  # fmt: skip
    Screening.objects.filter(enrolment=weak).update(motivation=1, learning_ability=1, experience=1, competences=1,
                                                    communication=1)  # fmt: skip
    reserve(world, "Omar", phone="+32470111444", decision=ScreeningDecision.NOT_NOW)  # not a reserve
    blocked = reserve(world, "Nour", phone="+32470111555")
    withdraw_consent(candidate=blocked.candidate, purpose=ConsentPurpose.SHARE_PROFILE, actor=world.alice)

    options = reserve_options(sara)

    assert [o.enrolment.candidate.first_name for o in options] == ["Hamid", "Lina"]
    assert options[0].fit > options[1].fit


def test_a_reserve_busy_at_that_time_is_not_offered(world, week, published):
    participation, _proposals = week
    sara, amal = rider(published, "Sara"), rider(published, "Amal")
    hamid = reserve(world, "Hamid")
    assert [o.enrolment for o in reserve_options(sara)] == [hamid]
    participation.interviewers = 2
    participation.save()
    # Amal's interview becomes Hamid's, with the second interviewer at Sara's very time.
    Proposal.objects.filter(pk=amal.proposal_id).update(enrolment=hamid)
    Interview.objects.filter(pk=amal.pk).update(enrolment=hamid, starts_at=sara.starts_at, ends_at=sara.ends_at, seat=2)

    assert reserve_options(sara) == []


def test_the_confirmation_page_names_the_reserve_and_what_is_sent_and_changes_nothing(client_for, world, runs,
                                                                                     sara_absent):  # fmt: skip
    heidebloem_run, _kapellen_run = runs
    hamid = reserve(world, "Hamid", language="ti")
    Message.objects.all().delete()

    page = (
        client_for(world.coach_a).get(offer_url(heidebloem_run, sara_absent, hamid), headers=ENGLISH).content.decode()
    )

    assert "Offer the slot to Hamid R.?" in page
    assert "An SMS to Hamid R., in Tigrinya." in page
    assert "A message to 1 person of the organisation that registered them." in page
    assert "A message to 1 HR person of Company A" in page
    assert Interview.objects.get(pk=sara_absent.pk).published_day is not None and Message.objects.count() == 0


def test_offering_the_slot_places_the_reserve_and_tells_them_in_their_language(client_for, world, runs, sara_absent):
    heidebloem_run, _kapellen_run = runs
    hamid = reserve(world, "Hamid", language="ar")
    slot = (sara_absent.published_day, sara_absent.published_starts_at)

    response = client_for(world.coach_a).post(offer_url(heidebloem_run, sara_absent, hamid), {"confirm": "1"})

    placed = Interview.objects.get(enrolment=hamid)
    sara = Interview.objects.get(pk=sara_absent.pk)
    assert response.status_code == 302
    assert (placed.published_day, placed.published_starts_at, placed.day, placed.starts_at) == (*slot, *slot)
    assert placed.proposal.status == ProposalStatus.CONFIRMED and placed.moved_by == world.coach_a
    assert (sara.day, sara.published_day) == (None, None)
    sms = Message.objects.get(template="reserve_offer", recipient_address=hamid.candidate.phone)
    assert (sms.channel, sms.language, sms.requested_language) == ("sms", "ar", "")
    assert "مقابلة عمل" in channels.render(sms).text  # "job interview", in Arabic
    told = sorted(m.recipient_address for m in Message.objects.filter(template="reserve_offer").exclude(pk=sms.pk))
    assert told == sorted([world.intermediary_a.email, world.hr_a.email])


def test_generating_again_keeps_the_reserve_in_the_slot_and_the_no_show_out(client_for, world, runs, sara_absent):
    heidebloem_run, _kapellen_run = runs
    hamid = reserve(world, "Hamid")
    slot = (sara_absent.published_day, sara_absent.published_starts_at)
    client_for(world.coach_a).post(offer_url(heidebloem_run, sara_absent, hamid), {"confirm": "1"})
    heidebloem_run.project_week.campaign.participations.filter(company=world.company_a).update(
        interviews_until=time(13)
    )  # a free slot Sara would fit in

    generate_schedule(campaign=world.campaign_a, actor=world.alice)

    sara, placed = Interview.objects.get(pk=sara_absent.pk), Interview.objects.get(enrolment=hamid)
    assert (sara.day, sara.evaluation_waived_because, sara.evaluation_waived_by) == (None, "no_show", world.coach_a)
    assert (placed.day, placed.starts_at) == slot


def test_the_coordinator_can_plan_the_no_show_again_and_generation_then_does(client_for, world, runs, sara_absent):
    heidebloem_run, _kapellen_run = runs
    hamid = reserve(world, "Hamid")
    client_for(world.coach_a).post(offer_url(heidebloem_run, sara_absent, hamid), {"confirm": "1"})
    client = client_for(world.alice)
    world.campaign_a.participations.filter(company=world.company_a).update(interviews_until=time(13))
    board = client.get(reverse("project_week", args=[world.campaign_a.pk]), headers=ENGLISH).content.decode()
    assert f'data-given-to-reserve="{sara_absent.pk}"' in board

    response = client.post(reverse("interview_plan_again", args=[sara_absent.pk]))
    generate_schedule(campaign=world.campaign_a, actor=world.alice)

    sara = Interview.objects.get(pk=sara_absent.pk)
    assert response.status_code == 302 and sara.evaluation_waived_because == ""
    assert sara.day is not None and Interview.objects.get(enrolment=hamid).day is not None


def test_only_a_slot_given_to_a_reserve_is_planned_again(client_for, world, published):
    url = reverse("interview_plan_again", args=[published[0].pk])

    response = client_for(world.alice).post(url, follow=True, headers=ENGLISH)

    assert "not one whose slot went to a reserve" in response.content.decode()


def test_no_offer_for_a_passenger_who_was_not_marked_absent(client_for, world, published, runs):
    heidebloem_run, _kapellen_run = runs
    hamid = reserve(world, "Hamid")
    client = client_for(world.coach_a)

    response = client.post(offer_url(heidebloem_run, rider(published, "Sara"), hamid), {"confirm": "1"})

    assert response.status_code == 404
    assert not Interview.objects.filter(enrolment=hamid).exists()


def test_another_campaigns_coordinator_cannot_offer_the_slot(client_for, world, runs, sara_absent):
    heidebloem_run, _kapellen_run = runs
    hamid = reserve(world, "Hamid")

    response = client_for(world.bob).post(offer_url(heidebloem_run, sara_absent, hamid), {"confirm": "1"})

    assert response.status_code == 404
    assert not Interview.objects.filter(enrolment=hamid).exists()


def test_a_candidate_who_is_no_reserve_cannot_be_given_the_slot(client_for, world, runs, sara_absent):
    heidebloem_run, _kapellen_run = runs
    omar = reserve(world, "Omar", decision=ScreeningDecision.NOT_NOW)

    response = client_for(world.coach_a).post(offer_url(heidebloem_run, sara_absent, omar), {"confirm": "1"})

    assert response.status_code == 404
    assert not Interview.objects.filter(enrolment=omar).exists()
