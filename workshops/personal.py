"""What workshops put on a candidate's personal page (``campaigns.personal``): the campaign's sessions they are
registered for, and their answers. "I can't come" frees the place, which goes to the first on the waiting list;
"I will come" afterwards registers them again (a place if one is free, else the waiting list)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from campaigns.choices import CandidateAnswer
from campaigns.models import Enrolment
from campaigns.personal.selectors import Appointment, map_link
from campaigns.personal.services import AnswerRefused, tell_cannot_come

from . import services
from .models import Registration, RegistrationStatus


def _registrations(enrolment: Enrolment):
    """Where the candidate has a place, and the places they gave up themselves (so the page shows that answer)."""
    given_up = {"status": RegistrationStatus.CANCELLED, "candidate_answer": CandidateAnswer.NOT_COMING}
    return (
        Registration.objects.filter(
            candidate=enrolment.candidate,
            session__workshop__campaign=enrolment.campaign,
            session__cancelled_at__isnull=True,
        )
        .filter(Q(status=RegistrationStatus.REGISTERED) | Q(**given_up))
        .select_related("session__workshop")
    )


def session_appointments(enrolment: Enrolment) -> list[Appointment]:
    found = []
    for registration in _registrations(enrolment):
        session = registration.session
        address = ", ".join(part for part in (session.place, session.address) if part)
        found.append(
            Appointment(
                kind="session",
                pk=session.pk,
                title=str(session.workshop),
                starts_at=timezone.localtime(session.starts_at),
                ends_at=timezone.localtime(session.ends_at),
                address=address,
                meeting_point="",
                map_url=map_link(None, session.address or session.place),
                answer=registration.candidate_answer,
                interpreter=bool(session.interpreter),
            )
        )
    return found


def answer_session(*, enrolment: Enrolment, pk: int, answer: str, reason: str) -> None:
    registration = _registrations(enrolment).filter(session_id=pk).first()
    if registration is None:
        raise AnswerRefused("not this candidate's session")
    session = registration.session
    if session.starts_at <= timezone.now():
        raise AnswerRefused("already begun")
    if (registration.candidate_answer, registration.candidate_absence_reason) == (answer, reason):
        return
    with transaction.atomic():
        try:
            if answer == CandidateAnswer.NOT_COMING and registration.status == RegistrationStatus.REGISTERED:
                services.cancel_registration(registration=registration, actor=None)
            elif answer == CandidateAnswer.COMING and registration.status == RegistrationStatus.CANCELLED:
                services.register(session=session, candidate=enrolment.candidate, actor=None)
        except ValidationError:
            pass  # the phase or the session closes the list: the answer is kept, and the coordinator hears it
        Registration.objects.filter(pk=registration.pk).update(
            candidate_answer=answer, candidate_absence_reason=reason, candidate_answered_at=timezone.now()
        )
        if answer == CandidateAnswer.NOT_COMING:
            tell_cannot_come(
                enrolment,
                event=session.event_key,
                title=str(session.workshop),
                starts_at=timezone.localtime(session.starts_at),
                reason=reason,
                link=reverse("session_detail", args=[session.pk]),
            )
