"""The scheduling engine's input, loaded from the database: days, companies' windows, confirmed proposals and
the interpreters booked."""

from dataclasses import dataclass
from datetime import date, time

from ..choices import EvaluationWaiver
from ..models import (
    Campaign,
    HrAnswer,
    Interview,
    ProjectWeek,
    Proposal,
    ProposalStatus,
)
from ..selectors import coordinates, estimated_commute_minutes
from . import engine as scheduling
from .interpreters.selectors import interpreter_capacity

WORKING_LANGUAGES = ("nl", "fr", "en")  # an interview in one of these needs no interpreter at A2 or above


def minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def clock(minutes_after_midnight: int) -> time:
    return time(*divmod(minutes_after_midnight, 60))


def project_week(campaign: Campaign) -> ProjectWeek:
    """The campaign's project-week settings; unsaved defaults until a schedule is first generated."""
    return ProjectWeek.objects.filter(campaign=campaign).first() or ProjectWeek(campaign=campaign)


def project_week_days(campaign: Campaign) -> list[date]:
    """Every day on which some participating company receives candidates."""
    return sorted({date.fromisoformat(iso) for p in campaign.participations.all() for iso in p.available_days})


def interpreter_language(candidate) -> str:
    """The language an interview needs an interpreter for: the candidate's own, when they speak none of the
    working languages at A2 or above ("" when they do, or gave no language of their own)."""
    levels = {row.language: row.level for row in candidate.languages.all()}
    if any(levels.get(language, "A1") >= "A2" for language in WORKING_LANGUAGES):
        return ""
    own = candidate.preferred_language or ""
    return "" if own in WORKING_LANGUAGES else own


def schedulable_proposals(campaign: Campaign):
    """Confirmed project-week proposals that HR did not turn down, and whose slot was not given to a reserve: each
    becomes one interview."""
    return (
        Proposal.objects.filter(enrolment__campaign=campaign, status=ProposalStatus.CONFIRMED, second_chance=False)
        .exclude(hr_answer=HrAnswer.NOT_INTERESTED)
        .exclude(interview__evaluation_waived_because=EvaluationWaiver.NO_SHOW)
        .select_related("enrolment__candidate__reception_centre", "vacancy__company__organisation", "vacancy__site")
        .prefetch_related("enrolment__candidate__languages")
        .order_by("pk")
    )


@dataclass(frozen=True)
class ScheduleInput:
    problem: scheduling.Problem
    proposals: dict[int, Proposal]  # by request id (= proposal pk)
    participations: dict[int, object]  # by company pk


def schedule_input(campaign: Campaign, time_limit: float = 5.0) -> ScheduleInput:
    """The scheduling problem of a campaign's project week: a request per schedulable proposal, the
    participating companies' days, travel estimated from coordinates, interpreters, what was published, and the
    interviews a coordinator moved by hand (pinned).

    Sites: a company is at its first site with coordinates (else its organisation's address), a candidate's
    day starts at their reception centre; both get an int for the engine (company pk; minus the centre's pk)."""
    week = project_week(campaign)
    participations = {
        p.company_id: p
        for p in campaign.participations.select_related("company__organisation").prefetch_related("company__sites")
    }
    proposals = {p.pk: p for p in schedulable_proposals(campaign)}
    places = {}
    company_days = []
    for company_pk, p in participations.items():
        site = next((s for s in p.company.sites.all() if coordinates(s)), None)
        places[company_pk] = coordinates(site) or coordinates(p.company.organisation)
        for iso in p.available_days:
            visit = minutes(p.visit_starts_at)
            company_days.append(
                scheduling.CompanyDay(
                    company_id=company_pk,
                    day=date.fromisoformat(iso).toordinal(),
                    site=company_pk,
                    visit_start=visit,
                    visit_minutes=p.visit_minutes,
                    interviews_from=visit + p.visit_minutes,
                    interviews_until=minutes(p.interviews_until),
                    interviewers=p.interviewers,
                    slot_minutes=p.slot_minutes,
                    visit_capacity=p.visit_capacity,
                )
            )
    candidates, requests = {}, []
    for proposal in proposals.values():
        enrolment, candidate = proposal.enrolment, proposal.enrolment.candidate
        home = -(candidate.reception_centre_id or 10**9 + candidate.pk)
        places.setdefault(home, coordinates(candidate.reception_centre))
        candidates.setdefault(
            enrolment.pk,
            scheduling.CandidateIn(
                id=enrolment.pk,
                home=home,
                group=str(candidate.reception_centre or ""),
                interpreter=interpreter_language(candidate),
            ),
        )
        requests.append(scheduling.Request(proposal.pk, enrolment.pk, proposal.vacancy.company_id))
    travel = {
        (a, b): estimated_commute_minutes(places[a], places[b])
        for a in places
        for b in places
        if a < b and places[a] and places[b]
    }
    interviews = Interview.objects.filter(proposal__in=list(proposals))
    published = tuple(
        scheduling.Appointment(i.proposal_id, i.published_day.toordinal(), minutes(i.published_starts_at))
        for i in interviews.filter(published_day__isnull=False)
    )
    pinned = tuple(
        scheduling.Appointment(i.proposal_id, i.day.toordinal(), minutes(i.starts_at))
        for i in interviews.filter(moved_at__isnull=False, day__isnull=False)
    )
    return ScheduleInput(
        problem=scheduling.Problem(
            company_days=tuple(company_days),
            candidates=tuple(candidates.values()),
            requests=tuple(requests),
            travel=travel,
            interpreters=interpreter_capacity(week) if week.pk else {},
            published=published,
            pinned=pinned,
            settings=scheduling.Settings(day_starts=minutes(week.day_starts_at), time_limit=time_limit),
        ),
        proposals=proposals,
        participations=participations,
    )
