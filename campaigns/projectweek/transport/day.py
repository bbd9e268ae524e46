"""Reads of the day itself: one run's stops in order (the pick-up, then each company's guided visit) with the
passengers expected at each and how the escort marked them, and whom a no-show at the pick-up leaves waiting."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import time

from ...models import Interview
from . import selectors
from .models import StopPresence, TransportRun

PICKUP = "pickup"  # the pick-up's key among a run's stops; a company's stop is its participation's pk


@dataclass(frozen=True)
class Rider:
    enrolment: int
    first_name: str
    mark: StopPresence | None = None

    @property
    def state(self) -> str:
        """ "present", "absent" or "" (not marked yet), as the page and its script read it."""
        if self.mark is None:
            return ""
        return "present" if self.mark.present else "absent"


@dataclass(frozen=True)
class DayStop:
    key: str  # PICKUP or the participation's pk
    at: time | None
    title: str  # the pick-up place or the company
    address: str
    riders: tuple[Rider, ...]


@dataclass
class RunDay:
    run: TransportRun
    departure: time | None
    stops: list[DayStop] = field(default_factory=list)
    freed: dict = field(default_factory=dict)  # enrolment pk -> [Interview] of a rider absent at the pick-up


def run_view(run: TransportRun) -> selectors.RunView | None:
    """The run as the published schedule makes it now (passengers, departure, stops)."""
    for day, views, _problems in selectors.transport_week(run.project_week.campaign).days:
        if day == run.day:
            return next((view for view in views if view.run.pk == run.pk), None)
    return None


def published_interviews(run: TransportRun, enrolments) -> list[Interview]:
    """The published interviews of ``enrolments`` on the run's day in its campaign, in time order."""
    return list(
        Interview.objects.filter(
            participation__campaign=run.project_week.campaign_id, published_day=run.day, enrolment__in=enrolments
        )
        .select_related("participation__company__organisation", "enrolment__candidate", "proposal__vacancy")
        .prefetch_related("participation__company__sites")
        .order_by("published_starts_at", "pk")
    )


def run_day(run: TransportRun) -> RunDay:
    """The run's day page: the pick-up with every passenger, then one stop per company in the order of the guided
    visits (a company's riders are those with an interview there), each rider with their mark."""
    view = run_view(run)
    if view is None or not view.passengers:
        return RunDay(run, None)
    names = {p.key: p.first_name for p in view.passengers}
    marks = {
        (m.enrolment_id, m.participation_id): m
        for m in StopPresence.objects.filter(run=run).select_related("marked_by")
    }
    day = RunDay(run, view.departure)
    day.stops.append(
        DayStop(
            PICKUP,
            view.departure,
            run.place,
            "",
            tuple(Rider(pk, name, marks.get((pk, None))) for pk, name in names.items()),
        )
    )
    interviews = published_interviews(run, list(names))
    by_company = defaultdict(set)
    for interview in interviews:
        by_company[interview.participation].add(interview.enrolment_id)
    for participation, riders in sorted(
        by_company.items(), key=lambda item: (item[0].visit_starts_at, str(item[0].company))
    ):
        site = next(iter(participation.company.sites.all()), None)
        address = site.address if site else participation.company.organisation.address
        ordered = sorted(riders, key=lambda pk: (names[pk], pk))
        day.stops.append(
            DayStop(
                str(participation.pk), participation.visit_starts_at, str(participation.company), address,
                tuple(Rider(pk, names[pk], marks.get((pk, participation.pk))) for pk in ordered),
            )
        )  # fmt: skip
    absent = {r.enrolment for r in day.stops[0].riders if r.state == "absent"}
    for interview in interviews:
        if interview.enrolment_id in absent:
            day.freed.setdefault(interview.enrolment_id, []).append(interview)
    return day


def is_stop_of(run: TransportRun, enrolment_id: int, stop: str) -> bool:
    """Whether ``stop`` is one of the rider's stops on the run: the pick-up, or a company where they have a
    published interview that day."""
    if stop == PICKUP:
        return True
    return stop.isdigit() and any(str(i.participation_id) == stop for i in published_interviews(run, [enrolment_id]))


def absent_at_pickup(run: TransportRun, enrolment_id: int) -> bool:
    return StopPresence.objects.filter(
        run=run, enrolment=enrolment_id, participation__isnull=True, present=False
    ).exists()
