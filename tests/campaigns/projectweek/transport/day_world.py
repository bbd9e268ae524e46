"""The day itself over the published week of tests/conftest.py: Heidebloem's van (Amal, Sara) escorted by coach A, a
JobRoad staff member who coordinates nothing; Kapellen's van (Yonas) escorted by bob. Reserves are candidates of
campaign A screened "reserve" who may share their profile and be contacted by SMS."""

from datetime import datetime

from django.urls import reverse

from campaigns.projectweek.transport.day import PICKUP
from candidates.models import CandidateLanguage, ConsentPurpose, ScreeningDecision
from candidates.services import record_consent
from tests.factories import CandidateFactory
from tests.factories.campaigns import matchable

from .world import centres_for, van_run


def day_runs(world, published):
    heidebloem, kapellen = centres_for(published)
    heidebloem_run = van_run(world.campaign_a, heidebloem, escort=world.coach_a, escort_name="")
    kapellen_run = van_run(world.campaign_a, kapellen, escort=world.bob, escort_name="")
    return heidebloem_run, kapellen_run


def rider(published, name: str):
    """The published interview of the candidate called ``name``."""
    return next(i for i in published if i.enrolment.candidate.first_name == name)


def reserve(world, first_name: str, *, language: str = "ar", phone: str = "+32470111222", decision=None):
    candidate = CandidateFactory(
        first_name=first_name, last_name="Reserve", registered_by=world.intermediary_org_a, preferred_language=language,
        phone=phone, email="",
    )  # fmt: skip
    # Dutch enough for an interview without an interpreter (none is booked); their messages are in their own language.
    CandidateLanguage.objects.create(candidate=candidate, language="nl", level="B1")
    enrolment = matchable(world, candidate, decision=decision or ScreeningDecision.RESERVE)
    record_consent(candidate=candidate, purpose=ConsentPurpose.CONTACT, actor=world.alice, language=language)
    return enrolment


def mark(client, run, enrolment_id: int, *, stop: str = PICKUP, present: bool, at: datetime | None = None, fetch=True):
    data = {"enrolment": enrolment_id, "stop": stop, "present": "1" if present else "0"}
    if at is not None:
        data["marked_at"] = at.isoformat()
    headers = {"X-Requested-With": "fetch"} if fetch else {}
    return client.post(reverse("transport_run_mark", args=[run.pk]), data, headers=headers)
