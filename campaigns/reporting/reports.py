"""Funder reports, the reads: the scope a user asks for (one campaign or a funding programme, over a period) and the
people in it with the stages they reached, which ``campaigns.reporting.kpi`` turns into figures and
``campaigns.reporting.tables`` into what the page, the spreadsheets and the PDF show.

Whoever may not see people (funder viewers) gets periods of whole months, quarters or campaigns
(``funder_periods``), never a day range of their choosing; ``tables`` publishes their counts of people.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, F, Min, OuterRef, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from aftercare.models import Placement
from aftercare.selectors import outcomes_on
from candidates.models import Screening as ScreeningRow
from candidates.models import ScreeningDecision, ScreeningRound
from jobroad.permissions import sees_small_counts
from workshops.models import Session
from workshops.selectors import sessions_held

from ..models import (
    Attendance,
    Campaign,
    Enrolment,
    Evaluation,
    FundingProgramme,
    Outcome,
    Proposal,
    ProposalStatus,
)
from ..permissions import visible_campaigns
from ..selectors import enrolments_registered
from . import kpi


@dataclass(frozen=True)
class Scope:
    campaigns: QuerySet[Campaign]
    ends_on: date  # outcomes are read on this day
    starts_on: date | None = None
    campaign: Campaign | None = None
    programme: FundingProgramme | None = None

    def registered(self) -> QuerySet[Enrolment]:
        return enrolments_registered(self.campaigns, starts_on=self.starts_on, ends_on=self.ends_on)

    def sessions(self) -> QuerySet[Session]:
        return sessions_held(self.campaigns, starts_on=self.starts_on, ends_on=self.ends_on)


def report_scope(user, *, campaign: Campaign | None, programme: FundingProgramme | None, starts_on, ends_on) -> Scope:
    """The campaigns the user may see, narrowed to one campaign or one funding programme. For whoever does not see
    small counts the period is widened to whole months, whatever the caller asks: a day more or less would
    otherwise tell the registrations of that day (a second line of defence behind ``FunderReportFilterForm``,
    which only offers whole periods)."""
    campaigns = visible_campaigns(user)
    if campaign is not None:
        campaigns = campaigns.filter(pk=campaign.pk)
    elif programme:
        campaigns = campaigns.filter(programme=programme)
    if not sees_small_counts(user):
        starts_on = starts_on and _month_start(starts_on)
        ends_on = ends_on and _month_end(ends_on)
    ends_on = min(ends_on or timezone.localdate(), timezone.localdate())
    return Scope(
        campaigns=campaigns, starts_on=starts_on, ends_on=ends_on, campaign=campaign, programme=programme or None
    )


@dataclass(frozen=True)
class Period:
    """A period a funder viewer may ask for: a whole quarter or month (``key`` "2026-Q3", "2026-09"), or
    everything to date (``key`` "")."""

    key: str
    label: str
    kind: str  # "all", "quarter" or "month"
    starts_on: date | None = None
    ends_on: date | None = None


def funder_periods(campaigns: QuerySet[Campaign], today: date) -> list[Period]:
    """Everything to date, then every quarter and every month from the first registration in ``campaigns`` to
    today, newest first. A funder chooses among these and never gives days: the fewer the periods, the fewer the
    reports to subtract from each other (``jobroad.disclosure`` says why rounding is needed as well)."""
    first = Enrolment.objects.filter(campaign__in=campaigns).aggregate(first=Min("enrolled_at"))["first"]
    first = timezone.localdate(first) if first else today
    quarters = _months_between(first.replace(month=first.month - (first.month - 1) % 3), today)[::3]
    return [
        Period(key="", label=_("Everything to date"), kind="all"),
        *(_quarter(start) for start in reversed(quarters)),
        *(_month(start) for start in reversed(_months_between(first, today))),
    ]


def _quarter(start: date) -> Period:
    number = start.month // 3 + 1
    label = _("Quarter %(quarter)s %(year)s") % {"quarter": number, "year": start.year}
    return Period(
        f"{start.year}-Q{number}", label, "quarter", starts_on=start, ends_on=_month_end(start + timedelta(days=62))
    )


def _month(start: date) -> Period:
    label = date_format(start, "YEAR_MONTH_FORMAT")
    return Period(f"{start:%Y-%m}", label, "month", starts_on=start, ends_on=_month_end(start))


def _months_between(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s to ``last``'s."""
    months, month = [], _month_start(first)
    while month <= last:
        months.append(month)
        month = _month_end(month) + timedelta(days=1)
    return months


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


PERSON_FIELDS = ("gender", "education_level", "nationality", "target_group")  # the breakdowns, besides the centre


def people(scope: Scope) -> list[kpi.Person]:
    """One row per enrolment in the scope, with the stages it reached — in a fixed number of queries."""
    enrolment = OuterRef("pk")
    placed_here = Placement.objects.filter(candidate=OuterRef("candidate"), campaign=OuterRef("campaign"))
    evaluations = Evaluation.objects.filter(interview__enrolment=enrolment)
    rows = (
        scope.registered()
        .annotate(
            screened=Exists(
                ScreeningRow.objects.filter(enrolment=enrolment, round=ScreeningRound.FIRST).exclude(decision="")
            ),
            selected=Exists(
                ScreeningRow.objects.filter(
                    enrolment=enrolment, round=ScreeningRound.FIRST, decision=ScreeningDecision.SELECTED
                )
            ),
            proposed=Exists(Proposal.objects.filter(enrolment=enrolment, status=ProposalStatus.CONFIRMED)),
            interviewed=Exists(evaluations.filter(attendance=Attendance.ATTENDED)),
            offer=Exists(evaluations.filter(outcome=Outcome.OFFER)),
            placed=Exists(placed_here),
        )
        # Values, not model instances: a report reads a handful of fields of thousands of enrolments.
        .values(
            "candidate_id",
            "campaign_id",
            "enrolled_at",
            *kpi.STAGES[1:],
            **{field: F(f"candidate__{field}") for field in PERSON_FIELDS},
            reception_centre=F("candidate__reception_centre__name"),
        )
    )
    rows = list(rows)
    candidate_ids = {row["candidate_id"] for row in rows}
    # Activation is the first start after this registration, by the period's end: neither a job held before
    # enrolling again nor one that has yet to start counts.
    starts = defaultdict(list)
    for candidate_id, campaign_id, starts_on in Placement.objects.filter(
        candidate__in=candidate_ids, starts_on__lte=scope.ends_on
    ).values_list("candidate", "campaign", "starts_on"):
        starts[candidate_id].append((campaign_id, starts_on))
    standings = outcomes_on(candidate_ids, scope.ends_on)
    result = []
    for row in rows:
        candidate_id, standing = row["candidate_id"], standings[row["candidate_id"]]
        reached = {stage for stage in kpi.STAGES[1:] if row[stage]}
        registered_on = timezone.localdate(row["enrolled_at"])
        result.append(
            kpi.Person(
                candidate_id=candidate_id,
                registered_on=registered_on,
                gender=row["gender"],
                education_level=row["education_level"],
                nationality=row["nationality"],
                target_group=row["target_group"],
                reception_centre=row["reception_centre"] or "",
                stages=frozenset({"registered", *reached}),
                first_start=min((day for _campaign, day in starts[candidate_id] if day >= registered_on), default=None),
                # A start before enrolling is a job held before, unless this very campaign placed them.
                dates_contradict=any(
                    campaign == row["campaign_id"] and day < registered_on for campaign, day in starts[candidate_id]
                ),
                outcome=standing.outcome if standing else None,
                drop_out_reason=standing.reason if standing else "",
            )
        )
    return result
