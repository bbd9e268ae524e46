"""People taking the last place of a session at the same moment, on real connections in parallel threads."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import CandidateFactory
from workshops import services
from workshops.models import Audience, RegistrationStatus, Session, Workshop, WorkshopKind

RACERS = 8


@pytest.mark.django_db(transaction=True)
def test_the_last_place_of_a_session_goes_to_one_person_only(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks and concurrent writers: PostgreSQL (the CI's second run)")
    workshop = Workshop.objects.create(
        campaign=world.campaign_a, kind=WorkshopKind.LABOUR_MARKET, audience=Audience.CANDIDATES
    )
    start = timezone.now() + timedelta(days=7)
    session = services.save_session(
        session=Session(workshop=workshop, starts_at=start, ends_at=start + timedelta(hours=2), capacity=1),
        actor=world.alice,
    )
    racers = [CandidateFactory(first_name=f"R{n}", registered_by=world.intermediary_org_a) for n in range(RACERS)]
    start_together = threading.Barrier(RACERS)
    failures: list[BaseException] = []

    def take_a_place(candidate) -> None:
        start_together.wait()
        try:
            services.register(session=session, actor=world.intermediary_a, candidate=candidate)
        except BaseException as error:  # reported by the assertion below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_a_place, args=(candidate,)) for candidate in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    statuses = list(session.registrations.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.REGISTERED) == 1
    assert statuses.count(RegistrationStatus.WAITING) == RACERS - 1
