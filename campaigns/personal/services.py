"""A candidate's answer on their personal page: "I will come", or "I can't come" with a reason from a short list.

The interview's answer is kept here; an app above answers for its own kinds (``ANSWERS``: workshops for sessions).
"I can't come" tells the campaign's coordinators and the candidate's intermediary at once, with where the freed
place can go to a reserve. Every answer is in the candidate's audit trail; an unchanged answer sends nothing again.
"""

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from jobroad import audit
from jobroad.models import AuditAction, AuditPlace, Role
from jobroad.outbox import Recipient, dispatch_soon, schedule_message
from jobroad.pdf import text_direction
from jobroad.selectors import members

from .. import personal_phrases
from ..choices import AbsenceReason, CandidateAnswer
from ..models import Enrolment, Interview


class AnswerRefused(Exception):
    """The answer does not fit the appointment (unknown, someone else's, already begun, no reason given)."""


def answer(*, enrolment: Enrolment, kind: str, pk: int, answer: str, reason: str = "") -> None:
    if answer not in CandidateAnswer.values or kind not in ANSWERS:
        raise AnswerRefused("unknown answer or appointment kind")
    reason = reason if answer == CandidateAnswer.NOT_COMING else ""
    if answer == CandidateAnswer.NOT_COMING and reason not in AbsenceReason.values:
        raise AnswerRefused("no reason")
    ANSWERS[kind](enrolment=enrolment, pk=pk, answer=answer, reason=reason)
    audit.record(
        actor=None, action=AuditAction.CHANGED, candidates=[enrolment.candidate_id], place=AuditPlace.PERSONAL_PAGE
    )


def answer_interview(*, enrolment: Enrolment, pk: int, answer: str, reason: str) -> None:
    with transaction.atomic():
        interview = (
            Interview.objects.select_for_update()
            .select_related("participation__company", "participation__campaign")
            .filter(enrolment=enrolment, pk=pk, published_day__isnull=False)
            .first()
        )
        if interview is None:
            raise AnswerRefused("not this candidate's published interview")
        starts = datetime.combine(
            interview.published_day, interview.participation.visit_starts_at, tzinfo=timezone.get_current_timezone()
        )
        if starts <= timezone.now():
            raise AnswerRefused("already begun")
        if (interview.candidate_answer, interview.candidate_absence_reason) == (answer, reason):
            return
        interview.candidate_answer, interview.candidate_absence_reason = answer, reason
        interview.candidate_answered_at = timezone.now()
        interview.save(update_fields=["candidate_answer", "candidate_absence_reason", "candidate_answered_at"])
        if answer == CandidateAnswer.NOT_COMING:
            tell_cannot_come(
                enrolment,
                event=f"interview:{interview.pk}",
                title=str(interview.participation.company),
                starts_at=starts,
                reason=reason,
                link=reverse("second_chance", args=[interview.participation.campaign_id]),
            )


def tell_cannot_come(enrolment: Enrolment, *, event: str, title: str, starts_at: datetime, reason: str, link: str):
    """The campaign's coordinators and the candidate's intermediary hear at once, each in their own language."""
    candidate, campaign = enrolment.candidate, enrolment.campaign
    people = {*campaign.coordinators.filter(is_active=True), *members(Role.INTERMEDIARY, candidate.registered_by_id)}
    now = timezone.now()
    for person in sorted(people, key=lambda user: user.pk):
        recipient = Recipient.for_user(person)
        with translation.override(recipient.language):
            reason_label = str(AbsenceReason(reason).label)
        schedule_message(
            key=f"{event}:cannot-come:{now:%Y%m%dT%H%M%S%f}:{recipient.address}",
            template="candidate_cannot_come",
            recipient=recipient,
            due_at=now,
            context={
                "candidate": str(candidate),
                "title": title,
                "starts_at": starts_at.isoformat(),
                "reason": reason_label,
                "link": link,
            },
            event=f"{event}:answers",
            campaign=campaign,
        )
    dispatch_soon()


def send_personal_link(*, enrolment: Enrolment, recipient: Recipient) -> None:
    """The candidate's link to their page, once per campaign, in their language: the words come with the message
    (the page's own title and introduction) and the link is made as it leaves, never stored in the outbox."""
    words = personal_phrases.PHRASES.get(recipient.language, personal_phrases.PHRASES["nl"])
    mark = "\u200f" if text_direction(recipient.language) == "rtl" else ""
    schedule_message(
        key=f"enrolment:{enrolment.pk}:personal-page",
        template="personal_page",
        recipient=recipient,
        due_at=timezone.now(),
        context={"enrolment": enrolment.pk, "title": mark + words["page_title"], "intro": mark + words["intro"]},
        event=f"enrolment:{enrolment.pk}",
        campaign=enrolment.campaign,
    )


# How each kind of appointment records an answer: (enrolment=, pk=, answer=, reason=) -> None.
ANSWERS: dict[str, Callable[..., None]] = {"interview": answer_interview}
