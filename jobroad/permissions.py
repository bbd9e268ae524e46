"""Who may see and do what — written once, used by every view, template, export and PDF.

Predicates answer yes/no for one object; ``visible_*`` selectors scope a queryset to what a user may
see. Views fetch objects through the selectors, so another organisation's object is a 404, never a
403 that would confirm it exists.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone

from aftercare.models import CheckIn, CheckInAudience, CheckInStatus, CoachingContact, Placement
from campaigns.models import Campaign, Enrolment, Interview, Participation, Proposal, ProposalStatus
from candidates.models import Candidate
from companies.models import Company, Site, Vacancy
from workshops.models import Audience, Registration, Session

from .models import (
    CapturedMail,
    ImportKind,
    Invitation,
    Membership,
    Message,
    Organisation,
    PendingImport,
    Role,
    User,
)

STAFF_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


def roles_of(user) -> frozenset[str]:
    """The user's roles across all memberships, cached on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_jobroad_roles"):
        roles = set(Membership.objects.filter(user=user).order_by().values_list("role", flat=True))
        if user.is_superuser:
            roles.add(Role.ADMIN)
        user._jobroad_roles = frozenset(roles)
    return user._jobroad_roles


def organisation_ids_of(user, *roles: str) -> QuerySet:
    memberships = Membership.objects.filter(user=user)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return memberships.values("organisation_id")


def is_admin(user) -> bool:
    return Role.ADMIN in roles_of(user)


def is_coordinator(user) -> bool:
    """Coordinators and admins run campaigns."""
    return bool(roles_of(user) & STAFF_ROLES)


def must_use_mfa(user) -> bool:
    return is_coordinator(user) or (user.is_authenticated and user.is_staff)


def can_create_campaign(user) -> bool:
    return is_coordinator(user)


def can_manage_campaign(user, campaign: Campaign) -> bool:
    """Admins manage every campaign; a coordinator the campaigns they run."""
    roles = roles_of(user)
    return Role.ADMIN in roles or (Role.COORDINATOR in roles and campaign.coordinators.filter(pk=user.pk).exists())


def can_edit_company(user, company: Company) -> bool:
    """Coordinators and the company's own HR people keep a company's profile and vacancies."""
    if is_coordinator(user):
        return True
    return organisation_ids_of(user, Role.COMPANY_HR).filter(organisation_id=company.organisation_id).exists()


# Who may grant which role, by the inviter's own role: the one table every invitation is checked against. Only an
# admin makes admins and coordinators; a coordinator brings in the people their campaigns work with, and only into
# organisations of those campaigns (``invitable_organisations``). An organisation's kind limits it further.
GRANTABLE_ROLES: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset(Role.values),
    Role.COORDINATOR: frozenset({Role.COMPANY_HR, Role.INTERMEDIARY, Role.JOB_COACH}),
}


def grantable_roles(user, organisation: Organisation) -> frozenset[str]:
    """The roles ``user`` may invite a person to in ``organisation`` (empty: may not invite there at all)."""
    roles = roles_of(user)
    granted = frozenset().union(*(GRANTABLE_ROLES.get(role, frozenset()) for role in roles))
    if Role.ADMIN not in roles and not invitable_organisations(user).filter(pk=organisation.pk).exists():
        return frozenset()
    return granted & organisation.allowed_roles()


def invitable_organisations(user) -> QuerySet[Organisation]:
    """Where a coordinator may invite: the companies, partners and reception centres of the campaigns they run,
    and their own JobRoad organisation (for volunteer job coaches). An admin: everywhere."""
    if is_admin(user):
        return Organisation.objects.all()
    if Role.COORDINATOR not in roles_of(user):
        return Organisation.objects.none()
    campaigns = coordinated_campaign_ids(user)
    scope = (
        Q(company__campaigns__in=campaigns)
        | Q(partner_campaigns__in=campaigns)
        | Q(hosted_campaigns__in=campaigns)
        | Q(pk__in=organisation_ids_of(user, Role.COORDINATOR))
    )
    return Organisation.objects.filter(pk__in=Organisation.objects.filter(scope).values("pk"))


def can_invite(user, organisation: Organisation) -> bool:
    return bool(grantable_roles(user, organisation))


def can_read_captured_mail(user) -> bool:
    return is_coordinator(user)


def can_view_reports(user) -> bool:
    return is_coordinator(user) or Role.FUNDER_VIEWER in roles_of(user)


def sees_small_counts(user) -> bool:
    """Coordinators work with people, so a count of 3 tells them nothing new; everyone else (funder viewers) sees
    counts of fewer than five people suppressed, so no figure points at a person."""
    return is_coordinator(user)


def visible_organisations(user) -> QuerySet[Organisation]:
    if is_coordinator(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(id__in=organisation_ids_of(user))


def coordinated_campaign_ids(user) -> QuerySet:
    return Campaign.coordinators.through.objects.filter(user=user).values("campaign_id")


# The scopes below are ORs of flat ``IN (subquery)`` conditions on the row's own columns: no joins, so no
# duplicate rows to remove, and few enough tables that PostgreSQL still plans the pages that join more to them.


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
        scope |= Q(funder__in=organisation_ids_of(user, Role.FUNDER_VIEWER))
    return Campaign.objects.filter(scope)


def partnered_campaign_ids(user) -> QuerySet:
    partners = Campaign.partners.through.objects.filter(organisation__in=organisation_ids_of(user, Role.INTERMEDIARY))
    return partners.values("campaign_id")


def visible_candidates(user) -> QuerySet[Candidate]:
    """Personal records: never company HR or funders (HR sees blind profiles through proposals)."""
    return Candidate.objects.filter(candidate_scope(user))


def candidate_scope(user, via: str = "") -> Q:
    """The condition on the candidates ``user`` sees, for a model that reaches its candidate through ``via``
    (e.g. ``"candidate__"``): filtering on it directly keeps one table fewer than ``candidate__in=``."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Q(**{f"{via}pk__isnull": False})  # every one; not Q(), which an OR with another scope would drop
    scope = Q(**{f"{via}pk__in": []})
    if Role.COORDINATOR in roles:
        enrolled = Enrolment.objects.filter(campaign__in=coordinated_campaign_ids(user))
        scope |= Q(**{f"{via}pk__in": enrolled.values("candidate_id")})
    if Role.INTERMEDIARY in roles:
        scope |= Q(**{f"{via}registered_by__in": organisation_ids_of(user, Role.INTERMEDIARY)})
    if Role.JOB_COACH in roles:
        scope |= Q(**{f"{via}coach": user})
    return scope


def registrable_campaigns(user) -> QuerySet[Campaign]:
    """Campaigns ``user`` may register candidates into — an admin any, a coordinator those they run, an
    intermediary those its organisation is a partner of. *When* (the intake phase) is decided by
    candidates.services.registration_problems, which says why it refuses."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Campaign.objects.all()
    scope = Q(pk__in=[])
    if Role.COORDINATOR in roles:
        scope |= Q(pk__in=coordinated_campaign_ids(user))
    if Role.INTERMEDIARY in roles:
        scope |= Q(pk__in=partnered_campaign_ids(user))
    return Campaign.objects.filter(scope)


def can_register_candidates(user) -> bool:
    return is_coordinator(user) or Role.INTERMEDIARY in roles_of(user)


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


def can_edit_candidate(user, candidate: Candidate) -> bool:
    """The registering organisation's intermediaries, and the coordinators who can see the candidate, keep a
    candidate's record and consent; job coaches read it. An erased record is kept by nobody."""
    if candidate.erased_at:
        return False
    if is_coordinator(user):
        return visible_candidates(user).filter(pk=candidate.pk).exists()
    return organisation_ids_of(user, Role.INTERMEDIARY).filter(organisation_id=candidate.registered_by_id).exists()


def can_exercise_subject_rights(user, candidate: Candidate) -> bool:
    """Exporting everything held about a candidate, or erasing it on their request: the candidate's coordinators
    (the views also ask for a recent re-authentication)."""
    return can_read_audit(user, candidate)


def can_read_audit(user, candidate: Candidate) -> bool:
    """Who read, changed, exported or printed a candidate's record: for the coordinators who see the candidate."""
    return is_coordinator(user) and visible_candidates(user).filter(pk=candidate.pk).exists()


def can_record_consent(user, candidate: Candidate) -> bool:
    return can_edit_candidate(user, candidate)


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


def assignable_coaches(user) -> QuerySet[User]:
    """Job coaches ``user`` may assign to a candidate: coaches of the organisations the user can see."""
    coaches = Membership.objects.filter(organisation__in=visible_organisations(user), role=Role.JOB_COACH)
    return User.objects.filter(is_active=True, pk__in=coaches.values("user"))


def visible_companies(user) -> QuerySet[Company]:
    if is_coordinator(user):
        return Company.objects.all()
    return Company.objects.filter(organisation__in=organisation_ids_of(user, Role.COMPANY_HR))


def visible_vacancies(user) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(company__in=visible_companies(user))


def visible_sites(user) -> QuerySet[Site]:
    """A company's sites are seen by whoever sees the company (and kept by whoever may edit it)."""
    return Site.objects.filter(company__in=visible_companies(user))


def visible_invitations(user) -> QuerySet[Invitation]:
    """Invitations into the organisations where the user may invite (who was invited, and whether they came)."""
    return Invitation.objects.filter(organisation__in=invitable_organisations(user))


def can_manage_messages(user) -> bool:
    return is_coordinator(user)


def visible_messages(user) -> QuerySet[Message]:
    """The outbox: an admin sees every message; a coordinator those of the campaigns they run, and of the rest
    (notes, invitations) only what they wrote themselves or what was sent to them; nobody else sees the outbox."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Message.objects.all()
    if Role.COORDINATOR in roles:
        own = Q(created_by=user) | Q(recipient_user=user)
        return Message.objects.filter(Q(campaign__in=coordinated_campaign_ids(user)) | Q(own, campaign__isnull=True))
    return Message.objects.none()


def visible_people(user) -> QuerySet[User]:
    """People a user may address or look up: the members of the organisations they can see."""
    members = Membership.objects.filter(organisation__in=visible_organisations(user)).values("user")
    return User.objects.filter(is_active=True, pk__in=members)


def visible_captured_mail(user) -> QuerySet[CapturedMail]:
    """The embedded mode's captured mail, as far as the user may read the outbox message it came from; mail from
    outside the outbox (allauth's) only an admin reads. Mail with a one-time link is never captured at all."""
    if is_admin(user):
        return CapturedMail.objects.all()
    if can_read_captured_mail(user):
        return CapturedMail.objects.filter(message__in=visible_messages(user).values("pk"))
    return CapturedMail.objects.none()


# --- spreadsheets: imports and exports (jobroad/imports.py, jobroad/exports.py) ---


def can_import(user, kind: str) -> bool:
    """Whether the user imports rows of this kind anywhere (and so may download its template): candidates
    those who register them, vacancies coordinators and company HR."""
    if kind == ImportKind.CANDIDATES:
        return can_register_candidates(user)
    return kind == ImportKind.VACANCIES and (is_coordinator(user) or Role.COMPANY_HR in roles_of(user))


def can_import_vacancies(user, company: Company) -> bool:
    return can_edit_company(user, company)


def visible_pending_imports(user) -> QuerySet[PendingImport]:
    """A pending import is its uploader's alone, and only until it expires."""
    if not user.is_authenticated:
        return PendingImport.objects.none()
    return PendingImport.objects.filter(owner=user, expires_at__gt=timezone.now())


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


def can_export_candidates(user) -> bool:
    """Those who have a candidate list (coordinators, intermediaries, job coaches) may download it."""
    return is_coordinator(user) or bool(roles_of(user) & {Role.INTERMEDIARY, Role.JOB_COACH})


def can_export_companies(user) -> bool:
    """Company and vacancy lists: coordinators, and HR for its own company."""
    return is_coordinator(user) or Role.COMPANY_HR in roles_of(user)


# --- Workshops ----------------------------------------------------------------------------------------------


def managed_campaigns(user) -> QuerySet[Campaign]:
    """The campaigns a user runs: every one for an admin, their own for a coordinator."""
    roles = roles_of(user)
    if Role.ADMIN in roles:
        return Campaign.objects.all()
    if Role.COORDINATOR in roles:
        return Campaign.objects.filter(pk__in=coordinated_campaign_ids(user))
    return Campaign.objects.none()


def visible_sessions(user) -> QuerySet[Session]:
    """Coordinators see the sessions of the campaigns they run; intermediaries every session of a campaign
    their organisation partners in; company HR the sessions for companies of a campaign their company joined."""
    roles = roles_of(user)
    scope = Q(workshop__campaign__in=managed_campaigns(user))
    if Role.INTERMEDIARY in roles:
        scope |= Q(workshop__campaign__partners__in=organisation_ids_of(user, Role.INTERMEDIARY))
    if Role.COMPANY_HR in roles:
        scope |= Q(
            workshop__audience=Audience.PARTNERS,
            workshop__campaign__companies__organisation__in=organisation_ids_of(user, Role.COMPANY_HR),
        )
    return Session.objects.filter(pk__in=Session.objects.filter(scope).values("pk"))


def can_manage_workshops(user, campaign: Campaign) -> bool:
    return can_manage_campaign(user, campaign)


def visible_registrations(user, session: Session) -> QuerySet[Registration]:
    """Everyone in the session for its coordinators; otherwise only the people of one's own organisations —
    an intermediary never learns which other candidates take part."""
    registrations = session.registrations.all()
    if can_manage_workshops(user, session.workshop.campaign):
        return registrations
    return registrations.filter(organisation__in=organisation_ids_of(user))


def registrable_candidates(user, session: Session) -> QuerySet[Candidate]:
    """Candidates the user may put into a candidates' session: visible to them and enrolled in its campaign."""
    if not session.workshop.for_candidates:
        return Candidate.objects.none()
    return visible_candidates(user).filter(campaigns=session.workshop.campaign_id)


def registrable_people(user, session: Session) -> QuerySet[User]:
    """People the user may put into a session for companies and intermediaries: coordinators anyone of the
    campaign's companies and partners, others the people of their own organisation."""
    if session.workshop.for_candidates:
        return User.objects.none()
    campaign = session.workshop.campaign
    if can_manage_workshops(user, campaign):
        organisations = Organisation.objects.filter(Q(company__campaigns=campaign) | Q(partner_campaigns=campaign))
    else:
        organisations = Organisation.objects.filter(
            id__in=organisation_ids_of(user, Role.COMPANY_HR, Role.INTERMEDIARY)
        )
    members = Membership.objects.filter(organisation__in=organisations.values("pk")).values("user")
    return User.objects.filter(is_active=True, pk__in=members)


def can_cancel_registration(user, registration: Registration) -> bool:
    return visible_registrations(user, registration.session).filter(pk=registration.pk).exists()


# --- Matching and proposals -----------------------------------------------------------------------------------


def visible_proposals(user) -> QuerySet[Proposal]:
    """Coordinators: every proposal of the campaigns they run. Company HR: the confirmed proposals to its own
    vacancies, and only while the candidate's consent to share the profile stands — a withdrawal hides it at once."""
    from candidates.selectors import shares_with_companies

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


def can_answer_proposal(user, proposal: Proposal) -> bool:
    """HR of the vacancy's company answers; coordinators read the answer."""
    return (
        proposal.status == ProposalStatus.CONFIRMED
        and Membership.objects.filter(
            user=user, role=Role.COMPANY_HR, organisation=proposal.vacancy.company.organisation_id
        ).exists()
    )


# --- Project week ---------------------------------------------------------------------------------------------


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


# --- Aftercare ------------------------------------------------------------------------------------------------


def visible_placements(user) -> QuerySet[Placement]:
    """A placement is seen by whoever sees its candidate's record: coordinators, the registering intermediary,
    the job coach. The employer answers its check-ins but does not read the placement's file."""
    return Placement.objects.filter(candidate_scope(user, via="candidate__"))


def can_see_placements(user) -> bool:
    """Those who follow candidates have an aftercare page: coordinators, intermediaries, job coaches."""
    return is_coordinator(user) or bool(roles_of(user) & {Role.INTERMEDIARY, Role.JOB_COACH})


def can_manage_placements(user) -> bool:
    """Coordinators record placements and their changes (for the placements they can see)."""
    return is_coordinator(user)


def managed_placements(user) -> QuerySet[Placement]:
    """The placements whose changes a coordinator records (a start, a new route, the end, a flag taken up, a
    check-in answered for someone): those of the campaigns they run — seeing a shared candidate's placement in
    another campaign is not running it. One left without a campaign, by the coordinators who see its candidate."""
    if not can_manage_placements(user):
        return Placement.objects.none()
    return visible_placements(user).filter(Q(campaign__in=managed_campaigns(user)) | Q(campaign__isnull=True))


def asked_check_ins(user) -> QuerySet[CheckIn]:
    """Pending check-ins addressed to this user: the employer's to its HR, the intermediary's to the registering
    organisation, the candidate's to their job coach."""
    roles = roles_of(user)
    scope = Q(pk__in=[])
    if Role.COMPANY_HR in roles:
        companies = Company.objects.filter(organisation__in=organisation_ids_of(user, Role.COMPANY_HR))
        scope |= Q(audience=CheckInAudience.EMPLOYER, placement__company__in=companies)
    if Role.INTERMEDIARY in roles:
        organisations = organisation_ids_of(user, Role.INTERMEDIARY)
        scope |= Q(audience=CheckInAudience.INTERMEDIARY, placement__candidate__registered_by__in=organisations)
    if Role.JOB_COACH in roles:
        scope |= Q(audience=CheckInAudience.CANDIDATE, placement__candidate__coach=user)
    return CheckIn.objects.filter(scope, status=CheckInStatus.PENDING)


def answerable_check_ins(user) -> QuerySet[CheckIn]:
    """The check-ins addressed to the user, and for a coordinator any pending one of the placements they manage
    (answered over the phone, say)."""
    if not is_coordinator(user):
        return asked_check_ins(user)
    coordinated = CheckIn.objects.filter(placement__in=managed_placements(user), status=CheckInStatus.PENDING)
    return CheckIn.objects.filter(Q(pk__in=asked_check_ins(user).values("pk")) | Q(pk__in=coordinated.values("pk")))


def visible_check_ins(user) -> QuerySet[CheckIn]:
    """The check-ins of the placements a user sees (answers included), and the pending ones addressed to them —
    HR answers its company's without reading the placement's file."""
    answerable = answerable_check_ins(user).values("pk")
    return CheckIn.objects.filter(Q(placement__in=visible_placements(user)) | Q(pk__in=answerable))


def can_answer_check_in(user, check_in: CheckIn) -> bool:
    return answerable_check_ins(user).filter(pk=check_in.pk).exists()


def visible_coaching_contacts(user) -> QuerySet[CoachingContact]:
    """A coach's log is read by the coach of the candidate and by the coordinators; not by intermediaries or
    companies."""
    scope = Q(pk__in=[])
    if is_coordinator(user):
        scope |= candidate_scope(user, via="candidate__")
    if Role.JOB_COACH in roles_of(user):
        scope |= Q(candidate__coach=user)
    return CoachingContact.objects.filter(scope)


def can_log_coaching(user, candidate: Candidate) -> bool:
    """The candidate's own coach logs contacts; a coordinator may too (a coach on leave, a call taken)."""
    return (Role.JOB_COACH in roles_of(user) and candidate.coach_id == user.pk) or (
        is_coordinator(user) and visible_candidates(user).filter(pk=candidate.pk).exists()
    )


def can_see_caseload(user) -> bool:
    return Role.JOB_COACH in roles_of(user)
