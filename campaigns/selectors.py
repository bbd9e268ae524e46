"""Reads for the campaign pages: the phase timeline, the live counters against the funder's targets. The phases'
reads live in their packages."""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, IntegerField, Prefetch, Q, QuerySet
from django.utils import timezone

from candidates.models import Candidate
from candidates.selectors import candidates_found
from companies.permissions import visible_companies
from jobroad import disclosure
from jobroad.permissions import sees_small_counts

from .models import (
    PHASE_ORDER,
    Campaign,
    CampaignPhase,
    Enrolment,
    Participation,
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
    """The campaigns ``user`` sees, with the figures of ``with_counts`` to date, counts of people published as
    ``user`` may see them."""
    published = not sees_small_counts(user)
    campaigns = with_counts(visible_campaigns(user), ends_on=timezone.localdate(), published=published)
    return campaigns.order_by(*Campaign._meta.ordering)


def with_counts(
    campaigns: QuerySet[Campaign],
    *,
    starts_on: date | None = None,
    ends_on: date | None = None,
    published: bool = False,
) -> QuerySet[Campaign]:
    """``campaigns`` with ``candidate_count`` (people registered from ``starts_on`` to ``ends_on``; published
    through ``jobroad.disclosure`` when ``published``) and ``company_count`` (companies taking part: organisations,
    not people, exact for everyone). The one definition of these two figures for the home page, the campaign
    list, the campaign page and the reports' targets table, so no two of them can disagree."""
    people = PublishedCount() if published else None
    registered = registered_between(starts_on, ends_on, prefix="enrolments__")
    return campaigns.annotate(
        candidate_count=Count("enrolments", filter=registered or None, distinct=True, output_field=people),
        company_count=Count("participations", distinct=True),
    )


def enrolments_registered(
    campaigns: QuerySet[Campaign], *, starts_on: date | None = None, ends_on: date | None = None
) -> QuerySet[Enrolment]:
    """The enrolments in ``campaigns`` registered from ``starts_on`` to ``ends_on`` (the days included)."""
    return Enrolment.objects.filter(registered_between(starts_on, ends_on), campaign__in=campaigns)


def participations_of(campaigns: QuerySet[Campaign]) -> QuerySet[Participation]:
    """The companies taking part in ``campaigns``, as many as ``with_counts`` counts."""
    return Participation.objects.filter(campaign__in=campaigns)


def registered_between(starts_on: date | None, ends_on: date | None, *, prefix: str = "") -> Q:
    """Enrolled from the start of ``starts_on`` to the end of ``ends_on``, in the local time zone."""
    period = Q()
    if starts_on:
        period &= Q(**{f"{prefix}enrolled_at__gte": start_of(starts_on)})
    if ends_on:
        period &= Q(**{f"{prefix}enrolled_at__lt": start_of(ends_on + timedelta(days=1))})
    return period


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


@dataclass(frozen=True)
class CompaniesTakingPart:
    listed: list[Participation]  # those whose company the user may see
    count: int  # all of them, as the counters show

    @property
    def unlisted(self) -> int:
        return self.count - len(self.listed)


def companies_taking_part(campaign: Campaign, user) -> CompaniesTakingPart:
    """The companies in ``campaign``: the ones ``user`` may see by name, and how many there are in all.
    ``campaign`` comes annotated by ``with_counts``, so the list can never say "none" beside a count that says
    three (a funder sees the count and no name)."""
    listed = campaign.participations.filter(company__in=visible_companies(user)).select_related("company__organisation")
    return CompaniesTakingPart(listed=list(listed), count=campaign.company_count)
