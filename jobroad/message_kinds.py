"""The kinds of message the outbox writes, by template name, as a person reads them: the outbox never shows
"interview_reminder" as a title. tests/jobroad/test_message_kinds.py keeps one entry per folder under
templates/messages."""

from django.utils.translation import gettext_lazy as _

MESSAGE_KINDS = {
    "campaign_welcome": _("Welcome to the campaign"),
    "candidate_cannot_come": _("A candidate cannot come"),
    "candidate_no_show": _("A candidate did not come"),
    "candidate_note": _("Message to candidates"),
    "checkin_at_risk": _("Aftercare: a placement at risk"),
    "checkin_due": _("Aftercare check-in due"),
    "checkin_employer": _("Aftercare check-in for the employer"),
    "checkin_overdue": _("Aftercare check-in overdue"),
    "evaluation_escalation": _("Evaluation still missing"),
    "evaluation_request": _("Evaluation request"),
    "interview_cancelled": _("Interview cancelled"),
    "interview_reminder": _("Interview reminder"),
    "interview_scheduled": _("Interview scheduled"),
    "invitation": _("Invitation"),
    "note": _("Note"),
    "participation_no_interviews": _("No interviews for your company"),
    "personal_page": _("Personal page link"),
    "proposal_question": _("A question from HR on a proposal"),
    "proposal_question_answered": _("Answer to HR's question"),
    "proposals_confirmed": _("Candidates proposed"),
    "referral_agency": _("Referral to an agency"),
    "referral_answered": _("Referral answered"),
    "reserve_offer": _("Reserve place offered"),
    "transport_pickup": _("Pick-up time"),
    "workshop_cancelled": _("Workshop cancelled"),
    "workshop_reminder": _("Workshop reminder"),
}


def kind_label(template: str) -> str:
    """A message kind in words; an unknown one (a template added without its label) at least without underscores."""
    return str(MESSAGE_KINDS.get(template) or template.replace("_", " "))
