"""Reads for aftercare: outcomes on a day, the to-do lists of check-ins, the coordinator's flags and the coach's
caseload. Always through the permission scopes."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from campaigns.models import CampaignPhase, DropOutReason, Enrolment, Evaluation, Outcome
from campaigns.permissions import managed_campaigns
from candidates.models import Candidate
from candidates.permissions import visible_candidates
from jobroad.models import Organisation, OrganisationKind
from jobroad.permissions import is_coordinator

from . import outcomes, permissions
from .models import (
    REFERRAL_KINDS,
    CandidateOutcome,
    CheckIn,
    CheckInStatus,
    CoachingContact,
    Placement,
    PlacementStatus,
    Referral,
)
from .referrals import has_offer, has_running_placement

# A check-in shows on its answerer's list this long before it is due.
DUE_SOON = timedelta(days=7)
# A check-in not answered this long after its due day is escalated to the coordinators (reminders.RULES).
OVERDUE_AFTER = timedelta(days=7)


def outcomes_on(candidate_ids: Iterable[int], day: date) -> dict[int, outcomes.Standing | None]:
    """Each candidate's standing on ``day`` (aftercare.outcomes), in three queries whatever the number."""
    candidate_ids = list(candidate_ids)
    placements = defaultdict(list)
    for placement in Placement.objects.filter(candidate__in=candidate_ids).prefetch_related("changes"):
        routes = tuple((change.effective_on, change.route) for change in placement.changes.all())
        placements[placement.candidate_id].append(
            outcomes.PlacementFacts(
                placement_id=placement.pk,
                starts_on=placement.starts_on,
                ended_on=placement.ended_on,
                routes=routes or ((placement.starts_on, placement.route),),
            )
        )
    enrolments = defaultdict(list)
    rows = Enrolment.objects.filter(candidate__in=candidate_ids).values_list(
        "candidate_id", "enrolled_at", "dropped_out_on", "drop_out_reason"
    )
    for candidate_id, enrolled_at, dropped_out_on, reason in rows:
        enrolments[candidate_id].append(
            outcomes.EnrolmentFacts(
                enrolled_on=timezone.localdate(enrolled_at), dropped_out_on=dropped_out_on, reason=reason
            )
        )
    return {pk: outcomes.standing_on(day, placements[pk], enrolments[pk]) for pk in candidate_ids}


@dataclass
class OutcomeView:
    """A standing as shown on a page: its label, and the drop-out reason's."""

    code: str
    label: str
    reason: str = ""
    placement_id: int | None = None


def outcome_view(standing: outcomes.Standing | None) -> OutcomeView | None:
    if standing is None:
        return None
    reason = DropOutReason(standing.reason).label if standing.reason else ""
    label = CandidateOutcome(standing.outcome).label
    if standing.starts_on:
        label = _("starts on %(day)s") % {"day": date_format(standing.starts_on, "j F Y")}
    return OutcomeView(standing.outcome, label, reason, standing.placement_id)


def outcome_of(candidate_id: int, day: date) -> OutcomeView | None:
    return outcome_view(outcomes_on([candidate_id], day)[candidate_id])


# --- To-do lists ----------------------------------------------------------------------------------------------


def _with_placement(check_ins: QuerySet[CheckIn]) -> QuerySet[CheckIn]:
    return check_ins.select_related(
        "placement__candidate", "placement__company__organisation", "placement__vacancy"
    ).order_by("due_on", "pk")


def check_ins_to_answer(user, today: date) -> QuerySet[CheckIn]:
    """The check-ins addressed to this user, due within a week or already due (a coordinator's own list is
    the overdue one)."""
    return _with_placement(permissions.asked_check_ins(user).filter(due_on__lte=today + DUE_SOON))


def overdue_check_ins(user, today: date) -> QuerySet[CheckIn]:
    """Pending check-ins a week past their due day, escalated to the coordinators who can see them."""
    if not is_coordinator(user):
        return CheckIn.objects.none()
    return _with_placement(
        CheckIn.objects.filter(
            placement__in=permissions.visible_placements(user),
            status=CheckInStatus.PENDING,
            due_on__lt=today - OVERDUE_AFTER,
        )
    )


def flagged_check_ins(user) -> QuerySet[CheckIn]:
    """Answers at risk that no coordinator has taken up yet, of running placements the user manages (a shared
    candidate's placement in another campaign is that campaign's coordinators' to take up)."""
    if not is_coordinator(user):
        return CheckIn.objects.none()
    return _with_placement(
        CheckIn.objects.filter(
            placement__in=permissions.managed_placements(user).exclude(status=PlacementStatus.ENDED),
            at_risk=True,
            flag_cleared_at__isnull=True,
        )
    )


def offers_to_place(user) -> QuerySet[Evaluation]:
    """Offers of the campaigns a coordinator runs that are not a placement yet."""
    return (
        Evaluation.objects.filter(
            outcome=Outcome.OFFER,
            interview__participation__campaign__in=managed_campaigns(user),
            placement__isnull=True,
        )
        .select_related(
            "interview__enrolment__candidate",
            "interview__participation__company__organisation",
            "interview__proposal__vacancy",
        )
        .order_by("interview__day", "pk")
    )


# --- Placements and caseload -------------------------------------------------------------------------------------


def next_check_in() -> Subquery:
    pending = CheckIn.objects.filter(placement=OuterRef("pk"), status=CheckInStatus.PENDING).order_by("due_on")
    return Subquery(pending.values("due_on")[:1])


def placements_listed(user, *, status: str = "") -> QuerySet[Placement]:
    """The placements a user sees, newest start first, with their next check-in and whether one is at risk."""
    placements = permissions.visible_placements(user)
    if status in PlacementStatus.values:
        placements = placements.filter(status=status)
    flagged = CheckIn.objects.filter(placement=OuterRef("pk"), at_risk=True, flag_cleared_at__isnull=True)
    return placements.select_related("candidate", "company__organisation", "employer", "vacancy", "campaign").annotate(
        next_check_in_on=next_check_in(), is_flagged=Exists(flagged)
    )


@dataclass
class CaseloadRow:
    candidate: Candidate
    outcome: OutcomeView | None
    last_contact: CoachingContact | None
    next_check_in: CheckIn | None

    @property
    def next_action_on(self) -> date | None:
        return self.last_contact.next_action_on if self.last_contact else None


def caseload(coach, today: date) -> list[CaseloadRow]:
    """A coach's candidates with their standing today, their latest contact (and its next action) and the next
    check-in; the most urgent first (a next action or check-in coming soonest, then those with none)."""
    candidates = list(
        visible_candidates(coach)
        .filter(coach=coach)
        .prefetch_related(
            Prefetch("coaching_contacts", queryset=CoachingContact.objects.order_by("-happened_on", "-pk")),
            Prefetch(
                "placements__check_ins",
                queryset=CheckIn.objects.filter(status=CheckInStatus.PENDING).order_by("due_on", "pk"),
            ),
        )
    )
    standings = outcomes_on([candidate.pk for candidate in candidates], today)
    rows = []
    for candidate in candidates:
        pending = sorted(
            (check_in for placement in candidate.placements.all() for check_in in placement.check_ins.all()),
            key=lambda check_in: check_in.due_on,
        )
        contacts = candidate.coaching_contacts.all()
        rows.append(
            CaseloadRow(
                candidate=candidate,
                outcome=outcome_view(standings[candidate.pk]),
                last_contact=contacts[0] if contacts else None,
                next_check_in=pending[0] if pending else None,
            )
        )
    far = date.max

    def urgency(row: CaseloadRow) -> tuple:
        soonest = min(row.next_action_on or far, row.next_check_in.due_on if row.next_check_in else far)
        return (soonest, row.candidate.last_name, row.candidate.pk)

    return sorted(rows, key=urgency)


@dataclass
class CandidateTrack:
    """The aftercare part of a candidate's page: where they stand, their placements, the coach's log."""

    outcome: OutcomeView | None
    placements: list[Placement]
    contacts: list[CoachingContact]
    can_log_contact: bool


def candidate_track(user, candidate: Candidate, today: date) -> CandidateTrack:
    placements = list(
        permissions.visible_placements(user)
        .filter(candidate=candidate)
        .select_related("company__organisation", "employer", "vacancy")
        .annotate(next_check_in_on=next_check_in())
    )
    contacts = permissions.visible_coaching_contacts(user).filter(candidate=candidate).select_related("coach")
    return CandidateTrack(
        outcome=outcome_of(candidate.pk, today),
        placements=placements,
        contacts=list(contacts),
        can_log_contact=permissions.can_log_coaching(user, candidate),
    )


def placement_objection(candidate: Candidate) -> str:
    """A candidate's track does not change (a drop-out, a new campaign) while a placement still runs."""
    if candidate.placements.exclude(status=PlacementStatus.ENDED).exists():
        return _("This candidate has a placement that has not ended; end it first.")
    return ""


# --- Referrals after project week -----------------------------------------------------------------------------------


def referable_enrolments(user) -> QuerySet[Enrolment]:
    """The enrolments a coordinator may refer: of the campaigns they run that are in aftercare (project week is
    over), of candidates they see, not dropped out, with no offer and no running placement."""
    if not permissions.can_refer(user):
        return Enrolment.objects.none()
    return (
        Enrolment.objects.filter(
            campaign__in=managed_campaigns(user),
            campaign__phase=CampaignPhase.AFTERCARE,
            candidate__in=visible_candidates(user),
            dropped_out_on__isnull=True,
        )
        .annotate(offer=has_offer(), placed=has_running_placement())
        .filter(offer=False, placed=False)
        .select_related("candidate", "campaign")
        .order_by("campaign__name", "candidate__last_name", "candidate__first_name", "pk")
    )


def referrals_listed(user) -> QuerySet[Referral]:
    """A coordinator's referrals, newest first, with what the list shows in one query."""
    return permissions.managed_referrals(user).select_related(
        "enrolment__candidate", "enrolment__campaign", "organisation", "placement"
    )


def referral_answers_to_take_up(user) -> QuerySet[Referral]:
    """Answers from agencies (or VDAB) no coordinator has taken up yet: the to-do list on the aftercare page."""
    return referrals_listed(user).filter(answered_at__isnull=False, answer_seen_at__isnull=True, placement=None)


def referral_organisations() -> QuerySet:
    """Where a candidate can be referred: temp agency branches and intermediaries (VDAB)."""
    return Organisation.objects.filter(kind__in=REFERRAL_KINDS).order_by("kind", "name", "branch")


def employer_organisations() -> QuerySet:
    """Who can be a placement's employer of record apart from the workplace: temp agencies and OCMWs."""
    return Organisation.objects.filter(kind__in=[OrganisationKind.TEMP_AGENCY, OrganisationKind.OCMW]).order_by(
        "kind", "name", "branch"
    )
