"""Reads for the campaign page: the phase timeline and the live counters against the funder's targets."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from .models import PHASE_ORDER, Campaign, CampaignPhase


@dataclass(frozen=True)
class TimelineStep:
    phase: CampaignPhase
    starts_on: date | None
    ends_on: date | None
    is_current: bool
    is_done: bool


@dataclass(frozen=True)
class Counter:
    label: str
    actual: int
    target: int | None

    @property
    def percent(self) -> int | None:
        return min(100, round(100 * self.actual / self.target)) if self.target else None


def phase_timeline(campaign: Campaign) -> list[TimelineStep]:
    """Every phase in order with its planned dates, the current one marked."""
    plans = {plan.phase: plan for plan in campaign.phase_plans.all()}
    current = PHASE_ORDER.index(campaign.phase)
    return [
        TimelineStep(
            phase=phase,
            starts_on=plans[phase].starts_on if phase in plans else None,
            ends_on=plans[phase].ends_on if phase in plans else None,
            is_current=index == current,
            is_done=index < current,
        )
        for index, phase in enumerate(PHASE_ORDER)
    ]


def target_counters(campaign: Campaign) -> list[Counter]:
    """Actual figures against the campaign's targets; ``campaign`` comes annotated by campaigns_with_counts."""
    return [
        Counter(_("Candidates"), campaign.candidate_count, campaign.target_candidates),
        Counter(_("Companies"), campaign.company_count, campaign.target_companies),
    ]
