"""HR's evaluation of an interview: open once the interview has started, and an offer or a placement as its outcome;
or a coordinator's word that none is needed, because the interview never took place."""

from datetime import date, datetime

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from jobroad.models import User
from jobroad.outbox import (
    cancel_event_messages,
)

from ..lifecycle import PhaseRefused, require_phase
from ..models import (
    Attendance,
    Evaluation,
    EvaluationWaiver,
    Interview,
    Outcome,
)


class EvaluationRefused(Exception):
    """An evaluation that cannot be saved as given; the reason is shown as is."""


class EvaluationPhaseRefused(PhaseRefused, EvaluationRefused):
    """Evaluations are open during project week and aftercare (``campaigns.lifecycle``)."""


def evaluation_not_yet_open(interview: Interview, now: datetime) -> str:
    """Why the interview cannot be evaluated yet — it has not started — or "" when it can (or is not published)."""
    opens_at = interview.evaluation_opens_at
    if opens_at is None or now >= opens_at:
        return ""
    return _("This evaluation opens when the interview starts, on %(when)s.") % {
        "when": formats.date_format(timezone.localtime(opens_at), "l j F, H:i")
    }


def evaluate_interview(
    *,
    interview: Interview,
    attendance: str,
    outcome: str = "",
    start_route: str = "",
    proposed_start: date | None = None,
    feedback: str = "",
    actor: User,
) -> Evaluation:
    """Record (or correct) HR's evaluation of a published interview; pending evaluation requests are cancelled.
    A no-show keeps no outcome, a "no" no start; an offer needs its start route."""
    require_phase(interview.participation.campaign, "evaluate_interview", EvaluationPhaseRefused)
    if interview.published_day is None:
        raise EvaluationRefused(_("This interview is not in the published schedule, so it cannot be evaluated."))
    if not_yet := evaluation_not_yet_open(interview, timezone.now()):
        raise EvaluationRefused(not_yet)
    if attendance not in Attendance.values:
        raise EvaluationRefused(_("Say whether the candidate came."))
    if attendance == Attendance.NO_SHOW:
        outcome = ""
    if outcome in ("", Outcome.NO):  # nothing to start
        start_route, proposed_start = "", None
    if attendance == Attendance.ATTENDED and not outcome:
        raise EvaluationRefused(_("Choose the outcome of the interview."))
    if outcome == Outcome.OFFER and not start_route:
        raise EvaluationRefused(_("For an offer, choose how the candidate would start."))
    with transaction.atomic():
        evaluation, _created = Evaluation.objects.update_or_create(
            interview=interview,
            defaults={
                "attendance": attendance,
                "outcome": outcome,
                "start_route": start_route,
                "proposed_start": proposed_start,
                "feedback": feedback.strip(),
                "filled_at": timezone.now(),
                "filled_by": actor,
            },
        )
        cancel_event_messages(event=f"evaluation:{interview.pk}")
    return evaluation


def waive_evaluation(*, interview: Interview, because: str, actor: User) -> Interview:
    """A coordinator marks a published interview as needing no evaluation: it never took place. Aftercare can then
    start without one (``lifecycle``); HR is no longer asked. An interview already evaluated keeps its evaluation."""
    require_phase(interview.participation.campaign, "evaluate_interview", EvaluationPhaseRefused)
    if because not in dict(EvaluationWaiver.by_hand()):
        raise EvaluationRefused(_("Choose why no evaluation is needed."))
    with transaction.atomic():
        interview = Interview.objects.select_for_update().get(pk=interview.pk)
        if interview.published_day is None:
            raise EvaluationRefused(_("This interview is not in the published schedule, so it needs no evaluation."))
        if Evaluation.objects.filter(interview=interview).exists():
            raise EvaluationRefused(_("This interview is already evaluated; correct the evaluation instead."))
        interview.evaluation_waived_because = because
        interview.evaluation_waived_by, interview.evaluation_waived_at = actor, timezone.now()
        interview.save(update_fields=["evaluation_waived_because", "evaluation_waived_by", "evaluation_waived_at"])
        cancel_event_messages(event=f"evaluation:{interview.pk}")
    return interview
