"""A change to a transport run tells only the people it concerns: its passengers whose pick-up changed, their
intermediaries and the escort; never the other passengers nor another run's people."""

import pytest

from campaigns.models import Interview
from campaigns.projectweek import services as projectweek_services
from campaigns.projectweek.transport import services
from campaigns.projectweek.transport.services import FIELDS
from candidates.models import ConsentPurpose
from candidates.services import record_consent
from jobroad import channels
from jobroad.models import Message

from .world import centres_for, van_run


def told() -> list[tuple[str, str, str]]:
    """Who was told what about transport, in a stable order: (audience, about whom, address)."""
    return sorted(
        (
            m.context["audience"],
            m.context.get("candidate", ", ".join(m.context.get("passengers", []))),
            m.recipient_address,
        )
        for m in Message.objects.filter(template="transport_pickup")
    )


@pytest.fixture
def runs(world, published):
    """Heidebloem's van (Amal, Sara) escorted by alice and Kapellen's (Yonas) escorted by bob (alice reads English),
    announced; the candidates may be contacted by e-mail."""
    heidebloem, kapellen = centres_for(published)
    world.alice.language = "en"  # the escort reads English
    world.alice.save()
    for interview in published:  # each may be contacted, by e-mail
        candidate = interview.enrolment.candidate
        candidate.email = f"{candidate.first_name.lower()}@example.org"
        candidate.save()
        record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="nl")
    runs = (
        van_run(world.campaign_a, heidebloem, escort=world.alice, escort_name=""),
        van_run(world.campaign_a, kapellen, escort=world.bob, escort_name=""),
    )
    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)
    return runs


def test_the_first_publication_tells_every_passenger_their_intermediary_and_the_escorts(world, published, runs):
    amal, sara, yonas = (
        i.enrolment.candidate for i in sorted(published, key=lambda i: i.enrolment.candidate.first_name)
    )

    assert told() == sorted([
        ("candidate", "Amal", amal.email), ("candidate", "Sara", sara.email), ("candidate", "Yonas", yonas.email),
        ("intermediary", "Amal", world.intermediary_a.email), ("intermediary", "Sara", world.intermediary_a.email),
        ("intermediary", "Yonas", world.intermediary_a.email),
        ("escort", "Amal, Sara", world.alice.email), ("escort", "Yonas", world.bob.email),
    ])  # fmt: skip


def test_a_candidate_leaving_the_schedule_tells_only_them_their_intermediary_and_their_escort(world, published, runs):
    sara = next(i for i in published if i.enrolment.candidate.first_name == "Sara")
    Message.objects.all().delete()
    Interview.objects.filter(pk=sara.pk).update(day=None, starts_at=None, ends_at=None, seat=None)

    projectweek_services.publish_schedule(campaign=world.campaign_a, actor=world.alice)

    assert told() == sorted([
        ("candidate", "Sara", "sara@example.org"), ("intermediary", "Sara", world.intermediary_a.email),
        ("escort", "Amal", world.alice.email),
    ])  # fmt: skip
    message = Message.objects.get(template="transport_pickup", context__audience="candidate")
    assert message.context["aboard"] is False


def test_a_later_departure_tells_that_runs_passengers_and_escort_only(world, published, runs):
    heidebloem_run, _kapellen_run = runs
    Message.objects.all().delete()
    values = {name: getattr(heidebloem_run, name) for name in FIELDS} | {"travel_minutes": 45}

    services.save_transport_run(campaign=world.campaign_a, values=values, actor=world.alice, run=heidebloem_run)

    assert [(a, who) for a, who, _address in told()] == [
        ("candidate", "Amal"), ("candidate", "Sara"), ("escort", "Amal, Sara"),
        ("intermediary", "Amal"), ("intermediary", "Sara"),
    ]  # fmt: skip
    escort = Message.objects.get(template="transport_pickup", context__audience="escort")
    assert channels.render(escort).text.split("\n\n")[1] == (
        "The run from Heidebloem on Tuesday 20 April leaves at 09:00 from Heidestraat 3, 2000 Antwerpen, "
        "with 2 passengers: Amal, Sara."
    )


def test_saving_a_run_unchanged_tells_nobody(world, published, runs):
    heidebloem_run, _kapellen_run = runs
    Message.objects.all().delete()
    values = {name: getattr(heidebloem_run, name) for name in FIELDS}

    services.save_transport_run(campaign=world.campaign_a, values=values, actor=world.alice, run=heidebloem_run)

    assert told() == []


def test_a_new_escort_and_the_one_replaced_are_told_and_no_passenger(world, published, runs):
    heidebloem_run, _kapellen_run = runs
    Message.objects.all().delete()
    values = {name: getattr(heidebloem_run, name) for name in FIELDS} | {"escort": world.bob}

    services.save_transport_run(campaign=world.campaign_a, values=values, actor=world.alice, run=heidebloem_run)

    assert told() == [("escort", "Amal, Sara", world.bob.email), ("former_escort", "", world.alice.email)]
    former = Message.objects.get(template="transport_pickup", recipient_address=world.alice.email)
    assert former.context["successor"] == world.bob.get_full_name()


def test_a_candidate_who_reads_arabic_hears_of_the_pick_up_in_arabic_and_of_losing_it_too(world, published, runs):
    heidebloem_run, _kapellen_run = runs
    sara = next(i.enrolment.candidate for i in published if i.enrolment.candidate.first_name == "Sara")
    sara.preferred_language = "ar"
    sara.save(update_fields=["preferred_language"])
    values = {name: getattr(heidebloem_run, name) for name in FIELDS} | {"travel_minutes": 45}

    services.save_transport_run(campaign=world.campaign_a, values=values, actor=world.alice, run=heidebloem_run)
    heidebloem_run.refresh_from_db()  # what its people were told, as the page would load it
    services.delete_transport_run(run=heidebloem_run, actor=world.alice)

    to_sara = Message.objects.filter(template="transport_pickup", recipient_address=sara.email).order_by("pk")
    moved, off = (channels.render(message) for message in to_sara.filter(language="ar"))
    assert "اصطحاب" in moved.text and "اصطحاب" in off.subject  # the pick-up, and "no pick-up", in Arabic
    assert "لا يوجد اصطحاب" in off.subject and "Heidebloem" in off.text
