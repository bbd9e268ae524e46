"""What a campaign holds about a candidate — enrolments, screenings, proposals, interviews and evaluations — for
the subject export and the erasure (``jobroad.privacy``) and for the retention policy (``jobroad.retention``).
Registered in ``CampaignsConfig.ready``.

A screening is a candidates model, but a step of an enrolment (its rows hang from one): it is listed after the
enrolments and scrubbed with the campaign's other rows."""

from django.db.models import Max

from candidates.models import Screening
from jobroad import privacy, retention

from .models import Enrolment, Evaluation, Interview, Proposal, ProposalQuestion


def register() -> None:
    privacy.register_holding(
        privacy.Holding(position=20, tables=held_about, events=events_about, scrub=scrub_campaign_rows)
    )
    retention.register_contacts(last_enrolments)


def held_about(candidate) -> dict:
    interviews = Interview.objects.filter(enrolment__candidate=candidate)
    return {
        "enrolments": Enrolment.objects.filter(candidate=candidate),
        "screenings": Screening.objects.filter(enrolment__candidate=candidate),
        "proposals": Proposal.objects.filter(enrolment__candidate=candidate),
        "proposal_questions": ProposalQuestion.objects.filter(proposal__enrolment__candidate=candidate),
        "interviews": interviews,
        "evaluations": Evaluation.objects.filter(interview__in=interviews),
    }


def events_about(candidate) -> list[str]:
    """The reminders and evaluation requests of the candidate's interviews name them to HR."""
    interviews = list(Interview.objects.filter(enrolment__candidate=candidate).values_list("pk", flat=True))
    return [f"interview:{pk}" for pk in interviews] + [f"evaluation:{pk}" for pk in interviews]


def scrub_campaign_rows(*, candidate, actor) -> None:
    """Free text written about the person goes; the decisions, outcomes and dates the reports count stay."""
    Screening.objects.filter(enrolment__candidate=candidate).update(
        notes="", test_results="", decision_reason="", document_type="", document_expires_on=None
    )
    Proposal.objects.filter(enrolment__candidate=candidate).update(hr_comment="")
    ProposalQuestion.objects.filter(proposal__enrolment__candidate=candidate).update(question="", answer="")
    Evaluation.objects.filter(interview__in=Interview.objects.filter(enrolment__candidate=candidate)).update(
        feedback=""
    )


def last_enrolments(live) -> list:
    """An enrolment counts as a contact."""
    return [
        Enrolment.objects.filter(candidate__in=live)
        .values("candidate")
        .annotate(at=Max("enrolled_at"))
        .values_list("candidate", "at")
    ]
