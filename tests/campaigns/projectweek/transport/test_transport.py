"""Transport runs from the published schedule: passengers, departure and problems on the coordinator's page,
the form, and the printed run sheet and candidate schedule."""

from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from campaigns.models import Interview
from campaigns.personal.links import personal_path
from campaigns.projectweek.transport import selectors
from campaigns.projectweek.transport.models import TransportRun
from tests.factories.campaigns import DAY
from tests.language import ENGLISH
from tests.pdftext import pdf_text

from .world import centre, centres_for, van_run


@pytest.fixture
def centres(published):
    return centres_for(published)


def test_a_run_carries_its_centres_candidates_and_leaves_before_the_first_visit(world, published, centres):
    heidebloem, _kapellen = centres
    van_run(world.campaign_a, heidebloem, travel_minutes=30, margin_minutes=15)

    with translation.override("en"):
        week = selectors.transport_week(world.campaign_a)

    (day, (run,), problems) = week.days[0]
    assert day == DAY
    assert run.departure == time(9, 15)
    assert sorted(p.first_name for p in run.passengers) == ["Amal", "Sara"]
    assert [(at, stop.company, stop.passengers) for at, stop in run.stops] == [
        (time(10), "Company A", ("Amal", "Sara"))
    ]
    assert problems == ["Yonas has no way to get to the first visit at 10:00 on Tuesday."]


def test_a_change_in_the_published_schedule_changes_the_passengers(world, published, centres):
    heidebloem, _kapellen = centres
    van_run(world.campaign_a, heidebloem, places=1)
    sara = next(i for i in published if i.enrolment.candidate.first_name == "Sara")

    with translation.override("en"):
        before = selectors.transport_week(world.campaign_a).days[0][1][0]
        Interview.objects.filter(pk=sara.pk).update(published_day=None, published_starts_at=None)
        after = selectors.transport_week(world.campaign_a).days[0][1][0]

    assert before.problems == ("The vehicle from Heidebloem on Tuesday has 1 seat for 2 passengers.",)
    assert [p.first_name for p in after.passengers] == ["Amal"]
    assert after.problems == ()


def test_the_coordinator_adds_a_run_and_sees_its_departure(client_for, world, published, centres):
    heidebloem, _kapellen = centres
    data = {
        "day": DAY.isoformat(), "reception_centre": heidebloem.pk, "mode": "public", "places": 5, "vehicle": "",
        "escort": "", "escort_name": "Marleen", "pick_up_place": "", "travel_minutes": 40, "margin_minutes": 10,
        "returns_at": "16:00", "confirmed": "1",
    }  # fmt: skip
    client = client_for(world.alice)

    response = client.post(reverse("transport_run_add", args=[world.campaign_a.pk]), data)
    page = client.get(reverse("project_week_transport", args=[world.campaign_a.pk]), headers=ENGLISH)

    run = TransportRun.objects.get()
    assert response.status_code == 302
    assert (run.mode, run.places, run.pick_up_place) == ("public", 5, "Heidestraat 3, 2000 Antwerpen")
    assert "<strong>09:10</strong>" in page.content.decode()
    assert "Yonas has no way to get to the first visit at 10:00 on Tuesday." in page.content.decode()


def test_a_wrong_run_form_says_why_and_saves_nothing(client_for, world, published, centres):
    heidebloem, _kapellen = centres
    van_run(world.campaign_a, heidebloem)
    data = {
        "day": DAY.isoformat(), "reception_centre": heidebloem.pk, "mode": "vehicle", "places": 0,
        "escort": world.alice.pk, "escort_name": "Marleen", "travel_minutes": 30, "margin_minutes": 15,
    }  # fmt: skip

    response = client_for(world.alice).post(
        reverse("transport_run_add", args=[world.campaign_a.pk]), data, headers=ENGLISH
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"places", "escort_name", "reception_centre"}
    assert "This centre already has a run that day" in response.content.decode()
    assert TransportRun.objects.count() == 1


def test_another_coordinators_run_is_a_404(client_for, world, published, centres):
    run = van_run(world.campaign_a, centres[0])

    response = client_for(world.bob).post(reverse("transport_run_delete", args=[run.pk]))

    assert response.status_code == 404
    assert TransportRun.objects.filter(pk=run.pk).exists()


def test_the_run_sheet_shows_pick_up_time_place_vehicle_and_escort(client_for, world, published, centres):
    heidebloem, _kapellen = centres
    van_run(world.campaign_a, heidebloem, travel_minutes=30, margin_minutes=15)

    response = client_for(world.alice).get(reverse("project_week_pack", args=[world.campaign_a.pk]), headers=ENGLISH)

    text = pdf_text(response.content)
    pick_ups = text[text.index("Pick-ups") :]
    row = next(line for line in pick_ups.splitlines() if "Heidebloem" in line)
    assert "09:15" in row and "Heidestraat 3" in row and "Van 1-ABC-123" in row and "Marleen" in row
    assert "Yonas has no way to get to the first visit at 10:00 on Tuesday." in text


def test_the_candidate_schedule_shows_their_pick_up_time_and_place(client_for, world, published, centres):
    heidebloem, _kapellen = centres
    van_run(world.campaign_a, heidebloem, pick_up_place="Front gate, Heidestraat 3")
    amal = next(i for i in published if i.enrolment.candidate.first_name == "Amal")
    amal.enrolment.candidate.preferred_language = "en"
    amal.enrolment.candidate.save()

    response = client_for(world.alice).get(reverse("candidate_schedule", args=[amal.enrolment_id]))

    assert "Pick-up: 09:15 · Front gate, Heidestraat 3" in pdf_text(response.content)


def page_queries(client, campaign) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("project_week_transport", args=[campaign.pk]))
    assert response.status_code == 200
    return len(queries)


def test_the_transport_page_costs_the_same_queries_for_one_run_or_many(client_for, world, published, centres):
    heidebloem, kapellen = centres
    van_run(world.campaign_a, heidebloem, escort=world.alice, escort_name="")
    client = client_for(world.alice)
    one = page_queries(client, world.campaign_a)
    van_run(world.campaign_a, kapellen, escort=world.bob, escort_name="")
    for number in range(4):
        van_run(world.campaign_a, centre(f"Centre {number}", "Straat 1"), day=DAY.replace(day=21 + number))

    many = page_queries(client, world.campaign_a)

    assert many == one


def test_the_personal_page_shows_the_pick_up_in_the_candidates_language(client, world, published, centres):
    heidebloem, _kapellen = centres
    van_run(world.campaign_a, heidebloem, pick_up_place="Front gate")
    amal = next(i for i in published if i.enrolment.candidate.first_name == "Amal")
    amal.enrolment.candidate.preferred_language = "fr"
    amal.enrolment.candidate.save()

    page = client.get(personal_path(amal.enrolment)).content.decode()

    assert '<dt>Prise en charge</dt><dd data-pickup><bdi dir="ltr">09:15</bdi> · <bdi>Front gate</bdi></dd>' in page
