"""Where a candidate stands on any day — permanent job, temp work, still searching, dropped out — derived from
their placements and enrolments, so reports never count by hand. Pure: plain facts in, a standing out; no Django.

The outcome codes are ``aftercare.models.CandidateOutcome``'s values and the routes ``PlacementRoute``'s (a test
keeps them equal).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

PERMANENT_JOB = "permanent_job"
FIXED_TERM_JOB = "fixed_term_job"
TEMP_WORK = "temp_work"
ARTICLE_60 = "article_60"
TRAINING = "training"
STARTING = "starting"  # placed, the job starts on a later day
SEARCHING = "searching"
DROPPED_OUT = "dropped_out"

OUTCOME_OF_ROUTE = {
    "open_ended": PERMANENT_JOB,
    "fixed_term": FIXED_TERM_JOB,
    "temp_work": TEMP_WORK,
    "article_60": ARTICLE_60,
    "workplace_learning": TRAINING,
    "training": TRAINING,
}
# When two placements run at once, the one closest to a permanent job says where the candidate stands.
RANK = [PERMANENT_JOB, FIXED_TERM_JOB, TEMP_WORK, ARTICLE_60, TRAINING]


@dataclass(frozen=True)
class PlacementFacts:
    placement_id: int
    starts_on: date
    ended_on: date | None
    routes: tuple[tuple[date, str], ...]  # (effective from, route) in the order they were recorded

    def route_on(self, day: date) -> str:
        current = previous = self.routes[0][1]
        for effective_on, route in self.routes:
            # Only a change of route counts: a status change repeats the route with its own date, which must not
            # bring forward a route change that takes effect later.
            if route != previous and effective_on <= day:
                current = route
            previous = route
        return current

    def runs_on(self, day: date) -> bool:
        """From the start date up to (not including) the day it ended."""
        return self.starts_on <= day and (self.ended_on is None or day < self.ended_on)


@dataclass(frozen=True)
class EnrolmentFacts:
    enrolled_on: date
    dropped_out_on: date | None = None
    reason: str = ""


@dataclass(frozen=True)
class Standing:
    outcome: str
    placement_id: int | None = None
    reason: str = ""  # why the candidate dropped out
    starts_on: date | None = None  # when a placement that has not started yet starts


def standing_on(
    day: date, placements: Iterable[PlacementFacts], enrolments: Iterable[EnrolmentFacts]
) -> Standing | None:
    """The candidate's standing on ``day``: the best placement running that day; else dropped out if their latest
    enrolment by then ended that way (and no job came after it); else placed and starting on a later day if a
    placement (not ended before it began) starts after ``day``; else still searching; ``None`` before they were ever
    enrolled or placed."""
    placements = list(placements)
    running = [
        (RANK.index(OUTCOME_OF_ROUTE[facts.route_on(day)]), facts.placement_id, facts)
        for facts in placements
        if facts.runs_on(day)
    ]
    if running:
        _rank, placement_id, facts = min(running)
        return Standing(OUTCOME_OF_ROUTE[facts.route_on(day)], placement_id=placement_id)
    enrolled = [enrolment for enrolment in enrolments if enrolment.enrolled_on <= day]
    if not enrolled and not any(facts.starts_on <= day for facts in placements):
        return None
    latest = max(enrolled, key=lambda enrolment: enrolment.enrolled_on, default=None)
    if latest is not None and latest.dropped_out_on is not None and latest.dropped_out_on <= day:
        worked_since = any(
            facts.starts_on <= day and facts.ended_on and facts.ended_on > latest.dropped_out_on for facts in placements
        )
        if not worked_since:
            return Standing(DROPPED_OUT, reason=latest.reason)
    coming = [
        (facts.starts_on, facts.placement_id)
        for facts in placements
        if facts.starts_on > day and (facts.ended_on is None or facts.ended_on > facts.starts_on)
    ]
    if coming:
        starts_on, placement_id = min(coming)
        return Standing(STARTING, placement_id=placement_id, starts_on=starts_on)
    return Standing(SEARCHING)
