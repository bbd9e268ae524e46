"""What campaigns put on the pages of the apps below it (``jobroad.pages``): a company's campaigns, a candidate's
enrolments (with a drop-out and a new enrolment), and the campaigns a user may register a candidate into."""

from django.db.models import prefetch_related_objects
from django.utils import timezone

from candidates.permissions import can_edit_candidate, can_register_candidates
from jobroad import drafts

from .forms import DropOutForm, EnrolAgainForm
from .intake.selectors import enrolable_campaigns
from .intake.services import REGISTRATION_DRAFT, registration_problems
from .models import CampaignPhase, Enrolment
from .permissions import changeable_enrolments, registrable_campaigns, visible_campaigns
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
    return {
        "openings": [(campaign, registration_problems(campaign=campaign, actor=user)) for campaign in campaigns],
        "drafted": drafts.drafted_keys(user, REGISTRATION_DRAFT),
    }


def candidate_filters(*, user) -> dict:
    """The candidate list's campaign filter offers the campaigns the user sees (candidates.filters)."""
    return {"campaigns": visible_campaigns(user)}


def on_candidate_page(*, user, candidate) -> dict:
    """The candidate's enrolments the user sees and, for who keeps the record, a drop-out per enrolment the user may
    change and a later campaign to enrol in."""
    enrolments = Enrolment.objects.filter(candidate=candidate, campaign__in=visible_campaigns(user))
    context = {"enrolments": enrolments.select_related("campaign")}
    if can_edit_candidate(user, candidate):
        droppable = changeable_enrolments(user).filter(candidate=candidate)
        later = enrolable_campaigns(user).exclude(enrolments__candidate=candidate)
        context |= {
            "drop_out_form": DropOutForm(initial={"on": timezone.localdate()}),
            "droppable": set(droppable.values_list("pk", flat=True)),
            "enrol_form": EnrolAgainForm(campaigns=later),
        }
    return context


def on_consent_form(*, user, candidate) -> dict:
    """The printed consent form names the campaign of the candidate's latest enrolment the user sees."""
    enrolment = (
        Enrolment.objects.filter(candidate=candidate, campaign__in=visible_campaigns(user))
        .select_related("campaign")
        .order_by("-enrolled_at")
        .first()
    )
    return {"campaign": enrolment.campaign if enrolment else None}
