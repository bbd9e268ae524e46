"""Transport runs, computed (pure Python, no Django): each run's departure, its passengers and stops, and what is
wrong with it, from the runs the coordinator set up and the published schedule of one day.

Times are minutes after midnight. A passenger is a candidate of the run's reception centre with an interview
that day; the departure leaves room for the travel to the first stop and a margin before the earliest first
visit. Problems are codes with their facts; campaigns.projectweek.transport.text puts them into words.
"""

from dataclasses import dataclass, field
from datetime import date

VEHICLE = "vehicle"
PUBLIC_TRANSPORT = "public"

# Problem codes
OVER_CAPACITY = "over_capacity"  # more passengers than seats or tickets
NO_RUN = "no_run"  # a candidate whose centre has no run that day
TOO_EARLY = "too_early"  # the run would leave before candidates can leave the centre
EMPTY = "empty"  # a run nobody takes any more (the schedule changed)


@dataclass(frozen=True)
class Visit:
    company: str
    address: str
    starts: int  # the guided visit, in minutes after midnight


@dataclass(frozen=True)
class Passenger:
    key: int  # the enrolment
    first_name: str
    centre: int | None  # the reception centre (None: the candidate travels on their own)
    visits: tuple[Visit, ...]  # that day

    @property
    def first_visit(self) -> int:
        return min(visit.starts for visit in self.visits)


@dataclass(frozen=True)
class Run:
    key: int
    centre: int
    centre_name: str
    mode: str  # VEHICLE or PUBLIC_TRANSPORT
    places: int  # seats or tickets
    travel_minutes: int
    margin_minutes: int


@dataclass(frozen=True)
class Problem:
    code: str
    day: date
    centre_name: str = ""
    mode: str = ""
    places: int = 0
    passengers: int = 0
    candidate: str = ""
    at: int = 0  # a time of day in minutes: the first visit (NO_RUN), the departure (TOO_EARLY)


@dataclass(frozen=True)
class Stop:
    company: str
    address: str
    at: int  # the guided visit starts
    passengers: tuple[str, ...]  # first names of those whose visit it is


@dataclass(frozen=True)
class RunPlan:
    run: Run
    departure: int | None  # None: no passengers
    passengers: tuple[Passenger, ...]
    stops: tuple[Stop, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class DayPlan:
    day: date
    runs: tuple[RunPlan, ...]
    problems: tuple[Problem, ...] = field(default=())  # every problem of the day, the runs' ones first


def plan_run(run: Run, day: date, passengers: list[Passenger], day_starts: int) -> RunPlan:
    """One run: who rides (the passengers of its centre, by first visit then name), when it leaves, the stops in
    time order, and its problems."""
    riders = tuple(
        sorted((p for p in passengers if p.centre == run.centre), key=lambda p: (p.first_visit, p.first_name, p.key))
    )
    problems = []
    if not riders:
        return RunPlan(run, None, (), (), (Problem(EMPTY, day, run.centre_name, run.mode, run.places),))
    departure = min(p.first_visit for p in riders) - run.travel_minutes - run.margin_minutes
    if len(riders) > run.places:
        problems.append(Problem(OVER_CAPACITY, day, run.centre_name, run.mode, run.places, passengers=len(riders)))
    if departure < day_starts:
        problems.append(Problem(TOO_EARLY, day, run.centre_name, run.mode, run.places, at=departure))
    return RunPlan(run, departure, riders, _stops(riders), tuple(problems))


def _stops(riders: tuple[Passenger, ...]) -> tuple[Stop, ...]:
    names = {}
    for rider in riders:
        for visit in rider.visits:
            names.setdefault((visit.starts, visit.company, visit.address), []).append(rider.first_name)
    return tuple(
        Stop(company, address, starts, tuple(sorted(people)))
        for (starts, company, address), people in sorted(names.items())
    )


def plan_day(day: date, runs: list[Run], passengers: list[Passenger], day_starts: int) -> DayPlan:
    """Every run of one day, and each candidate of a reception centre that has no run that day (by first visit,
    then name). Candidates without a centre travel on their own and are no problem here."""
    plans = tuple(
        plan_run(run, day, passengers, day_starts) for run in sorted(runs, key=lambda r: (r.centre_name, r.key))
    )
    served = {run.centre for run in runs}
    stranded = sorted(
        (p for p in passengers if p.centre is not None and p.centre not in served),
        key=lambda p: (p.first_visit, p.first_name, p.key),
    )
    problems = [problem for plan in plans for problem in plan.problems]
    problems += [Problem(NO_RUN, day, candidate=p.first_name, at=p.first_visit) for p in stranded]
    return DayPlan(day, plans, tuple(problems))
