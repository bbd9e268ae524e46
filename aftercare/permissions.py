"""Who follows placements: reading them, recording their changes, answering check-ins, the coach's log."""

from django.db.models import Q, QuerySet

from campaigns.permissions import managed_campaigns
from candidates.models import Candidate
from candidates.permissions import can_edit_candidate, candidate_scope, visible_candidates
from companies.models import Company
from jobroad.models import (
    Role,
)
from jobroad.permissions import is_coordinator, organisation_ids_of, roles_of

from .models import CheckIn, CheckInAudience, CheckInStatus, CoachingContact, Placement, Referral


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


def can_assign_coach(user, candidate: Candidate) -> bool:
    """Who keeps the candidate's record chooses the job coach (coordinators, the registering intermediaries), from
    the coaches they may assign (``jobroad.permissions.assignable_coaches``)."""
    return can_edit_candidate(user, candidate)


def can_see_caseload(user) -> bool:
    return Role.JOB_COACH in roles_of(user)


def can_refer(user) -> bool:
    """Coordinators refer candidates with no offer to a temp agency or VDAB."""
    return is_coordinator(user)


def managed_referrals(user) -> QuerySet[Referral]:
    """The referrals a coordinator follows: those of the campaigns they run, of candidates they see. The
    organisation referred to never gets an account's view: it answers through its link (``referral_links``)."""
    if not can_refer(user):
        return Referral.objects.none()
    return Referral.objects.filter(
        candidate_scope(user, via="enrolment__candidate__"), enrolment__campaign__in=managed_campaigns(user)
    )
