"""Who sees and keeps a candidate's record: registering, editing, consent, subject rights, the audit trail."""

from django.db.models import Q, QuerySet

from jobroad.models import (
    Role,
)
from jobroad.permissions import coordinated_campaign_ids, is_coordinator, organisation_ids_of, roles_of

from .models import Candidate


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
        enrolled = Candidate.campaigns.through.objects.filter(campaign__in=coordinated_campaign_ids(user))  # enrolments
        scope |= Q(**{f"{via}pk__in": enrolled.values("candidate_id")})
    if Role.INTERMEDIARY in roles:
        scope |= Q(**{f"{via}registered_by__in": organisation_ids_of(user, Role.INTERMEDIARY)})
    if Role.JOB_COACH in roles:
        scope |= Q(**{f"{via}coach": user})
    return scope


def can_register_candidates(user) -> bool:
    return is_coordinator(user) or Role.INTERMEDIARY in roles_of(user)


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


def can_export_candidates(user) -> bool:
    """Those who have a candidate list (coordinators, intermediaries, job coaches) may download it."""
    return can_see_candidates(user)


def can_see_candidates(user) -> bool:
    """Those who follow candidates have a candidate list (its export links follow it): coordinators, intermediaries,
    job coaches."""
    return is_coordinator(user) or bool(roles_of(user) & {Role.INTERMEDIARY, Role.JOB_COACH})


def can_see_variants(user) -> bool:
    """Who is told that a candidate is possibly the same person as another in a different spelling: those who
    register and keep records (coordinators and intermediaries), and only about candidates they may see."""
    return can_register_candidates(user)
