"""A funding programme's targets against what its actions did, per calendar year and over the whole period, with a
simple linear projection to the end of each: the programme page and its funder PDF.

Two halves. ``progress`` is the arithmetic, pure (dates and numbers in, lines out), so it is counted by hand in
tests/campaigns/reporting/test_programmes.py without a database. ``programme_progress`` gathers the figures: the
actions (campaigns) that started in each span, their people through ``reports.people`` and ``kpi`` (the report's own
definitions of placed and at work within a year), and what their workshop sessions reached through
``workshops.selectors.outreach``.

Whoever may not see people (funder viewers) gets every count of people published by ``jobroad.disclosure`` before
the arithmetic sees it: the projection, the status words and the shares are all worked out from the published
figures, and no difference (target minus actual) is ever shown, so nothing tells a suppressed count.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobroad.disclosure import published_share
from workshops.selectors import outreach, sessions_held

from ..models import Campaign, FundingProgramme, Participation
from . import kpi
from .reports import Scope, people
from .tables import Cells

# The status of a line, in words on the page.
REACHED, ON_TRACK, BEHIND, NOT_STARTED, UNKNOWN = "reached", "on_track", "behind", "not_started", "unknown"
STATUS_LABELS = {
    REACHED: _("reached"),
    ON_TRACK: _("on track"),
    BEHIND: _("behind"),
    NOT_STARTED: _("not started"),
    UNKNOWN: _("too few to tell"),
}
LINE_LABELS = {
    "actions": _("Actions (campaigns started)"),
    "candidates_per_action": _("Candidates per action"),
    "people": _("People in all (candidates enrolled)"),
    "company_workshops": _("Workshops for companies"),
    "resident_workshops": _("Workshops for residents"),
    "companies": _("Companies reached"),
    "residents": _("Residents reached"),
    "share_placed": _("Share placed"),
    "share_activated": _("Share at work within a year"),
}
COUNTS = ("actions", "people", "company_workshops", "resident_workshops", "companies", "residents")
PEOPLE = ("people", "residents", "placed", "activated")  # counts of people: published for funder viewers


@dataclass(frozen=True)
class Targets:
    """The programme's targets, for the whole period (``actions_per_year`` and ``candidates_per_action`` as the
    contract gives them)."""

    actions_per_year: int | None = None
    candidates_per_action: int | None = None
    people: int | None = None
    company_workshops: int | None = None
    resident_workshops: int | None = None
    companies: int | None = None
    residents: int | None = None
    share_placed: int | None = None  # %
    share_activated: int | None = None  # %

    @classmethod
    def of(cls, programme: FundingProgramme) -> "Targets":
        return cls(
            actions_per_year=programme.target_actions_per_year,
            candidates_per_action=programme.target_candidates_per_action,
            people=programme.target_people,
            company_workshops=programme.target_company_workshops,
            resident_workshops=programme.target_resident_workshops,
            companies=programme.target_companies_reached,
            residents=programme.target_residents_reached,
            share_placed=programme.target_share_placed,
            share_activated=programme.target_share_activated,
        )


@dataclass(frozen=True)
class Span:
    """A calendar year of the programme (clipped to its period), or the whole period (``key`` "all")."""

    key: str
    starts_on: date
    ends_on: date

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    def elapsed(self, today: date) -> float:
        """The share of the span gone by on ``today``, today included: 0 before it starts, 1 once it is over."""
        if today < self.starts_on:
            return 0.0
        return min(1.0, ((today - self.starts_on).days + 1) / self.days)


@dataclass(frozen=True)
class Actuals:
    """What the actions of a span did, as the viewer may see it: a count of people may be ``HIDDEN``."""

    actions: int = 0
    people: int | str = 0
    company_workshops: int = 0
    resident_workshops: int = 0
    companies: int = 0
    residents: int | str = 0
    placed: int | str = 0
    activated: int | str = 0  # at work within a year of registering


@dataclass(frozen=True)
class Line:
    key: str
    target: int | None
    actual: int | str  # a count, ``HIDDEN``, or a share as text ("40 %")
    projected: int | None  # to the span's end, for counts of a span still running
    status: str  # REACHED, ON_TRACK, BEHIND, NOT_STARTED, UNKNOWN, or "" without a target

    @property
    def label(self) -> str:
        return str(LINE_LABELS[self.key])

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status]) if self.status else ""


@dataclass(frozen=True)
class SpanProgress:
    span: Span
    lines: list[Line]

    @property
    def label(self) -> str:
        return str(_("Whole period")) if self.span.key == "all" else self.span.key

    @property
    def behind(self) -> list[Line]:
        return [line for line in self.lines if line.status == BEHIND]

    def line(self, key: str) -> Line:
        return next(line for line in self.lines if line.key == key)


def spans(starts_on: date, ends_on: date) -> list[Span]:
    """Every calendar year of the period, clipped to it, then the whole period."""
    years = [
        Span(str(year), max(starts_on, date(year, 1, 1)), min(ends_on, date(year, 12, 31)))
        for year in range(starts_on.year, ends_on.year + 1)
    ]
    return [*years, Span("all", starts_on, ends_on)]


def span_targets(targets: Targets, span: Span, period: Span) -> dict[str, int | None]:
    """The targets of one span. Whole-period targets are spread over the period by the share of a year the span is
    (a year of a three-year programme gets a third, half a year a sixth); actions per year likewise; people, when the
    contract gives no total, are the actions times the candidates per action. Shares and candidates per action hold
    for every span alike."""
    period_years = period.days / 365.25
    span_years = period_years if span.key == "all" else span.days / (366 if _is_leap(span.starts_on.year) else 365)
    share = span_years / period_years
    actions = targets.actions_per_year and round(targets.actions_per_year * span_years)
    whole_people = targets.people or (
        targets.actions_per_year
        and targets.candidates_per_action
        and round(targets.actions_per_year * period_years) * targets.candidates_per_action
    )

    def spread(total: int | None) -> int | None:
        return round(total * share) if total else None

    return {
        "actions": actions or None,
        "candidates_per_action": targets.candidates_per_action,
        "people": spread(whole_people or None),
        "company_workshops": spread(targets.company_workshops),
        "resident_workshops": spread(targets.resident_workshops),
        "companies": spread(targets.companies),
        "residents": spread(targets.residents),
        "share_placed": targets.share_placed,
        "share_activated": targets.share_activated,
    }


def progress(targets: Targets, span: Span, period: Span, actuals: Actuals, *, today: date) -> SpanProgress:
    """Targets against actuals for one span. A count is projected linearly to the span's end (so far ÷ the share of
    the span gone by) and is on track when the projection reaches the target; a span that is over is judged on
    what it did. A share or an average is judged as it stands. A hidden count cannot be judged."""
    goals = span_targets(targets, span, period)
    elapsed = span.elapsed(today)
    lines = [_count_line(key, goals[key], getattr(actuals, key), elapsed) for key in COUNTS]
    per_action = (
        round(actuals.people / actuals.actions) if isinstance(actuals.people, int) and actuals.actions else None
    )
    # With no action yet there is nothing to average: no figure and no word, the actions' line says it.
    per_action_goal = goals["candidates_per_action"] if actuals.actions else None
    lines.insert(1, _level_line("candidates_per_action", per_action_goal, per_action, None, elapsed))
    for key, count in (("share_placed", actuals.placed), ("share_activated", actuals.activated)):
        shown = published_share(count, actuals.people)
        value = round(100 * count / actuals.people) if shown != "—" else None
        lines.append(_level_line(key, goals[key], value, shown, elapsed))
    return SpanProgress(span=span, lines=lines)


def _count_line(key: str, target: int | None, actual: int | str, elapsed: float) -> Line:
    if not isinstance(actual, int):
        return Line(key, target, actual, None, UNKNOWN if target else "")
    projected = round(actual / elapsed) if 0 < elapsed < 1 else None
    if not target:
        return Line(key, target, actual, projected, "")
    if actual >= target:
        status = REACHED
    elif elapsed == 0:
        status = NOT_STARTED
    elif elapsed < 1 and projected >= target:
        status = ON_TRACK
    else:
        status = BEHIND
    return Line(key, target, actual, projected, status)


def _level_line(key: str, target: int | None, value: int | None, shown: str | None, elapsed: float) -> Line:
    """A share or an average: no projection; on track when it is at or above the target."""
    actual = shown if shown is not None else ("—" if value is None else value)
    if not target:
        status = ""
    elif elapsed == 0:
        status = NOT_STARTED
    elif value is None:
        status = UNKNOWN
    else:
        status = ON_TRACK if value >= target else BEHIND
    return Line(key, target, actual, None, status)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# --- The figures, from the database ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeProgress:
    programme: FundingProgramme
    years: list[SpanProgress]
    whole: SpanProgress
    today: date

    @property
    def spans(self) -> list[SpanProgress]:
        return [*self.years, self.whole]

    @property
    def rows(self) -> list[tuple[str, list[Line]]]:
        """One row per target, its line in each span: the table the page and the PDF draw."""
        return [(line.label, [span.lines[index] for span in self.spans]) for index, line in enumerate(self.whole.lines)]


def programme_progress(programme: FundingProgramme, *, suppress: bool, today: date | None = None) -> ProgrammeProgress:
    """Targets against actuals of ``programme`` per year and over its period, as the viewer may see them. An action
    counts in the year it started; its workshop sessions in the year they were held; its companies reached are the
    distinct companies at its company workshops and the companies taking part in it. A query count per span, not
    per action."""
    today = today or timezone.localdate()
    targets, period = Targets.of(programme), Span("all", programme.starts_on, programme.ends_on)
    cells = Cells(suppress=suppress)
    campaigns = programme.campaigns.all()
    exact = [_actuals(campaigns, span, today) for span in spans(programme.starts_on, programme.ends_on)]
    shown = _published(exact, cells)
    years = [progress(targets, span, period, actual, today=today) for span, actual in shown[:-1]]
    whole = progress(targets, period, period, shown[-1][1], today=today)
    return ProgrammeProgress(programme=programme, years=years, whole=whole, today=today)


def _actuals(campaigns: QuerySet[Campaign], span: Span, today: date) -> tuple[Span, dict]:
    started = campaigns if span.key == "all" else campaigns.filter(starts_on__range=(span.starts_on, span.ends_on))
    figures = kpi.report(people(Scope(campaigns=started, ends_on=today)))
    reached = outreach(sessions_held(campaigns, starts_on=span.starts_on, ends_on=min(span.ends_on, today)))
    taking_part = Participation.objects.filter(campaign__in=started).values_list("company__organisation", flat=True)
    return span, {
        "actions": started.count(),
        "people": figures.people,
        "company_workshops": reached.company_workshops,
        "resident_workshops": reached.resident_workshops,
        "companies": len(reached.company_organisation_ids | set(taking_part)),
        "residents": reached.residents,
        "placed": dict(figures.funnel)["placed"],
        "activated": figures.activated_within_year,
    }


def _published(exact: list[tuple[Span, dict]], cells: Cells) -> list[tuple[Span, Actuals]]:
    """The counts of people as shown: the years' counts of each figure protected together (they add up, near
    enough, to the whole period's), the whole period's on its own."""
    years = exact[:-1]
    columns = {key: cells.column([figures[key] for _span, figures in years]) for key in PEOPLE}
    shown = [
        (span, Actuals(**{**figures, **{key: columns[key][index] for key in PEOPLE}}))
        for index, (span, figures) in enumerate(years)
    ]
    span, figures = exact[-1]
    return [*shown, (span, Actuals(**{**figures, **{key: cells.people(figures[key]) for key in PEOPLE}}))]
