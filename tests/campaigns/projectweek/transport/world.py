"""Transport runs over the published week of tests/conftest.py: Amal and Sara live at Heidebloem, Yonas at
Kapellen; all three visit company A at 10:00 on DAY."""

from datetime import time

from django.utils import timezone

from campaigns.models import EvaluationWaiver, Interview, ProjectWeek
from campaigns.projectweek.transport.models import StopPresence, TransportMode, TransportRun
from candidates.models import CandidateLanguage, ConsentPurpose, ScreeningDecision
from candidates.services import record_consent
from jobroad.models import Organisation, OrganisationKind
from tests.factories import CandidateFactory
from tests.factories.campaigns import DAY, matchable


def centre(name: str, street: str) -> Organisation:
    return Organisation.objects.create(
        name=name, kind=OrganisationKind.RECEPTION_CENTRE, street=street, postal_code="2000", city="Antwerpen"
    )


def centres_for(published) -> tuple[Organisation, Organisation]:
    heidebloem, kapellen = centre("Heidebloem", "Heidestraat 3"), centre("Kapellen", "Kapelstraat 8")
    people = {i.enrolment.candidate.first_name: i.enrolment.candidate for i in published}
    for name, home in [("Amal", heidebloem), ("Sara", heidebloem), ("Yonas", kapellen)]:
        people[name].reception_centre = home
        people[name].save()
    return heidebloem, kapellen


def van_run(campaign, home, **values) -> TransportRun:
    values = {
        "mode": TransportMode.VEHICLE, "places": 8, "vehicle": "Van 1-ABC-123", "escort_name": "Marleen",
        "pick_up_place": home.address, "returns_at": time(16, 30), **values,
    }  # fmt: skip
    values.setdefault("day", DAY)
    return TransportRun.objects.create(
        project_week=ProjectWeek.objects.get(campaign=campaign), reception_centre=home, **values
    )


def run_of(campaign) -> TransportRun:
    """The campaign's one run, made on first use (for the access walks): a centre's van on DAY."""
    run = TransportRun.objects.filter(project_week__campaign=campaign).first()
    if run is None:
        ProjectWeek.objects.get_or_create(campaign=campaign)
        run = van_run(campaign, centre(f"Centre of {campaign.name}", "Heidestraat 3"))
    return run


def freed_slot(world, published_interview):
    """A published interview whose candidate was marked absent at their run's pick-up, and a reserve who fits its
    slot (for the access walks): the interview's company receives candidates that day, the week is published, the
    candidate lives at the run's centre, and the reserve speaks Dutch (no interpreter needed)."""
    interview = published_interview
    campaign = interview.participation.campaign
    participation = interview.participation
    participation.available_days = [interview.published_day.isoformat()]
    participation.save(update_fields=["available_days"])
    run = TransportRun.objects.filter(project_week__campaign=campaign, day=interview.published_day).first()
    if run is None:
        ProjectWeek.objects.get_or_create(campaign=campaign)
        run = van_run(campaign, centre(f"Day centre of {campaign.name}", "Heidestraat 5"), day=interview.published_day)
    ProjectWeek.objects.filter(campaign=campaign, published_at__isnull=True).update(published_at=timezone.now())
    candidate = interview.enrolment.candidate
    candidate.reception_centre = run.reception_centre
    candidate.save(update_fields=["reception_centre"])
    StopPresence.objects.get_or_create(
        run=run,
        enrolment=interview.enrolment,
        participation=None,
        defaults={"present": False, "marked_at": timezone.now()},
    )
    reserve = campaign.enrolments.filter(candidate__first_name="Reserve").first()
    if reserve is None:
        person = CandidateFactory(first_name="Reserve", registered_by=candidate.registered_by)
        CandidateLanguage.objects.create(candidate=person, language="nl", level="B1")
        reserve = matchable(world, person, campaign=campaign, decision=ScreeningDecision.RESERVE)
        record_consent(candidate=person, purpose=ConsentPurpose.CONTACT, actor=world.alice, language="nl")
    return run, interview, reserve


def given_to_reserve(interview):
    """The interview as a slot given to a reserve leaves it: off the schedule, waived as a no-show."""
    Interview.objects.filter(pk=interview.pk).update(
        day=None, starts_at=None, ends_at=None, seat=None, published_day=None, published_starts_at=None,
        evaluation_waived_because=EvaluationWaiver.NO_SHOW,
    )  # fmt: skip
    interview.refresh_from_db()
    return interview
