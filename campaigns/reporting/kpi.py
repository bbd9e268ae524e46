"""The figures funders ask for, computed from one plain row per person. Pure: no Django, so a hand-built data set
can be counted by hand and compared (tests/campaigns/test_kpi.py).

A person enrolled in two campaigns of the same report counts once: a stage is reached when it was reached in
any of their enrolments, and their registration is the earliest. Codes (stages, outcomes, reasons, groups) are
returned as they are; the page puts words on them.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from statistics import median

STAGES = ("registered", "screened", "selected", "proposed", "interviewed", "offer", "placed")
# How the people who were placed stand at the report's end (aftercare.models.CandidateOutcome's codes).
PLACED_OUTCOMES = (
    "permanent_job", "fixed_term_job", "temp_work", "training", "article_60", "starting", "searching", "dropped_out",
)  # fmt: skip
BREAKDOWNS = ("gender", "education_level", "nationality", "target_group", "reception_centre")
ACTIVATION_WINDOW_DAYS = 365  # the funders' aim: at work within a year of registration


@dataclass(frozen=True)
class Person:
    candidate_id: int
    registered_on: date
    gender: str = ""
    education_level: str = ""
    nationality: str = ""
    target_group: str = ""
    reception_centre: str = ""
    stages: frozenset[str] = frozenset({"registered"})  # the stages reached, "registered" included
    first_start: date | None = None  # the first placement's start: the day the person was activated
    # Placed by a campaign before enrolling in it: the dates contradict each other (a registration dated when it was
    # typed in, long after the fact). Such a person was at work, but how long after registering is unknown.
    dates_contradict: bool = False
    outcome: str | None = None  # where the person stands at the report's end
    drop_out_reason: str = ""


@dataclass
class Report:
    people: int
    funnel: list[tuple[str, int]]
    outcomes: list[tuple[str, int]]  # of the people placed
    breakdowns: dict[str, list[tuple[str, int, int]]]  # dimension → (group, registered, placed)
    activated: int
    activated_within_year: int
    median_days_to_activation: float | None
    drop_out_reasons: list[tuple[str, int]] = field(default_factory=list)
    dates_contradict: list[int] = field(default_factory=list)  # candidate ids, for the coordinator to correct

    @property
    def activation_share(self) -> float | None:
        return self.activated_within_year / self.people if self.people else None


def merge(people: Iterable[Person]) -> list[Person]:
    """One row per candidate: the stages of all their enrolments, the earliest registration and activation."""
    merged: dict[int, Person] = {}
    for person in people:
        known = merged.get(person.candidate_id)
        if known is None:
            merged[person.candidate_id] = person
            continue
        starts = [day for day in (known.first_start, person.first_start) if day]
        merged[person.candidate_id] = replace(
            known,
            registered_on=min(known.registered_on, person.registered_on),
            stages=known.stages | person.stages,
            first_start=min(starts) if starts else None,
            dates_contradict=known.dates_contradict or person.dates_contradict,
            drop_out_reason=known.drop_out_reason or person.drop_out_reason,
        )
    return sorted(merged.values(), key=lambda person: person.candidate_id)


def report(people: Iterable[Person]) -> Report:
    people = merge(people)
    placed = [person for person in people if "placed" in person.stages]
    waits = sorted(
        (person.first_start - person.registered_on).days
        for person in people
        if person.first_start and person.first_start >= person.registered_on
    )
    # At work at least once: with a start after registering, or placed though the dates say it came first. The
    # latter are counted, flagged and left out of the waiting times, never dropped.
    activated = [
        person
        for person in people
        if (person.first_start and person.first_start >= person.registered_on) or person.dates_contradict
    ]
    outcomes = Counter(person.outcome for person in placed)
    reasons = Counter(person.drop_out_reason for person in people if person.outcome == "dropped_out")
    return Report(
        people=len(people),
        funnel=[(stage, sum(stage in person.stages for person in people)) for stage in STAGES],
        outcomes=[(outcome, outcomes[outcome]) for outcome in PLACED_OUTCOMES],
        breakdowns={dimension: _breakdown(people, dimension) for dimension in BREAKDOWNS},
        activated=len(activated),
        activated_within_year=sum(wait <= ACTIVATION_WINDOW_DAYS for wait in waits),
        median_days_to_activation=median(waits) if waits else None,
        drop_out_reasons=sorted(reasons.items(), key=lambda item: (-item[1], item[0])),
        dates_contradict=[person.candidate_id for person in people if person.dates_contradict],
    )


def _breakdown(people: list[Person], dimension: str) -> list[tuple[str, int, int]]:
    registered = Counter(getattr(person, dimension) for person in people)
    placed = Counter(getattr(person, dimension) for person in people if "placed" in person.stages)
    return [(group, count, placed[group]) for group, count in sorted(registered.items(), key=lambda i: (-i[1], i[0]))]
