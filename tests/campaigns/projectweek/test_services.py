"""The project week in the platform: generating the schedule, moving an interview by hand, publishing only
what changed, and the database constraints behind the board."""

from datetime import time

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from campaigns.models import CampaignPhase, HrAnswer, Interview, Proposal, ProposalStatus
from campaigns.projectweek import engine as scheduling
from campaigns.projectweek import inputs as projectweek_inputs
from campaigns.projectweek import services as projectweek_services
from campaigns.projectweek.validation import measures, validate
from jobroad.models import Message, MessageStatus
from tests.factories import DAY, VacancyFactory, set_phase
from tests.language import ENGLISH


def planned(campaign):
    return {
        i.proposal_id: (i.day, i.starts_at)
        for i in Interview.objects.filter(participation__campaign=campaign, day__isnull=False)
    }


def test_generating_plans_what_fits_and_says_why_the_rest_does_not(client_for, world, week):
    _participation, proposals = week

    response = client_for(world.alice).post(reverse("project_week_generate", kwargs={"pk": world.campaign_a.pk}))

    assert response.status_code == 302
    assert sorted(planned(world.campaign_a).values()) == [(DAY, time(11)), (DAY, time(11, 30))]
    unplaced = Interview.objects.get(participation__campaign=world.campaign_a, day__isnull=True)
    assert unplaced.proposal in proposals
    board = client_for(world.alice).get(reverse("project_week", kwargs={"pk": world.campaign_a.pk}), headers=ENGLISH)
    text = board.content.decode()
    assert "the interviewers are busy at every time that would suit" in text
    assert f'data-unplaced="{unplaced.proposal_id}"' in text
    assert "Not every interview fits" in text


def test_the_saved_schedule_passes_the_engines_validator(world, week):
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    data = projectweek_inputs.schedule_input(world.campaign_a)
    appointments = tuple(
        scheduling.Appointment(i.proposal_id, i.day.toordinal(), projectweek_inputs.minutes(i.starts_at))
        for i in Interview.objects.filter(day__isnull=False)
    )
    unplaced = [i.proposal_id for i in Interview.objects.filter(day__isnull=True)]
    solution = scheduling.Solution(
        method="saved",
        status="",
        appointments=appointments,
        dropped=tuple(scheduling.Drop(pk, ()) for pk in unplaced),
        changed=(),
        **measures(data.problem, appointments),
    )

    assert validate(data.problem, solution) == []
    assert set(Interview.objects.filter(day__isnull=False).values_list("seat", flat=True)) == {1}


def test_nothing_to_schedule_is_refused_with_a_reason(client_for, world):
    set_phase(world.campaign_a, CampaignPhase.MATCHING)

    response = client_for(world.alice).post(
        reverse("project_week_generate", kwargs={"pk": world.campaign_a.pk}), headers=ENGLISH, follow=True
    )

    assert "There are no confirmed proposals to schedule yet." in response.content.decode()
    assert not Interview.objects.exists()


def test_a_proposal_hr_turned_down_is_not_scheduled(world, week):
    _participation, proposals = week
    Proposal.objects.filter(pk=proposals[0].pk).update(hr_answer=HrAnswer.NOT_INTERESTED)

    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)

    assert set(planned(world.campaign_a)) == {proposals[1].pk, proposals[2].pk}


def test_moving_into_a_taken_slot_is_refused_in_words_and_changes_nothing(client_for, world, week):
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    _first, second = Interview.objects.filter(day__isnull=False).order_by("starts_at")
    url = reverse("interview_move", kwargs={"pk": second.pk})

    response = client_for(world.alice).post(url, {"day": DAY.isoformat(), "starts_at": "11:00"}, headers=ENGLISH)

    assert response.status_code == 400
    assert "the interviewers are busy" in response.content.decode()
    second.refresh_from_db()
    assert second.starts_at == time(11, 30)


def test_moving_to_a_time_off_the_grid_or_before_the_visit_is_refused(client_for, world, week):
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    interview = Interview.objects.filter(day__isnull=False).first()
    url = reverse("interview_move", kwargs={"pk": interview.pk})

    for moment in ("10:30", "11:10"):
        response = client_for(world.alice).post(url, {"day": DAY.isoformat(), "starts_at": moment}, headers=ENGLISH)
        assert response.status_code == 400
        assert "there is no interview slot after the visit" in response.content.decode()


def test_moving_the_unplaced_one_into_a_freed_slot_works(client_for, world, week):
    participation, _proposals = week
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    participation.interviews_until = time(12, 30)  # a third slot opens
    participation.save()
    unplaced = Interview.objects.get(day__isnull=True)

    response = client_for(world.alice).post(
        reverse("interview_move", kwargs={"pk": unplaced.pk}), {"day": DAY.isoformat(), "starts_at": "12:00"}
    )

    assert response.status_code == 302
    unplaced.refresh_from_db()
    assert (unplaced.day, unplaced.starts_at, unplaced.ends_at, unplaced.seat) == (DAY, time(12), time(12, 30), 1)


def interview_messages(**filters):
    return Message.objects.filter(event__startswith="interview:", **filters)


def test_publishing_tells_only_the_people_whose_appointment_changed(world, week):
    participation, _proposals = week
    participation.interviews_until = time(12, 30)
    participation.save()
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)

    assert projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice) == 3
    first_round = set(interview_messages(template="interview_scheduled").values_list("pk", flat=True))
    assert first_round
    hr = interview_messages(template="interview_scheduled", recipient_user=world.hr_a)
    assert hr.count() == 3  # one per interview at the company
    assert projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice) == 0  # nothing changed

    last = Interview.objects.order_by("-starts_at").first()
    participation.interviews_until = time(13)
    participation.save()
    projectweek_services.move_interview(interview=last, day=DAY, starts_at=time(12, 30), actor=world.alice)

    assert projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice) == 1
    new = interview_messages(template="interview_scheduled").exclude(pk__in=first_round)
    assert set(new.values_list("event", flat=True)) == {f"interview:{last.pk}"}
    # The moved interview's earlier announcements and reminders that were still pending are cancelled.
    old = interview_messages(event=f"interview:{last.pk}", pk__in=first_round)
    assert set(old.values_list("status", flat=True)) == {MessageStatus.CANCELLED}


def test_a_replan_after_a_no_show_moves_nobody_else(world, week):
    participation, _proposals = week
    participation.interviews_until = time(12, 30)
    participation.save()
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    before = planned(world.campaign_a)
    gone = min(before, key=lambda pk: before[pk][1])  # the first interview's candidate does not come
    Proposal.objects.filter(pk=gone).update(status=ProposalStatus.DRAFT)
    sent_before = set(interview_messages().values_list("pk", flat=True))

    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)

    after = planned(world.campaign_a)
    assert after == {pk: at for pk, at in before.items() if pk != gone}
    assert projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice) == 1
    gone_interview = Interview.objects.get(proposal_id=gone)
    new = interview_messages().exclude(pk__in=sent_before)
    # Only the people of the cancelled interview hear from us, and only that it is off.
    assert set(new.values_list("event", "template")) == {(f"interview:{gone_interview.pk}", "interview_cancelled")}
    reminders = interview_messages(event=f"interview:{gone_interview.pk}", template="interview_reminder")
    assert set(reminders.values_list("status", flat=True)) == {MessageStatus.CANCELLED}


def test_the_database_refuses_one_interviewer_twice_at_one_time(world, week):
    participation, proposals = week
    Interview.objects.create(
        proposal=proposals[0], participation=participation, enrolment=proposals[0].enrolment,
        day=DAY, starts_at=time(11), ends_at=time(11, 30), seat=1,
    )  # fmt: skip

    with pytest.raises(IntegrityError), transaction.atomic():
        Interview.objects.create(
            proposal=proposals[1], participation=participation, enrolment=proposals[1].enrolment,
            day=DAY, starts_at=time(11), ends_at=time(11, 30), seat=1,
        )  # fmt: skip


def test_the_board_shows_each_day_with_its_companies_interviews_and_travel_groups(client_for, world, week):
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)

    page = client_for(world.alice).get(reverse("project_week", kwargs={"pk": world.campaign_a.pk}), headers=ENGLISH)

    text = page.content.decode()
    assert f'data-day="{DAY.isoformat()}"' in text
    assert text.count('data-interview="') == 2
    assert "Travelling:" in text
    assert "Publish (2 changes)" in text


def test_the_participation_form_refuses_a_window_without_room_for_an_interview(client_for, world, week):
    participation, _proposals = week
    url = reverse("participation_edit", kwargs={"pk": participation.pk})
    data = {
        "available_days": [], "visit_capacity": "10", "interviewers": "1", "slot_minutes": "30",
        "visit_starts_at": "15:00", "visit_minutes": "60", "interviews_until": "16:15", "meeting_point": "",
    }  # fmt: skip

    response = client_for(world.alice).post(url, data, headers=ENGLISH)

    assert response.status_code == 400
    assert "no time left for even one interview" in response.content.decode()


def test_a_second_vacancy_at_another_company_gets_travel_time(world, week):
    """Interviews at two companies the same day: the engine's travel rule holds in the saved schedule."""
    other = VacancyFactory(title="Kok")
    participation_b = world.campaign_a.participations.create(
        company=other.company, available_days=[DAY.isoformat()], visit_starts_at=time(11, 30), interviews_until=time(14)
    )
    _participation, proposals = week
    Proposal.objects.create(enrolment=proposals[0].enrolment, vacancy=other, fit=50, status="confirmed")

    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)

    rows = Interview.objects.filter(enrolment=proposals[0].enrolment, day__isnull=False)
    at_b = rows.filter(participation=participation_b).first()
    assert at_b is not None and at_b.starts_at >= time(12, 30)
    at_a = rows.filter(participation__company=world.company_a).first()
    if at_a:  # the 30 minutes' default travel: the interview at A ends by 11:00 to reach B's visit at 11:30
        assert at_a.ends_at <= time(11)
