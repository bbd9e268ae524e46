"""Reads for the matching pages and HR's proposals: rows per candidate, options per vacancy, the score table and
the blind profile."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from companies.models import Vacancy
from jobroad.models import Membership, Role, User
from jobroad.selectors import members

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
