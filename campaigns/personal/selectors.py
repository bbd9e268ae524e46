"""What a candidate's personal page shows: their appointments in one campaign, in time order. The project week's
interviews are read here; an app above adds its own kinds at start-up (``APPOINTMENTS``: workshops adds the
sessions the candidate is registered for)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote, urlencode

from django.utils import timezone

from ..models import Enrolment, Interview
from ..projectweek.documents import company_address, contact_phone
from ..projectweek.transport.selectors import transport_week
from ..selectors import coordinates


@dataclass(frozen=True)
class Appointment:
    kind: str  # "interview" or "session": which app answers for it
    pk: int
    title: str  # the company or the workshop, as it was typed
    starts_at: datetime  # an interview: the company's guided visit, which comes first
    ends_at: datetime
    address: str
    meeting_point: str
    map_url: str
    answer: str  # CandidateAnswer, "" before the candidate answered
    interview_at: datetime | None = None
    interpreter: bool = False
    pickup_at: datetime | None = None  # the transport run's departure, on the day's first visit only
    pickup_place: str = ""

    @property
    def is_past(self) -> bool:
        return self.starts_at <= timezone.now()


# Functions an app above registers: (enrolment) -> its appointments of that candidate in that campaign.
APPOINTMENTS: list[Callable[[Enrolment], list[Appointment]]] = []


def appointments(enrolment: Enrolment) -> list[Appointment]:
    found = interview_appointments(enrolment) + [a for provider in APPOINTMENTS for a in provider(enrolment)]
    return sorted(found, key=lambda appointment: (appointment.starts_at, appointment.kind, appointment.pk))


def interview_appointments(enrolment: Enrolment) -> list[Appointment]:
    """The candidate's interviews as published: what they were told, never an unpublished edit."""
    interviews = (
        Interview.objects.filter(enrolment=enrolment, published_day__isnull=False)
        .select_related("participation__company__organisation")
        .prefetch_related("participation__company__sites")
    )
    zone = timezone.get_current_timezone()
    pickups = transport_week(enrolment.campaign).pickups if interviews else {}
    found = []
    for interview in interviews:
        participation = interview.participation
        site = next(iter(participation.company.sites.all()), None)
        address = company_address(participation)
        interview_at = datetime.combine(interview.published_day, interview.published_starts_at, tzinfo=zone)
        found.append(
            Appointment(
                kind="interview",
                pk=interview.pk,
                title=str(participation.company),
                starts_at=datetime.combine(interview.published_day, participation.visit_starts_at, tzinfo=zone),
                ends_at=interview_at + timedelta(minutes=participation.slot_minutes),
                address=address,
                meeting_point=participation.meeting_point,
                map_url=map_link(coordinates(site) or coordinates(participation.company.organisation), address),
                answer=interview.candidate_answer,
                interview_at=interview_at,
                interpreter=bool(interview.interpreter),
                **_pickup(pickups.get((enrolment.pk, interview.published_day)), interview),
            )
        )
    return found


def _pickup(run, interview: Interview) -> dict:
    """The pick-up, shown with the visit the run takes the candidate to: their first that day."""
    rider = run and next((p for p in run.passengers if p.key == interview.enrolment_id), None)
    visit = interview.participation.visit_starts_at
    if not rider or run.departure is None or rider.first_visit != visit.hour * 60 + visit.minute:
        return {}
    zone = timezone.get_current_timezone()
    return {"pickup_at": datetime.combine(interview.published_day, run.departure, tzinfo=zone),
            "pickup_place": run.run.place}  # fmt: skip


def map_link(point: tuple[float, float] | None, address: str) -> str:
    """An OpenStreetMap link (a link, never an embedded map or a third party's script): the spot, else a search."""
    if point:
        latitude, longitude = point
        spot = urlencode({"mlat": latitude, "mlon": longitude})
        return f"https://www.openstreetmap.org/?{spot}#map=17/{latitude}/{longitude}"
    return f"https://www.openstreetmap.org/search?query={quote(address)}" if address else ""


def phone_to_call(enrolment: Enrolment) -> str:
    return contact_phone(enrolment.campaign)
