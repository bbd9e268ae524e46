"""Reads on candidates: likely duplicates, and the candidate list with each one's progress."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from campaigns.models import Enrolment
from jobroad import permissions

from .models import (
    Candidate,
    Consent,
    ConsentAction,
    ConsentPurpose,
    Screening,
    ScreeningDecision,
    ScreeningRound,
    name_key,
    reference_key,
)


@dataclass
class LikelyDuplicate:
    """A registered candidate that looks like the one being entered, and why."""

    candidate: Candidate
    reasons: list[str] = field(default_factory=list)


def likely_duplicates(
    *,
    first_name: str,
    last_name: str,
    birth_year: int | None = None,
    nationality: str = "",
    reference_number: str = "",
    exclude: Candidate | None = None,
) -> list[LikelyDuplicate]:
    """Candidates already registered — by any organisation — that are probably the same person: the same
    first and last name (case, accents and order of the name parts aside) with the same birth year and
    nationality, or the same reference number. Reads only; the caller decides what the user may be told
    (see ``duplicate_notices``). Usable per row by an import."""
    match = Q(pk__in=[])
    if birth_year and nationality:
        match |= Q(name_key=name_key(first_name, last_name), birth_year=birth_year, nationality=nationality)
    reference = reference_key(reference_number or "")
    if reference:
        match |= Q(reference_key=reference)
    candidates = Candidate.objects.filter(match).select_related("registered_by").order_by("pk")
    if exclude is not None and exclude.pk:
        candidates = candidates.exclude(pk=exclude.pk)
    found = []
    for candidate in candidates:
        reasons = []
        if candidate.reference_key and candidate.reference_key == reference:
            reasons.append(_("same reference number"))
        if candidate.name_key == name_key(first_name, last_name) and (candidate.birth_year, candidate.nationality) == (
            birth_year,
            nationality,
        ):
            reasons.append(_("same name, birth year and nationality"))
        found.append(LikelyDuplicate(candidate, reasons))
    return found


@dataclass(frozen=True)
class DuplicateNotice:
    """What a user is told about one likely duplicate: the candidate itself only if they may see it."""

    reasons: list[str]
    candidate: Candidate | None = None


def duplicate_notices(user, duplicates: list[LikelyDuplicate]) -> list[DuplicateNotice]:
    """Likely duplicates as ``user`` may learn about them: a candidate they cannot see (another
    organisation's) stays anonymous, so the warning never reveals someone else's candidate."""
    visible = set(
        permissions.visible_candidates(user)
        .filter(pk__in=[duplicate.candidate.pk for duplicate in duplicates])
        .values_list("pk", flat=True)
    )
    return [
        DuplicateNotice(
            reasons=duplicate.reasons,
            candidate=duplicate.candidate if duplicate.candidate.pk in visible else None,
        )
        for duplicate in duplicates
    ]


def latest_consent_action(purpose: str, candidate: str = "pk") -> Subquery:
    """The latest consent action for ``purpose`` of the candidate the outer query's ``candidate`` field names."""
    return Subquery(
        Consent.objects.filter(candidate=OuterRef(candidate), purpose=purpose)
        .order_by("-recorded_at", "-id")
        .values("action")[:1]
    )


def with_consent_state(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    """Annotate ``share_profile_consent`` and ``contact_consent`` (the latest action of each), which
    ``Candidate.consent_action`` reads instead of querying per row."""
    return candidates.annotate(
        **{f"{purpose}_consent": latest_consent_action(purpose) for purpose in ConsentPurpose.values}
    )


def sharing_with_companies(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    """Only the candidates whose latest consent to share their profile is "given" — what matching and every
    page shown to company HR must start from."""
    return candidates.filter(shares_with_companies())


def shares_with_companies(candidate: str = "pk") -> Exact:
    """The condition that the latest consent to share the profile of the candidate the outer query's
    ``candidate`` field names is "given". Filtering rows on it directly, rather than ``candidate__in=`` the
    sharing candidates, asks for the consent of only the rows at hand."""
    return Exact(latest_consent_action(ConsentPurpose.SHARE_PROFILE, candidate), ConsentAction.GIVEN)


def candidates_with_progress(user, *, query: str = "") -> QuerySet[Candidate]:
    """The candidates ``user`` may see, each with its enrolments in the campaigns ``user`` may see (campaign
    and phase), its consent state and what legal access needs: a fixed number of queries for any page."""
    candidates = permissions.visible_candidates(user).select_related("registered_by")
    if query:
        words = query.split()
        for word in words[:4]:
            candidates = candidates.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(reference_number__icontains=word)
            )
    enrolments = (
        Enrolment.objects.filter(campaign__in=permissions.visible_campaigns(user))
        .select_related("campaign")
        .order_by("-enrolled_at")
    )
    return with_consent_state(candidates).prefetch_related(
        Prefetch("enrolments", queryset=enrolments, to_attr="visible_enrolments")
    )


# --- Screening ---------------------------------------------------------------------------------------------------

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
