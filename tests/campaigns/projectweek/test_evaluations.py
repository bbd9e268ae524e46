"""After publication: HR confirms its day and evaluates each interview; missing evaluations are asked for and
escalated; candidates not retained get a second chance at ambassador companies; interpreters and the live move
check on the board."""

from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaigns.matching import second_chance
from campaigns.models import DayConfirmation, Evaluation, HrAnswer, Interview, Outcome, Proposal, StartRoute
from campaigns.projectweek import evaluations
from campaigns.projectweek import services as projectweek_services
from jobroad.models import Message, MessageStatus
from tests.factories import DAY, CompanyFactory, VacancyFactory
from tests.language import ENGLISH


def end_of_the_day(time_machine, day: date = DAY) -> None:
    """The clock at five in the afternoon of a project-week day: every interview of that day has started."""
    time_machine.move_to(datetime.combine(day, time(17), tzinfo=timezone.get_current_timezone()), tick=False)


@pytest.fixture
def after_the_interviews(published, time_machine):
    """The published interviews have taken place, so HR can evaluate them."""
    end_of_the_day(time_machine)


def evaluation_messages(interview, **filters):
    return Message.objects.filter(event=f"evaluation:{interview.pk}", **filters)


def test_publishing_asks_hr_for_each_evaluation_and_plans_the_escalation(world, published):
    interview = published[0]

    requests = evaluation_messages(interview, template="evaluation_request")
    escalations = evaluation_messages(interview, template="evaluation_escalation")

    assert list(requests.values_list("recipient_user", flat=True)) == [world.hr_a.pk]
    assert list(escalations.values_list("recipient_user", flat=True)) == [world.alice.pk]
    request = requests.get()
    assert request.due_at.date() == date(2027, 4, 21)  # a day after the interview
    assert request.context["link"] == reverse("interview_evaluation", args=[interview.pk])


def test_hr_fills_an_evaluation_and_the_pending_requests_are_cancelled(
    client_for, world, published, after_the_interviews
):
    interview = published[0]
    url = reverse("interview_evaluation", args=[interview.pk])
    data = {
        "attendance": "attended", "outcome": "offer", "start_route": "temp_work",
        "proposed_start": "2027-05-03", "feedback": "Sterke motivatie.",
    }  # fmt: skip

    response = client_for(world.hr_a).post(url, data)

    assert response.status_code == 302
    evaluation = Evaluation.objects.get(interview=interview)
    assert (evaluation.outcome, evaluation.start_route, evaluation.proposed_start, evaluation.filled_by) == (
        Outcome.OFFER, StartRoute.TEMP_WORK, date(2027, 5, 3), world.hr_a,
    )  # fmt: skip
    assert set(evaluation_messages(interview).values_list("status", flat=True)) == {MessageStatus.CANCELLED}
    assert evaluation_messages(published[1], status=MessageStatus.PENDING).count() == 2  # others still wait


def test_an_offer_without_a_start_route_is_refused_and_nothing_is_saved(
    client_for, world, published, after_the_interviews
):
    url = reverse("interview_evaluation", args=[published[0].pk])

    response = client_for(world.hr_a).post(url, {"attendance": "attended", "outcome": "offer"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "For an offer, choose how the candidate would start." in response.content.decode()
    assert not Evaluation.objects.exists()
    assert evaluation_messages(published[0], status=MessageStatus.PENDING).count() == 2


def test_a_no_show_keeps_no_outcome(world, published, after_the_interviews):
    evaluation = evaluations.evaluate_interview(
        interview=published[0], attendance="no_show", outcome="offer", start_route="temp_work", actor=world.hr_a
    )

    assert (evaluation.attendance, evaluation.outcome, evaluation.start_route) == ("no_show", "", "")
    with pytest.raises(evaluations.EvaluationRefused):
        evaluations.evaluate_interview(interview=published[0], attendance="", actor=world.hr_a)
    refusal = evaluations.evaluate_interview(
        interview=published[0], attendance="attended", outcome="no", start_route="temp_work", actor=world.hr_a
    )
    assert (refusal.outcome, refusal.start_route) == ("no", "")


def test_hr_of_another_company_cannot_open_or_fill_the_evaluation(client_for, world, published):
    url = reverse("interview_evaluation", args=[published[0].pk])

    assert client_for(world.hr_b).get(url).status_code == 404
    assert client_for(world.hr_b).post(url, {"attendance": "no_show"}).status_code == 404
    assert not Evaluation.objects.exists()


def test_an_unpublished_interview_cannot_be_evaluated(client_for, world, week):
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    interview = Interview.objects.filter(day__isnull=False).first()

    assert client_for(world.hr_a).get(reverse("interview_evaluation", args=[interview.pk])).status_code == 404
    with pytest.raises(evaluations.EvaluationRefused):
        evaluations.evaluate_interview(interview=interview, attendance="no_show", actor=world.alice)


def test_hr_sees_its_published_day_blind_and_confirms_it(client_for, world, published):
    page = client_for(world.hr_a).get(reverse("interview_list"), headers=ENGLISH)

    text = page.content.decode()
    assert text.count("data-hr-interview=") == 3
    assert published[0].enrolment.candidate.last_name not in text  # first names only
    participation = published[0].participation
    url = reverse("participation_confirm_day", args=[participation.pk])
    response = client_for(world.hr_a).post(url, {"day": DAY.isoformat()})
    assert response.status_code == 302
    assert list(participation.day_confirmations.values_list("day", "confirmed_by")) == [(DAY, world.hr_a.pk)]
    assert client_for(world.hr_b).post(url, {"day": DAY.isoformat()}).status_code == 404


def test_a_new_publication_that_changes_the_day_asks_hr_to_confirm_again(world, published):
    participation = published[0].participation
    projectweek_services.confirm_day(participation=participation, day=DAY, actor=world.hr_a)
    participation.interviews_until = time(13)
    participation.save()
    projectweek_services.move_interview(interview=published[-1], day=DAY, starts_at=time(12, 30), actor=world.alice)

    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)

    assert not participation.day_confirmations.exists()


MONDAY = DAY - timedelta(days=1)  # DAY, 20 April 2027, is a Tuesday


@pytest.fixture
def two_days(world, week):
    """Company A receives candidates on Monday and on Tuesday, two interviews a day: the three published
    interviews take both days."""
    participation, _proposals = week
    participation.available_days = [MONDAY.isoformat(), DAY.isoformat()]
    participation.save()
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    assert set(participation.interviews.values_list("published_day", flat=True)) == {MONDAY, DAY}
    return participation


def board_day(text: str, day: date) -> str:
    """The coordinator's board section of one day."""
    start = text.index(f'data-day="{day.isoformat()}"')
    return text[start : text.find("data-day=", start + 1)]


def test_hr_confirming_monday_leaves_tuesday_unconfirmed(client_for, world, two_days):
    hr = client_for(world.hr_a)

    response = hr.post(reverse("participation_confirm_day", args=[two_days.pk]), {"day": MONDAY.isoformat()})

    assert response.status_code == 302
    assert list(DayConfirmation.objects.values_list("participation", "day", "confirmed_by")) == [
        (two_days.pk, MONDAY, world.hr_a.pk)
    ]
    page = hr.get(reverse("interview_list"), headers=ENGLISH).content.decode()
    assert 'data-day-confirmed="2027-04-19"' in page
    assert 'data-day-confirmed="2027-04-20"' not in page
    assert 'data-confirm-day="2027-04-20"' in page
    board = client_for(world.alice).get(reverse("project_week", args=[world.campaign_a.pk])).content.decode()
    assert "data-confirmed" in board_day(board, MONDAY)
    assert "data-confirmed" not in board_day(board, DAY)


def test_a_publication_that_changes_tuesday_asks_hr_to_confirm_tuesday_again_and_not_monday(world, two_days):
    for day in (MONDAY, DAY):
        projectweek_services.confirm_day(participation=two_days, day=day, actor=world.hr_a)
    two_days.interviews_until = time(13)
    two_days.save()
    tuesday = two_days.interviews.filter(published_day=DAY).first()
    projectweek_services.move_interview(interview=tuesday, day=DAY, starts_at=time(12), actor=world.alice)

    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)

    assert list(two_days.day_confirmations.values_list("day", flat=True)) == [MONDAY]


def test_hr_cannot_confirm_a_day_without_its_published_interviews(world, two_days, english):
    with pytest.raises(projectweek_services.ScheduleRefused) as refusal:
        projectweek_services.confirm_day(participation=two_days, day=DAY + timedelta(days=1), actor=world.hr_a)

    assert str(refusal.value) == (
        "Your company has no published interviews on Wednesday 21 April, so there is nothing to confirm that day."
    )
    assert not DayConfirmation.objects.exists()


def test_an_evaluation_cannot_be_filled_before_the_interview_starts(
    client_for, world, published, time_machine, english
):
    first = published[0]  # 11:00
    time_machine.move_to(datetime.combine(DAY, time(10, 59), tzinfo=timezone.get_current_timezone()), tick=False)
    hr = client_for(world.hr_a)

    with pytest.raises(evaluations.EvaluationRefused) as refusal:
        evaluations.evaluate_interview(interview=first, attendance="no_show", actor=world.hr_a)
    posted = hr.post(reverse("interview_evaluation", args=[first.pk]), {"attendance": "no_show"}, headers=ENGLISH)
    page = hr.get(reverse("interview_list"), headers=ENGLISH).content.decode()

    assert str(refusal.value) == "This evaluation opens when the interview starts, on Tuesday 20 April, 11:00."
    assert posted.status_code == 400
    assert "This evaluation opens when the interview starts, on Tuesday 20 April, 11:00." in posted.content.decode()
    assert not Evaluation.objects.exists()
    assert f'data-evaluation-opens="{first.pk}"' in page
    assert "Evaluation opens when the interview starts: Tuesday 20 April, 11:00." in page
    assert reverse("interview_evaluation", args=[first.pk]) not in page
    time_machine.move_to(datetime.combine(DAY, time(11), tzinfo=timezone.get_current_timezone()), tick=False)
    evaluation = evaluations.evaluate_interview(interview=first, attendance="no_show", actor=world.hr_a)
    assert (evaluation.interview, evaluation.attendance) == (first, "no_show")


def test_a_dropped_interview_gets_a_cancellation_and_no_evaluation_request(world, published):
    gone = published[0]
    Proposal.objects.filter(pk=gone.proposal_id).update(hr_answer=HrAnswer.NOT_INTERESTED)  # HR turned it down late
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)

    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)

    cancelled = Message.objects.filter(event=f"interview:{gone.pk}", template="interview_cancelled")
    assert world.hr_a.pk in set(cancelled.values_list("recipient_user", flat=True))
    assert not evaluation_messages(gone, status=MessageStatus.PENDING).exists()


def test_the_live_check_says_what_blocks_a_time_before_the_move(client_for, world, published):
    url = reverse("interview_move_check", args=[published[1].pk])

    taken = client_for(world.alice).get(url, {"day": DAY.isoformat(), "starts_at": "11:00"}, headers=ENGLISH)
    free = client_for(world.alice).get(url, {"day": DAY.isoformat(), "starts_at": "11:30"}, headers=ENGLISH)

    assert "the interviewers are busy" in taken.content.decode()
    assert "data-no-conflict" in free.content.decode()
    assert client_for(world.bob).get(url, {"day": DAY.isoformat(), "starts_at": "11:00"}).status_code == 404


@pytest.fixture
def ambassador(world):
    company = CompanyFactory(organisation__name="Ambassadeur NV", is_ambassador=True)
    return VacancyFactory(company=company, title="Magazijnier", occupation=world.vacancy_a.occupation)


def test_not_retained_candidates_get_ambassador_vacancies_and_can_be_proposed(
    client_for, world, published, after_the_interviews, ambassador
):
    for interview in published:
        outcome = Outcome.OFFER if interview == published[0] else Outcome.NO
        route = StartRoute.TEMP_WORK if outcome == Outcome.OFFER else ""
        evaluations.evaluate_interview(
            interview=interview, attendance="attended", outcome=outcome, start_route=route, actor=world.hr_a
        )

    rows = second_chance.rows(world.campaign_a)

    assert {row.enrolment for row in rows} == {i.enrolment for i in published[1:]}
    assert all([option.vacancy for option in row.options] == [ambassador] for row in rows)
    enrolment = rows[0].enrolment
    url = reverse("second_chance_propose", args=[enrolment.pk, ambassador.pk])
    assert client_for(world.alice).post(url).status_code == 302
    proposal = Proposal.objects.get(enrolment=enrolment, vacancy=ambassador)
    assert (proposal.status, proposal.second_chance) == ("confirmed", True)
    client_for(world.alice).post(url)  # twice: refused, still one
    assert Proposal.objects.filter(enrolment=enrolment, vacancy=ambassador).count() == 1
    assert projectweek_services.generate_schedule(
        campaign=world.campaign_a, actor=world.alice
    )  # not a project-week interview
    assert not Interview.objects.filter(proposal=proposal).exists()


def test_a_candidate_with_an_interview_still_to_evaluate_waits(world, published, after_the_interviews, ambassador):
    evaluations.evaluate_interview(interview=published[0], attendance="attended", outcome="no", actor=world.hr_a)

    assert [row.enrolment for row in second_chance.rows(world.campaign_a)] == [published[0].enrolment]
    assert second_chance.option(published[1].enrolment, ambassador) is None


def test_a_non_ambassador_vacancy_cannot_be_proposed_as_second_chance(
    client_for, world, published, after_the_interviews
):
    evaluations.evaluate_interview(interview=published[0], attendance="attended", outcome="no", actor=world.hr_a)
    ordinary = VacancyFactory(title="Kok")

    response = client_for(world.alice).post(
        reverse("second_chance_propose", args=[published[0].enrolment.pk, ordinary.pk])
    )

    assert response.status_code == 404
    assert not Proposal.objects.filter(vacancy=ordinary).exists()


def test_a_second_chance_waits_until_every_interview_of_the_candidate_is_evaluated(world, week, time_machine):
    _participation, proposals = week
    other = VacancyFactory(title="Kok")
    world.campaign_a.participations.create(
        company=other.company, available_days=[DAY.isoformat()], visit_starts_at=time(13), interviews_until=time(15)
    )
    enrolment = proposals[0].enrolment
    Proposal.objects.create(enrolment=enrolment, vacancy=other, fit=50, status="confirmed")
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    first, second = Interview.objects.filter(enrolment=enrolment, day__isnull=False).order_by("starts_at")
    end_of_the_day(time_machine)

    evaluations.evaluate_interview(interview=first, attendance="attended", outcome="no", actor=world.hr_a)
    assert enrolment not in second_chance.not_retained(world.campaign_a)

    evaluations.evaluate_interview(interview=second, attendance="no_show", actor=world.alice)
    assert list(second_chance.not_retained(world.campaign_a)) == [enrolment]


@pytest.mark.parametrize(
    ("role", "page"), [("hr_a", "interview_list"), ("alice", "project_week"), ("alice", "second_chance")]
)
def test_the_project_week_pages_query_the_same_for_one_interview_or_three(
    client_for, world, published, after_the_interviews, role, page
):
    for interview in published:
        evaluations.evaluate_interview(interview=interview, attendance="attended", outcome="no", actor=world.hr_a)
    client = client_for(getattr(world, role))
    url = reverse(page, args=[] if page == "interview_list" else [world.campaign_a.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    three = queries()
    Interview.objects.filter(pk__in=[i.pk for i in published[1:]]).delete()
    one = queries()

    assert one == three
