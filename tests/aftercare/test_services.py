"""Placements and their check-ins: an offer becomes a placement with its route's follow-up plan; moving the start
date moves every pending check-in and its messages; ending the placement cancels them; the history keeps all."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from aftercare import services
from aftercare.models import CheckInStatus, FollowUpStep, PlacementStatus
from campaigns.intake import services as intake_services
from campaigns.projectweek import evaluations
from jobroad.models import Message, MessageStatus
from tests.factories import START
from tests.factories.aftercare import employer_for

BRUSSELS = ZoneInfo("Europe/Brussels")


def check_in_messages(placement, **filters):
    events = [f"checkin:{pk}" for pk in placement.check_ins.values_list("pk", flat=True)]
    return Message.objects.filter(event__in=events, **filters)


def test_an_offer_becomes_a_placement_with_its_routes_plan(world, placement):
    plan = FollowUpStep.objects.filter(route="fixed_term")
    assert plan.count() == placement.check_ins.count() == 4

    assert (placement.company, placement.route, placement.starts_on) == (world.company_a, "fixed_term", START)
    assert sorted(placement.check_ins.values_list("due_on", "audience")) == sorted(
        (START + timedelta(days=step.offset_days), step.audience) for step in plan
    )
    employer = check_in_messages(placement, template="checkin_employer", recipient_user=world.hr_a)
    assert employer.count() == plan.filter(audience="employer").count()
    assert check_in_messages(placement, template="checkin_overdue", recipient_user=world.alice).count() == plan.count()


def test_an_offer_is_placed_once_and_only_an_offer(world, published, placement):
    with pytest.raises(services.PlacementRefused):
        services.place_from_evaluation(evaluation=placement.evaluation, actor=world.alice)
    refusal = evaluations.evaluate_interview(
        interview=published[1], attendance="attended", outcome="no", actor=world.hr_a
    )
    with pytest.raises(services.PlacementRefused):
        services.place_from_evaluation(evaluation=refusal, starts_on=START, actor=world.alice)


def test_moving_the_start_moves_every_pending_check_in_and_its_messages(world, placement, time_machine):
    answered = placement.check_ins.order_by("due_on").first()
    time_machine.move_to(datetime.combine(answered.due_on, time(12), tzinfo=BRUSSELS), tick=False)
    services.answer_check_in(check_in=answered, still_working=True, actor=world.coach_a)
    before = set(check_in_messages(placement, status=MessageStatus.PENDING).values_list("pk", flat=True))

    services.change_placement(
        placement=placement, starts_on=START + timedelta(days=14), note="later", actor=world.alice
    )

    for check_in in placement.check_ins.exclude(pk=answered.pk):
        assert check_in.due_on == START + timedelta(days=14 + check_in.offset_days)
        pending = Message.objects.filter(event=f"checkin:{check_in.pk}", status=MessageStatus.PENDING)
        assert {m.due_at.date() for m in pending if m.template != "checkin_overdue"} == {check_in.due_on}
    answered.refresh_from_db()
    assert answered.due_on == START + timedelta(days=answered.offset_days)  # done stays where it was
    old = Message.objects.filter(pk__in=before)
    assert set(old.exclude(event=f"checkin:{answered.pk}").values_list("status", flat=True)) == {
        MessageStatus.CANCELLED
    }


def test_ending_cancels_every_pending_check_in_and_message_and_needs_a_reason(world, placement):
    with pytest.raises(services.PlacementRefused):
        services.change_placement(placement=placement, status=PlacementStatus.ENDED, actor=world.alice)
    assert check_in_messages(placement, status=MessageStatus.PENDING).exists()

    services.change_placement(
        placement=placement, status=PlacementStatus.ENDED, end_reason="Contract not renewed", actor=world.alice
    )

    assert set(placement.check_ins.values_list("status", flat=True)) == {CheckInStatus.CANCELLED}
    assert not check_in_messages(placement, status=MessageStatus.PENDING).exists()
    with pytest.raises(services.PlacementRefused):
        services.change_placement(placement=placement, status=PlacementStatus.ONGOING, actor=world.alice)


def test_the_history_keeps_every_state(world, placement):
    services.change_placement(placement=placement, status=PlacementStatus.STARTED, actor=world.alice)
    services.change_placement(placement=placement, route="open_ended", note="vast contract", actor=world.alice)

    history = list(placement.changes.values_list("status", "route", "note"))

    assert history == [
        ("planned", "fixed_term", ""),
        ("started", "fixed_term", ""),
        ("route_changed", "open_ended", "vast contract"),
    ]


def test_default_plans_are_given_only_to_routes_without_one(db):
    FollowUpStep.objects.all().delete()
    FollowUpStep.objects.create(route="article_60", offset_days=14, audience="employer")

    services.ensure_default_plans()

    assert list(FollowUpStep.objects.filter(route="article_60").values_list("offset_days", flat=True)) == [14]
    assert FollowUpStep.objects.filter(route="temp_work").count() == len(services.DEFAULT_PLAN)


def test_a_placement_recorded_late_still_asks_its_due_check_ins_at_the_next_nine(world, published, time_machine):
    time_machine.move_to(datetime(2027, 6, 1, 14, 0, tzinfo=BRUSSELS))
    FollowUpStep.objects.filter(route="temp_work").delete()
    FollowUpStep.objects.create(route="temp_work", offset_days=7, audience="employer")
    FollowUpStep.objects.create(route="temp_work", offset_days=30, audience="employer")
    evaluation = evaluations.evaluate_interview(
        interview=published[0], attendance="attended", outcome="offer", start_route="temp_work",
        proposed_start=date(2027, 5, 10), actor=world.hr_a,
    )  # fmt: skip

    placement = services.place_from_evaluation(
        evaluation=evaluation, employer=employer_for("temp_work"), actor=world.alice
    )

    due = {
        check_in.due_on: check_in_messages(placement, template="checkin_employer")
        .filter(event=f"checkin:{check_in.pk}")
        .get()
        .due_at
        for check_in in placement.check_ins.all()
    }
    assert due == {
        date(2027, 5, 17): datetime(2027, 6, 2, 9, 0, tzinfo=BRUSSELS),  # overdue already: tomorrow at nine
        date(2027, 6, 9): datetime(2027, 6, 9, 9, 0, tzinfo=BRUSSELS),
    }


def test_enrolling_again_is_refused_for_a_campaign_past_its_screening_and_names_it(world, placement, english):
    services.change_placement(placement=placement, status=PlacementStatus.ENDED, end_reason="Faillissement",
                              actor=world.alice)  # fmt: skip
    world.campaign_b.phase = "matching"
    world.campaign_b.save()

    with pytest.raises(intake_services.TrackRefused) as refusal:
        intake_services.enrol_again(candidate=world.candidate_a, campaign=world.campaign_b, actor=world.admin)

    assert str(refusal.value) == "Campaign B is in Matching; a candidate can join a campaign until its screening."
    assert not world.campaign_b.enrolments.filter(candidate=world.candidate_a).exists()


def test_a_placement_starts_once_even_after_a_route_change(world, placement, english):
    services.change_placement(
        placement=placement, route="temp_work", employer=employer_for("temp_work"), actor=world.alice
    )
    services.change_placement(placement=placement, status=PlacementStatus.STARTED, actor=world.alice)

    with pytest.raises(services.PlacementRefused) as refusal:
        services.change_placement(placement=placement, status=PlacementStatus.STARTED, actor=world.alice)

    assert str(refusal.value) == "This placement has already started."
    assert list(placement.changes.values_list("status", flat=True)) == ["planned", "route_changed", "started"]


# --- When a check-in can be answered -------------------------------------------------------------------------------


def test_a_check_in_cannot_be_answered_months_before_it_is_due(world, placement, english):
    """The clock stands on the evening of the interview, in April; the last employer check-in is due in August."""
    check_in = placement.check_ins.get(audience="employer", offset_days=91)

    with pytest.raises(services.CheckInRefused) as refusal:
        services.answer_check_in(check_in=check_in, still_working=True, hours_per_week=38, actor=world.hr_a)

    assert str(refusal.value) == "This check-in can be answered from 2 August 2027, shortly before it is due."
    check_in.refresh_from_db()
    assert (check_in.status, check_in.still_working, check_in.answered_at) == (CheckInStatus.PENDING, None, None)
    assert check_in_messages(placement, event=f"checkin:{check_in.pk}", status=MessageStatus.PENDING).count() == 2


def test_a_check_in_opens_the_configured_number_of_days_before_its_due_day(world, placement, settings, time_machine):
    settings.CHECK_IN_OPENS_DAYS_BEFORE = 3
    check_in = placement.check_ins.get(audience="employer", offset_days=30)
    time_machine.move_to(datetime.combine(check_in.due_on - timedelta(days=4), time(12), tzinfo=BRUSSELS))
    with pytest.raises(services.CheckInRefused):
        services.answer_check_in(check_in=check_in, still_working=True, actor=world.hr_a)

    time_machine.move_to(datetime.combine(check_in.due_on - timedelta(days=3), time(8), tzinfo=BRUSSELS))
    services.answer_check_in(check_in=check_in, still_working=True, actor=world.hr_a)

    check_in.refresh_from_db()
    assert (check_in.status, check_in.still_working, check_in.answered_by) == (CheckInStatus.DONE, True, world.hr_a)
