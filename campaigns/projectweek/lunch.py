"""Lunch in the project week: how many to feed per day and place. Each person counts once a day, at the first place
they go — a candidate at their first guided visit, an escort at their run's first stop, an interpreter at their
first interview — and each company's interviewers at their own place.

Dietary needs are special-category data (a diet can tell a religion): only those a candidate chose to give
(``Candidate.dietary_need``), only as counts, only on the coordinators' run sheet — never on a company's page or
day sheet, never in an export."""

from collections import Counter
from dataclasses import dataclass, field

from candidates.choices import DietaryNeed


@dataclass
class LunchPlace:
    participation: object
    address: str
    candidates: int = 0
    escorts: int = 0
    interpreters: int = 0
    hosts: int = 0
    diets: Counter = field(default_factory=Counter)  # DietaryNeed value -> how many

    @property
    def total(self) -> int:
        return self.candidates + self.escorts + self.interpreters + self.hosts

    def dietary_needs(self) -> list[tuple[str, int]]:
        labels = dict(DietaryNeed.choices)
        return [(str(labels[need]), self.diets[need]) for need in DietaryNeed.values if self.diets[need]]


def lunch_places(companies, first_places: dict, runs, sheets) -> list[LunchPlace]:
    """``companies``: the day's (participation, address, interviews); ``first_places``: candidate -> the
    participation of their first visit; ``runs``: the day's transport runs (RunView); ``sheets``: the day's
    interpreter day sheets."""
    places = {p.pk: LunchPlace(p, address, hosts=p.interviewers) for p, address, _interviews in companies}
    by_name = {str(place.participation.company): place for place in places.values()}
    for candidate, participation in first_places.items():
        place = places[participation.pk]
        place.candidates += 1
        if candidate.dietary_need:
            place.diets[candidate.dietary_need] += 1
    for view in runs:
        if view.run.escort_display and view.plan.stops and view.plan.stops[0].company in by_name:
            by_name[view.plan.stops[0].company].escorts += 1
    for sheet in sheets:
        if sheet.interviews and sheet.interviews[0].participation_id in places:
            places[sheet.interviews[0].participation_id].interpreters += 1
    return list(places.values())
