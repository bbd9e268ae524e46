"""The matching engine's input, loaded from the database: candidates, vacancies, the hard constraints' facts and the
coordinator's pins and bans."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from candidates.models import ConsentPurpose, Screening, ScreeningDecision
from candidates.selectors import latest_consent_action
from companies.models import Vacancy

from ..models import (
    Campaign,
    Enrolment,
    MatchingSettings,
    PairRule,
    PairRuleKind,
    Proposal,
    ProposalStatus,
)
from ..selectors import coordinates, estimated_commute_minutes, project_week_start
from . import engine as matching


@dataclass(frozen=True)
class MatchingInput:
    """The engine's problem and the rows behind its ids, so that a service can save what the engine returns."""

    problem: matching.Problem
    enrolments: dict[int, Enrolment]  # by candidate id
    vacancies: dict[int, Vacancy]
    project_week_starts_on: date


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
    sites = {pk: coordinates(v.site) or coordinates(v.company.organisation) for pk, v in vacancies.items()}
    by_candidate = {}
    candidates = []
    for enrolment in enrolments:
        candidate = enrolment.candidate
        screening = enrolment.first_screening[0] if enrolment.first_screening else None
        # The enrolment carries the consent annotation; the candidate reads it from there (no query per row).
        candidate.share_profile_consent = enrolment.share_profile_consent
        origin = coordinates(candidate.reception_centre)
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
                sector=vacancy.company.sector,
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
            max_interviews=limits.interviews_per_candidate,
            max_commute_minutes=limits.max_commute_minutes,
            fairness_levels=limits.fairness_levels,
        ),
        # What a coordinator confirmed stays: a re-run plans around it.
        pinned=frozenset((c, v) for c, v, kind in rules if kind == PairRuleKind.PIN)
        | frozenset(confirmed.values_list("enrolment__candidate_id", "vacancy_id")),
        forbidden=frozenset((c, v) for c, v, kind in rules if kind == PairRuleKind.FORBID),
    )
    return MatchingInput(problem, by_candidate, vacancies, week_starts_on)
