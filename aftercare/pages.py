"""What aftercare puts on the candidate pages (``jobroad.pages``): where each candidate stands, and on a
candidate's own page their placements, the coach's log and a change of track."""

from django.utils import timezone

from campaigns.permissions import changeable_enrolments

from . import selectors
from .forms import DropOutForm, EnrolAgainForm


def on_candidate_list(*, user, candidates: list) -> dict:
    """Each candidate on the page gets ``outcome``: where they stand today."""
    standings = selectors.outcomes_on([candidate.pk for candidate in candidates], timezone.localdate())
    for candidate in candidates:
        candidate.outcome = selectors.outcome_view(standings[candidate.pk])
    return {}


def on_candidate_page(*, user, candidate) -> dict:
    today = timezone.localdate()
    track = selectors.candidate_track(user, candidate, today)
    if not track.can_change_track:
        return {"track": track}
    return {
        "track": track,
        "drop_out_form": DropOutForm(initial={"on": today}),
        "droppable": set(changeable_enrolments(user).filter(candidate=candidate).values_list("pk", flat=True)),
        "enrol_form": EnrolAgainForm(
            campaigns=selectors.enrolable_campaigns(user).exclude(enrolments__candidate=candidate)
        ),
    }
