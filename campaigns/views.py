from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns import selectors, services
from candidates.permissions import visible_candidates
from companies.permissions import visible_companies
from jobroad.pages import page_additions
from jobroad.views import paginate

from . import lifecycle, permissions
from .forms import (
    CampaignForm,
    CloneCampaignForm,
    ParticipationForm,
    StepBackForm,
)
from .models import Campaign, CampaignPhase, Participation
from .reporting.dashboard import target_counters
from .selectors import campaigns_with_counts


@login_required
def campaign_list(request):
    campaigns = campaigns_with_counts(request.user).select_related("funder")
    context = {
        "page": paginate(request, campaigns),
        "can_create": permissions.can_create_campaign(request.user),
        "can_keep_interpreters": permissions.can_keep_interpreters(request.user),
    }
    return render(request, "campaigns/campaign_list.html", context)


@login_required
def campaign_detail(request, pk):
    campaign = get_object_or_404(campaigns_with_counts(request.user).select_related("funder", "programme"), pk=pk)
    context = {
        "campaign": campaign,
        "companies": selectors.companies_taking_part(campaign, request.user),
        "candidates": campaign.candidates.filter(pk__in=visible_candidates(request.user))[:100],
        "partners": campaign.partners.all(),
        "coordinators": campaign.coordinators.all(),
        "timeline": selectors.phase_timeline(campaign),
        "counters": target_counters(campaign, request.user),
        "can_manage": permissions.can_manage_campaign(request.user, campaign),
        "can_read_briefing": permissions.can_read_briefing(request.user, campaign),
        "programme_link": campaign.programme_id
        and permissions.visible_programmes(request.user).filter(pk=campaign.programme_id).exists(),
        **page_additions("campaign_detail", user=request.user, campaign=campaign),
    }
    if context["can_manage"] and campaign.next_phase:
        context["next_phase"] = CampaignPhase(campaign.next_phase)
        context["next_phase_problems"] = services.transition_problems(campaign, campaign.next_phase)
    if context["can_manage"] and (previous := lifecycle.previous_phase(campaign)):
        context["previous_phase"] = CampaignPhase(previous)
        context["step_back_form"] = StepBackForm()
    return render(request, "campaigns/campaign_detail.html", context)


@login_required
def campaign_create(request):
    if not permissions.can_create_campaign(request.user):
        raise Http404
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        campaign = services.create_campaign(actor=request.user, plans=form.plans, **form.details)
        messages.success(request, _("Campaign %(name)s created as a draft.") % {"name": campaign.name})
        return redirect("campaign_detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def campaign_edit(request, pk):
    campaign = managed_campaign(request, pk)
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
                services.save_phase_plans(campaign=campaign, plans=form.plans)
        except lifecycle.PhaseRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Campaign saved."))
            return redirect("campaign_detail", pk=campaign.pk)
    context = {"form": form, "campaign": campaign}
    return render(request, "campaigns/campaign_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def campaign_advance(request, pk):
    campaign = managed_campaign(request, pk)
    try:
        campaign = services.advance_campaign(
            campaign=campaign, to_phase=request.POST.get("phase", ""), actor=request.user
        )
    except services.TransitionRefused as refusal:
        for reason in refusal.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, _("The campaign is now in %(phase)s.") % {"phase": campaign.get_phase_display()})
    return redirect("campaign_detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_step_back(request, pk):
    """Back one phase, with the coordinator's reason on the record; the page asked to confirm it."""
    campaign = managed_campaign(request, pk)
    form = StepBackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the campaign steps back, and confirm it."))
        return redirect("campaign_detail", pk=campaign.pk)
    try:
        campaign = services.step_back_campaign(
            campaign=campaign, reason=form.cleaned_data["reason"], actor=request.user
        )
    except services.TransitionRefused as refusal:
        for reason in refusal.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, _("The campaign is back in %(phase)s.") % {"phase": campaign.get_phase_display()})
    return redirect("campaign_detail", pk=campaign.pk)


@login_required
def campaign_clone(request, pk):
    source = managed_campaign(request, pk)
    form = CloneCampaignForm(request.POST or None, initial={"name": _("%(name)s (copy)") % {"name": source.name}})
    if request.method == "POST" and form.is_valid():
        clone = services.clone_campaign(source=source, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Campaign cloned; check its dates and partners."))
        return redirect("campaign_detail", pk=clone.pk)
    context = {"form": form, "campaign": source}
    return render(request, "campaigns/campaign_clone.html", context, status=400 if form.errors else 200)


def managed_campaign(request, pk) -> Campaign:
    """A campaign the user may change; one they may not even see is a 404 like any other."""
    campaign = get_object_or_404(permissions.visible_campaigns(request.user), pk=pk)
    if not permissions.can_manage_campaign(request.user, campaign):
        raise Http404
    return campaign


@login_required
def campaign_add_company(request, pk):
    campaign = managed_campaign(request, pk)
    form = ParticipationForm(request.POST or None, campaign=campaign, companies=visible_companies(request.user))
    if request.method == "POST" and form.is_valid():
        capacity = {name: value for name, value in form.cleaned_data.items() if name != "company"}
        try:
            services.add_company(
                campaign=campaign, company=form.cleaned_data["company"], actor=request.user, **capacity
            )
        except lifecycle.PhaseRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("%(company)s takes part; its HR people get a message.") % form.cleaned_data)
            return redirect("campaign_detail", pk=campaign.pk)
    context = {"form": form, "campaign": campaign, "refusal": lifecycle.phase_refusal(campaign, "add_company")}
    return render(request, "campaigns/participation_form.html", context, status=400 if form.errors else 200)


@login_required
def participation_edit(request, pk):
    participation = get_object_or_404(
        Participation.objects.select_related("campaign", "company__organisation").filter(
            campaign__in=permissions.visible_campaigns(request.user),
            company__in=visible_companies(request.user),
        ),
        pk=pk,
    )
    campaign = participation.campaign
    if not permissions.can_edit_participation(request.user, participation):
        raise Http404
    form = ParticipationForm(request.POST or None, instance=participation, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_participation(participation=form.save(commit=False), actor=request.user)
        except lifecycle.PhaseRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Saved."))
            return redirect("campaign_detail", pk=campaign.pk)
    refusal = lifecycle.phase_refusal(campaign, "edit_participation")
    context = {"form": form, "campaign": campaign, "participation": participation, "refusal": refusal}
    return render(request, "campaigns/participation_form.html", context, status=400 if form.errors else 200)
