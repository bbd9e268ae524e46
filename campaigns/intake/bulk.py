"""Enrolling a selection of candidates from the candidate list in a campaign at once. The page first says what
will happen — who will be enrolled, who already is, who cannot be and why — and only a confirmed post enrols, all
of them or none: each goes through ``services.enrol_again``, the single-candidate service, so its rules hold."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from campaigns.forms import EnrolAgainForm
from campaigns.models import Campaign
from candidates.models import Candidate
from candidates.selection import NothingSelected, back_to_the_list, selected_candidates

from . import selectors, services


@dataclass
class EnrolmentPlan:
    campaign: Campaign
    to_enrol: list[Candidate] = field(default_factory=list)
    already: list[Candidate] = field(default_factory=list)
    refused: list[tuple[Candidate, str]] = field(default_factory=list)
    problem: str = ""  # the campaign takes nobody (its intake is over): nobody is enrolled


def enrolment_plan(*, candidates: list[Candidate], campaign: Campaign, actor) -> EnrolmentPlan:
    """What enrolling ``candidates`` in ``campaign`` would do, by the rules of ``services.enrol_again``."""
    plan = EnrolmentPlan(campaign)
    if problems := services.registration_problems(campaign=campaign, actor=actor):
        plan.problem = problems[0]
        return plan
    enrolled = set(campaign.enrolments.filter(candidate__in=candidates).values_list("candidate_id", flat=True))
    for candidate in candidates:
        if candidate.pk in enrolled:
            plan.already.append(candidate)
        elif objection := services.track_objection(candidate):
            plan.refused.append((candidate, objection))
        else:
            plan.to_enrol.append(candidate)
    return plan


@login_required
def bulk_enrol(request):
    """GET: choose the campaign, then read what will happen. POST (confirmed): enrol every one of the plan."""
    params = request.POST if request.method == "POST" else request.GET
    try:
        candidates = selected_candidates(request.user, params, editable=True)
    except NothingSelected:
        return back_to_the_list(request)
    form = EnrolAgainForm(
        params if "campaign" in params else None, campaigns=selectors.enrolable_campaigns(request.user)
    )
    form.fields["campaign"].widget.attrs["class"] = "form-select form-select-sm"
    plan = enrolment_plan(candidates=candidates, campaign=form.cleaned_data["campaign"], actor=request.user) if (
        form.is_bound and form.is_valid()
    ) else None  # fmt: skip
    if request.method == "POST" and plan is not None:
        confirmed = sorted(int(pk) for pk in request.POST.getlist("confirmed") if pk.isdigit())
        if confirmed != sorted(candidate.pk for candidate in plan.to_enrol) or plan.problem or not plan.to_enrol:
            messages.error(request, _("Nobody was enrolled: the selection changed. Check what will happen again."))
        else:
            try:
                with transaction.atomic():
                    for candidate in plan.to_enrol:
                        services.enrol_again(candidate=candidate, campaign=plan.campaign, actor=request.user)
            except services.TrackRefused as refusal:
                messages.error(request, _("Nobody was enrolled: %(reason)s") % {"reason": refusal})
            else:
                messages.success(
                    request,
                    _("%(count)d candidates are enrolled in %(campaign)s.")
                    % {"count": len(plan.to_enrol), "campaign": plan.campaign.name},
                )
                return redirect("candidate_list")
    context = {"candidates": candidates, "form": form, "plan": plan}
    return render(request, "campaigns/bulk_enrol.html", context, status=400 if request.method == "POST" else 200)
