"""Reads for the campaign pages: the phase timeline, the live counters against the funder's targets, and the
matching's and the scheduling's input loaded from the database."""

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from candidates.choices import language_name
from candidates.models import ConsentPurpose, Screening, ScreeningDecision, Sector
from candidates.selectors import latest_consent_action
from companies.models import Vacancy
from jobroad import disclosure, permissions
from workshops.models import Registration, Session

from . import matching, scheduling, scheduling_text
from .models import (
    PHASE_ORDER,
    Campaign,
    CampaignPhase,
    DayConfirmation,
    Enrolment,
    HrAnswer,
    Interview,
    MatchingSettings,
    PairRule,
    PairRuleKind,
    ProjectWeek,
    Proposal,
    ProposalStatus,
)


@dataclass(frozen=True)
class TimelineStep:
    phase: CampaignPhase
    starts_on: date | None
    ends_on: date | None
    is_current: bool
    is_done: bool


@dataclass(frozen=True)
class Counter:
    label: str
    actual: int | str  # a count of people as the viewer may see it: disclosure.HIDDEN for a hidden one
    target: int | None

    @property
    def percent(self) -> int | None:
        if not self.target or not isinstance(self.actual, int):
            return None
        return min(100, round(100 * self.actual / self.target))


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


def target_counters(campaign: Campaign, user) -> list[Counter]:
    """Actual figures against the campaign's targets; ``campaign`` comes annotated by
    ``campaigns_with_counts(user)``, whose candidate count is already published as ``user`` may see it. Counts of
    people go through ``disclosure.published`` for whoever does not see small counts; companies and sessions are
    not people and stay exact."""
    sessions = Session.objects.filter(workshop__campaign=campaign, cancelled_at__isnull=True)
    attendees = Registration.objects.filter(session__in=sessions, attended=True).count()
    if not permissions.sees_small_counts(user):
        attendees = disclosure.published(attendees)
    return [
        Counter(_("Candidates"), campaign.candidate_count, campaign.target_candidates),
        Counter(_("Companies"), campaign.company_count, campaign.target_companies),
        Counter(_("Workshop sessions"), sessions.count(), campaign.target_workshops),
        Counter(_("Workshop attendees"), attendees, campaign.target_workshop_attendees),
    ]


# --- Matching: the database read into the engine's plain dataclasses (campaigns.matching) ------------------------


@dataclass(frozen=True)
class MatchingInput:
    """The engine's problem and the rows behind its ids, so that a service can save what the engine returns."""

    problem: matching.Problem
    enrolments: dict[int, Enrolment]  # by candidate id
    vacancies: dict[int, Vacancy]
    project_week_starts_on: date


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


def _coordinates(row) -> tuple[float, float] | None:
    if row is None or row.latitude is None or row.longitude is None:
        return None
    return float(row.latitude), float(row.longitude)


def sector_code(text: str) -> str:
    """A company's sector, typed freely, as one of the sectors candidates wish for ("" when none fits)."""
    wanted = text.strip().casefold()
    for sector in Sector:
        names = {sector.value}
        for language in ("nl", "fr", "en"):
            with translation.override(language):
                names.add(str(sector.label).casefold())
        if wanted in names:
            return sector.value
    return ""


def matching_settings(campaign: Campaign) -> MatchingSettings:
    return MatchingSettings.objects.filter(campaign=campaign).first() or MatchingSettings(campaign=campaign)


def matching_input(campaign: Campaign, vacancies=None) -> MatchingInput:
    """Everything the matching needs, in a fixed number of queries: the campaign's candidates with their screening,
    consent and languages; the open vacancies of its companies (or ``vacancies``); the coordinator's pins and
    forbids."""
    limits = matching_settings(campaign)
    week_starts_on = project_week_start(campaign)
    screenings = Screening.objects.filter(round=1)
    enrolments = (
        campaign.enrolments.select_related("candidate__reception_centre")
        .prefetch_related(
            Prefetch("screenings", queryset=screenings, to_attr="first_screening"),
            "candidate__competences",
            "candidate__desired_occupations",
            "candidate__languages",
        )
        .annotate(share_profile_consent=latest_consent_action(ConsentPurpose.SHARE_PROFILE, "candidate"))
        .order_by("candidate_id")
    )
    if vacancies is None:
        vacancies = Vacancy.objects.filter(company__participations__campaign=campaign, is_open=True)
    vacancies = (
        vacancies.select_related("company__organisation", "site", "occupation")
        .prefetch_related("required_competences", "nice_competences")
        .order_by("id")
    )
    vacancies = {vacancy.pk: vacancy for vacancy in vacancies}
    sites = {pk: _coordinates(v.site) or _coordinates(v.company.organisation) for pk, v in vacancies.items()}
    by_candidate = {}
    candidates = []
    for enrolment in enrolments:
        candidate = enrolment.candidate
        screening = enrolment.first_screening[0] if enrolment.first_screening else None
        # The enrolment carries the consent annotation; the candidate reads it from there (no query per row).
        candidate.share_profile_consent = enrolment.share_profile_consent
        origin = _coordinates(candidate.reception_centre)
        by_candidate[candidate.pk] = enrolment
        candidates.append(
            matching.CandidateIn(
                id=candidate.pk,
                occupations=frozenset(o.isco_code for o in candidate.desired_occupations.all() if o.isco_code),
                competences=frozenset(c.pk for c in candidate.competences.all()),
                languages=tuple(sorted((language.language, language.level) for language in candidate.languages.all())),
                has_driving_licence=candidate.has_driving_licence,
                shifts=frozenset(candidate.available_shifts),
                desired_sectors=frozenset(candidate.desired_sectors),
                rubric=screening.rubric_mean if screening else None,
                selected=bool(screening and screening.decision == ScreeningDecision.SELECTED),
                consent_to_share=candidate.may_share_with_companies,
                legal_access=screening.legal_access_on(week_starts_on)
                if screening
                else candidate.eligible_on(week_starts_on),
                commute_minutes=tuple(
                    (pk, estimated_commute_minutes(origin, site)) for pk, site in sites.items() if origin and site
                ),
            )
        )
    rules = PairRule.objects.filter(enrolment__campaign=campaign).values_list(
        "enrolment__candidate_id", "vacancy_id", "kind"
    )
    confirmed = Proposal.objects.filter(enrolment__campaign=campaign, status=ProposalStatus.CONFIRMED)
    problem = matching.Problem(
        candidates=tuple(candidates),
        vacancies=tuple(
            matching.VacancyIn(
                id=vacancy.pk,
                company_id=vacancy.company_id,
                capacity=limits.candidates_per_vacancy,
                isco_code=vacancy.occupation.isco_code if vacancy.occupation else "",
                sector=sector_code(vacancy.company.sector),
                required_competences=frozenset(c.pk for c in vacancy.required_competences.all()),
                nice_competences=frozenset(c.pk for c in vacancy.nice_competences.all()),
                language=vacancy.language,
                language_level=vacancy.language_level,
                driving_licence_required=vacancy.driving_licence_required,
                shifts=frozenset(vacancy.shifts),
            )
            for vacancy in vacancies.values()
        ),
        settings=matching.Settings(
            max_interviews=limits.interviews_per_candidate, max_commute_minutes=limits.max_commute_minutes
        ),
        # What a coordinator confirmed stays: a re-run plans around it.
        pinned=frozenset((c, v) for c, v, kind in rules if kind == PairRuleKind.PIN)
        | frozenset(confirmed.values_list("enrolment__candidate_id", "vacancy_id")),
        forbidden=frozenset((c, v) for c, v, kind in rules if kind == PairRuleKind.FORBID),
    )
    return MatchingInput(problem, by_candidate, vacancies, week_starts_on)


@dataclass(frozen=True)
class CandidateRow:
    """One candidate on the matching page: the proposals it has and the rules a coordinator set on it."""

    enrolment: Enrolment
    proposals: list[Proposal]


def matching_rows(campaign: Campaign) -> list[CandidateRow]:
    proposals = Proposal.objects.select_related("vacancy__company__organisation").order_by("-fit", "id")
    enrolments = (
        campaign.enrolments.select_related("candidate")
        .prefetch_related(Prefetch("proposals", queryset=proposals, to_attr="listed_proposals"))
        .order_by("candidate__last_name", "candidate__first_name", "id")
    )
    return [CandidateRow(enrolment, enrolment.listed_proposals) for enrolment in enrolments]


@dataclass(frozen=True)
class VacancyOption:
    """A vacancy seen from one candidate: its fit and reasons, or why the pair is excluded."""

    vacancy: Vacancy
    pair: matching.Pair | None
    excluded: tuple[str, ...]
    rule: str
    proposal: Proposal | None


def vacancy_options(campaign: Campaign, enrolment: Enrolment) -> list[VacancyOption]:
    """Every open vacancy of the campaign for one candidate, best fit first, excluded ones last."""
    loaded = matching_input(campaign)
    candidate = next(c for c in loaded.problem.candidates if c.id == enrolment.candidate_id)
    rules = dict(enrolment.pair_rules.values_list("vacancy_id", "kind"))
    proposals = {proposal.vacancy_id: proposal for proposal in enrolment.proposals.all()}
    options = []
    for offer in loaded.problem.vacancies:
        excluded = matching.exclusions(candidate, offer, loaded.problem.settings)
        if rules.get(offer.id) == PairRuleKind.FORBID:
            excluded = (*excluded, "forbidden")
        pair = None if excluded else matching.score(candidate, offer, loaded.problem.settings)
        options.append(
            VacancyOption(loaded.vacancies[offer.id], pair, excluded, rules.get(offer.id, ""), proposals.get(offer.id))
        )
    return sorted(options, key=lambda o: (bool(o.excluded), -(o.pair.fit if o.pair else 0), o.vacancy.pk))


@dataclass(frozen=True)
class ScoreTable:
    """A row per candidate, a column per vacancy: the fit, or None for an excluded pair, in every cell."""

    vacancies: list[Vacancy]
    rows: list[tuple[Enrolment, list[matching.Pair | None]]]


def score_table(campaign: Campaign) -> ScoreTable:
    loaded = matching_input(campaign)
    allowed, _excluded = matching.evaluate(loaded.problem)
    vacancies = [loaded.vacancies[offer.id] for offer in loaded.problem.vacancies]
    rows = [
        (loaded.enrolments[c.id], [allowed.get((c.id, vacancy.pk)) for vacancy in vacancies])
        for c in sorted(loaded.problem.candidates, key=lambda c: str(loaded.enrolments[c.id].candidate))
    ]
    return ScoreTable(vacancies, rows)


# --- What company HR sees: the blind profile (DESIGN §2) ---------------------------------------------------------


@dataclass(frozen=True)
class BlindProfile:
    """What HR may know of a proposed candidate. Built field by field, so that nothing else — nationality,
    status, birth date, health, detention, notes, documents — can reach an HR page by accident."""

    first_name: str
    languages: list[str]
    competences: list[str]
    experience: str
    available_from: date | None
    shifts: list[str]
    driving_licence: bool


def blind_profile(candidate) -> BlindProfile:
    return BlindProfile(
        first_name=candidate.first_name,
        languages=[str(language) for language in candidate.languages.all()],
        competences=sorted(competence.label for competence in candidate.competences.all()),
        experience=candidate.experience_summary,
        available_from=candidate.available_from,
        shifts=[str(label) for label in candidate.available_shift_labels],
        driving_licence=candidate.has_driving_licence,
    )


@dataclass(frozen=True)
class ProposalForHr:
    """A proposal as HR sees it; deliberately without the proposal row, whose candidate would be one dot away."""

    pk: int
    vacancy: Vacancy
    campaign: str
    answer: str
    answer_label: str
    comment: str
    profile: BlindProfile


def proposals_for_hr(proposals) -> list[ProposalForHr]:
    """``proposals`` (already scoped to what the user may see) with their blind profiles, in a fixed number of
    queries."""
    proposals = (
        proposals.select_related("vacancy__company__organisation", "enrolment__campaign", "enrolment__candidate")
        .prefetch_related("enrolment__candidate__languages", "enrolment__candidate__competences")
        .order_by("enrolment__campaign_id", "vacancy_id", "id")
    )
    return [
        ProposalForHr(
            pk=proposal.pk,
            vacancy=proposal.vacancy,
            campaign=proposal.enrolment.campaign.name,
            answer=proposal.hr_answer,
            answer_label=proposal.get_hr_answer_display(),
            comment=proposal.hr_comment,
            profile=blind_profile(proposal.enrolment.candidate),
        )
        for proposal in proposals
    ]


# --- Project week ---------------------------------------------------------------------------------------------

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


def interpreter_languages(campaign: Campaign, week: ProjectWeek) -> list[str]:
    """The languages the week plans interpreters for: those an interview needs, and those already counted."""
    needed = Interview.objects.filter(participation__campaign=campaign).exclude(interpreter="")
    return sorted(set(needed.values_list("interpreter", flat=True)) | set(week.interpreters))


def interpreter_language(candidate) -> str:
    """The language an interview needs an interpreter for: the candidate's own, when they speak none of the
    working languages at A2 or above ("" when they do, or gave no language of their own)."""
    levels = {row.language: row.level for row in candidate.languages.all()}
    if any(levels.get(language, "A1") >= "A2" for language in WORKING_LANGUAGES):
        return ""
    own = candidate.preferred_language or ""
    return "" if own in WORKING_LANGUAGES else own


def schedulable_proposals(campaign: Campaign):
    """Confirmed project-week proposals that HR did not turn down: each becomes one interview."""
    return (
        Proposal.objects.filter(enrolment__campaign=campaign, status=ProposalStatus.CONFIRMED, second_chance=False)
        .exclude(hr_answer=HrAnswer.NOT_INTERESTED)
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
    participating companies' days, travel estimated from coordinates, interpreters, and what was published.

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
        site = next((s for s in p.company.sites.all() if _coordinates(s)), None)
        places[company_pk] = _coordinates(site) or _coordinates(p.company.organisation)
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
                )
            )
    candidates, requests = {}, []
    for proposal in proposals.values():
        enrolment, candidate = proposal.enrolment, proposal.enrolment.candidate
        home = -(candidate.reception_centre_id or 10**9 + candidate.pk)
        places.setdefault(home, _coordinates(candidate.reception_centre))
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
    interpreters = {
        (language, date.fromisoformat(iso).toordinal()): int(count)
        for language, days in week.interpreters.items()
        for iso, count in days.items()
    }
    published = tuple(
        scheduling.Appointment(i.proposal_id, i.published_day.toordinal(), minutes(i.published_starts_at))
        for i in Interview.objects.filter(proposal__in=list(proposals), published_day__isnull=False)
    )
    return ScheduleInput(
        problem=scheduling.Problem(
            company_days=tuple(company_days),
            candidates=tuple(candidates.values()),
            requests=tuple(requests),
            travel=travel,
            interpreters=interpreters,
            published=published,
            settings=scheduling.Settings(day_starts=minutes(week.day_starts_at), time_limit=time_limit),
        ),
        proposals=proposals,
        participations=participations,
    )


def move_problems(interview: Interview, day: date, starts_at: time) -> list[str]:
    """Why ``interview`` cannot move to ``day`` at ``starts_at`` with the rest of the schedule as it stands, in
    sentences (empty when it can): the live check while a coordinator picks a time, and the move's own check."""
    data = schedule_input(interview.participation.campaign)
    if interview.proposal_id not in data.proposals:
        return [str(_("This proposal is no longer confirmed, so it has no interview to move."))]
    others = [
        scheduling.Appointment(i.proposal_id, i.day.toordinal(), minutes(i.starts_at))
        for i in Interview.objects.filter(participation__campaign_id=interview.participation.campaign_id)
        .filter(day__isnull=False)
        .exclude(pk=interview.pk)
    ]
    blockers = scheduling.blockers_at(data.problem, others, interview.proposal_id, day.toordinal(), minutes(starts_at))
    return [scheduling_text.explain(blocker) for blocker in blockers]


@dataclass(frozen=True)
class BoardDay:
    day: date
    rows: list  # (participation, [interviews]) per company with that day
    groups: dict  # transport group -> candidates travelling that day
    confirmed: frozenset = frozenset()  # participations whose HR confirmed this day


def schedule_board(campaign: Campaign) -> list[BoardDay]:
    """Per project-week day, each participating company with its interviews in time order, and who travels
    from which reception centre."""
    interviews = (
        Interview.objects.filter(participation__campaign=campaign, day__isnull=False)
        .select_related(
            "enrolment__candidate__reception_centre",
            "participation__company__organisation",
            "proposal__vacancy",
            "evaluation",
        )
        .order_by("day", "starts_at", "seat")
    )
    by_day = defaultdict(lambda: defaultdict(list))
    for interview in interviews:
        by_day[interview.day][interview.participation_id].append(interview)
    participations = list(
        campaign.participations.select_related("company__organisation").order_by("company__organisation__name")
    )
    days = sorted({date.fromisoformat(iso) for p in participations for iso in p.available_days} | set(by_day))
    confirmed = defaultdict(set)
    for participation_id, day in DayConfirmation.objects.filter(participation__campaign=campaign).values_list(
        "participation_id", "day"
    ):
        confirmed[day].add(participation_id)
    board = []
    for day in days:
        rows = [
            (p, by_day[day].get(p.pk, []))
            for p in participations
            if day.isoformat() in p.available_days or p.pk in by_day[day]
        ]
        groups = defaultdict(set)
        for _p, items in rows:
            for interview in items:
                candidate = interview.enrolment.candidate
                groups[str(candidate.reception_centre or _("own address"))].add(candidate)
        people = {name: sorted(people, key=str) for name, people in sorted(groups.items())}
        board.append(BoardDay(day, rows, people, frozenset(confirmed[day])))
    return board


def unplaced_interviews(campaign: Campaign):
    return (
        Interview.objects.filter(participation__campaign=campaign, day__isnull=True)
        .select_related("enrolment__candidate", "participation__company__organisation")
        .order_by("participation__company__organisation__name", "pk")
    )


@dataclass(frozen=True)
class InterviewForHr:
    """A published interview as HR sees it: the blind profile, never the candidate row."""

    pk: int
    day: date
    starts_at: time
    ends_at: time
    vacancy: str
    interpreter: str
    profile: BlindProfile
    evaluation: object  # campaigns.models.Evaluation or None
    evaluation_opens_at: datetime  # when the interview starts: HR cannot evaluate it before


@dataclass(frozen=True)
class HrDay:
    participation: object
    day: date
    interviews: list[InterviewForHr]
    confirmation: object = None  # campaigns.models.DayConfirmation of this day, or None


def interview_days_for_hr(interviews) -> list[HrDay]:
    """``interviews`` (already scoped to the user) grouped per company and day, as published, in time order."""
    # The ids first: joined to the nine tables below at once, the scope's conditions come last in PostgreSQL's
    # plan (past its join_collapse_limit), after joining every interview of every campaign.
    shown = list(interviews.filter(published_day__isnull=False).values_list("pk", flat=True))
    interviews = (
        Interview.objects.filter(pk__in=shown)
        .select_related(
            "participation__company__organisation", "participation__campaign", "proposal__vacancy",
            "enrolment__candidate", "evaluation",
        )
        .prefetch_related("enrolment__candidate__languages", "enrolment__candidate__competences")
        .order_by("published_day", "participation_id", "published_starts_at", "pk")
    )  # fmt: skip
    interviews = list(interviews)
    confirmations = (
        {
            (c.participation_id, c.day): c
            for c in DayConfirmation.objects.filter(participation__in={i.participation_id for i in interviews})
        }
        if interviews
        else {}
    )
    days = {}
    for interview in interviews:
        key = (interview.participation_id, interview.published_day)
        if key not in days:
            days[key] = HrDay(interview.participation, interview.published_day, [], confirmations.get(key))
        start = minutes(interview.published_starts_at)
        days[key].interviews.append(
            InterviewForHr(
                pk=interview.pk,
                day=interview.published_day,
                starts_at=interview.published_starts_at,
                ends_at=clock(start + interview.participation.slot_minutes),
                vacancy=interview.proposal.vacancy.title,
                interpreter=language_name(interview.interpreter) if interview.interpreter else "",
                profile=blind_profile(interview.enrolment.candidate),
                evaluation=getattr(interview, "evaluation", None),
                evaluation_opens_at=interview.evaluation_opens_at,
            )
        )
    return list(days.values())


def unpublished_changes(campaign: Campaign) -> int:
    """Interviews whose time differs from what people were last told (new, moved or dropped)."""
    rows = Interview.objects.filter(participation__campaign=campaign).only(
        "day", "starts_at", "published_day", "published_starts_at"
    )
    return sum(row.changed_since_published for row in rows)
