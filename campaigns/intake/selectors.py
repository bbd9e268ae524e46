"""Reads of screening: the board of a campaign's candidates by state, and the calibration of two screeners."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from candidates.models import (
    Screening,
    ScreeningDecision,
    ScreeningRound,
)

from ..models import ENROLLING_PHASES, Enrolment
from ..permissions import registrable_campaigns

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
