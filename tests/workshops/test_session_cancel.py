"""Cancelling a session asks first and says what will happen: how many pending reminders will not be sent, to
whom, and what becomes of the registrations; it cancels only with the numbers the coordinator saw (issue 19,
item 7)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import ConsentPurpose
from candidates.services import record_consent
from jobroad.models import Message, MessageStatus
from tests.factories import CandidateFactory, set_phase
from tests.language import ENGLISH
from workshops import selectors, services
from workshops.models import Audience, Session, Workshop, WorkshopKind


def contactable(world, first_name, organisation, **contact):
    candidate = CandidateFactory(first_name=first_name, registered_by=organisation, **contact)
    record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="nl")
    return candidate


@pytest.fixture
def session(world):
    """A session in a week with three places: Sara (e-mail, intermediary A) and Noor (phone, intermediary B) get
    two reminders each, Amal (no consent to be contacted) none, each intermediary one; Omar waits."""
    workshop = Workshop.objects.create(
        campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES
    )
    start = timezone.now() + timedelta(days=7)
    session = services.save_session(
        session=Session(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Centrum",
                        capacity=3),
        actor=world.alice,
    )  # fmt: skip
    for candidate in (
        contactable(world, "Sara", world.intermediary_org_a, email="sara@example.org"),
        contactable(world, "Noor", world.intermediary_org_b, phone="+32 470 12 34 56"),
        world.candidate_a,
        CandidateFactory(first_name="Omar", registered_by=world.intermediary_org_a),
    ):
        services.register(session=session, candidate=candidate, actor=world.alice)
    return session


def url(session) -> str:
    return reverse("session_cancel", kwargs={"pk": session.pk})


def statuses(session) -> list[str]:
    return sorted(Message.objects.filter(event=session.event_key).values_list("status", flat=True))


def is_cancelled(session) -> bool:
    return Session.objects.get(pk=session.pk).cancelled_at is not None


AS_SEEN = {"reminders": "6", "registered": "3", "waiting": "1", "notices": "4"}


def test_the_page_names_the_reminders_that_will_not_be_sent_and_what_becomes_of_the_registrations(
    client_for, world, session
):
    page = client_for(world.alice).get(url(session), headers=ENGLISH).content.decode()

    assert selectors.session_cancellation(session) == selectors.SessionCancellation(
        reminders=6, attendees=2, intermediaries=2, registered=3, waiting=1,
        notices=4, notified_attendees=2, notified_intermediaries=2,
    )  # fmt: skip
    assert "6 pending reminders will not be sent" in page and "2 attendees" in page and "2 intermediaries" in page
    assert "3 people are registered" in page and "1 on the waiting list" in page
    assert "their registrations are kept as history" in page
    assert "4 messages will go out now to say that the session is cancelled" in page
    assert all(f'name="{name}" value="{value}"' in page for name, value in AS_SEEN.items())


def test_a_post_without_the_confirmation_cancels_nothing(client_for, world, session):
    response = client_for(world.alice).post(url(session), AS_SEEN)

    assert response.url == url(session)
    assert not is_cancelled(session)
    assert statuses(session) == [MessageStatus.PENDING] * 6


def test_cancelling_cancels_exactly_the_reminders_the_page_counted(client_for, world, session):
    response = client_for(world.alice).post(url(session), AS_SEEN | {"confirm": "yes"})

    assert response.url == reverse("session_detail", kwargs={"pk": session.pk})
    assert is_cancelled(session)
    assert statuses(session) == [MessageStatus.CANCELLED] * 6
    assert sorted(session.registrations.values_list("status", flat=True)) == ["registered"] * 3 + ["waiting"]
    notices = Message.objects.filter(template="workshop_cancelled", status=MessageStatus.PENDING)
    noor = session.registrations.get(candidate__first_name="Noor").candidate
    assert sorted(notices.values_list("recipient_address", flat=True)) == sorted(
        ["sara@example.org", noor.phone, world.intermediary_a.email, world.intermediary_b.email]
    )
    assert {n.expires_at for n in notices} == {session.starts_at}  # never after the session would have begun


def test_a_session_that_has_begun_is_cancelled_without_telling_anyone(client_for, world, session, time_machine):
    time_machine.move_to(session.starts_at + timedelta(minutes=5))
    outline = selectors.session_cancellation(session)

    services.cancel_session(session=session, actor=world.alice)

    assert outline.notices == 0
    assert not Message.objects.filter(template="workshop_cancelled").exists()


def test_cancelling_with_a_stale_count_does_nothing(client_for, world, session):
    client = client_for(world.alice)
    client.get(url(session))
    lina = contactable(world, "Lina", world.intermediary_org_a, email="lina@example.org")
    services.register(session=session, actor=world.alice, candidate=lina)

    response = client.post(url(session), AS_SEEN | {"confirm": "yes"}, headers=ENGLISH)

    assert response.url == url(session)
    assert not is_cancelled(session)
    assert statuses(session) == [MessageStatus.PENDING] * 6  # Lina waits: no place, no reminder
    page = client.get(url(session), headers=ENGLISH).content.decode()
    assert "Nothing was cancelled" in page and "2 on the waiting list" in page


def test_the_page_says_before_any_post_why_the_phase_closes_it(client_for, world, session):
    set_phase(world.campaign_a, "project_week")
    client = client_for(world.alice)

    page = client.get(url(session), headers=ENGLISH).content.decode()
    client.post(url(session), AS_SEEN | {"confirm": "yes"})

    assert "data-phase-refusal" in page and 'name="confirm"' not in page
    assert not is_cancelled(session)
    assert statuses(session) == [MessageStatus.PENDING] * 6


def test_a_cancelled_session_is_not_cancelled_again(client_for, world, session):
    services.cancel_session(session=session, actor=world.alice)
    cancelled_at = Session.objects.get(pk=session.pk).cancelled_at
    client = client_for(world.alice)

    page = client.get(url(session), headers=ENGLISH).content.decode()
    client.post(url(session), {"reminders": "0", "registered": "3", "waiting": "1", "notices": "0", "confirm": "yes"})

    assert "This session was cancelled." in page and 'name="confirm"' not in page
    assert Session.objects.get(pk=session.pk).cancelled_at == cancelled_at


def test_the_session_page_links_to_the_confirmation_instead_of_cancelling(client_for, world, session):
    page = client_for(world.alice).get(reverse("session_detail", kwargs={"pk": session.pk})).content.decode()

    assert f'href="{url(session)}" data-cancel-session' in page
    assert f'action="{url(session)}"' not in page
