"""Reads for the matching pages and HR's proposals: rows per candidate, options per vacancy, the score table and
the blind profile."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.models import Vacancy
from jobroad.models import Membership, Role, User
from jobroad.selectors import members

from ..choices import HrAnswer
from ..models import (
    Campaign,
    Enrolment,
    PairRuleKind,
    Proposal,
    ProposalStatus,
)
from . import engine as matching
from .inputs import matching_input
from .scoring import evaluate, exclusions, score
from .text import constraint_text, explain


@dataclass(frozen=True)
class CandidateRow:
    """One candidate on the matching page: the proposals it has and, once the matching ran and left the candidate
    without one, why (``without_interview``)."""

    enrolment: Enrolment
    proposals: list[Proposal]
    without_interview: str = ""


def matching_rows(campaign: Campaign) -> list[CandidateRow]:
    proposals = Proposal.objects.select_related("vacancy__company__organisation").order_by("-fit", "id")
    enrolments = (
        campaign.enrolments.select_related("candidate")
        .prefetch_related(Prefetch("proposals", queryset=proposals, to_attr="listed_proposals"))
        .order_by("candidate__last_name", "candidate__first_name", "id")
    )
    rows = [CandidateRow(enrolment, enrolment.listed_proposals) for enrolment in enrolments]
    if any(not row.proposals for row in rows) and campaign.matching_runs.exists():
        why = why_without_interview(campaign, [row.enrolment for row in rows if not row.proposals])
        rows = [CandidateRow(row.enrolment, row.proposals, why.get(row.enrolment.pk, "")) for row in rows]
    return rows


def why_without_interview(campaign: Campaign, enrolments: list[Enrolment]) -> dict[int, str]:
    """Why the matching left each of ``enrolments`` without a proposal, in words, by enrolment id: what excludes
    the candidate from every vacancy (the constraints they all share, else each constraint with how many vacancies
    it excludes), or, when some vacancy fits, that its places went to others. The candidate's own page lists every
    vacancy."""
    loaded = matching_input(campaign)
    problem = loaded.problem
    by_id = {candidate.id: candidate for candidate in problem.candidates}
    why = {}
    for enrolment in enrolments:
        candidate = by_id.get(enrolment.candidate_id)
        if candidate is None:
            continue
        if not problem.vacancies:
            why[enrolment.pk] = str(_("no participating company has an open vacancy"))
            continue
        codes = [
            set(exclusions(candidate, offer, problem.settings))
            | ({"forbidden"} if (candidate.id, offer.id) in problem.forbidden else set())
            for offer in problem.vacancies
        ]
        fitting = sum(1 for pair in codes if not pair)
        if fitting:
            why[enrolment.pk] = ngettext(
                "fits %(count)s vacancy, but its places went to candidates with a better fit or fewer interviews",
                "fits %(count)s vacancies, but their places went to candidates with a better fit or fewer interviews",
                fitting,
            ) % {"count": fitting}
            continue
        shared = set.intersection(*codes)
        if shared:
            why[enrolment.pk] = ", ".join(constraint_text(code) for code in sorted(shared))
        else:
            counted = Counter(code for pair in codes for code in pair)
            why[enrolment.pk] = ", ".join(
                f"{constraint_text(code)} ({count}/{len(codes)})" for code, count in counted.most_common()
            )
    return why


def hr_to_tell(proposals: QuerySet[Proposal]) -> QuerySet[User]:
    """The people told when ``proposals`` are confirmed, one message each: every active HR member of the
    companies whose vacancies they are. ``confirm_proposals`` writes to exactly these; its confirmation page counts
    them."""
    return members(Role.COMPANY_HR, *set(proposals.values_list("vacancy__company__organisation_id", flat=True)))


@dataclass(frozen=True)
class ProposalsConfirmation:
    """What confirming the draft proposals now would do: HR of their companies sees these candidates' blind
    profiles, and each HR person gets one message. ``unreached``: companies where nobody has an HR account, so
    nobody is told."""

    proposals: int
    candidates: int
    companies: int
    messages: int
    unreached: int


def proposals_confirmation(campaign: Campaign) -> ProposalsConfirmation:
    """Counted before the coordinator confirms, from the same drafts and recipients ``confirm_proposals`` uses."""
    drafts = Proposal.objects.filter(enrolment__campaign=campaign, status=ProposalStatus.DRAFT)
    rows = list(drafts.values_list("enrolment__candidate_id", "vacancy__company__organisation_id"))
    organisations = {organisation for _candidate, organisation in rows}
    people = list(hr_to_tell(drafts).values_list("pk", flat=True))
    memberships = Membership.objects.filter(user__in=people, role=Role.COMPANY_HR, organisation__in=organisations)
    reached = set(memberships.values_list("organisation_id", flat=True))
    return ProposalsConfirmation(
        proposals=len(rows),
        candidates=len({candidate for candidate, _organisation in rows}),
        companies=len(organisations),
        messages=len(people),
        unreached=len(organisations - reached),
    )


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
        excluded = exclusions(candidate, offer, loaded.problem.settings)
        if rules.get(offer.id) == PairRuleKind.FORBID:
            excluded = (*excluded, "forbidden")
        pair = None if excluded else score(candidate, offer, loaded.problem.settings)
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
    allowed, _excluded = evaluate(loaded.problem)
    vacancies = [loaded.vacancies[offer.id] for offer in loaded.problem.vacancies]
    rows = [
        (loaded.enrolments[c.id], [allowed.get((c.id, vacancy.pk)) for vacancy in vacancies])
        for c in sorted(loaded.problem.candidates, key=lambda c: str(loaded.enrolments[c.id].candidate))
    ]
    return ScoreTable(vacancies, rows)


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


# The reasons HR may read, in words for a company: the engine's own sentences, except the occupation's (which name
# an ISCO code). Never the screening score, the commute (where the candidate lives), or a reason against.
HR_REASON_TEXT = {
    "occupation_match": _("has done or wants to do this kind of work"),
    "occupation_same_group": _("has done or wants to do a close kind of work"),
    "occupation_related": _("has done or wants to do related work in the same field"),
}
HR_REASONS = {*HR_REASON_TEXT, "competences", "language_spoken", "language_above", "language_at", "shift_fit",
              "shift_partial", "wish_sector", "wish_occupation"}  # fmt: skip
HR_REASONS_SHOWN = 3


def reasons_for_hr(reasons: list[dict]) -> list[str]:
    """Why a candidate was proposed, blind-safe: the proposal's saved reasons that speak for the pair and that HR
    may read, most points first, in plain words."""
    shown = sorted(
        (reason for reason in reasons if reason.get("code") in HR_REASONS and reason.get("positive") and reason.get(
            "points")), key=lambda reason: -reason["points"],
    )[:HR_REASONS_SHOWN]  # fmt: skip
    return [str(HR_REASON_TEXT.get(reason["code"]) or explain(reason).text) for reason in shown]


@dataclass(frozen=True)
class QuestionForHr:
    question: str
    asked_at: datetime
    answer: str
    answered_at: datetime | None


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
    reasons: list[str] = field(default_factory=list)
    questions: list[QuestionForHr] = field(default_factory=list)

    @property
    def to_answer(self) -> bool:
        """No decision yet: not answered, or only asked a question."""
        return self.answer in ("", HrAnswer.QUESTION)

    @property
    def waits_for_jobroad(self) -> bool:
        return any(question.answered_at is None for question in self.questions)


def proposals_for_hr(proposals) -> list[ProposalForHr]:
    """``proposals`` (already scoped to what the user may see) with their blind profiles, in a fixed number of
    queries."""
    proposals = (
        proposals.select_related("vacancy__company__organisation", "enrolment__campaign", "enrolment__candidate")
        .prefetch_related("enrolment__candidate__languages", "enrolment__candidate__competences", "questions")
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
            reasons=reasons_for_hr(proposal.reasons),
            questions=[
                QuestionForHr(q.question, q.asked_at, q.answer, q.answered_at) for q in proposal.questions.all()
            ],
        )
        for proposal in proposals
    ]


@dataclass(frozen=True)
class VacancyGroup:
    campaign: str
    vacancy: Vacancy
    items: list[ProposalForHr]


def grouped_by_vacancy(items: list[ProposalForHr]) -> list[VacancyGroup]:
    """``items`` (in campaign, vacancy order) grouped by campaign and vacancy, keeping their order."""
    groups: list[VacancyGroup] = []
    for item in items:
        if not groups or (groups[-1].campaign, groups[-1].vacancy.pk) != (item.campaign, item.vacancy.pk):
            groups.append(VacancyGroup(item.campaign, item.vacancy, []))
        groups[-1].items.append(item)
    return groups
