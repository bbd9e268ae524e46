"""What every page, spreadsheet and PDF of a funder report shows: its tables (``report_tables``) and the evidence
annex (``activities``), from the scope and people ``campaigns.reporting.reports`` reads.

Whoever may not see people (funder viewers) gets every count of people as ``jobroad.disclosure`` publishes it:
small counts hidden, the cells from which one could be worked out hidden too, the rest rounded to a multiple of
five — in the tables, the shares computed from them and the charts alike, since a bar's length tells its count.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftercare.models import CandidateOutcome
from candidates.choices import country_name
from candidates.models import EducationLevel, Gender, TargetGroup
from jobroad import disclosure
from jobroad.disclosure import HIDDEN, SMALL_COUNT
from workshops.selectors import NO_OUTREACH, outreach_by, sum_outreach

from ..models import DropOutReason, Interview
from ..selectors import with_counts
from . import kpi
from .reports import Scope, people

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
class Bar:
    """One bar of a chart, in the SVG's coordinates."""

    label: str
    count: int | str  # as shown: HIDDEN_BAR for a hidden count
    y: int
    width: float  # of CHART_BAR_SPACE

    @property
    def count_x(self) -> float:
        return CHART_LABEL_SPACE + self.width + 6

    @property
    def is_hidden(self) -> bool:
        return self.count == HIDDEN_BAR


CHART_LABEL_SPACE, CHART_BAR_SPACE, CHART_ROW = 190, 250, 22
# A hidden count still gets its bar, so the chart shows every category the table does: marked "<5" and of one fixed
# width, which tells nothing of the count (nor of the counts it could be worked out from).
HIDDEN_BAR, HIDDEN_BAR_WIDTH = "<5", 8


@dataclass(frozen=True)
class Cell:
    """A cell of a table as a page shows it; ``figure`` names a figure that other pages show too (``data-figure``),
    with ``value`` its count as shown."""

    text: str | int
    figure: str = ""
    value: str | int = ""


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list]
    chart: list[tuple[str, int | str]] = field(default_factory=list)  # (label, count as shown) bars
    note: str = ""
    # Names for ``data-figure``: one per row (a stage, a measure, a campaign) and one per column after the first.
    row_keys: list[str] = field(default_factory=list)
    column_keys: list[str] = field(default_factory=list)
    values: list[list] = field(default_factory=list)  # the counts shown where a cell says more ("5 / 25")
    flagged: list[int] = field(default_factory=list)  # candidates whose dates contradict: for coordinators only

    def __post_init__(self):
        # Labels come from lazy translations; spreadsheets and templates want plain text.
        self.rows = [[value if isinstance(value, int) else str(value) for value in row] for row in self.rows]
        self.headers = [str(header) for header in self.headers]

    def cells(self) -> list[list[Cell]]:
        """The rows with each figure named ``<table>.<row>.<column>``, for the pages' ``data-figure``."""
        if not self.row_keys or not self.column_keys:
            return [[Cell(text) for text in row] for row in self.rows]
        values = self.values or self.rows
        return [
            [Cell(row[0])]
            + [
                Cell(text, f"{self.key}.{row_key}.{column_key}", value)
                for text, value, column_key in zip(row[1:], value_row[1:], self.column_keys, strict=True)
            ]
            for row, value_row, row_key in zip(self.rows, values, self.row_keys, strict=True)
        ]

    def bars(self) -> list[Bar]:
        """The chart laid out for an SVG drawn on the server (no script, no CDN): one row per bar."""
        longest = max((count for _label, count in self.chart if isinstance(count, int)), default=0) or 1
        return [
            Bar(label, HIDDEN_BAR, y=index * CHART_ROW, width=HIDDEN_BAR_WIDTH)
            if count == HIDDEN
            else Bar(label, count, y=index * CHART_ROW, width=round(CHART_BAR_SPACE * count / longest, 1))
            for index, (label, count) in enumerate(self.chart)
        ]

    @property
    def has_hidden_bars(self) -> bool:
        return any(count == HIDDEN for _label, count in self.chart)

    @property
    def chart_height(self) -> int:
        return len(self.chart) * CHART_ROW


class Cells:
    """Writes counts of people as a viewer may see them: exact for those who see people, published through
    ``jobroad.disclosure`` for everyone else. Shares and bars are drawn from the counts as shown."""

    def __init__(self, *, suppress: bool):
        self.suppress = suppress

    def people(self, count: int) -> int | str:
        """A count that adds up with no other count shown (a stage of the funnel, a total)."""
        return disclosure.published(count) if self.suppress else count

    def column(self, counts: Sequence[int]) -> list[int | str]:
        """Counts that add up to a total shown too: one hidden alone would be that total minus the others."""
        return disclosure.published_column(counts) if self.suppress else list(counts)

    def table(self, grid: Sequence[Sequence[int]]) -> list[list[int | str]]:
        """Rows whose columns each add up to a total shown too (a breakdown's registered and placed)."""
        return disclosure.published_table(grid) if self.suppress else [list(row) for row in grid]

    @staticmethod
    def share(shown: int | str, total: int | str) -> str:
        return disclosure.published_share(shown, total)

    @staticmethod
    def bars(rows: Sequence[tuple[str, int | str]]) -> list[tuple[str, int | str]]:
        """Every row gets its bar, a hidden count too (``Table.bars`` draws it without telling its size)."""
        return list(rows)


def report_tables(scope: Scope, *, suppress: bool) -> list[Table]:
    """Every table of the report, in the order the page shows them."""
    from .employers import employer_tables  # build on this module's Table and Cells
    from .interpreting import interpreting_table

    cells = Cells(suppress=suppress)
    figures = kpi.report(people(scope))
    return [
        targets_table(scope, cells),
        funnel_table(figures, cells),
        outcomes_table(figures, cells),
        activation_table(figures, cells),
        *(breakdown_table(figures, dimension, cells) for dimension in kpi.BREAKDOWNS),
        drop_out_table(figures, cells),
        *employer_tables(scope, cells),
        interpreting_table(scope, cells),
    ]


TARGET_FIGURES = (
    "candidates", "companies", "workshop_sessions",
    "residents_reached", "residents_candidates", "company_people", "workshop_companies",
)  # as the campaign page's  # fmt: skip
# Of the targets table: candidates, residents reached, of whom candidates and company people count people; companies
# and sessions do not. Residents and company people are never added up into one number of attendees.
PEOPLE_COLUMNS = (0, 3, 4, 5)
TARGET_HEADERS = (
    gettext_lazy("Candidates"), gettext_lazy("Companies"), gettext_lazy("Workshop sessions"),
    gettext_lazy("Residents reached"), gettext_lazy("Of whom registered candidates"),
    gettext_lazy("People from companies at workshops"), gettext_lazy("Companies at workshops"),
)  # fmt: skip
WORKSHOP_COMPANIES = 6


def targets_table(scope: Scope, cells: Cells) -> Table:
    # The figures of the campaign page (``with_counts``, ``outreach``), one grouped count per column.
    campaigns = list(
        with_counts(scope.campaigns, starts_on=scope.starts_on, ends_on=scope.ends_on).order_by("name", "pk")
    )
    reached = outreach_by(scope.sessions())
    outreaches = [reached.get(campaign.pk, NO_OUTREACH) for campaign in campaigns]
    actuals = [
        [c.candidate_count, c.company_count, o.workshops, o.residents, o.candidates, o.company_people, o.companies]
        for c, o in zip(campaigns, outreaches, strict=True)
    ]
    targets = [
        [campaign.target_candidates, campaign.target_companies, campaign.target_workshops,
         campaign.target_workshop_attendees, None, None, None]
        for campaign in campaigns
    ]  # fmt: skip
    shown = list(zip(campaigns, _shown_per_campaign(actuals, cells), targets, strict=True))
    rows = [[campaign.name, *_against(actual, target)] for campaign, actual, target in shown]
    values = [[campaign.name, *actual] for campaign, actual, _target in shown]
    row_keys = [str(campaign.pk) for campaign in campaigns]
    if len(rows) > 1:
        totals = [sum(column) for column in zip(*actuals, strict=True)]
        totals[WORKSHOP_COMPANIES] = sum_outreach(outreaches).companies  # a company at two actions' workshops is one
        total_targets = [sum(target or 0 for target in column) for column in zip(*targets, strict=True)]
        shown_totals = [cells.people(total) if index in PEOPLE_COLUMNS else total for index, total in enumerate(totals)]
        rows.append([_("Total"), *_against(shown_totals, total_targets)])
        values.append([_("Total"), *shown_totals])
        row_keys.append("total")
    return Table(
        key="targets",
        title=_("Targets and actuals"),
        headers=[_("Campaign"), *(str(header) for header in TARGET_HEADERS)],
        rows=rows,
        note=_(
            "Actual / target. Candidates registered and sessions held in the period. Residents reached: the "
            "registered candidates present at workshops for residents and the residents counted there without a name."
        ),
        row_keys=row_keys,
        column_keys=list(TARGET_FIGURES),
        values=values,
    )


def _per_campaign(rows: QuerySet, campaign_field: str) -> Counter:
    return Counter(dict(rows.order_by().values_list(campaign_field).annotate(count=Count("pk"))))


def _shown_per_campaign(actuals: list[list[int]], cells: Cells) -> list[list[int | str]]:
    """The campaigns' actuals as shown. Their counts of people add up to the total row (and to the report of the
    funding programme), so each such column is protected as a whole."""
    columns = [
        cells.column(column) if index in PEOPLE_COLUMNS else list(column)
        for index, column in enumerate(zip(*actuals, strict=True))
    ]
    return [list(row) for row in zip(*columns, strict=True)] if actuals else []


def _against(shown: list[int | str], targets: list[int | None]) -> list[str]:
    return [f"{value} / {target}" if target else f"{value}" for value, target in zip(shown, targets, strict=True)]


def funnel_table(figures: kpi.Report, cells: Cells) -> Table:
    # The stages are nested, not parts of a whole: no count of them is another's remainder.
    shown = [(stage, cells.people(count)) for stage, count in figures.funnel]
    registered = shown[0][1]
    return Table(
        key="funnel",
        title=_("From registration to work"),
        headers=[_("Stage"), _("People"), _("Share of those registered")],
        rows=[[STAGE_LABELS[stage], count, cells.share(count, registered)] for stage, count in shown],
        chart=cells.bars([(str(STAGE_LABELS[stage]), count) for stage, count in shown]),
        row_keys=[stage for stage, _count in shown],
        column_keys=["people", "share"],
    )


def outcomes_table(figures: kpi.Report, cells: Cells) -> Table:
    placed = cells.people(sum(count for _outcome, count in figures.outcomes))
    labels = dict(CandidateOutcome.choices)
    outcomes = [outcome for outcome, _count in figures.outcomes]
    shown = list(zip(outcomes, cells.column([count for _outcome, count in figures.outcomes]), strict=True))
    return Table(
        key="outcomes",
        title=_("Where the people placed stand"),
        headers=[_("Outcome"), _("People"), _("Share of those placed")],
        rows=[[labels[outcome], count, cells.share(count, placed)] for outcome, count in shown],
        chart=cells.bars([(str(labels[outcome]), count) for outcome, count in shown]),
        note=_("On the last day of the period."),
        row_keys=outcomes,
        column_keys=["people", "share"],
    )


def activation_table(figures: kpi.Report, cells: Cells) -> Table:
    median = figures.median_days_to_activation
    registered, activated = cells.people(figures.people), cells.people(figures.activated)
    within_year = cells.people(figures.activated_within_year)
    return Table(
        key="activation",
        title=_("Activation"),
        headers=[_("Measure"), _("Value")],
        rows=[
            [_("People registered"), registered],
            [_("People at work at least once"), activated],
            [
                _("Median days from registration to the first start"),
                "—" if median is None or activated == HIDDEN else str(round(median)),
            ],
            [_("At work within a year of registration"), within_year],
            [_("Share at work within a year"), cells.share(within_year, registered)],
            [_("Dates contradict: placed before the registration date"), cells.people(len(figures.dates_contradict))],
        ],
        note=_(
            "People whose placement started before the date of their registration are counted as at work, but "
            "not in the days to the first start."
        ),
        row_keys=["registered", "at_work", "median_days", "within_year", "share_within_year", "dates_contradict"],
        column_keys=["value"],
        flagged=[] if cells.suppress else figures.dates_contradict,
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
    # Each column adds up to the funnel's registered and placed.
    shown = cells.table([[registered, placed] for _label, registered, placed in groups])
    return Table(
        key=dimension,
        title=str(BREAKDOWN_TITLES[dimension]),
        headers=[_("Group"), _("Registered"), _("Placed")],
        rows=[[label, *counts] for (label, _registered, _placed), counts in zip(groups, shown, strict=True)],
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
    shown = cells.column([count for _label, count in reasons])
    return Table(
        key="drop_outs",
        title=_("Why people dropped out"),
        headers=[_("Reason"), _("People")],
        rows=[[label, count] for (label, _count), count in zip(reasons, shown, strict=True)],
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
    day with the companies visited and the people interviewed."""
    cells = Cells(suppress=suppress)
    sessions = list(scope.sessions().select_related("workshop__campaign"))
    # Per session, the residents or company people it reached (``outreach``: named and counted without a name).
    reached = outreach_by(scope.sessions(), key="pk")
    counts = [reached.get(session.pk, NO_OUTREACH) for session in sessions]
    # The sessions' people add up to the targets table's: one hidden alone would be the rest of that total.
    attendees = cells.column([count.residents + count.company_people for count in counts])
    found = [
        Activity(
            day=timezone.localdate(session.starts_at),
            campaign=session.workshop.campaign.name,
            what=_session_activity(session, count),
            place=session.place,
            attendees=shown,
        )
        for session, count, shown in zip(sessions, counts, attendees, strict=True)
    ]
    return sorted(found + project_week_days(scope, cells), key=lambda activity: (activity.day, activity.campaign))


def _session_activity(session, reached) -> str:
    if session.workshop.for_candidates:
        return _("%(workshop)s (residents)") % {"workshop": session.workshop}
    return _("%(workshop)s (companies: %(companies)s)") % {"workshop": session.workshop, "companies": reached.companies}


def project_week_days(scope: Scope, cells: Cells) -> list[Activity]:
    days = list(
        Interview.objects.filter(participation__campaign__in=scope.campaigns, published_day__isnull=False)
        .filter(
            published_day__lte=scope.ends_on, **({"published_day__gte": scope.starts_on} if scope.starts_on else {})
        )
        .values("participation__campaign__name", "published_day")
        .annotate(companies=Count("participation", distinct=True), candidates=Count("enrolment", distinct=True))
        .order_by("published_day")
    )
    candidates = cells.column([row["candidates"] for row in days])
    return [
        Activity(
            day=row["published_day"],
            campaign=row["participation__campaign__name"],
            what=_("Project week: %(companies)s companies visited") % {"companies": row["companies"]},
            place="",
            attendees=shown,
        )
        for row, shown in zip(days, candidates, strict=True)
    ]
