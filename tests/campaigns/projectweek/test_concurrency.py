"""Two coordinators moving interviews into the same free slot at the same moment, on real connections."""

import threading
from datetime import time

import pytest
from django.db import connection

from campaigns.models import Interview
from campaigns.projectweek import services as projectweek_services
from tests.factories import DAY

RACERS = 2


@pytest.mark.django_db(transaction=True)
def test_one_free_slot_goes_to_one_interview_only(world, week):
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks and concurrent writers: PostgreSQL (the CI's second run)")
    participation, _proposals = week
    participation.interviews_until = time(12, 30)  # three slots: 11:00, 11:30, 12:00
    participation.save()
    projectweek_services.generate_schedule(campaign=world.campaign_a, actor=world.alice)
    Interview.objects.filter(starts_at=time(12)).update(day=None, starts_at=None, ends_at=None, seat=None)
    movers = list(Interview.objects.filter(day__isnull=False))
    start_together = threading.Barrier(RACERS)
    outcomes: list[object] = []

    def move(interview) -> None:
        start_together.wait()
        try:
            projectweek_services.move_interview(interview=interview, day=DAY, starts_at=time(12), actor=world.alice)
            outcomes.append("moved")
        except projectweek_services.ScheduleRefused as refusal:
            outcomes.append(refusal)
        except BaseException as error:  # reported by the assertion below
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(interview,)) for interview in movers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("moved") == 1
    assert [type(o) for o in outcomes if o != "moved"] == [projectweek_services.ScheduleRefused]
    assert Interview.objects.filter(day=DAY, starts_at=time(12)).count() == 1
