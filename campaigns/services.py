"""Writes on campaigns: creating, cloning and moving one through its lifecycle (DESIGN §3)."""

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from jobroad.models import User

from .models import PLANNED_PHASES, Campaign, CampaignPhase, PhaseChange, PhasePlan


class TransitionRefused(Exception):
    """The campaign cannot move on yet; ``reasons`` say why, in words a coordinator understands."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


def transition_problems(campaign: Campaign, to_phase: str) -> list[str]:
    """Why ``campaign`` cannot move to ``to_phase`` now; empty when it can. Read-only, for the campaign page."""
    if to_phase != campaign.next_phase:
        following = CampaignPhase(campaign.next_phase).label if campaign.next_phase else _("none: it is closed")
        return [
            _("A campaign moves one phase at a time; after %(phase)s comes %(next)s.")
            % {"phase": campaign.get_phase_display(), "next": following}
        ]
    problems = []
    if to_phase in PLANNED_PHASES and not campaign.phase_plans.filter(phase=to_phase).exists():
        problems.append(_("No dates are planned for %(phase)s yet.") % {"phase": CampaignPhase(to_phase).label})
    if to_phase == CampaignPhase.INTAKE:
        if not campaign.coordinators.exists():
            problems.append(_("The campaign has no coordinator."))
        if not campaign.partners.exists() and not campaign.reception_centres.exists():
            problems.append(_("No intermediary or reception centre takes part yet, so nobody can register candidates."))
    elif to_phase == CampaignPhase.SCREENING and not campaign.enrolments.exists():
        problems.append(_("No candidate is registered yet."))
    elif to_phase == CampaignPhase.MATCHING and not campaign.companies.filter(vacancies__is_open=True).exists():
        problems.append(_("No participating company has an open vacancy yet."))
    return problems


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


def save_phase_plans(*, campaign: Campaign, plans: dict[str, tuple[date, date]]) -> None:
    """Replace the campaign's planned dates; the campaign's own start and end follow them."""
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
    """A new campaign in draft, with ``actor`` as its coordinator."""
    many = {name: fields.pop(name) for name in ("partners", "reception_centres") if name in fields}
    with transaction.atomic():
        campaign = Campaign.objects.create(phase=CampaignPhase.DRAFT, **fields)
        for name, values in many.items():
            getattr(campaign, name).set(values)
        campaign.coordinators.add(actor)
        save_phase_plans(campaign=campaign, plans=plans)
    return campaign


def clone_campaign(*, source: Campaign, name: str, intake_starts_on: date, actor: User) -> Campaign:
    """A new draft campaign like ``source`` — region, target group, funding, targets, partners — with every
    planned phase moved by the same number of days so that intake starts on ``intake_starts_on``."""
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
            funding_programme=source.funding_programme,
            funder=source.funder,
            target_candidates=source.target_candidates,
            target_companies=source.target_companies,
            target_workshops=source.target_workshops,
            target_workshop_attendees=source.target_workshop_attendees,
            cloned_from=source,
            partners=list(source.partners.all()),
            reception_centres=list(source.reception_centres.all()),
        )
    return clone
