"""What the scheduling engine takes and gives: plain frozen dataclasses, and the codes of the blockers that say why
a request is left out. ``engine`` exposes every class here as part of its own public face."""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CompanyDay:
    company_id: int
    day: int
    site: int
    visit_start: int
    visit_minutes: int
    interviews_from: int
    interviews_until: int  # the last interview ends by then
    interviewers: int
    slot_minutes: int
    blocked: tuple[tuple[int, int], ...] = ()  # (start, end): no interviews then (lunch, a meeting)
    visit_capacity: int | None = None  # the most candidates the guided visit takes; None = no limit

    @property
    def visit_end(self) -> int:
        return self.visit_start + self.visit_minutes

    def slots(self) -> tuple[int, ...]:
        """The interview starts on this day's grid that begin after the visit, end in the window, are not blocked."""
        grid = range(self.interviews_from, self.interviews_until - self.slot_minutes + 1, self.slot_minutes)
        return tuple(
            start
            for start in grid
            if start >= self.visit_end
            and not any(start < end and begin < start + self.slot_minutes for begin, end in self.blocked)
        )


@dataclass(frozen=True)
class Block:
    """A time a candidate is not available: [start, end) on a day."""

    day: int
    start: int
    end: int


@dataclass(frozen=True)
class CandidateIn:
    id: int
    home: int  # the site the day starts from (the reception centre or home)
    group: str = ""  # the transport group travelling together; shown on run sheets, not a constraint
    interpreter: str = ""  # the language an interpreter is needed for, "" = none
    blocked: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Request:
    """A confirmed proposal to schedule: one interview of this candidate at this company."""

    id: int
    candidate_id: int
    company_id: int


@dataclass(frozen=True)
class Appointment:
    request_id: int
    day: int
    start: int  # the interview; the visit of that company-day comes with it


@dataclass(frozen=True)
class Settings:
    day_starts: int = 8 * 60  # when candidates can leave home
    default_travel: int = 30  # minutes between two sites without an entry in Problem.travel
    day_cost: int = 120  # an extra day for a candidate weighs as much as this many minutes of waiting
    time_limit: float = 10.0  # seconds for all CP-SAT stages together
    workers: int = 8  # CP-SAT needs ≥ 6 to run its LP-based subsolvers, even on 2 cores


@dataclass(frozen=True)
class Problem:
    company_days: tuple[CompanyDay, ...]
    candidates: tuple[CandidateIn, ...]
    requests: tuple[Request, ...]
    travel: Mapping[tuple[int, int], int] = field(default_factory=dict)  # (site, site) -> minutes, either order
    interpreters: Mapping[tuple[str, int], int] = field(default_factory=dict)  # (language, day) -> how many
    published: tuple[Appointment, ...] = ()  # what people were told; a re-plan changes as little of it as it can
    fixed_before: tuple[int, int] | None = None  # (day, minute): published appointments before it stay put
    pinned: tuple[Appointment, ...] = ()  # placed by a person: they stay put while their slot is open
    settings: Settings = Settings()

    def minutes(self, a: int, b: int) -> int:
        if a == b:
            return 0
        return self.travel.get((a, b), self.travel.get((b, a), self.settings.default_travel))


@dataclass(frozen=True)
class Blocker:
    """Why a request is not scheduled on one of its company's days (``day`` None: on none of them)."""

    code: str
    day: int | None = None
    params: tuple = ()


@dataclass(frozen=True)
class Drop:
    request_id: int
    blockers: tuple[Blocker, ...]


@dataclass(frozen=True)
class Stage:
    """One level of ``engine.solve``'s CP-SAT stages (waiting and HR span are one stage, reported level by level):
    whether its value is proven best or only the best found in time (``proven`` False; ``solved`` False: no
    solution at all in time), the best schedule's value at that level, and the seconds from the start of ``solve``
    until the best schedule so far was found (by this stage or one before it; the greedy start counts) and until
    the stage ended."""

    name: str  # scheduled | kept | wait | span
    proven: bool
    solved: bool
    value: int
    seconds_to_best: float
    seconds: float


@dataclass(frozen=True)
class Solution:
    method: str
    status: str  # optimal | feasible | infeasible
    appointments: tuple[Appointment, ...]
    dropped: tuple[Drop, ...]
    changed: tuple[int, ...]  # requests whose published appointment moved or was dropped
    wait: int  # minutes, summed over interviews
    candidate_days: int  # summed over candidates
    hr_span: int  # minutes, summed over company-days with interviews
    problems: tuple[str, ...] = ()  # plain English, found before solving: fixed appointments that cannot all stay
    stages: tuple[Stage, ...] = ()  # CP-SAT's stages, in order (empty for greedy)


BLOCKERS = {
    "no_day": "the company has no project-week day",
    "too_far": "the candidate cannot reach the visit in time (travel minutes, visit start)",
    "unavailable": "the candidate is not available during the visit",
    "no_interpreter": "no interpreter for the language that day (language)",
    "no_slot": "no interview slot after the visit inside the window",
    "interviewers_busy": "every slot the candidate could take is taken by other interviews",
    "candidate_busy": "the candidate's other appointments that day leave no slot (their requests)",
    "interpreters_busy": "every interpreter of the language is in another interview (language)",
    "visit_full": "the guided visit that day already takes as many candidates as it can (capacity)",
}
