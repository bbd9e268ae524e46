"""Writes on a candidate's enrolments: registering one into a campaign (when the phase and the person allow it, with
a look for duplicates first), one screener's round, a drop-out, and enrolling again in a later campaign."""

from collections.abc import Callable, Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from candidates import selectors
from candidates.models import (
    Candidate,
    CandidateLanguage,
    DocumentType,
    Screening,
    ScreeningDecision,
    ScreeningRound,
)
from candidates.services import MANY_TO_MANY, record_consent
from jobroad import audit
from jobroad.models import AuditAction, AuditPlace, User
from jobroad.permissions import is_coordinator

from ..lifecycle import PhaseRefused, is_allowed, phase_refusal, require_phase
from ..models import ENROLLING_PHASES, Campaign, CampaignPhase, DropOutReason, Enrolment
from ..selectors import project_week_start

# A registration saved as one goes is a draft of this form (``jobroad.drafts``), one per person and campaign.
REGISTRATION_DRAFT = "candidate_register"


class RegistrationRefused(Exception):
    """The candidate cannot be registered into this campaign now; ``reasons`` say why in plain words."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


class RegistrationPhaseRefused(PhaseRefused, RegistrationRefused):
    """Registration is not open in the campaign's phase, for this person (``campaigns.lifecycle``)."""

    def __init__(self, reasons: list[str]):
        RegistrationRefused.__init__(self, reasons)  # both keep ``reasons``; one message, not two


class DuplicateSuspected(Exception):
    """Likely duplicates exist; register again with ``allow_duplicates=True`` once a person has looked."""

    def __init__(self, duplicates: list[selectors.LikelyDuplicate]):
        super().__init__(f"{len(duplicates)} likely duplicate(s)")
        self.duplicates = duplicates


def registration_problems(*, campaign: Campaign, actor: User) -> list[str]:
    """Why ``actor`` cannot register candidates into ``campaign`` now; empty when they can. Intermediaries
    register during intake; coordinators also before it and, for a late candidate, until project week
    (``campaigns.lifecycle``, actions register_candidate and register_late_candidate)."""
    if is_coordinator(actor):
        reason = phase_refusal(campaign, "register_late_candidate")
        return [reason] if reason else []
    if is_allowed(campaign, "register_candidate"):
        return []
    intake = next((plan for plan in campaign.phase_plans.all() if plan.phase == CampaignPhase.INTAKE), None)
    dates = (
        {"from": date_format(intake.starts_on, "j F Y"), "until": date_format(intake.ends_on, "j F Y")}
        if intake
        else None
    )
    if campaign.phase == CampaignPhase.DRAFT:
        reason = (
            _("%(campaign)s has not opened its intake yet (planned from %(from)s to %(until)s).")
            if dates
            else _("%(campaign)s has not opened its intake yet.")
        )
    else:
        reason = (
            _(
                "The intake of %(campaign)s is over (it ran from %(from)s to %(until)s); "
                "the campaign is now in %(phase)s."
            )
            if dates
            else _("The intake of %(campaign)s is over; the campaign is now in %(phase)s.")
        )
    params = {"campaign": campaign.name, "phase": campaign.get_phase_display(), **(dates or {})}
    return [
        reason % params,
        _(
            "Intermediaries register candidates during the intake phase; "
            "ask the campaign's coordinator to add a late candidate."
        ),
    ]


def register_candidate(
    *,
    campaign: Campaign,
    actor: User,
    languages: Iterable[tuple[str, str]] = (),
    consents: Iterable[str] = (),
    consent_language: str | None = None,
    allow_duplicates: bool = False,
    **fields,
) -> Candidate:
    """Create a candidate, enrol it into ``campaign`` and record the consents given (purposes), all in one
    transaction. ``fields`` are Candidate fields (``registered_by`` included; ``competences`` and
    ``desired_occupations`` as iterables); ``languages`` are (language, CEFR level) pairs.

    Refuses (RegistrationRefused) outside the intake phase for intermediaries, and (DuplicateSuspected) when
    likely duplicates exist unless ``allow_duplicates`` — a person confirmed they are different people.
    """
    problems = registration_problems(campaign=campaign, actor=actor)
    if problems:  # all about the phase
        raise RegistrationPhaseRefused(problems)
    many = {name: fields.pop(name) for name in MANY_TO_MANY if name in fields}
    with transaction.atomic():
        if not allow_duplicates:
            duplicates = selectors.likely_duplicates(
                first_name=fields.get("first_name", ""),
                last_name=fields.get("last_name", ""),
                birth_year=fields.get("birth_year"),
                nationality=fields.get("nationality", ""),
                reference_number=fields.get("reference_number", ""),
            )
            if duplicates:
                raise DuplicateSuspected(duplicates)
        candidate = Candidate.objects.create(created_by=actor, **fields)
        for name, values in many.items():
            getattr(candidate, name).set(values)
        CandidateLanguage.objects.bulk_create(
            CandidateLanguage(candidate=candidate, language=language, level=level)
            for language, level in dict(languages).items()
        )
        Enrolment.objects.create(campaign=campaign, candidate=candidate)
        audit.record(actor=actor, action=AuditAction.CREATED, candidates=[candidate], place=AuditPlace.REGISTRATION)
        for purpose in consents:
            record_consent(
                candidate=candidate,
                purpose=purpose,
                actor=actor,
                language=consent_language or candidate.preferred_language,
            )
    return candidate


class ScreeningRefused(Exception):
    """A screening that cannot be saved as it is; the message says why, for the screener."""


class ScreeningPhaseRefused(PhaseRefused, ScreeningRefused):
    """Screening is not open in the campaign's phase."""


def save_screening(*, enrolment: Enrolment, round: int, screener: User, **fields) -> Screening:
    """Record one screener's round for a candidate in a campaign. A second opinion comes from someone other than
    the first screener and carries no decision; "selected" needs a document that is still valid on the first
    project-week day, because the matching proposes nobody who may not work that day."""
    require_phase(enrolment.campaign, "screen", ScreeningPhaseRefused)
    with transaction.atomic():
        others = enrolment.screenings.select_for_update().exclude(round=round)
        if others.filter(screener=screener).exists():
            raise ScreeningRefused(_("You screened the other round; a second opinion comes from someone else."))
        if round == ScreeningRound.SECOND:
            if not others.exists():
                raise ScreeningRefused(_("The first screening comes before a second opinion."))
            fields.update(decision="", decision_reason="")
        decision = fields.get("decision", "")
        if decision == ScreeningDecision.NOT_NOW and not fields.get("decision_reason", "").strip():
            raise ScreeningRefused(_("Say why not now, so the intermediary can tell the candidate."))
        if decision == ScreeningDecision.SELECTED:
            week = project_week_start(enrolment.campaign)
            expires = fields.get("document_expires_on")
            if fields.get("document_type") == DocumentType.NO_WORK:
                raise ScreeningRefused(
                    _("The document seen gives no access to work: the candidate cannot be selected.")
                )
            if fields.get("document_type") and expires and expires < week:
                raise ScreeningRefused(
                    _("The residence document expires on %(expires)s, before project week (%(week)s): select the "
                      "candidate once a valid document is seen, or choose reserve.")
                    % {"expires": date_format(expires), "week": date_format(week)}
                )  # fmt: skip
        screening, _created = Screening.objects.update_or_create(
            enrolment=enrolment, round=round, defaults={"screener": screener, **fields}
        )
        audit.changed(screener, enrolment.candidate_id, AuditPlace.SCREENING)
    return screening


# The fields of a round a decision in bulk keeps as they are.
KEPT_IN_BULK = (*Screening.RUBRIC, "test_results", "notes", "document_type", "document_expires_on")


def decide_screenings(*, enrolments: list[Enrolment], decision: str, reason: str, screener: User) -> int:
    """The same first-round decision for several candidates, in one transaction: all of them or none. Each goes
    through ``save_screening`` with its round's scores, notes and document kept, so each one's rules hold (a
    document that expires before project week refuses "selected", naming the candidate). The caller checked that
    ``screener`` may open each round. Returns how many were decided."""
    if decision not in ScreeningDecision.values:
        raise ScreeningRefused(_("Choose a decision."))
    with transaction.atomic():
        for enrolment in enrolments:
            first = enrolment.screenings.filter(round=ScreeningRound.FIRST).first()
            kept = {name: getattr(first, name) for name in KEPT_IN_BULK} if first else {}
            try:
                save_screening(enrolment=enrolment, round=ScreeningRound.FIRST, screener=screener, **kept,
                               decision=decision, decision_reason=reason)  # fmt: skip
            except ScreeningRefused as refusal:
                raise ScreeningRefused(f"{enrolment.candidate}: {refusal}") from refusal
    return len(enrolments)


# --- A drop-out and a new start ---------------------------------------------------------------------------------


class TrackRefused(Exception):
    """A drop-out or a new enrolment that cannot be recorded; the message says why."""


# What the apps above hold against changing a candidate's track, registered at start-up (aftercare: a placement
# that has not ended): ``objection(candidate) -> str``, "" when there is none.
TRACK_OBJECTIONS: list[Callable[[Candidate], str]] = []


def track_objection(candidate: Candidate) -> str:
    return next((reason for objection in TRACK_OBJECTIONS if (reason := objection(candidate))), "")


def record_drop_out(*, enrolment: Enrolment, reason: str, on: date | None = None, actor: User) -> Enrolment:
    """The candidate left this campaign's track. Refused while a placement still runs (end that first), since the
    outcome would contradict it."""
    if reason not in DropOutReason.values:
        raise TrackRefused(_("Choose why the candidate dropped out."))
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.dropped_out_on:
            raise TrackRefused(_("This candidate is already marked as dropped out of this campaign."))
        if objection := track_objection(enrolment.candidate):
            raise TrackRefused(objection)
        enrolment.dropped_out_on, enrolment.drop_out_reason = on or timezone.localdate(), reason
        enrolment.save(update_fields=["dropped_out_on", "drop_out_reason"])
        audit.changed(actor, enrolment.candidate_id, AuditPlace.ENROLMENT)
    return enrolment


def enrol_again(*, candidate: Candidate, campaign: Campaign, actor: User) -> Enrolment:
    """A candidate who ended without a job joins a later campaign; their earlier enrolments, screenings,
    placements and coaching stay as history. Refused for someone at work, already in that campaign, or a campaign
    whose intake is over (for an intermediary, outside the intake phase)."""
    if problems := registration_problems(campaign=campaign, actor=actor):
        raise TrackRefused(problems[0])
    if campaign.phase not in ENROLLING_PHASES:
        raise TrackRefused(
            _("%(campaign)s is in %(phase)s; a candidate can join a campaign until its screening.")
            % {"campaign": campaign.name, "phase": campaign.get_phase_display()}
        )
    with transaction.atomic():
        if objection := track_objection(candidate):
            raise TrackRefused(objection)
        enrolment, created = Enrolment.objects.get_or_create(campaign=campaign, candidate=candidate)
        if not created:
            raise TrackRefused(_("This candidate is already enrolled in %(campaign)s.") % {"campaign": campaign})
        audit.changed(actor, candidate, AuditPlace.ENROLMENT)
    return enrolment
