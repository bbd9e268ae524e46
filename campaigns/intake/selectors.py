"""Reads of intake and screening: the board of a campaign's candidates by state, the calibration of two screeners,
what a screener reads of a candidate and has to do, and the intermediaries' vacancy briefing."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from candidates.models import (
    Candidate,
    Screening,
    ScreeningDecision,
    ScreeningRound,
)
from companies.models import Shift, Vacancy

from ..matching import scoring
from ..matching.problem import CandidateIn, VacancyIn
from ..models import ENROLLING_PHASES, Campaign, CampaignPhase, Enrolment
from ..permissions import briefed_campaigns, registrable_campaigns, screened_campaign_ids

BOARD_STATES = ("to_do", "screened", *ScreeningDecision.values)


@dataclass(frozen=True)
class BoardRow:
    enrolment: Enrolment
    first: Screening | None
    second: Screening | None

    @property
    def state(self) -> str:
        if self.first is None:
            return "to_do"
        return self.first.decision or "screened"


@dataclass(frozen=True)
class ScreeningBoard:
    rows: list[BoardRow]
    counts: dict[str, int]


def screening_board(campaign, *, state: str = "") -> ScreeningBoard:
    """The campaign's candidates with both screening rounds, and how many are in each state: three queries."""
    enrolments = (
        campaign.enrolments.select_related("candidate")
        .prefetch_related(Prefetch("screenings", queryset=Screening.objects.select_related("screener")))
        .order_by("candidate__last_name", "candidate__first_name", "id")
    )
    rows = []
    for enrolment in enrolments:
        rounds = {screening.round: screening for screening in enrolment.screenings.all()}
        rows.append(BoardRow(enrolment, rounds.get(ScreeningRound.FIRST), rounds.get(ScreeningRound.SECOND)))
    counts = {name: sum(1 for row in rows if row.state == name) for name in BOARD_STATES}
    return ScreeningBoard([row for row in rows if not state or row.state == state], counts)


@dataclass(frozen=True)
class Calibration:
    enrolment: Enrolment
    scores: list[tuple[str, int | None, int | None, bool]]  # criterion, first, second, differs by 2 or more

    @property
    def differs(self) -> bool:
        return any(far for *_scores, far in self.scores)


def next_to_screen(campaign, *, after: Enrolment) -> Enrolment | None:
    """The next candidate of the board nobody screened yet, after ``after`` in the board's order and then from the
    top ("save and next"); None when nobody is left to do. Three queries."""
    rows = screening_board(campaign).rows
    position = next((index for index, row in enumerate(rows) if row.enrolment.pk == after.pk), -1)
    to_do = [(index, row.enrolment) for index, row in enumerate(rows) if row.state == "to_do" and index != position]
    later = [enrolment for index, enrolment in to_do if index > position]
    return (later or [enrolment for _index, enrolment in to_do] or [None])[0]


def calibration(campaign, *, only_differences: bool = False) -> list[Calibration]:
    """Candidates screened twice, criterion by criterion; two points apart or more is worth a conversation."""
    labels = {name: Screening._meta.get_field(name).verbose_name for name in Screening.RUBRIC}
    rows = []
    for row in screening_board(campaign).rows:
        if row.first is None or row.second is None:
            continue
        scores = [
            (labels[name], first, second, first is not None and second is not None and abs(first - second) >= 2)
            for name, first, second in zip(Screening.RUBRIC, row.first.scores, row.second.scores, strict=True)
        ]
        rows.append(Calibration(row.enrolment, scores))
    return [row for row in rows if row.differs] if only_differences else rows


def enrolable_campaigns(user) -> QuerySet:
    """Campaigns a candidate who ended without a job can join: those the user registers into, until screening."""
    return registrable_campaigns(user).filter(phase__in=ENROLLING_PHASES)


# --- What a partner screener reads and has to do ------------------------------------------------------------------


@dataclass(frozen=True)
class ScreeningProfile:
    """What screening needs of a candidate, and all a partner screener reads of them (``campaigns.permissions``)."""

    languages: list
    education: str
    diploma_recognition: str
    experience: str
    competences: list
    occupations: list
    driving_licence: bool
    available_from: date | None


def screening_profile(candidate: Candidate) -> ScreeningProfile:
    """The candidate's languages, education and diploma recognition (NARIC), experience, competences, wished
    occupations, driving licence and availability date: three queries."""
    return ScreeningProfile(
        languages=list(candidate.languages.all()),
        education=candidate.get_education_level_display(),
        diploma_recognition=candidate.get_diploma_recognition_display(),
        experience=candidate.experience_summary,
        competences=list(candidate.competences.all()),
        occupations=list(candidate.desired_occupations.all()),
        driving_licence=candidate.has_driving_licence,
        available_from=candidate.available_from,
    )


def screening_to_do(user) -> QuerySet[Enrolment]:
    """A partner screener's home page: the candidates of the campaigns their organisation screens for, still
    enrolled and not screened yet, by campaign and name."""
    return (
        Enrolment.objects.filter(
            campaign__in=screened_campaign_ids(user),
            dropped_out_on__isnull=True,
            candidate__erased_at__isnull=True,
        )
        .exclude(campaign__phase=CampaignPhase.CLOSED)
        .exclude(screenings__round=ScreeningRound.FIRST)
        .select_related("campaign", "candidate")
        .order_by("campaign__name", "campaign_id", "candidate__last_name", "candidate__first_name", "id")
    )


def screened_campaigns(user) -> QuerySet[Campaign]:
    """The campaigns a partner screener screens for, open ones first: their home page links to each board."""
    return Campaign.objects.filter(pk__in=screened_campaign_ids(user)).exclude(phase=CampaignPhase.CLOSED)


# --- The vacancy briefing ---------------------------------------------------------------------------------------


def briefings_open(user) -> QuerySet[Campaign]:
    """The campaigns in intake whose vacancy briefing ``user`` reads: an intermediary's home page links to each."""
    return briefed_campaigns(user).filter(phase=CampaignPhase.INTAKE).order_by("name", "pk")


# The matching's hard constraints that a vacancy asks for, as the engine names them; the others are the candidate's
# own (legal access, consent, the screening decision) or the journey's (commute), not the vacancy's requirements.
REQUIREMENTS = ("language_level", "driving_licence", "shift")


@dataclass(frozen=True)
class Requirement:
    code: str  # one of REQUIREMENTS
    label: str
    meeting: int  # registered candidates who meet it


@dataclass(frozen=True)
class VacancyGap:
    vacancy: Vacancy
    requirements: list[Requirement]
    meeting_all: int  # registered candidates who meet every requirement at once

    @property
    def places(self) -> int:
        return self.vacancy.positions

    @property
    def gap(self) -> int:
        """Places no registered candidate can fill yet, as far as the hard requirements tell."""
        return max(0, self.places - self.meeting_all)


@dataclass(frozen=True)
class Briefing:
    registered: int
    vacancies: list[VacancyGap]


def vacancy_briefing(campaign: Campaign) -> Briefing:
    """The open vacancies of the campaign's companies with their live gaps: for each hard requirement, how many of
    the campaign's registered candidates (still enrolled, all organisations together) meet it, by the matching
    engine's own rule (``scoring.exclusions``), so the briefing and the matching agree. Counts only: no candidate
    leaves this function. Three queries."""
    enrolments = campaign.enrolments.filter(dropped_out_on__isnull=True, candidate__erased_at__isnull=True)
    candidates = [
        CandidateIn(
            id=candidate.pk,
            languages=tuple((language.language, language.level) for language in candidate.languages.all()),
            has_driving_licence=candidate.has_driving_licence,
            shifts=frozenset(candidate.available_shifts),
        )
        for candidate in Candidate.objects.filter(pk__in=enrolments.values("candidate_id")).prefetch_related(
            "languages"
        )
    ]
    vacancies = (
        Vacancy.objects.filter(company__participations__campaign=campaign, is_open=True)
        .select_related("company__organisation", "occupation")
        .order_by("company__organisation__name", "company_id", "title", "id")
    )
    return Briefing(len(candidates), [_vacancy_gap(vacancy, candidates) for vacancy in vacancies])


def _vacancy_gap(vacancy: Vacancy, candidates: list[CandidateIn]) -> VacancyGap:
    asked = VacancyIn(
        id=vacancy.pk,
        company_id=vacancy.company_id,
        capacity=vacancy.positions,
        language=vacancy.language,
        language_level=vacancy.language_level,
        driving_licence_required=vacancy.driving_licence_required,
        shifts=frozenset(vacancy.shifts),
    )
    missing = [set(scoring.exclusions(candidate, asked)) & set(REQUIREMENTS) for candidate in candidates]
    requirements = [
        Requirement(code, label, sum(1 for codes in missing if code not in codes))
        for code, label in _requirement_labels(vacancy)
    ]
    return VacancyGap(vacancy, requirements, sum(1 for codes in missing if not codes))


def _requirement_labels(vacancy: Vacancy) -> list[tuple[str, str]]:
    """The vacancy's hard requirements, in the engine's order, as the briefing names them."""
    labels = []
    if vacancy.language and vacancy.language_level in scoring.CEFR:
        labels.append(("language_level", _("%(language)s or better") % {"language": vacancy.language_requirement}))
    if vacancy.driving_licence_required:
        labels.append(("driving_licence", _("a driving licence")))
    if vacancy.shifts:
        shifts = ", ".join(str(Shift(shift).label) for shift in vacancy.shifts if shift in Shift.values)
        labels.append(("shift", _("can work a shift of: %(shifts)s") % {"shifts": shifts}))
    return labels
