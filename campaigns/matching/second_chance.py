"""Reads for the "second chance" after project week (DESIGN §1): candidates whose interviews all ended without
an offer or a maybe, and the open vacancies of ambassador companies they fit, scored by the matching engine's
own rules so that a hard rule (legal access, consent, commute, language) still excludes a pair.

The employer network's ambassador profile says whether a company takes second-chance candidates: those that do
come first for each candidate, labelled as such; those that said no are never proposed; the others (no profile yet,
or "ask first") follow, so the coordinator asks before proposing."""

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef

from companies.models import SecondChanceWillingness, Vacancy

from ..models import Campaign, Enrolment, Interview, Outcome, Proposal
from . import engine as matching
from . import inputs
from .scoring import evaluate, exclusions, score

SHOWN_PER_CANDIDATE = 5


@dataclass(frozen=True)
class Option:
    vacancy: Vacancy
    pair: matching.Pair

    @property
    def takes_second_chance(self) -> bool:
        """The company's ambassador profile says it takes second-chance candidates (no need to ask first)."""
        return getattr(self.vacancy, "second_chance_willingness", None) == SecondChanceWillingness.YES


@dataclass(frozen=True)
class Row:
    enrolment: Enrolment
    options: list[Option]
    proposed: list[Proposal]  # second-chance proposals already made, with HR's answer


def not_retained(campaign: Campaign):
    """Enrolments with at least one evaluated interview, every scheduled interview evaluated, and no offer or
    maybe among them."""
    interviews = Interview.objects.filter(enrolment=OuterRef("pk"), published_day__isnull=False)
    return (
        campaign.enrolments.filter(Exists(interviews.filter(evaluation__isnull=False)))
        .exclude(Exists(interviews.filter(evaluation__isnull=True)))
        .exclude(Exists(interviews.filter(evaluation__outcome__in=[Outcome.OFFER, Outcome.MAYBE])))
        .select_related("candidate")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


def ambassador_vacancies():
    """Open vacancies of ambassador companies, but for those whose profile says they take no second-chance
    candidates; each carries its company's ``second_chance_willingness`` (None without a profile)."""
    return (
        Vacancy.objects.filter(company__is_ambassador=True, is_open=True)
        .exclude(company__ambassador_profile__second_chance=SecondChanceWillingness.NO)
        .annotate(second_chance_willingness=F("company__ambassador_profile__second_chance"))
    )


def rows(campaign: Campaign) -> list[Row]:
    """Each candidate not retained with the best-fitting ambassador vacancies not yet proposed to them: those of
    companies that take second-chance candidates first, then by fit."""
    enrolments = list(not_retained(campaign).prefetch_related("proposals__vacancy__company__organisation"))
    if not enrolments:
        return []
    loaded = inputs.matching_input(campaign, vacancies=ambassador_vacancies())
    wanted = {enrolment.candidate_id for enrolment in enrolments}
    problem = loaded.problem
    allowed, _excluded = evaluate(
        matching.Problem(
            candidates=tuple(c for c in problem.candidates if c.id in wanted),
            vacancies=problem.vacancies,
            settings=problem.settings,
        )
    )
    result = []
    for enrolment in enrolments:
        proposed = {p.vacancy_id for p in enrolment.proposals.all()}
        options = sorted(
            (Option(loaded.vacancies[vacancy], pair) for (candidate, vacancy), pair in allowed.items()
             if candidate == enrolment.candidate_id and vacancy not in proposed),
            key=lambda option: (not option.takes_second_chance, -option.pair.fit, option.pair.vacancy_id),
        )[:SHOWN_PER_CANDIDATE]  # fmt: skip
        result.append(Row(enrolment, options, [p for p in enrolment.proposals.all() if p.second_chance]))
    return result


def option(enrolment: Enrolment, vacancy: Vacancy) -> Option | None:
    """The pair as the second-chance list offers it, or None when it may not be proposed (any more)."""
    if not not_retained(enrolment.campaign).filter(pk=enrolment.pk).exists():
        return None
    if Proposal.objects.filter(enrolment=enrolment, vacancy=vacancy).exists():
        return None
    loaded = inputs.matching_input(enrolment.campaign, vacancies=ambassador_vacancies().filter(pk=vacancy.pk))
    candidate = next((c for c in loaded.problem.candidates if c.id == enrolment.candidate_id), None)
    offer = next(iter(loaded.problem.vacancies), None)
    if candidate is None or offer is None or exclusions(candidate, offer, loaded.problem.settings):
        return None
    return Option(loaded.vacancies[offer.id], score(candidate, offer, loaded.problem.settings))
