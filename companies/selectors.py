"""Reads on the employer side that views share."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from jobroad.models import Invitation, Membership, Role
from jobroad.permissions import visible_invitations

from . import permissions
from .models import Company, ContactLogEntry, NetworkTarget, PipelineStage, StageChange, Vacancy, shown_stage


def hr_memberships(company: Company) -> QuerySet[Membership]:
    """The company's HR people (the company page lists them for whoever sees the company)."""
    return (
        Membership.objects.filter(organisation=company.organisation_id, role=Role.COMPANY_HR)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def open_hr_invitations(user, company: Company) -> QuerySet[Invitation]:
    """HR invitations to the company not yet accepted, as far as ``user`` may see invitations."""
    return visible_invitations(user).filter(
        organisation=company.organisation_id, role=Role.COMPANY_HR, accepted_at__isnull=True
    )


def company_vacancies(user, company: Company) -> QuerySet[Vacancy]:
    """The company's vacancies ``user`` may see, with what the company page shows of each."""
    return (
        permissions.visible_vacancies(user)
        .filter(company=company)
        .select_related("site", "occupation")
        .order_by("-is_open", "title")
    )


# The employer network. A company in a campaign is at least "taking part": campaigns sit above companies, so the
# participation is found through the relation campaigns declare on Company, never by importing campaigns.


def participations_of(company) -> QuerySet:
    """The company's campaign participations (a row, or ``OuterRef("pk")`` in a subquery)."""
    return Company._meta.get_field("participations").related_model.objects.filter(company=company)


def takes_part(company: Company) -> bool:
    return participations_of(company).exists()


def network_companies() -> QuerySet[Company]:
    """Every company with what the network pages show of it: ``in_campaign`` and the next step of its latest
    contact log entry (``next_step`` and ``next_step_on``)."""
    latest = ContactLogEntry.objects.filter(company=OuterRef("pk")).order_by("-contacted_on", "-id")
    return (
        Company.objects.select_related("organisation", "account_owner")
        .annotate(
            in_campaign=Exists(participations_of(OuterRef("pk"))),
            next_step=Subquery(latest.values("next_step")[:1]),
            next_step_on=Subquery(latest.values("next_step_on")[:1]),
        )
        .order_by(*Company._meta.ordering)
    )


@dataclass(frozen=True)
class PipelineColumn:
    stage: str
    label: str
    companies: list[Company]


def pipeline(companies: QuerySet[Company] | None = None) -> list[PipelineColumn]:
    """The companies grouped by the stage the network shows (``Company.shown_stage``), in pipeline order, each
    stage present even when empty. One query."""
    grouped: dict[str, list[Company]] = {stage: [] for stage in PipelineStage.values}
    for company in network_companies() if companies is None else companies:
        company.pipeline_stage = shown_stage(
            company.stage, is_ambassador=company.is_ambassador, takes_part=company.in_campaign
        )
        grouped[company.pipeline_stage].append(company)
    return [PipelineColumn(stage, PipelineStage(stage).label, grouped[stage]) for stage in PipelineStage.values]


@dataclass(frozen=True)
class YearAgainstTarget:
    year: int
    target: NetworkTarget | None
    reached: int  # companies that left "lead" this year: first contacted (or further) in the year
    committed: int  # companies that moved to "committed" or further, from before it, this year

    @staticmethod
    def share(done: int, target: int | None) -> int | None:
        return round(100 * done / target) if target else None

    @property
    def reached_share(self) -> int | None:
        return self.share(self.reached, self.target and self.target.companies_reached)

    @property
    def committed_share(self) -> int | None:
        return self.share(self.committed, self.target and self.target.companies_committed)


def year_against_target(year: int) -> YearAgainstTarget:
    """The year's new contacts and commitments, read from the stage history, beside the year's target (if set).
    A company counts once a year however often it moved."""
    moves = StageChange.objects.filter(changed_at__year=year)
    committed_or_further = PipelineStage.at_least(PipelineStage.COMMITTED)
    return YearAgainstTarget(
        year=year,
        target=NetworkTarget.objects.filter(year=year).first(),
        reached=moves.filter(from_stage=PipelineStage.LEAD).values("company").distinct().count(),
        committed=moves.filter(to_stage__in=committed_or_further)
        .exclude(from_stage__in=committed_or_further)
        .values("company")
        .distinct()
        .count(),
    )


def contact_log(company: Company) -> QuerySet[ContactLogEntry]:
    return company.contact_log.select_related("written_by")


def stage_history(company: Company) -> QuerySet[StageChange]:
    return company.stage_changes.select_related("changed_by").order_by("-changed_at", "-id")
