"""Funder reports: the scope a user asks for (one campaign or a funding programme, over a period), the figures for
it (``campaigns.kpi``) and the tables that the page, the spreadsheets and the PDF all show.

Whoever may not see people (funder viewers) gets every count of fewer than ``SMALL_COUNT`` people suppressed — in
the tables, the shares computed from them and the charts alike, since a bar's length tells its count.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftercare.models import CandidateOutcome, Placement
from aftercare.selectors import outcomes_on
from candidates.choices import country_name
from candidates.models import EducationLevel, Gender, ScreeningDecision, ScreeningRound, TargetGroup
from candidates.models import Screening as ScreeningRow
from jobroad import permissions
from workshops.models import Registration, Session

from . import kpi
from .models import (
    Attendance,
    Campaign,
    DropOutReason,
    Enrolment,
    Evaluation,
    Interview,
    Outcome,
    Participation,
    Proposal,
    ProposalStatus,
)

SMALL_COUNT = 5
SUPPRESSED = "<5"

STAGE_LABELS = {
    "registered": gettext_lazy("Registered"),
    "screened": gettext_lazy("Screened"),
    "selected": gettext_lazy("Selected"),
    "proposed": gettext_lazy("Proposed to a company"),
    "interviewed": gettext_lazy("Interviewed"),
    "offer": gettext_lazy("Offer"),
    "placed": gettext_lazy("Placed"),
}
BREAKDOWN_TITLES = {
    "gender": gettext_lazy("By gender"),
    "education_level": gettext_lazy("By education level"),
    "nationality": gettext_lazy("By nationality"),
    "target_group": gettext_lazy("By target group"),
    "reception_centre": gettext_lazy("By reception centre"),
}


@dataclass(frozen=True)
class Scope:
    campaigns: QuerySet[Campaign]
    ends_on: date  # outcomes are read on this day
    starts_on: date | None = None
    campaign: Campaign | None = None
    programme: str = ""

    def registered(self) -> QuerySet[Enrolment]:
        enrolments = Enrolment.objects.filter(campaign__in=self.campaigns)
        if self.starts_on:
            enrolments = enrolments.filter(enrolled_at__gte=_start_of(self.starts_on))
        return enrolments.filter(enrolled_at__lt=_start_of(self.ends_on, next_day=True))

    def sessions(self) -> QuerySet[Session]:
        sessions = Session.objects.filter(workshop__campaign__in=self.campaigns, cancelled_at__isnull=True)
        if self.starts_on:
            sessions = sessions.filter(starts_at__gte=_start_of(self.starts_on))
        return sessions.filter(starts_at__lt=_start_of(self.ends_on, next_day=True))


def _start_of(day: date, *, next_day: bool = False) -> datetime:
    moment = datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())
    return moment + timedelta(days=1) if next_day else moment


def report_scope(user, *, campaign: Campaign | None, programme: str, starts_on, ends_on) -> Scope:
    """The campaigns the user may see, narrowed to one campaign or one funding programme."""
    campaigns = permissions.visible_campaigns(user)
    if campaign is not None:
        campaigns = campaigns.filter(pk=campaign.pk)
    elif programme:
        campaigns = campaigns.filter(funding_programme=programme)
    ends_on = min(ends_on or timezone.localdate(), timezone.localdate())
    return Scope(campaigns=campaigns, starts_on=starts_on, ends_on=ends_on, campaign=campaign, programme=programme)


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
    for candidate_id, starts_on in Placement.objects.filter(
        candidate__in=candidate_ids, starts_on__lte=scope.ends_on
    ).values_list("candidate", "starts_on"):
        starts[candidate_id].append(starts_on)
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
                first_start=min((day for day in starts[candidate_id] if day >= registered_on), default=None),
                outcome=standing.outcome if standing else None,
                drop_out_reason=standing.reason if standing else "",
            )
        )
    return result


# --- Tables: what every page, spreadsheet and PDF shows ------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar of a chart, in the SVG's coordinates."""

    label: str
    count: int
    y: int
    width: float  # of CHART_BAR_SPACE

    @property
    def count_x(self) -> float:
        return CHART_LABEL_SPACE + self.width + 6


CHART_LABEL_SPACE, CHART_BAR_SPACE, CHART_ROW = 190, 250, 22


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list]
    chart: list[tuple[str, int]] = field(default_factory=list)  # (label, count) bars; suppressed ones left out
    note: str = ""

    def __post_init__(self):
        # Labels come from lazy translations; spreadsheets and templates want plain text.
        self.rows = [[value if isinstance(value, int) else str(value) for value in row] for row in self.rows]
        self.headers = [str(header) for header in self.headers]

    def bars(self) -> list[Bar]:
        """The chart laid out for an SVG drawn on the server (no script, no CDN): one row per bar."""
        longest = max((count for _label, count in self.chart), default=0) or 1
        return [
            Bar(label, count, y=index * CHART_ROW, width=round(CHART_BAR_SPACE * count / longest, 1))
            for index, (label, count) in enumerate(self.chart)
        ]

    @property
    def chart_height(self) -> int:
        return len(self.chart) * CHART_ROW


class Cells:
    """Writes counts of people as a viewer may see them."""

    def __init__(self, *, suppress: bool):
        self.suppress = suppress

    def people(self, count: int):
        return SUPPRESSED if self.suppress and 0 < count < SMALL_COUNT else count

    def share(self, count: int, total: int):
        if not total or self.people(count) == SUPPRESSED:
            return "—"
        return f"{round(100 * count / total)} %"

    def bars(self, rows: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
        return [(label, count) for label, count in rows if self.people(count) != SUPPRESSED]


def report_tables(scope: Scope, *, suppress: bool) -> list[Table]:
    """Every table of the report, in the order the page shows them."""
    cells = Cells(suppress=suppress)
    figures = kpi.report(people(scope))
    return [
        targets_table(scope, cells),
        funnel_table(figures, cells),
        outcomes_table(figures, cells),
        activation_table(figures, cells),
        *(breakdown_table(figures, dimension, cells) for dimension in kpi.BREAKDOWNS),
        drop_out_table(figures, cells),
    ]


def targets_table(scope: Scope, cells: Cells) -> Table:
    sessions = scope.sessions()
    # One grouped count per column, whatever the number of campaigns.
    registered = _per_campaign(scope.registered(), "campaign")
    companies = _per_campaign(Participation.objects.filter(campaign__in=scope.campaigns), "campaign")
    held = _per_campaign(sessions, "workshop__campaign")
    attended = _per_campaign(
        Registration.objects.filter(session__in=sessions, attended=True), "session__workshop__campaign"
    )
    rows, totals = [], [0, 0, 0, 0, 0, 0, 0, 0]
    for campaign in scope.campaigns.order_by("name", "pk"):
        actual = [registered[campaign.pk], companies[campaign.pk], held[campaign.pk], attended[campaign.pk]]
        targets = [
            campaign.target_candidates,
            campaign.target_companies,
            campaign.target_workshops,
            campaign.target_workshop_attendees,
        ]
        for index, value in enumerate(actual):
            totals[2 * index] += value
            totals[2 * index + 1] += targets[index] or 0
        rows.append([campaign.name, *_against(actual, targets, cells)])
    if len(rows) > 1:
        rows.append([_("Total"), *_against(totals[0::2], totals[1::2], cells)])
    return Table(
        key="targets",
        title=_("Targets and actuals"),
        headers=[_("Campaign"), _("Candidates"), _("Companies"), _("Workshop sessions"), _("Workshop attendees")],
        rows=rows,
        note=_("Actual / target. Candidates registered and sessions held in the period."),
    )


def _per_campaign(rows: QuerySet, campaign_field: str) -> Counter:
    return Counter(dict(rows.order_by().values_list(campaign_field).annotate(count=Count("pk"))))


def _against(actual: list[int], targets: list[int | None], cells: Cells) -> list[str]:
    people_columns = (0, 3)  # candidates and attendees count people; companies and sessions do not
    shown = [cells.people(value) if index in people_columns else value for index, value in enumerate(actual)]
    return [f"{value} / {target}" if target else f"{value}" for value, target in zip(shown, targets, strict=True)]


def funnel_table(figures: kpi.Report, cells: Cells) -> Table:
    registered = figures.funnel[0][1]
    return Table(
        key="funnel",
        title=_("From registration to work"),
        headers=[_("Stage"), _("People"), _("Share of those registered")],
        rows=[
            [STAGE_LABELS[stage], cells.people(count), cells.share(count, registered)]
            for stage, count in figures.funnel
        ],
        chart=cells.bars([(str(STAGE_LABELS[stage]), count) for stage, count in figures.funnel]),
    )


def outcomes_table(figures: kpi.Report, cells: Cells) -> Table:
    placed = sum(count for _outcome, count in figures.outcomes)
    labels = dict(CandidateOutcome.choices)
    return Table(
        key="outcomes",
        title=_("Where the people placed stand"),
        headers=[_("Outcome"), _("People"), _("Share of those placed")],
        rows=[
            [labels[outcome], cells.people(count), cells.share(count, placed)] for outcome, count in figures.outcomes
        ],
        chart=cells.bars([(str(labels[outcome]), count) for outcome, count in figures.outcomes]),
        note=_("On the last day of the period."),
    )


def activation_table(figures: kpi.Report, cells: Cells) -> Table:
    median = figures.median_days_to_activation
    few = cells.people(figures.activated) == SUPPRESSED
    return Table(
        key="activation",
        title=_("Activation"),
        headers=[_("Measure"), _("Value")],
        rows=[
            [_("People registered"), cells.people(figures.people)],
            [_("People at work at least once"), cells.people(figures.activated)],
            [
                _("Median days from registration to the first start"),
                "—" if median is None or few else str(round(median)),
            ],
            [_("At work within a year of registration"), cells.people(figures.activated_within_year)],
            [_("Share at work within a year"), cells.share(figures.activated_within_year, figures.people)],
        ],
    )


def breakdown_table(figures: kpi.Report, dimension: str, cells: Cells) -> Table:
    labels = _group_labels(dimension)
    groups = [(labels(group), registered, placed) for group, registered, placed in figures.breakdowns[dimension]]
    if cells.suppress:
        # Naming a group of fewer than five can point at a person (the one nationality only they have), so
        # such groups are counted together, unnamed.
        small = [group for group in groups if group[1] < SMALL_COUNT]
        groups = [group for group in groups if group[1] >= SMALL_COUNT]
        if small:
            groups.append((_("Groups of fewer than five"), sum(g[1] for g in small), sum(g[2] for g in small)))
    return Table(
        key=dimension,
        title=str(BREAKDOWN_TITLES[dimension]),
        headers=[_("Group"), _("Registered"), _("Placed")],
        rows=[[label, cells.people(registered), cells.people(placed)] for label, registered, placed in groups],
    )


def _group_labels(dimension: str):
    choices = {
        "gender": dict(Gender.choices),
        "education_level": dict(EducationLevel.choices),
        "target_group": dict(TargetGroup.choices),
    }.get(dimension)
    if choices is not None:
        return lambda code: choices.get(code, code) or _("Not given")
    if dimension == "nationality":
        return lambda code: country_name(code) if code else _("Not given")
    return lambda name: name or _("Not given")


def drop_out_table(figures: kpi.Report, cells: Cells) -> Table:
    labels = dict(DropOutReason.choices)
    reasons = [(labels.get(reason, reason) or _("Not given"), count) for reason, count in figures.drop_out_reasons]
    if cells.suppress:
        # "Health or family reasons" next to a count of two says something about two people: pooled, unnamed.
        small = sum(count for _label, count in reasons if count < SMALL_COUNT)
        reasons = [(label, count) for label, count in reasons if count >= SMALL_COUNT]
        if small:
            reasons.append((_("Reasons given by fewer than five"), small))
    return Table(
        key="drop_outs",
        title=_("Why people dropped out"),
        headers=[_("Reason"), _("People")],
        rows=[[label, cells.people(count)] for label, count in reasons],
    )


# --- Evidence for the funder report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Activity:
    day: date
    campaign: str
    what: str
    place: str
    attendees: int | str


def activities(scope: Scope, *, suppress: bool) -> list[Activity]:
    """The evidence annex: every workshop session held in the period with its attendance, and every project-week
    day with the companies visited."""
    cells = Cells(suppress=suppress)
    sessions = (
        scope.sessions()
        .select_related("workshop__campaign")
        .annotate(attendees=Count("registrations", filter=Q(registrations__attended=True)))
    )
    found = [
        Activity(
            day=timezone.localdate(session.starts_at),
            campaign=session.workshop.campaign.name,
            what=str(session.workshop),
            place=session.place,
            attendees=cells.people(session.attendees),
        )
        for session in sessions
    ]
    return sorted(found + project_week_days(scope, cells), key=lambda activity: (activity.day, activity.campaign))


def project_week_days(scope: Scope, cells: Cells) -> list[Activity]:
    from django.db.models import Count

    days = (
        Interview.objects.filter(participation__campaign__in=scope.campaigns, published_day__isnull=False)
        .filter(
            published_day__lte=scope.ends_on, **({"published_day__gte": scope.starts_on} if scope.starts_on else {})
        )
        .values("participation__campaign__name", "published_day")
        .annotate(companies=Count("participation", distinct=True), candidates=Count("enrolment", distinct=True))
        .order_by("published_day")
    )
    return [
        Activity(
            day=row["published_day"],
            campaign=row["participation__campaign__name"],
            what=_("Project week: %(companies)s companies visited") % {"companies": row["companies"]},
            place="",
            attendees=cells.people(row["candidates"]),
        )
        for row in days
    ]
