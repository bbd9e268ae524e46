"""Writes on campaigns: creating, cloning and moving one through its lifecycle (DESIGN §3), and the companies taking
part. The phases' own writes live in their packages: ``matching.services``, ``projectweek.services``."""

from collections.abc import Callable
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobroad.models import Role, User
from jobroad.outbox import (
    Recipient,
    schedule_message,
)
from jobroad.selectors import members

from .lifecycle import TransitionRefused, previous_phase, require_phase, transition_problems
from .models import (
    Campaign,
    CampaignPhase,
    FundingProgramme,
    Participation,
    PhaseChange,
    PhasePlan,
)

# What the apps above copy into a clone, registered at start-up (workshops copies its sessions):
# ``copy(source=, target=, shift=)`` inside the clone's transaction.
CLONE_STEPS: list[Callable[..., None]] = []


def advance_campaign(*, campaign: Campaign, to_phase: str, actor: User) -> Campaign:
    """Move the campaign to its next phase and record who did it; refuses with reasons otherwise.

    The row is locked, so two coordinators pressing the button at once move it one step, not two.
    """
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        problems = transition_problems(campaign, to_phase)
        if problems:
            raise TransitionRefused(problems)
        PhaseChange.objects.create(campaign=campaign, from_phase=campaign.phase, to_phase=to_phase, changed_by=actor)
        campaign.phase = to_phase
        campaign.save(update_fields=["phase"])
    return campaign


def step_back_campaign(*, campaign: Campaign, reason: str, actor: User) -> Campaign:
    """Move the campaign back to the phase before, with the coordinator's reason on the record (for a late
    candidate, a schedule to redo, an aftercare to reopen). One phase only; refuses without a reason."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        to_phase = previous_phase(campaign)
        if to_phase is None:
            raise TransitionRefused([_("A campaign in draft has no phase before it.")])
        if not reason.strip():
            raise TransitionRefused([_("Say why the campaign steps back, for the record.")])
        PhaseChange.objects.create(
            campaign=campaign, from_phase=campaign.phase, to_phase=to_phase, changed_by=actor, reason=reason.strip()
        )
        campaign.phase = to_phase
        campaign.save(update_fields=["phase"])
    return campaign


def save_phase_plans(*, campaign: Campaign, plans: dict[str, tuple[date, date]]) -> None:
    """Replace the campaign's planned dates; the campaign's own start and end follow them."""
    require_phase(campaign, "edit_campaign")
    with transaction.atomic():
        campaign.phase_plans.exclude(phase__in=plans).delete()
        for phase, (starts_on, ends_on) in plans.items():
            PhasePlan.objects.update_or_create(
                campaign=campaign, phase=phase, defaults={"starts_on": starts_on, "ends_on": ends_on}
            )
        dates = [day for pair in plans.values() for day in pair]
        campaign.starts_on, campaign.ends_on = (min(dates), max(dates)) if dates else (None, None)
        campaign.save(update_fields=["starts_on", "ends_on"])


def create_campaign(*, actor: User, plans: dict[str, tuple[date, date]], **fields) -> Campaign:
    """A new campaign in draft, with ``actor`` as its coordinator. A campaign that is a programme's action has the
    programme's funder, whatever ``funder`` says."""
    many = {
        name: fields.pop(name) for name in ("partners", "reception_centres", "screening_partners") if name in fields
    }
    if fields.get("programme"):
        fields["funder"] = fields["programme"].funder
    with transaction.atomic():
        campaign = Campaign.objects.create(phase=CampaignPhase.DRAFT, **fields)
        for name, values in many.items():
            getattr(campaign, name).set(values)
        campaign.coordinators.add(actor)
        save_phase_plans(campaign=campaign, plans=plans)
    return campaign


def clone_campaign(*, source: Campaign, name: str, intake_starts_on: date, actor: User) -> Campaign:
    """A new draft campaign like ``source`` — region, target group, funding, targets, partners, workshops and
    their sessions — with every date moved by the same number of days so that intake starts on
    ``intake_starts_on``. Reminder rules are platform-wide (``jobroad.reminders``), so the clone has them too."""
    plans = {plan.phase: (plan.starts_on, plan.ends_on) for plan in source.phase_plans.all()}
    anchor = plans.get(CampaignPhase.INTAKE, (source.starts_on or intake_starts_on,))[0]
    shift = timedelta(days=(intake_starts_on - anchor).days)
    with transaction.atomic():
        clone = create_campaign(
            actor=actor,
            plans={phase: (start + shift, end + shift) for phase, (start, end) in plans.items()},
            name=name,
            region=source.region,
            target_group=source.target_group,
            programme=source.programme,
            funder=source.funder,
            target_candidates=source.target_candidates,
            target_companies=source.target_companies,
            target_workshops=source.target_workshops,
            target_workshop_attendees=source.target_workshop_attendees,
            cloned_from=source,
            partners=list(source.partners.all()),
            reception_centres=list(source.reception_centres.all()),
            screening_partners=list(source.screening_partners.all()),
        )
        for copy in CLONE_STEPS:
            copy(source=source, target=clone, shift=shift)
    return clone


def add_company(*, campaign: Campaign, company, actor: User, **capacity) -> Participation:
    """Take a company into a campaign and tell its HR people, through the outbox, in the same transaction."""
    require_phase(campaign, "add_company")
    with transaction.atomic():
        participation = Participation.objects.create(campaign=campaign, company=company, **capacity)
        for person in members(Role.COMPANY_HR, company.organisation_id):
            schedule_message(
                key=f"participation:{participation.pk}:welcome:{person.pk}",
                template="campaign_welcome",
                recipient=Recipient.for_user(person),
                due_at=timezone.now(),
                context={"campaign": campaign.name, "company": str(company), "link": f"/campaigns/{campaign.pk}/"},
                campaign=campaign,
                created_by=actor,
            )
    return participation


def save_participation(*, participation: Participation, actor: User) -> Participation:
    """Save a company's project-week days and capacity in its campaign, while the campaign's phase allows it."""
    require_phase(participation.campaign, "edit_participation")
    participation.save()
    return participation


def save_programme(*, programme: FundingProgramme, actor: User) -> FundingProgramme:
    """Save a funding programme (new or changed); its actions' funder follows the programme's, so a funder viewer
    sees every action of its programme and none of another's."""
    with transaction.atomic():
        programme.full_clean()
        programme.save()
        programme.campaigns.exclude(funder=programme.funder_id).update(funder=programme.funder_id)
    return programme
