from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from candidates.models import ConsentPurpose
from candidates.services import record_consent
from jobroad.models import Message, MessageStatus
from tests.factories import CandidateFactory
from workshops import services
from workshops.models import Audience, RegistrationStatus, Session, Workshop, WorkshopKind


@pytest.fixture
def session(world):
    workshop = Workshop.objects.create(
        campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES
    )
    start = timezone.now() + timedelta(days=7)
    session = Session(
        workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=3), place="Centrum", capacity=2
    )
    return services.save_session(session=session, actor=world.alice)


def candidates(world, n):
    return [CandidateFactory(first_name=f"C{i}", registered_by=world.intermediary_org_a) for i in range(n)]


def statuses(session):
    return [(r.display_name, r.status) for r in session.registrations.order_by("registered_at", "id")]


def test_a_full_session_puts_newcomers_on_the_waiting_list_in_order(world, session):
    for candidate in candidates(world, 4):
        services.register(session=session, actor=world.intermediary_a, candidate=candidate)

    registered, waiting = RegistrationStatus.REGISTERED, RegistrationStatus.WAITING
    assert [status for _, status in statuses(session)] == [registered, registered, waiting, waiting]


def test_a_cancellation_gives_the_place_to_the_first_on_the_waiting_list(world, session):
    first, second, third, fourth = [
        services.register(session=session, actor=world.alice, candidate=c) for c in candidates(world, 4)
    ]

    services.cancel_registration(registration=first, actor=world.alice)

    assert statuses(session) == [
        (str(first.candidate), RegistrationStatus.CANCELLED),
        (str(second.candidate), RegistrationStatus.REGISTERED),
        (str(third.candidate), RegistrationStatus.REGISTERED),
        (str(fourth.candidate), RegistrationStatus.WAITING),
    ]


def test_more_places_take_people_from_the_waiting_list(world, session):
    for candidate in candidates(world, 3):
        services.register(session=session, actor=world.alice, candidate=candidate)

    session.capacity = 5
    services.save_session(session=session, actor=world.alice)

    assert {status for _, status in statuses(session)} == {RegistrationStatus.REGISTERED}


def test_nobody_is_registered_twice(world, session):
    services.register(session=session, actor=world.alice, candidate=world.candidate_a)

    with pytest.raises(ValidationError):
        services.register(session=session, actor=world.alice, candidate=world.candidate_a)

    assert session.registrations.count() == 1


def test_a_cancelled_registration_can_register_again(world, session):
    registration = services.register(session=session, actor=world.alice, candidate=world.candidate_a)
    services.cancel_registration(registration=registration, actor=world.alice)

    again = services.register(session=session, actor=world.alice, candidate=world.candidate_a)

    assert (again.pk, again.status) == (registration.pk, RegistrationStatus.REGISTERED)


def test_attendance_keeps_who_marked_it(world, session):
    registration = services.register(session=session, actor=world.alice, candidate=world.candidate_a)

    services.mark_attendance(registration=registration, attended=True, actor=world.alice)

    registration.refresh_from_db()
    assert (registration.attended, registration.attendance_marked_by) == (True, world.alice)


def test_someone_on_the_waiting_list_cannot_be_marked_present(world, session):
    registrations = [services.register(session=session, actor=world.alice, candidate=c) for c in candidates(world, 3)]

    with pytest.raises(ValidationError):
        services.mark_attendance(registration=registrations[2], attended=True, actor=world.alice)


def contactable(world, **contact):
    candidate = CandidateFactory(first_name="Sara", registered_by=world.intermediary_org_a, **contact)
    record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.intermediary_a, language="nl")
    return candidate


def pending(session):
    return sorted(
        (m.recipient_address, m.due_at)
        for m in Message.objects.filter(event=session.event_key, status=MessageStatus.PENDING)
    )


def test_a_registered_candidate_and_the_intermediary_get_reminders_two_days_and_two_hours_before(world, session):
    services.register(session=session, actor=world.alice, candidate=contactable(world, email="sara@example.org"))

    assert pending(session) == [
        ("intermediary.a@example.org", session.starts_at - timedelta(days=2)),
        ("sara@example.org", session.starts_at - timedelta(days=2)),
        ("sara@example.org", session.starts_at - timedelta(hours=2)),
    ]


def test_a_candidate_without_consent_to_be_contacted_gets_no_reminder(world, session):
    services.register(session=session, actor=world.alice, candidate=world.candidate_a)

    assert [address for address, _ in pending(session)] == ["intermediary.a@example.org"]


def test_moving_a_session_moves_its_reminders(world, session):
    services.register(session=session, actor=world.alice, candidate=contactable(world, phone="+32 470 12 34 56"))

    session.starts_at += timedelta(days=1)
    session.ends_at += timedelta(days=1)
    services.save_session(session=session, actor=world.alice)

    assert pending(session) == [
        ("+32 470 12 34 56", session.starts_at - timedelta(days=2)),
        ("+32 470 12 34 56", session.starts_at - timedelta(hours=2)),
        ("intermediary.a@example.org", session.starts_at - timedelta(days=2)),
    ]


def test_cancelling_a_session_or_a_registration_cancels_the_reminders(world, session):
    registration = services.register(
        session=session, actor=world.alice, candidate=contactable(world, email="sara@example.org")
    )
    services.cancel_registration(registration=registration, actor=world.alice)
    assert pending(session) == []

    services.register(session=session, actor=world.alice, candidate=registration.candidate)
    services.cancel_session(session=session, actor=world.alice)

    assert pending(session) == []
    with pytest.raises(ValidationError):
        services.register(session=session, actor=world.alice, candidate=world.candidate_a)
