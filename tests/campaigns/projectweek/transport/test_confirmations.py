"""Asking first (issue 23, transport fixes): once the week is published, saving or removing a run sends messages, so
a confirmation page says who will be told before anything is saved; before publication nothing is sent and nothing
is asked. And a guided visit takes at least one candidate."""

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import ProjectWeek
from campaigns.projectweek.transport.announcements import announce_transport_changes
from campaigns.projectweek.transport.models import TransportRun
from jobroad.models import Message
from tests.language import ENGLISH

from .world import centre, centres_for, van_run

FORM = ("day", "reception_centre", "mode", "places", "vehicle", "escort", "escort_name", "pick_up_place",
        "travel_minutes", "margin_minutes", "returns_at")  # fmt: skip


@pytest.fixture
def heidebloem_run(world, published):
    heidebloem, _kapellen = centres_for(published)
    run = van_run(world.campaign_a, heidebloem, escort=world.alice, escort_name="")
    announce_transport_changes(campaign=world.campaign_a, now=timezone.now())  # its people know their pick-up
    run.refresh_from_db()
    return run


def form_data(run, **changes) -> dict:
    data = {name: getattr(run, f"{name}_id", None) or getattr(run, name) for name in FORM}
    data["day"], data["returns_at"] = run.day.isoformat(), run.returns_at.strftime("%H:%M")
    return {key: "" if value is None else value for key, value in (data | changes).items()}


def test_saving_a_run_of_a_published_week_asks_first_and_says_who_is_told(client_for, world, heidebloem_run):
    client = client_for(world.alice)
    Message.objects.all().delete()

    response = client.post(reverse("transport_run_edit", args=[heidebloem_run.pk]),
                           form_data(heidebloem_run, places=3, escort=world.bob.pk), headers=ENGLISH)  # fmt: skip

    page = response.content.decode()
    print(page[page.find("data-run-audience") :][:800])
    assert response.status_code == 200
    assert "Up to 2 passengers, by SMS or e-mail in their own language." in page  # Amal and Sara
    assert "Up to 1 person of their intermediaries." in page
    assert f"The escort: {world.alice.get_full_name()}, {world.bob.get_full_name()}." in page
    assert TransportRun.objects.get().places == 8 and Message.objects.count() == 0


def test_the_confirmed_save_saves_and_tells(client_for, world, heidebloem_run):
    client = client_for(world.alice)
    Message.objects.all().delete()

    response = client.post(reverse("transport_run_edit", args=[heidebloem_run.pk]),
                           form_data(heidebloem_run, places=3, escort=world.bob.pk, confirmed="1"))  # fmt: skip

    assert response.status_code == 302
    assert TransportRun.objects.get().escort == world.bob
    assert sorted(Message.objects.values_list("recipient_address", flat=True)) == [world.alice.email, world.bob.email]


def test_removing_a_run_of_a_published_week_asks_first_then_removes(client_for, world, heidebloem_run):
    client = client_for(world.alice)
    url = reverse("transport_run_delete", args=[heidebloem_run.pk])

    asked = client.post(url, headers=ENGLISH)
    kept = TransportRun.objects.count()
    removed = client.post(url, {"confirmed": "1"})

    assert asked.status_code == 200 and "Remove the run and tell them" in asked.content.decode()
    assert kept == 1
    assert removed.status_code == 302 and TransportRun.objects.count() == 0


def test_before_publication_a_run_is_removed_without_asking(client_for, world, week):
    heidebloem = centres_for_unpublished(world)
    run = van_run(world.campaign_a, heidebloem)

    response = client_for(world.alice).post(reverse("transport_run_delete", args=[run.pk]))

    assert response.status_code == 302 and TransportRun.objects.count() == 0


def centres_for_unpublished(world):
    ProjectWeek.objects.get_or_create(campaign=world.campaign_a)
    return centre("Heidebloem", "Heidestraat 3")


@pytest.mark.parametrize(("capacity", "accepted"), [("0", False), ("1", True)])
def test_a_guided_visit_takes_at_least_one_candidate(client_for, world, capacity, accepted):
    participation = world.campaign_a.participations.get()
    data = {"visit_capacity": capacity, "interviewers": "1", "slot_minutes": "30", "meeting_point": ""}

    response = client_for(world.alice).post(reverse("participation_edit", args=[participation.pk]), data,
                                            headers=ENGLISH)  # fmt: skip

    participation.refresh_from_db()
    assert (participation.visit_capacity == int(capacity)) == accepted
    assert ("A guided visit takes at least one candidate." in response.content.decode()) != accepted
