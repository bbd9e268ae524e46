"""HR's question before it answers a proposal, and the coordinator's reply: the writes, and the reads the HR page,
the coordinator's page and the coordinator's home use."""

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jobroad.models import User
from jobroad.outbox import Recipient, schedule_message

from ..choices import HrAnswer
from ..models import Proposal
from ..permissions import managed_campaigns
from .models import ProposalQuestion
from .services import MatchingRefused, answer_proposal


def ask_question(*, proposal: Proposal, question: str, actor: User) -> ProposalQuestion:
    """HR asks before it decides. Its answer becomes "a question first" (through ``answer_proposal``, which checks
    the phase and that the proposal is confirmed), the question is kept, and every active coordinator of the
    campaign gets a mail naming the company and vacancy — never the candidate — and a to-do on their home page."""
    campaign = proposal.enrolment.campaign
    now = timezone.now()
    with transaction.atomic():
        answer_proposal(proposal=proposal, answer=HrAnswer.QUESTION, comment=question, actor=actor)
        asked = ProposalQuestion.objects.create(proposal=proposal, question=question.strip(), asked_by=actor,
                                                asked_at=now)  # fmt: skip
        context = {
            "campaign": campaign.name,
            "company": str(proposal.vacancy.company),
            "vacancy": proposal.vacancy.title,
            "link": reverse("proposal_question", args=[asked.pk]),
        }
        for coordinator in campaign.coordinators.filter(is_active=True):
            schedule_message(key=f"proposal-question:{asked.pk}:{coordinator.pk}", template="proposal_question",
                             recipient=Recipient.for_user(coordinator), due_at=now, context=context,
                             campaign=campaign, created_by=actor)  # fmt: skip
    return asked


def answer_question(*, question: ProposalQuestion, answer: str, actor: User) -> ProposalQuestion:
    """A coordinator's reply, once: HR reads it on its proposals page, where the proposal waits for its decision
    again, and the person who asked gets a mail with the link (not the reply: the page shows it)."""
    if not answer.strip():
        raise MatchingRefused(_("Write your answer."))
    now = timezone.now()
    with transaction.atomic():
        updated = ProposalQuestion.objects.filter(pk=question.pk, answered_at__isnull=True).update(
            answer=answer.strip(), answered_by=actor, answered_at=now
        )
        if not updated:
            raise MatchingRefused(_("This question is already answered."))
        question.refresh_from_db()
        proposal = question.proposal
        asker = question.asked_by
        if asker and asker.is_active:
            schedule_message(key=f"proposal-question-answered:{question.pk}", template="proposal_question_answered",
                             recipient=Recipient.for_user(asker), due_at=now,
                             context={"campaign": proposal.enrolment.campaign.name, "vacancy": proposal.vacancy.title,
                                      "link": f"{reverse('proposal_list')}#proposal-{proposal.pk}"},
                             campaign=proposal.enrolment.campaign, created_by=actor)  # fmt: skip
    return question


def questions_to_answer(user) -> QuerySet[ProposalQuestion]:
    """Open questions on the proposals of the campaigns ``user`` runs, oldest first: the coordinator's to-do."""
    return ProposalQuestion.objects.filter(
        answered_at__isnull=True, proposal__enrolment__campaign__in=managed_campaigns(user)
    ).select_related("proposal__vacancy__company", "proposal__enrolment__campaign")


def visible_questions(user) -> QuerySet[ProposalQuestion]:
    """Questions a coordinator may read and answer: those of the campaigns they run."""
    return ProposalQuestion.objects.filter(proposal__enrolment__campaign__in=managed_campaigns(user))
