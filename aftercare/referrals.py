"""Writes on referrals after project week: a candidate with no offer referred — with their consent — to a temp
agency's branch or VDAB; the organisation's answer through the signed link; the coordinator taking it up, and a
"placed" answer becoming a placement with the agency as employer when the coordinator confirms it (never on the
agency's word alone: the workplace must be a company JobRoad knows, and the dates are the coordinator's to check).
"""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import CampaignPhase, Enrolment, Evaluation, Outcome
from companies.models import Company
from jobroad import audit
from jobroad.channels import Undeliverable
from jobroad.models import AuditAction, AuditPlace, Message, Organisation, OrganisationKind, User
from jobroad.outbox import Recipient, schedule_message

from .models import REFERRAL_KINDS, Placement, PlacementRoute, PlacementStatus, Referral, ReferralOutcome
from .referral_links import issue_referral_link
from .services import PlacementRefused, create_placement


class ReferralRefused(Exception):
    """A referral write that cannot be done; the reason is shown as is."""


def has_offer() -> Exists:
    return Exists(Evaluation.objects.filter(interview__enrolment=OuterRef("pk"), outcome=Outcome.OFFER))


def has_running_placement() -> Exists:
    return Exists(
        Placement.objects.filter(candidate=OuterRef("candidate"), campaign=OuterRef("campaign")).exclude(
            status=PlacementStatus.ENDED
        )
    )


def referral_objection(enrolment: Enrolment) -> str:
    """Why this enrolment's candidate cannot be referred, or "": only after project week, only without an offer
    or a running placement, and not after dropping out."""
    if enrolment.campaign.phase != CampaignPhase.AFTERCARE:
        return _("Candidates are referred after project week, while the campaign is in aftercare.")
    if enrolment.dropped_out_on:
        return _("This candidate dropped out of the campaign.")
    checks = Enrolment.objects.filter(pk=enrolment.pk).annotate(offer=has_offer(), placed=has_running_placement())
    row = checks.values("offer", "placed").get()
    if row["offer"]:
        return _("This candidate has an offer: record the placement from the offer instead.")
    if row["placed"]:
        return _("This candidate has a placement that has not ended.")
    return ""


def refer_candidate(
    *, enrolment: Enrolment, organisation: Organisation, send_to: str, consent: bool, actor: User
) -> Referral:
    """Record the referral with the candidate's consent (who recorded it, when) and queue the one mail to the
    organisation, whose link is made as it leaves. Refused without consent, to anything but a temp agency or an
    intermediary (VDAB), twice to the same organisation, or when ``referral_objection`` says so."""
    if not consent:
        raise ReferralRefused(
            _("Ask the candidate first: a referral shares their profile with %(organisation)s and needs their consent.")
            % {"organisation": organisation}
        )
    if organisation.kind not in REFERRAL_KINDS:
        raise ReferralRefused(_("Refer to a temp agency's branch or to VDAB (an intermediary)."))
    if objection := referral_objection(enrolment):
        raise ReferralRefused(objection)
    now = timezone.now()
    try:
        with transaction.atomic():
            referral = Referral.objects.create(
                enrolment=enrolment, organisation=organisation, send_to=send_to.strip(), consent_at=now,
                consent_by=actor, created_by=actor,
            )  # fmt: skip
            audit.record(actor=actor, action=AuditAction.CREATED, candidates=[enrolment.candidate_id],
                         place=AuditPlace.BLIND_PROFILE)  # fmt: skip
            schedule_message(
                key=f"referral:{referral.pk}:agency",
                template="referral_agency",
                recipient=Recipient(address=referral.send_to, name=str(organisation)),
                due_at=now,
                context={"referral": referral.pk, "organisation": str(organisation)},
                event=f"referral:{referral.pk}",
                campaign=enrolment.campaign,
                created_by=actor,
            )
    except IntegrityError:
        raise ReferralRefused(
            _("This candidate is already referred to %(organisation)s.") % {"organisation": organisation}
        ) from None
    return referral


def agency_referral_link(message: Message) -> str:
    """The organisation's answer link, made as the mail leaves (the outbox never keeps it). A closed referral has
    nothing left to answer: the mail is not sent."""
    referral = Referral.objects.filter(pk=message.context.get("referral"), placement__isnull=True).first()
    if referral is None:
        raise Undeliverable("The referral is closed or gone.")
    return settings.SITE_URL + issue_referral_link(referral)


def answer_referral(
    *,
    referral: Referral,
    outcome: str,
    not_suitable_reason: str = "",
    placed_starts_on: date | None = None,
    placed_workplace: str = "",
    placed_hours: int | None = None,
) -> Referral:
    """The organisation's answer through the link. A later answer replaces the earlier one (one referral, one
    outcome) and puts it back on the coordinators' list; they get a mail each time."""
    if outcome not in ReferralOutcome.values:
        raise ReferralRefused(_("Choose an answer."))
    if outcome == ReferralOutcome.PLACED and not (placed_starts_on and placed_workplace.strip()):
        raise ReferralRefused(_("Give the start date and the client company or workplace."))
    if outcome == ReferralOutcome.NOT_SUITABLE and not not_suitable_reason:
        raise ReferralRefused(_("Say why, by choosing a reason."))
    placed = outcome == ReferralOutcome.PLACED
    with transaction.atomic():
        referral = Referral.objects.select_for_update().select_related("enrolment__campaign").get(pk=referral.pk)
        if referral.is_closed:
            raise ReferralRefused(_("This referral is closed."))
        referral.outcome = outcome
        referral.not_suitable_reason = not_suitable_reason if outcome == ReferralOutcome.NOT_SUITABLE else ""
        referral.placed_starts_on = placed_starts_on if placed else None
        referral.placed_workplace = placed_workplace.strip() if placed else ""
        referral.placed_hours = placed_hours if placed else None
        referral.answered_at = timezone.now()
        referral.answer_count += 1
        referral.answer_seen_at = None
        referral.save()
        audit.changed(None, referral.enrolment.candidate_id, AuditPlace.BLIND_PROFILE)
        _tell_coordinators(referral)
    return referral


def _tell_coordinators(referral: Referral) -> None:
    campaign = referral.enrolment.campaign
    event = {"summary": str(referral.organisation), "start": timezone.now().isoformat()}
    for user in campaign.coordinators.filter(is_active=True):
        recipient = Recipient.for_user(user)
        schedule_message(
            key=f"referral:{referral.pk}:answer:{referral.answer_count}:{recipient.address}",
            template="referral_answered",
            recipient=recipient,
            due_at=timezone.now(),
            context={"event": event, "link": reverse("referral_detail", kwargs={"pk": referral.pk})},
            event=f"referral:{referral.pk}:answer",
            campaign=campaign,
        )


def take_up_referral_answer(*, referral: Referral, actor: User) -> None:
    """The coordinator read the answer: it leaves the to-do list (a new answer brings it back)."""
    changed = Referral.objects.filter(pk=referral.pk, answered_at__isnull=False, answer_seen_at__isnull=True).update(
        answer_seen_at=timezone.now()
    )
    if not changed:
        raise ReferralRefused(_("There is no new answer to take up."))
    audit.changed(actor, referral.enrolment.candidate_id, AuditPlace.BLIND_PROFILE)


def place_from_referral(
    *, referral: Referral, company: Company, route: str, starts_on: date, hours_per_week: int | None, actor: User
) -> Placement:
    """A "placed" answer becomes a placement once the coordinator confirms it: the client company as the
    workplace, the agency as employer on temp work (another route — a direct contract through VDAB — is employed by
    the company). The referral is then closed and its link works no more."""
    with transaction.atomic():
        referral = (
            Referral.objects.select_for_update()
            .select_related("enrolment__candidate", "enrolment__campaign", "organisation")
            .get(pk=referral.pk)
        )
        if referral.outcome != ReferralOutcome.PLACED:
            raise ReferralRefused(_('Only a referral answered "placed" becomes a placement.'))
        if referral.is_closed:
            raise ReferralRefused(_("This referral is already a placement."))
        agency = referral.organisation if referral.organisation.kind == OrganisationKind.TEMP_AGENCY else None
        employer = agency if route == PlacementRoute.TEMP_WORK else None
        try:
            placement = create_placement(
                candidate=referral.enrolment.candidate, company=company, campaign=referral.enrolment.campaign,
                route=route, starts_on=starts_on, hours_per_week=hours_per_week, employer=employer, actor=actor,
            )  # fmt: skip
        except PlacementRefused as refusal:
            raise ReferralRefused(str(refusal)) from None
        referral.placement = placement
        referral.answer_seen_at = referral.answer_seen_at or timezone.now()
        referral.save(update_fields=["placement", "answer_seen_at"])
    return placement
