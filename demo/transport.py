"""Demo transport runs (issue 23, item 1): the published project week gets a pick-up for every day and reception
centre with candidates, so the transport page, the run sheet and the candidates' schedules show pick-up times.

All fictional. The first centre travels by van with the coordinator as escort, the others by bus with tickets and
a volunteer; a run already there is left as it is, so seeding twice changes nothing."""

from datetime import time

from campaigns.models import Campaign, CampaignPhase, Interview
from campaigns.projectweek.transport.models import TransportMode, TransportRun
from campaigns.projectweek.transport.services import save_transport_run
from jobroad.models import Organisation, User

VOLUNTEERS = ["Marleen (vrijwilliger)", "Johan (vrijwilliger)"]


def seed_transport(*, coordinator: User) -> None:
    campaigns = Campaign.objects.filter(phase=CampaignPhase.PROJECT_WEEK, project_week__published_at__isnull=False)
    for campaign in campaigns.order_by("pk"):
        trips = (
            Interview.objects.filter(participation__campaign=campaign, published_day__isnull=False)
            .exclude(enrolment__candidate__reception_centre=None)
            .values_list("published_day", "enrolment__candidate__reception_centre")
            .distinct()
            .order_by("published_day", "enrolment__candidate__reception_centre")
        )
        centres = {centre.pk: centre for centre in Organisation.objects.filter(pk__in={c for _d, c in trips})}
        first = min(centres, default=None)
        for number, (day, centre_pk) in enumerate(trips):
            if TransportRun.objects.filter(
                project_week__campaign=campaign, day=day, reception_centre=centre_pk
            ).exists():
                continue
            by_van = centre_pk == first
            values = {
                "day": day, "reception_centre": centres[centre_pk],
                "mode": TransportMode.VEHICLE if by_van else TransportMode.PUBLIC_TRANSPORT,
                "places": 8 if by_van else 6, "vehicle": "Busje 1-JRD-023" if by_van else "",
                "escort": coordinator if by_van else None,
                "escort_name": "" if by_van else VOLUNTEERS[number % len(VOLUNTEERS)],
                "pick_up_place": "" if by_van else "Bushalte aan de ingang", "travel_minutes": 35 if by_van else 50,
                "margin_minutes": 15, "returns_at": time(16, 30),
            }  # fmt: skip
            save_transport_run(campaign=campaign, values=values, actor=coordinator)
