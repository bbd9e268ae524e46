"""What campaigns put on the pages of the apps below it (``jobroad.pages``): a company's campaigns, a candidate's
enrolments, and the campaigns a user may register a candidate into."""

from django.db.models import prefetch_related_objects

from candidates.permissions import can_register_candidates

from .intake.services import registration_problems
from .models import CampaignPhase, Enrolment
from .permissions import registrable_campaigns, visible_campaigns
from .selectors import visible_enrolments


def on_company_page(*, user, company) -> dict:
    """A company's page lists the campaigns it takes part in, as far as the user sees them."""
    return {"campaigns": visible_campaigns(user).filter(participations__company=company)}


def on_candidate_list(*, user, candidates: list) -> dict:
    """Each candidate on the page with its enrolments (``visible_enrolments``), and the campaigns open to register
    into: (campaign, why not) for each the user may register into that is not closed."""
    prefetch_related_objects(candidates, visible_enrolments(user))
    if not can_register_candidates(user):
        return {"openings": []}
    campaigns = (
        registrable_campaigns(user)
        .exclude(phase=CampaignPhase.CLOSED)
        .prefetch_related("phase_plans")
        .order_by("-starts_on", "name")
    )
    return {"openings": [(campaign, registration_problems(campaign=campaign, actor=user)) for campaign in campaigns]}


def on_candidate_page(*, user, candidate) -> dict:
    return {
        "enrolments": Enrolment.objects.filter(
            candidate=candidate, campaign__in=visible_campaigns(user)
        ).select_related("campaign")
    }


def on_consent_form(*, user, candidate) -> dict:
    """The printed consent form names the campaign of the candidate's latest enrolment the user sees."""
    enrolment = (
        Enrolment.objects.filter(candidate=candidate, campaign__in=visible_campaigns(user))
        .select_related("campaign")
        .order_by("-enrolled_at")
        .first()
    )
    return {"campaign": enrolment.campaign if enrolment else None}
