"""What aftercare puts on the candidate pages (``jobroad.pages``): where each candidate stands, and on a
candidate's own page their placements and the coach's log."""

from django.utils import timezone

from . import selectors


def on_candidate_list(*, user, candidates: list) -> dict:
    """Each candidate on the page gets ``outcome``: where they stand today."""
    standings = selectors.outcomes_on([candidate.pk for candidate in candidates], timezone.localdate())
    for candidate in candidates:
        candidate.outcome = selectors.outcome_view(standings[candidate.pk])
    return {}


def on_candidate_page(*, user, candidate) -> dict:
    return {"track": selectors.candidate_track(user, candidate, timezone.localdate())}
