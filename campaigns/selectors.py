"""Reads for the campaign pages: the phase timeline, the live counters against the funder's targets. The phases'
reads live in their packages."""

import math
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, Prefetch, QuerySet
from django.utils import timezone

from candidates.models import Candidate
from candidates.selectors import candidates_found
from jobroad import disclosure
from jobroad.permissions import sees_small_counts

from .models import (
    PHASE_ORDER,
    Campaign,
    CampaignPhase,
    Enrolment,
)
from .permissions import visible_campaigns


@dataclass(frozen=True)
class TimelineStep:
    phase: CampaignPhase
    starts_on: date | None
    ends_on: date | None
    is_current: bool
    is_done: bool


def phase_timeline(campaign: Campaign) -> list[TimelineStep]:
    """Every phase in order with its planned dates, the current one marked."""
    plans = {plan.phase: plan for plan in campaign.phase_plans.all()}
    current = PHASE_ORDER.index(campaign.phase)
    return [
        TimelineStep(
            phase=phase,
            starts_on=plans[phase].starts_on if phase in plans else None,
            ends_on=plans[phase].ends_on if phase in plans else None,
            is_current=index == current,
            is_done=index < current,
        )
        for index, phase in enumerate(PHASE_ORDER)
    ]


def project_week_start(campaign: Campaign) -> date:
    """The day legal access is checked on: the first planned project-week day, or today while none is planned."""
    plan = campaign.phase_plans.filter(phase=CampaignPhase.PROJECT_WEEK).first()
    return plan.starts_on if plan else timezone.localdate()


def estimated_commute_minutes(origin: tuple[float, float], destination: tuple[float, float]) -> int:
    """Door to door by public transport, estimated from the distance as the crow flies: 10 minutes to reach a
    stop, then 2 minutes a kilometre (≈ 30 km/h with changes). Coarse, but only compared against a limit."""
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (origin, destination))
    chord = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    kilometres = 2 * 6371 * math.asin(math.sqrt(chord))
    return round(10 + 2 * kilometres)


def coordinates(row) -> tuple[float, float] | None:
    if row is None or row.latitude is None or row.longitude is None:
        return None
    return float(row.latitude), float(row.longitude)


def visible_enrolments(user) -> Prefetch:
    """Each candidate's enrolments in the campaigns ``user`` may see, newest first, as ``visible_enrolments``."""
    enrolments = (
        Enrolment.objects.filter(campaign__in=visible_campaigns(user))
        .select_related("campaign")
        .order_by("-enrolled_at")
    )
    return Prefetch("enrolments", queryset=enrolments, to_attr="visible_enrolments")


def candidates_with_progress(user, *, query: str = "") -> QuerySet[Candidate]:
    """The candidates ``user`` may see, each with its enrolments in the campaigns ``user`` may see (campaign
    and phase), its consent state and what legal access needs: a fixed number of queries for any page."""
    return candidates_found(user, query=query).prefetch_related(visible_enrolments(user))


class PublishedCount(IntegerField):
    """A count of people read from the database as ``disclosure.published`` shows it (hidden or rounded), so no
    page, whatever its template, can show the exact one to whoever may not see small counts."""

    def from_db_value(self, value, expression, connection):
        return disclosure.published(value or 0)


def campaigns_with_counts(user) -> QuerySet[Campaign]:
    """The campaigns ``user`` sees, with ``candidate_count`` (people, published as ``user`` may see them) and
    ``company_count`` (organisations, not people: exact for everyone)."""
    people = None if sees_small_counts(user) else PublishedCount()
    return (
        visible_campaigns(user)
        .annotate(
            candidate_count=Count("enrolments", distinct=True, output_field=people),
            company_count=Count("participations", distinct=True),
        )
        .order_by(*Campaign._meta.ordering)
    )
