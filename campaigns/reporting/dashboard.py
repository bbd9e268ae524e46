"""The home page of each role: what needs doing and the figures to watch, read from every app through its
permission scopes."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftercare import selectors as aftercare_selectors
from candidates.permissions import visible_candidates
from companies.models import Company
from companies.permissions import visible_companies
from jobroad import disclosure, permissions
from jobroad.models import MessageStatus, Role
from jobroad.permissions import sees_small_counts
from workshops.selectors import outreach, sessions_held

from ..intake import selectors as intake_selectors
from ..matching.questions import questions_to_answer
from ..models import Campaign, HrAnswer, ProposalStatus
from ..permissions import visible_proposals
from ..selectors import campaigns_with_counts


@dataclass
class Dashboard:
    roles: frozenset[str]
    campaigns: QuerySet | None = None
    open_invitations: QuerySet | None = None
    failed_messages: int = 0
    companies: QuerySet | None = None
    candidates: QuerySet | None = None
    caseload: QuerySet | None = None
    funded_campaigns: QuerySet | None = None
    check_ins: QuerySet | None = None  # aftercare check-ins addressed to the user, due soon
    flagged_check_ins: QuerySet | None = None
    proposals_to_answer: int = 0  # HR: confirmed proposals to its company still without a decision
    questions: list | None = None  # HR's questions on proposals, waiting for one of the coordinator's answers
    overdue_check_ins: int = 0
    offers_to_place: int = 0
    briefings: QuerySet | None = None  # an intermediary's campaigns in intake, each with its vacancy briefing
    to_screen: QuerySet | None = None  # a partner screener's candidates still to screen
    screened_campaigns: QuerySet | None = None
    today: date | None = None
    sections: list[str] = field(default_factory=list)


def dashboard_for(user) -> Dashboard:
    """What each of the user's roles puts on their home page. Querysets stay lazy."""
    roles = permissions.roles_of(user)
    today = timezone.localdate()
    dashboard = Dashboard(roles=roles, today=today)
    if roles & {Role.COMPANY_HR, Role.INTERMEDIARY, Role.JOB_COACH}:
        dashboard.check_ins = aftercare_selectors.check_ins_to_answer(user, today)[:20]
    if permissions.is_coordinator(user):
        dashboard.sections.append("coordinator")
        dashboard.campaigns = campaigns_with_counts(user)
        dashboard.open_invitations = (
            permissions.visible_invitations(user).filter(accepted_at__isnull=True).select_related("organisation")[:10]
        )
        dashboard.failed_messages = permissions.visible_messages(user).filter(status=MessageStatus.FAILED).count()
        dashboard.flagged_check_ins = aftercare_selectors.flagged_check_ins(user)[:20]
        dashboard.questions = list(questions_to_answer(user).order_by("asked_at", "id")[:20])
        dashboard.overdue_check_ins = aftercare_selectors.overdue_check_ins(user, today).count()
        dashboard.offers_to_place = aftercare_selectors.offers_to_place(user).count()
    if Role.COMPANY_HR in roles:
        dashboard.sections.append("company_hr")
        dashboard.proposals_to_answer = (
            visible_proposals(user)
            .filter(status=ProposalStatus.CONFIRMED, hr_answer__in=["", HrAnswer.QUESTION])
            .filter(vacancy__company__organisation__in=permissions.organisation_ids_of(user, Role.COMPANY_HR))
            .count()
        )
        dashboard.companies = (
            visible_companies(user)
            .select_related("organisation")
            .prefetch_related("vacancies")
            .annotate(open_vacancy_count=Count("vacancies", distinct=True))
            .order_by(*Company._meta.ordering)
        )
    if Role.INTERMEDIARY in roles:
        dashboard.sections.append("intermediary")
        dashboard.candidates = _with_campaigns(
            visible_candidates(user).filter(registered_by__in=permissions.organisation_ids_of(user, Role.INTERMEDIARY))
        )
        dashboard.briefings = intake_selectors.briefings_open(user)
    if Role.JOB_COACH in roles:
        dashboard.sections.append("job_coach")
        dashboard.caseload = _with_campaigns(visible_candidates(user).filter(coach=user))
    if Role.SCREENER in roles:
        dashboard.sections.append("screener")
        dashboard.to_screen = intake_selectors.screening_to_do(user)[:100]
        dashboard.screened_campaigns = intake_selectors.screened_campaigns(user)
    if Role.FUNDER_VIEWER in roles:
        dashboard.sections.append("funder_viewer")
        dashboard.funded_campaigns = campaigns_with_counts(user)
    return dashboard


def _with_campaigns(candidates: QuerySet) -> QuerySet:
    return candidates.prefetch_related("campaigns")[:50]


@dataclass(frozen=True)
class Counter:
    label: str
    actual: int | str  # a count of people as the viewer may see it: disclosure.HIDDEN for a hidden one
    target: int | None
    figure: str = ""  # the figure's name in the pages' ``data-figure`` attributes

    @property
    def percent(self) -> int | None:
        if not self.target or not isinstance(self.actual, int):
            return None
        return min(100, round(100 * self.actual / self.target))


def target_counters(campaign: Campaign, user) -> list[Counter]:
    """Actual figures against the campaign's targets, to date: the figures of the reports' targets table, from the
    same selectors. ``campaign`` comes annotated by ``campaigns_with_counts(user)``, whose candidate count is
    already published as ``user`` may see it. Counts of people go through ``disclosure.published`` for whoever does
    not see small counts; companies and sessions are not people and stay exact."""
    reached = outreach(sessions_held(Campaign.objects.filter(pk=campaign.pk), ends_on=timezone.localdate()))
    people = [reached.residents, reached.candidates, reached.company_people]
    if not sees_small_counts(user):
        people = [disclosure.published(count) for count in people]
    residents, candidates, company_people = people
    return [
        Counter(_("Candidates"), campaign.candidate_count, campaign.target_candidates, "candidates"),
        Counter(_("Companies"), campaign.company_count, campaign.target_companies, "companies"),
        Counter(_("Workshop sessions"), reached.workshops, campaign.target_workshops, "workshop_sessions"),
        # Residents and company people are never added up into one number of attendees (issue 22, item 2).
        Counter(_("Residents reached"), residents, campaign.target_workshop_attendees, "residents_reached"),
        Counter(_("Of whom registered candidates"), candidates, None, "residents_candidates"),
        Counter(_("People from companies at workshops"), company_people, None, "company_people"),
        Counter(_("Companies at workshops"), reached.companies, None, "workshop_companies"),
    ]
