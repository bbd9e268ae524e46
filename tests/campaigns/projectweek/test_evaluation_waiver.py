"""A coordinator's "no evaluation needed" (campaigns.projectweek.evaluations.waive_evaluation): for an interview that
never took place. HR is no longer asked, aftercare may start without it, and republishing does not ask again."""

import pytest
from django.urls import reverse

from campaigns.lifecycle import transition_problems
from campaigns.models import CampaignPhase, EvaluationWaiver, Interview
from campaigns.projectweek import evaluations
from campaigns.projectweek import services as projectweek_services
from jobroad.models import Message, MessageStatus
from tests.factories import set_phase
from tests.language import ENGLISH


def pending_requests(interview):
    return Message.objects.filter(event=f"evaluation:{interview.pk}", status=MessageStatus.PENDING)


def test_a_waived_interview_asks_hr_nothing_more_and_stays_waived_after_republishing(world, published):
    interview = published[0]
    assert pending_requests(interview).exists()

    evaluations.waive_evaluation(interview=interview, because=EvaluationWaiver.COMPANY_CANCELLED, actor=world.alice)

    interview.refresh_from_db()
    assert interview.evaluation_waived_because == EvaluationWaiver.COMPANY_CANCELLED
    assert interview.evaluation_waived_by == world.alice
    assert not pending_requests(interview).exists()
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    assert not pending_requests(interview).exists()  # the coordinator's decision is not undone by the machine
    assert pending_requests(published[1]).exists()  # the others are still asked


def test_aftercare_waits_for_every_interview_to_be_evaluated_or_waived(world, published, time_machine, english):
    campaign = world.campaign_a
    assert any("3 published interviews have no evaluation yet" in p for p in transition_problems(campaign, "aftercare"))

    for interview in published:
        evaluations.waive_evaluation(interview=interview, because=EvaluationWaiver.NOT_HELD, actor=world.alice)

    assert not any("evaluation" in problem for problem in transition_problems(campaign, "aftercare"))


@pytest.mark.parametrize(
    "situation, message",
    [
        ("unpublished", "not in the published schedule"),
        ("evaluated", "already evaluated"),
        ("no reason", "Choose why"),
        ("no show by hand", "Choose why"),  # only giving the slot to a reserve says that: it keeps generation off
        ("closed", "closed"),
    ],
)
def test_a_waiver_is_refused_in_words(world, published, time_machine, english, situation, message):
    interview, because = published[0], EvaluationWaiver.NOT_HELD
    if situation == "unpublished":
        Interview.objects.filter(pk=interview.pk).update(published_day=None)
    elif situation == "evaluated":
        time_machine.move_to(interview.evaluation_opens_at, tick=False)
        evaluations.evaluate_interview(interview=interview, attendance="no_show", actor=world.hr_a)
    elif situation == "no reason":
        because = "because"
    elif situation == "no show by hand":
        because = EvaluationWaiver.NO_SHOW
    else:
        set_phase(world.campaign_a, CampaignPhase.CLOSED)

    with pytest.raises(evaluations.EvaluationRefused, match=message):
        evaluations.waive_evaluation(interview=interview, because=because, actor=world.alice)
    interview.refresh_from_db()
    assert interview.evaluation_waived_at is None


def test_the_coordinator_marks_it_on_the_evaluation_page_and_the_board_shows_it(client_for, world, published):
    interview = published[1]
    client = client_for(world.alice)
    page = client.get(reverse("interview_evaluation", args=[interview.pk]), headers=ENGLISH)
    assert b"No evaluation needed?" in page.content

    response = client.post(
        reverse("interview_evaluation_waive", args=[interview.pk]),
        {"because": EvaluationWaiver.CANDIDATE_WITHDREW},
        headers=ENGLISH,
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("project_week", args=[world.campaign_a.pk])
    assert b'data-evaluation="waived"' in response.content
    interview.refresh_from_db()
    assert interview.evaluation_waived_because == EvaluationWaiver.CANDIDATE_WITHDREW


def test_hr_and_another_campaigns_coordinator_cannot_waive(client_for, world, published):
    interview = published[0]
    url = reverse("interview_evaluation_waive", args=[interview.pk])
    for user in (world.hr_a, world.bob):
        assert client_for(user).post(url, {"because": EvaluationWaiver.NOT_HELD}).status_code == 404
    hr_page = client_for(world.hr_a).get(reverse("interview_evaluation", args=[interview.pk]), headers=ENGLISH)
    assert b"No evaluation needed?" not in hr_page.content
    interview.refresh_from_db()
    assert interview.evaluation_waived_at is None
