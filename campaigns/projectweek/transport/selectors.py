"""Reads of the transport runs: each run with its passengers and stops as the published schedule makes them, and
the problems of each day in words."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time

from jobroad.models import Role
from jobroad.selectors import members

from ...models import Campaign, Enrolment, Interview
from ..inputs import project_week
from . import engine, text
from .models import TransportRun


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _time(minutes: int) -> time:
    minutes = min(max(minutes, 0), 24 * 60 - 1)
    return time(minutes // 60, minutes % 60)


@dataclass(frozen=True)
class RunView:
    run: TransportRun
    plan: engine.RunPlan
    problems: tuple[str, ...]

    @property
    def departure(self) -> time | None:
        return None if self.plan.departure is None else _time(self.plan.departure)

    @property
    def passengers(self) -> tuple[engine.Passenger, ...]:
        return self.plan.passengers

    @property
    def stops(self) -> list[tuple[time, engine.Stop]]:
        return [(_time(stop.at), stop) for stop in self.plan.stops]


@dataclass
class TransportWeek:
    days: list = field(default_factory=list)  # [(day, [RunView], [problem in words])]
    pickups: dict = field(default_factory=dict)  # (enrolment pk, day) -> RunView

    @property
    def problems(self) -> int:
        return sum(len(problems) for _day, _runs, problems in self.days)


def _passengers(campaign: Campaign) -> dict[date, list[engine.Passenger]]:
    """Per published day, each candidate with an interview that day and their guided visits, as published."""
    interviews = (
        Interview.objects.filter(participation__campaign=campaign, published_day__isnull=False)
        .select_related("participation__company__organisation", "enrolment__candidate")
        .prefetch_related("participation__company__sites")
        .order_by("published_day", "enrolment_id", "pk")
    )
    visits = defaultdict(dict)  # day -> enrolment -> [Visit]
    candidates = {}
    for interview in interviews:
        participation = interview.participation
        site = next(iter(participation.company.sites.all()), None)
        address = site.address if site else participation.company.organisation.address
        visit = engine.Visit(str(participation.company), address, _minutes(participation.visit_starts_at))
        visits[interview.published_day].setdefault(interview.enrolment_id, []).append(visit)
        candidates[interview.enrolment_id] = interview.enrolment.candidate
    return {
        day: [
            engine.Passenger(pk, candidates[pk].first_name, candidates[pk].reception_centre_id, tuple(v))
            for pk, v in sorted(people.items())
        ]
        for day, people in visits.items()
    }


def transport_runs(campaign: Campaign):
    return TransportRun.objects.filter(project_week__campaign=campaign).select_related("reception_centre", "escort")


def transport_week(campaign: Campaign) -> TransportWeek:
    """Every day with a published interview or a run: its runs (departure, passengers, stops, problems) and the
    day's problems in words, with which run picks up which candidate on which day."""
    passengers = _passengers(campaign)
    runs = defaultdict(list)
    for run in transport_runs(campaign):
        runs[run.day].append(run)
    day_starts = _minutes(project_week(campaign).day_starts_at)
    week = TransportWeek()
    for day in sorted(set(passengers) | set(runs)):
        by_key = {run.pk: run for run in runs[day]}
        plan = engine.plan_day(day, [run.as_engine_run() for run in runs[day]], passengers.get(day, []), day_starts)
        views = [
            RunView(by_key[p.run.key], p, tuple(text.explain(problem) for problem in p.problems)) for p in plan.runs
        ]
        week.days.append((day, views, [text.explain(problem) for problem in plan.problems]))
        for view in views:
            for passenger in view.passengers:
                week.pickups[passenger.key, day] = view
    return week


@dataclass(frozen=True)
class Audience:
    """Who may hear of a run being saved or removed once the week is published (the confirmation page says it)."""

    passengers: int
    intermediaries: int  # people, of the passengers' registering organisations
    escorts: tuple[str, ...]  # the escort, and the one replaced


def audience_of_change(
    campaign: Campaign, run: TransportRun | None, day: date, centre_id: int, *, escorts: list
) -> Audience:
    """The passengers the run has or would have (the centre's candidates with a published interview that day, and
    those last told of the run), their intermediaries, and ``escorts`` (the escort before and after the change)."""
    riders = {p.key for p in _passengers(campaign).get(day, []) if p.centre == centre_id}
    if run is not None:
        riders |= set((run.announced or {}).get("passengers", []))
    organisations = set(Enrolment.objects.filter(pk__in=riders).values_list("candidate__registered_by_id", flat=True))
    people = members(Role.INTERMEDIARY, *organisations).count() if organisations else 0
    names = [user.get_full_name() for user in escorts if user is not None]
    return Audience(len(riders), people, tuple(dict.fromkeys(names)))
