"""Pages of the matching phase: the coordinator's matching board, a candidate's options, pins and bans, confirming;
a second chance. HR's proposals are in proposal_views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from campaigns.permissions import managed_campaigns
from companies.permissions import visible_vacancies
from jobroad import audit
from jobroad.models import AuditPlace

from .. import lifecycle
from ..forms import (
    MatchingSettingsForm,
)
from ..models import Enrolment, PairRuleKind
from ..views import managed_campaign
from . import inputs, second_chance, selectors, services


@login_required
def campaign_matching(request, pk):
    campaign = managed_campaign(request, pk)
    refusal = lifecycle.phase_refusal(campaign, "run_matching")
    if request.method == "POST" and refusal:  # nothing is saved nor run; the page says why
        messages.error(request, refusal)
        return redirect("campaign_matching", pk=campaign.pk)
    settings_form = MatchingSettingsForm(request.POST or None, instance=inputs.matching_settings(campaign))
    if request.method == "POST" and settings_form.is_valid():
        settings_form.save()
        run = services.run_matching(campaign=campaign, actor=request.user)
        messages.success(
            request,
            _("Matching done: %(covered)s of %(eligible)s eligible candidates have an interview.")
            % {"covered": run.covered, "eligible": run.eligible},
        )
        return redirect("campaign_matching", pk=campaign.pk)
    run = campaign.matching_runs.first()
    context = {
        "campaign": campaign,
        "settings_form": settings_form,
        "run": run,
        "levels": run.levels if run else None,
        "rows": selectors.matching_rows(campaign),
        "refusal": refusal,
        "confirm_refusal": lifecycle.phase_refusal(campaign, "confirm_proposals"),
    }
    return render(request, "campaigns/matching.html", context, status=400 if settings_form.errors else 200)


@login_required
def matching_scores(request, pk):
    campaign = managed_campaign(request, pk)
    return render(
        request, "campaigns/matching_scores.html", {"campaign": campaign, "table": selectors.score_table(campaign)}
    )


def managed_enrolment(request, pk) -> Enrolment:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("campaign", "candidate").filter(campaign__in=managed_campaigns(request.user)),
        pk=pk,
    )
    return enrolment


@login_required
def matching_candidate(request, pk):
    """One candidate against every vacancy of the campaign: fit and reasons, or why not; pin and forbid."""
    enrolment = managed_enrolment(request, pk)
    audit.viewed(request.user, enrolment.candidate_id, AuditPlace.MATCHING)
    context = {
        "campaign": enrolment.campaign,
        "enrolment": enrolment,
        "options": selectors.vacancy_options(enrolment.campaign, enrolment),
    }
    return render(request, "campaigns/matching_candidate.html", context)


@login_required
@require_POST
def matching_pair_rule(request, pk, vacancy_pk):
    enrolment = managed_enrolment(request, pk)
    vacancy = get_object_or_404(
        visible_vacancies(request.user).filter(company__participations__campaign=enrolment.campaign),
        pk=vacancy_pk,
    )
    kind = request.POST.get("kind", "")
    if kind not in {"", *PairRuleKind.values}:
        raise Http404
    try:
        services.set_pair_rule(enrolment=enrolment, vacancy=vacancy, kind=kind, actor=request.user)
    except services.MatchingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Saved; the next matching run respects it."))
    return redirect("matching_candidate", pk=enrolment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def matching_confirm(request, pk):
    """Confirming shows the candidates to the companies and tells their HR, so it asks first and says how many
    proposals, candidates, companies and messages (GET), then confirms once the coordinator has confirmed those
    very numbers (POST)."""
    campaign = managed_campaign(request, pk)
    outline = selectors.proposals_confirmation(campaign)
    if request.method == "GET":
        refusal = lifecycle.phase_refusal(campaign, "confirm_proposals")  # said before anything is pressed
        context = {"campaign": campaign, "outline": outline, "refusal": refusal}
        return render(request, "campaigns/matching_confirm.html", context)
    asked = (request.POST.get("proposals"), request.POST.get("messages"))
    if request.POST.get("confirm") != "yes" or asked != (str(outline.proposals), str(outline.messages)):
        messages.error(request, _("Nothing was confirmed: confirm the proposals and messages as they are now first."))
        return redirect("matching_confirm", pk=campaign.pk)
    try:
        count = services.confirm_proposals(campaign=campaign, actor=request.user)
    except lifecycle.PhaseRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("campaign_matching", pk=campaign.pk)
    if count:
        messages.success(request, ngettext(
            "%(count)s proposal confirmed; the companies' HR people get a message.",
            "%(count)s proposals confirmed; the companies' HR people get a message.",
            count,
        ) % {"count": count})  # fmt: skip
    else:
        messages.info(request, _("There were no draft proposals to confirm."))
    return redirect("campaign_matching", pk=campaign.pk)


@login_required
def second_chance_list(request, pk):
    campaign = managed_campaign(request, pk)
    return render(request, "campaigns/second_chance.html", {"campaign": campaign, "rows": second_chance.rows(campaign)})


@login_required
@require_POST
def second_chance_propose(request, pk, vacancy_pk):
    enrolment = managed_enrolment(request, pk)
    vacancy = get_object_or_404(second_chance.ambassador_vacancies(), pk=vacancy_pk)
    try:
        services.propose_second_chance(enrolment=enrolment, vacancy=vacancy, actor=request.user)
    except services.MatchingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("%(candidate)s is proposed to %(company)s; its HR sees the blind profile now.")
            % {"candidate": enrolment.candidate, "company": vacancy.company},
        )
    return redirect("second_chance", pk=enrolment.campaign_id)
