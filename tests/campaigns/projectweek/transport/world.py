"""Transport runs over the published week of tests/conftest.py: Amal and Sara live at Heidebloem, Yonas at
Kapellen; all three visit company A at 10:00 on DAY."""

from datetime import time

from campaigns.models import ProjectWeek
from campaigns.projectweek.transport.models import TransportMode, TransportRun
from jobroad.models import Organisation, OrganisationKind
from tests.factories.campaigns import DAY


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
