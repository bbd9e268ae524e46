"""What aftercare puts on the candidate pages (``jobroad.pages``): where each candidate stands, and on a
candidate's own page their placements and the coach's log."""

from django.utils import timezone

from jobroad.permissions import assignable_coaches

from . import permissions, selectors
from .forms import AssignCoachForm
from .models import CandidateOutcome


def on_candidate_list(*, user, candidates: list) -> dict:
    """Each candidate on the page gets ``outcome``: where they stand today."""
    standings = selectors.outcomes_on([candidate.pk for candidate in candidates], timezone.localdate())
    for candidate in candidates:
        candidate.outcome = selectors.outcome_view(standings[candidate.pk])
    return {}


def candidate_filters(*, user) -> dict:
    """The candidate list's outcome filter: the outcomes, and each candidate's today (candidates.filters)."""

    def outcomes_of(candidate_ids: list[int]) -> dict[int, str]:
        standings = selectors.outcomes_on(candidate_ids, timezone.localdate())
        return {pk: standing.outcome for pk, standing in standings.items() if standing is not None}

    return {"outcome_choices": CandidateOutcome.choices, "outcomes_of": outcomes_of}


def on_candidate_page(*, user, candidate) -> dict:
    """The candidate's track, and for whoever may choose the job coach the small form that does."""
    coach_form = None
    if permissions.can_assign_coach(user, candidate):
        coach_form = AssignCoachForm(initial={"coach": candidate.coach_id}, coaches=assignable_coaches(user))
    return {"track": selectors.candidate_track(user, candidate, timezone.localdate()), "coach_form": coach_form}
