"""The escort's day page (issue 23, item 4): who sees a run's day, the stops in order, marks that arrive twice or
out of order, and the notice a no-show at the pick-up sends to the companies waiting for the candidate."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaigns.projectweek.transport.day import PICKUP, run_day
from campaigns.projectweek.transport.models import StopPresence
from jobroad import channels
from jobroad.models import Message, MessageStatus

from .day_world import day_runs, mark, rider


@pytest.fixture
def runs(world, published):
    return day_runs(world, published)


@pytest.mark.parametrize(
    ("who", "status"),
    [("coach_a", 200), ("alice", 200), ("admin", 200), ("bob", 404), ("coach_b", 404), ("hr_a", 404),
     ("intermediary_a", 404)],
)  # fmt: skip
def test_the_escort_and_the_campaigns_coordinators_see_the_day_page_and_no_one_else(client_for, world, runs, who,
                                                                                      status):  # fmt: skip
    heidebloem_run, _kapellen_run = runs

    response = client_for(getattr(world, who)).get(reverse("transport_run_day", args=[heidebloem_run.pk]))

    assert response.status_code == status


def test_bob_escorts_a_run_of_a_campaign_he_does_not_run_and_sees_only_that_one(client_for, world, runs):
    heidebloem_run, kapellen_run = runs
    client = client_for(world.bob)

    assert client.get(reverse("transport_run_day", args=[kapellen_run.pk])).status_code == 200
    assert client.get(reverse("transport_run_day", args=[heidebloem_run.pk])).status_code == 404


def test_the_day_lists_the_pick_up_with_every_passenger_then_each_company_stop(world, published, runs):
    heidebloem_run, _kapellen_run = runs

    day = run_day(heidebloem_run)

    assert [(stop.key, [r.first_name for r in stop.riders]) for stop in day.stops] == [
        (PICKUP, ["Amal", "Sara"]),
        (str(published[0].participation_id), ["Amal", "Sara"]),
    ]
    assert day.stops[0].title == heidebloem_run.place


def test_a_mark_sent_twice_is_one_record_and_keeps_who_marked_and_when(client_for, world, published, runs):
    heidebloem_run, _kapellen_run = runs
    sara = rider(published, "Sara").enrolment_id
    client = client_for(world.coach_a)
    at = timezone.now() - timedelta(minutes=3)

    first = mark(client, heidebloem_run, sara, present=True, at=at)
    again = mark(client, heidebloem_run, sara, present=True, at=at)

    presence = StopPresence.objects.get()
    assert (first.json(), again.json()) == (
        {"state": "present", "changed": True},
        {"state": "present", "changed": False},
    )
    assert (presence.enrolment_id, presence.participation_id, presence.present) == (sara, None, True)
    assert (presence.marked_by, presence.marked_at) == (world.coach_a, at)


def test_the_later_mark_on_the_phone_wins_whatever_order_they_arrive_in(client_for, world, published, runs):
    heidebloem_run, _kapellen_run = runs
    sara = rider(published, "Sara").enrolment_id
    client = client_for(world.coach_a)
    earlier = timezone.now() - timedelta(minutes=10)

    mark(client, heidebloem_run, sara, present=False, at=earlier + timedelta(minutes=5))  # the later tap, first
    late = mark(client, heidebloem_run, sara, present=True, at=earlier)  # the earlier tap, resent after it

    assert late.json() == {"state": "absent", "changed": False}
    assert list(StopPresence.objects.values_list("present", flat=True)) == [False]


def test_a_phone_clock_in_the_future_cannot_fix_a_mark_for_good(client_for, world, published, runs):
    heidebloem_run, _kapellen_run = runs
    sara = rider(published, "Sara").enrolment_id
    client = client_for(world.coach_a)

    mark(client, heidebloem_run, sara, present=False, at=timezone.now() + timedelta(days=1))

    assert StopPresence.objects.get().marked_at <= timezone.now() + timedelta(minutes=5)


def test_a_passenger_of_another_run_another_stop_or_another_campaigns_run_is_a_404(client_for, world, published,
                                                                                    runs):  # fmt: skip
    heidebloem_run, kapellen_run = runs
    yonas, sara = rider(published, "Yonas").enrolment_id, rider(published, "Sara").enrolment_id
    client = client_for(world.coach_a)

    assert mark(client, heidebloem_run, yonas, present=True).status_code == 404  # Yonas rides from Kapellen
    assert mark(client, heidebloem_run, sara, stop="999999", present=True).status_code == 404
    assert mark(client, kapellen_run, yonas, present=True).status_code == 404  # coach A does not escort it
    assert StopPresence.objects.count() == 0


def test_a_mark_without_script_returns_to_the_day_page(client_for, world, published, runs):
    heidebloem_run, _kapellen_run = runs
    sara = rider(published, "Sara")

    response = mark(client_for(world.coach_a), heidebloem_run, sara.enrolment_id, stop=str(sara.participation_id),
                    present=True, fetch=False)  # fmt: skip

    assert response.status_code == 302 and response.url == reverse("transport_run_day", args=[heidebloem_run.pk])
    assert StopPresence.objects.get().participation_id == sara.participation_id


def test_a_no_show_at_the_pick_up_tells_the_hr_of_the_company_waiting_and_no_one_else(client_for, world, published,
                                                                                       runs):  # fmt: skip
    heidebloem_run, _kapellen_run = runs
    sara = rider(published, "Sara")
    Message.objects.all().delete()

    mark(client_for(world.coach_a), heidebloem_run, sara.enrolment_id, present=False)

    notices = Message.objects.filter(template="candidate_no_show")
    assert [m.recipient_address for m in notices] == [world.hr_a.email]
    text = channels.render(notices.get()).text
    assert "Sara" in text and sara.enrolment.candidate.last_name not in text  # the first name only, as HR sees it
    assert Message.objects.exclude(template="candidate_no_show").count() == 0


def test_an_absence_at_a_company_stop_tells_nobody(client_for, world, published, runs):
    heidebloem_run, _kapellen_run = runs
    sara = rider(published, "Sara")
    Message.objects.all().delete()

    mark(client_for(world.coach_a), heidebloem_run, sara.enrolment_id, stop=str(sara.participation_id), present=False)

    assert Message.objects.count() == 0


def test_marked_present_again_before_the_notice_left_cancels_it(client_for, world, published, runs):
    heidebloem_run, _kapellen_run = runs
    sara = rider(published, "Sara").enrolment_id
    client = client_for(world.coach_a)
    now = timezone.now()

    mark(client, heidebloem_run, sara, present=False, at=now - timedelta(minutes=2))
    mark(client, heidebloem_run, sara, present=True, at=now - timedelta(minutes=1))

    assert list(Message.objects.filter(template="candidate_no_show").values_list("status", flat=True)) == [
        MessageStatus.CANCELLED
    ]


def test_the_escort_finds_the_day_page_on_the_home_page_on_the_day(client_for, world, runs, time_machine):
    heidebloem_run, _kapellen_run = runs
    time_machine.move_to(
        datetime.combine(heidebloem_run.day, datetime.min.time(), tzinfo=timezone.get_current_timezone())
        + timedelta(hours=7)
    )
    client = client_for(world.coach_a)

    on_the_day = client.get(reverse("home")).content.decode()
    time_machine.move_to(
        datetime.combine(
            heidebloem_run.day + timedelta(days=1), datetime.min.time(), tzinfo=timezone.get_current_timezone()
        )
    )
    next_day = client.get(reverse("home")).content.decode()

    link = reverse("transport_run_day", args=[heidebloem_run.pk])
    assert link in on_the_day and link not in next_day


def test_the_day_page_costs_the_same_queries_with_no_mark_or_every_mark(client_for, world, published, runs):
    heidebloem_run, _kapellen_run = runs
    client = client_for(world.coach_a)
    url = reverse("transport_run_day", args=[heidebloem_run.pk])
    client.get(url)  # sessions, caches
    with CaptureQueriesContext(connection) as unmarked:
        client.get(url)
    for interview in (rider(published, "Amal"), rider(published, "Sara")):
        for stop in (PICKUP, str(interview.participation_id)):
            mark(client, heidebloem_run, interview.enrolment_id, stop=stop, present=True)

    with CaptureQueriesContext(connection) as marked:
        page = client.get(url)

    assert page.content.decode().count("data-marked") == 4
    assert len(marked) == len(unmarked)


def test_the_transport_page_links_each_run_to_its_day_page(client_for, world, runs):
    heidebloem_run, kapellen_run = runs

    page = client_for(world.alice).get(reverse("project_week_transport", args=[world.campaign_a.pk])).content.decode()

    assert all(reverse("transport_run_day", args=[run.pk]) in page for run in (heidebloem_run, kapellen_run))
