"""Who sees and runs campaigns: enrolments, screening, matching and proposals, the project week and its interviews, and
the spreadsheets that feed them.

**Partner screeners** (a VDAB or temp-work consultant, ``Role.SCREENER``) screen together with the coordinators the
candidates of the campaigns their organisation is a screening partner of (``Campaign.screening_partners``), and see
nothing else: not the campaign's page, its companies, matching, reports, the outbox, HR's pages, nor any candidate
list (``visible_candidates`` and ``visible_campaigns`` leave them out). What they see of a candidate is what
screening needs, on the screening board and form: the name, the spoken languages and their levels, education and its
recognition (NARIC), work experience, competences, wished occupations, the driving licence and the availability
date. Never contact details, address, birth year, nationality, residence status and asylum dates (nor the legal
access derived from them: the screener records the residence document they see themselves), the target group, the
availability note, consent, coaching or aftercare. A screener opens only a round of screening nobody has done yet or
that they did themselves (``can_open_screening``): another screener's notes, test results, document and reasons stay
closed, so a second opinion stays blind to the first, and on the board they see another's round only as its state
(to do, no decision yet, selected, reserve, not now). Calibration, which compares screeners, is the coordinators'.

**The vacancy briefing** (``briefed_campaigns``) shows a campaign's intermediaries its companies' open vacancies
with counts only — how many of the campaign's registered candidates, all organisations together, meet each hard
requirement — never names, and never a count per organisation.
"""

from django.db.models import Q, QuerySet

from candidates.models import Screening
from candidates.permissions import can_register_candidates
from candidates.selectors import shares_with_companies
from companies.permissions import can_import_vacancies, visible_companies
from jobroad.models import (
    ImportKind,
    Membership,
    Organisation,
    PendingImport,
    Role,
)
from jobroad.permissions import STAFF_ROLES, coordinated_campaign_ids, is_coordinator, organisation_ids_of, roles_of

from .models import Campaign, Enrolment, FundingProgramme, Interview, Participation, Proposal, ProposalStatus


def can_create_campaign(user) -> bool:
    return is_coordinator(user)


def can_manage_campaign(user, campaign: Campaign) -> bool:
    """Admins manage every campaign; a coordinator the campaigns they run."""
    roles = roles_of(user)
    return Role.ADMIN in roles or (Role.COORDINATOR in roles and campaign.coordinators.filter(pk=user.pk).exists())


def visible_campaigns(user) -> QuerySet[Campaign]:
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Campaign.objects.all()
    scope = Q(pk__in=[])
    if Role.COORDINATOR in roles:
        scope |= Q(pk__in=coordinated_campaign_ids(user))
    if Role.COMPANY_HR in roles:
        scope |= Q(pk__in=confirmable_participations(user).values("campaign_id"))
    if Role.INTERMEDIARY in roles:
        scope |= Q(pk__in=partnered_campaign_ids(user))
    if Role.JOB_COACH in roles:
        scope |= Q(pk__in=Enrolment.objects.filter(candidate__coach=user).values("campaign_id"))
    if Role.FUNDER_VIEWER in roles:
        funders = organisation_ids_of(user, Role.FUNDER_VIEWER)
        scope |= Q(funder__in=funders) | Q(programme__funder__in=funders)
    return Campaign.objects.filter(scope)


def visible_programmes(user) -> QuerySet[FundingProgramme]:
    """Coordinators and admins see every funding programme; a funder viewer those of its own organisation."""
    if is_coordinator(user):
        return FundingProgramme.objects.all()
    if Role.FUNDER_VIEWER in roles_of(user):
        return FundingProgramme.objects.filter(funder__in=organisation_ids_of(user, Role.FUNDER_VIEWER))
    return FundingProgramme.objects.none()


def can_see_programmes(user) -> bool:
    return is_coordinator(user) or Role.FUNDER_VIEWER in roles_of(user)


def can_manage_programmes(user) -> bool:
    """Programmes are JobRoad's contracts with its funders: kept by coordinators and admins, read by the funder."""
    return is_coordinator(user)


def partnered_campaign_ids(user) -> QuerySet:
    partners = Campaign.partners.through.objects.filter(organisation__in=organisation_ids_of(user, Role.INTERMEDIARY))
    return partners.values("campaign_id")


def registrable_campaigns(user) -> QuerySet[Campaign]:
    """Campaigns ``user`` may register candidates into — an admin any, a coordinator those they run, an
    intermediary those its organisation is a partner of. *When* (the intake phase) is decided by
    ``intake.services.registration_problems``, which says why it refuses."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Campaign.objects.all()
    scope = Q(pk__in=[])
    if Role.COORDINATOR in roles:
        scope |= Q(pk__in=coordinated_campaign_ids(user))
    if Role.INTERMEDIARY in roles:
        scope |= Q(pk__in=partnered_campaign_ids(user))
    return Campaign.objects.filter(scope)


def registering_organisations(user, campaign: Campaign) -> QuerySet[Organisation]:
    """The organisations a candidate that ``user`` registers into ``campaign`` can be registered by: an
    intermediary's own partner organisation(s); for a coordinator any partner or reception centre of the
    campaign, or JobRoad itself."""
    taking_part = Q(partner_campaigns=campaign) | Q(hosted_campaigns=campaign)
    if is_coordinator(user):
        scope = taking_part | Q(id__in=organisation_ids_of(user, *STAFF_ROLES))
    else:
        scope = Q(partner_campaigns=campaign, id__in=organisation_ids_of(user, Role.INTERMEDIARY))
    return Organisation.objects.filter(pk__in=Organisation.objects.filter(scope).values("pk"))


def changeable_enrolments(user) -> QuerySet[Enrolment]:
    """The enrolments whose track (a drop-out) a user may change: a coordinator those of the campaigns they run,
    an intermediary its own organisation's candidates in the campaigns it partners in. The enrolment's campaign is
    checked, not only its candidate: a candidate shared by two campaigns is seen by the coordinators of both."""
    scope = Q(campaign__in=managed_campaigns(user))
    if Role.INTERMEDIARY in roles_of(user):
        scope |= Q(
            campaign__in=partnered_campaign_ids(user),
            candidate__registered_by__in=organisation_ids_of(user, Role.INTERMEDIARY),
        )
    return Enrolment.objects.filter(scope, candidate__erased_at__isnull=True)


def managed_campaigns(user) -> QuerySet[Campaign]:
    """The campaigns a user runs: every one for an admin, their own for a coordinator."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Campaign.objects.all()
    if Role.COORDINATOR in roles:
        return Campaign.objects.filter(pk__in=coordinated_campaign_ids(user))
    return Campaign.objects.none()


def visible_proposals(user) -> QuerySet[Proposal]:
    """Coordinators: every proposal of the campaigns they run. Company HR: the confirmed proposals to its own
    vacancies, and only while the candidate's consent to share the profile stands — a withdrawal hides it at once."""
    return Proposal.objects.filter(
        Q(enrolment__campaign__in=managed_campaigns(user))
        | Q(
            shares_with_companies("enrolment__candidate"),
            status=ProposalStatus.CONFIRMED,
            vacancy__company__organisation__in=organisation_ids_of(user, Role.COMPANY_HR),
        )
    )


def can_see_proposals(user) -> bool:
    """HR reads the candidates proposed to its company; coordinators may look over its shoulder."""
    return is_coordinator(user) or Role.COMPANY_HR in roles_of(user)


def has_hr_menu(user) -> bool:
    """HR's own menu items, proposals and project week (coordinators reach both from their campaigns)."""
    return Role.COMPANY_HR in roles_of(user)


def can_answer_question(user, question) -> bool:
    """A question HR asked on a proposal is answered by a coordinator of the proposal's campaign."""
    return can_manage_campaign(user, question.proposal.enrolment.campaign)


def can_answer_proposal(user, proposal: Proposal) -> bool:
    """HR of the vacancy's company answers; coordinators read the answer."""
    return (
        proposal.status == ProposalStatus.CONFIRMED
        and Membership.objects.filter(
            user=user, role=Role.COMPANY_HR, organisation=proposal.vacancy.company.organisation_id
        ).exists()
    )


def visible_interviews(user) -> QuerySet[Interview]:
    """Coordinators: every interview of the campaigns they run. Company HR: its own published interviews whose
    proposal it may see (so a consent withdrawal hides them too)."""
    managed = Participation.objects.filter(campaign__in=managed_campaigns(user))
    return Interview.objects.filter(
        Q(participation__in=managed.values("pk"))
        | Q(
            published_day__isnull=False,
            participation__in=confirmable_participations(user).values("pk"),
            proposal__in=visible_proposals(user).values("pk"),
        )
    )


def can_see_interviews(user) -> bool:
    return is_coordinator(user) or Role.COMPANY_HR in roles_of(user)


def can_evaluate(user, interview: Interview) -> bool:
    """HR of the interviewing company fills the evaluation, once the interview is published; the campaign's
    coordinators may fill it in for HR (over the phone, say)."""
    if interview.published_day is None:
        return False
    return (
        can_manage_campaign(user, interview.participation.campaign)
        or Membership.objects.filter(
            user=user, role=Role.COMPANY_HR, organisation=interview.participation.company.organisation_id
        ).exists()
    )


def confirmable_participations(user) -> QuerySet[Participation]:
    """The campaign participations whose project-week day this user confirms: their own company's, as HR."""
    return Participation.objects.filter(company__organisation__in=organisation_ids_of(user, Role.COMPANY_HR))


def can_edit_participation(user, participation: Participation) -> bool:
    """A company's days and capacity in a campaign: kept by the campaign's coordinators and the company's own HR
    (not by any coordinator, as the company's profile is)."""
    return (
        can_manage_campaign(user, participation.campaign)
        or confirmable_participations(user).filter(pk=participation.pk).exists()
    )


def can_import(user, kind: str) -> bool:
    """Whether the user imports rows of this kind anywhere (and so may download its template): candidates
    those who register them, vacancies coordinators and company HR."""
    if kind == ImportKind.CANDIDATES:
        return can_register_candidates(user)
    return kind == ImportKind.VACANCIES and (is_coordinator(user) or Role.COMPANY_HR in roles_of(user))


def can_continue_import(user, pending: PendingImport) -> bool:
    """The uploader may still import into the import's target: for candidates the campaign and registering
    organisation (as for registering one candidate), for vacancies the company. A membership may have ended
    since the upload."""
    if pending.kind == ImportKind.CANDIDATES:
        return (
            can_register_candidates(user)
            and registrable_campaigns(user).filter(pk=pending.campaign_id).exists()
            and registering_organisations(user, pending.campaign).filter(pk=pending.organisation_id).exists()
        )
    if pending.kind == ImportKind.VACANCIES and pending.company_id:
        return visible_companies(user).filter(pk=pending.company_id).exists() and can_import_vacancies(
            user, pending.company
        )
    return False


def can_see_campaigns(user) -> bool:
    """Everyone with a role takes part in campaigns (the list shows each only those they may see); a partner
    screener reaches their campaigns' screening from the home page only."""
    return bool(roles_of(user) - {Role.SCREENER})


# --- Screening: the campaign's coordinators and its screening partners' screeners ---------------------------------


def screened_campaign_ids(user) -> QuerySet:
    """The campaigns one of the user's organisations is a screening partner of, where the user is a screener."""
    partners = Campaign.screening_partners.through.objects.filter(
        organisation__in=organisation_ids_of(user, Role.SCREENER)
    )
    return partners.values("campaign_id")


def screenable_campaigns(user) -> QuerySet[Campaign]:
    """The campaigns whose candidates ``user`` screens: an admin's all, a coordinator's own, and for a partner
    screener those their organisation screens for."""
    scope = Q(pk__in=managed_campaigns(user).values("pk"))
    if Role.SCREENER in roles_of(user):
        scope |= Q(pk__in=screened_campaign_ids(user))
    return Campaign.objects.filter(scope)


def visible_screening_enrolments(user) -> QuerySet[Enrolment]:
    """The enrolments ``user`` may screen (and so read what screening needs of their candidate): those of
    ``screenable_campaigns``, so a candidate of another campaign is a 404 to a partner screener."""
    return Enrolment.objects.filter(campaign__in=screenable_campaigns(user))


def can_open_screening(user, screening: Screening | None, *, runs_campaign: bool) -> bool:
    """A round of screening (``None``: not done yet) opens for the campaign's coordinators (``runs_campaign``:
    ``can_manage_campaign``, asked once per page), and for a partner screener when nobody did it yet or they did
    it themselves: another screener's notes, tests and document stay closed to them."""
    return runs_campaign or screening is None or screening.screener_id == user.pk


# --- The vacancy briefing ---------------------------------------------------------------------------------------


def briefed_campaigns(user) -> QuerySet[Campaign]:
    """The campaigns whose vacancy briefing ``user`` reads: those they register candidates into (an intermediary's
    partner campaigns, a coordinator's own, every one for an admin), since the briefing is there to refer the
    right people. Never company HR, job coaches, funders or screeners."""
    return registrable_campaigns(user)


def can_read_briefing(user, campaign: Campaign) -> bool:
    return briefed_campaigns(user).filter(pk=campaign.pk).exists()


def can_keep_interpreters(user) -> bool:
    """The interpreter register, with its contact details, is the coordinators' (every campaign books from it)."""
    return is_coordinator(user)
