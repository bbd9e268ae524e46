from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobroad import permissions
from jobroad.selectors import campaigns_with_counts
from jobroad.views import paginate

from . import selectors, services
from .forms import CampaignForm, CloneCampaignForm
from .models import Campaign, CampaignPhase


@login_required
def campaign_list(request):
    campaigns = campaigns_with_counts(request.user).select_related("funder")
    context = {"page": paginate(request, campaigns), "can_create": permissions.can_create_campaign(request.user)}
    return render(request, "campaigns/campaign_list.html", context)


@login_required
def campaign_detail(request, pk):
    campaign = get_object_or_404(campaigns_with_counts(request.user).select_related("funder"), pk=pk)
    context = {
        "campaign": campaign,
        "companies": campaign.companies.filter(pk__in=permissions.visible_companies(request.user)).select_related(
            "organisation"
        ),
        "candidates": campaign.candidates.filter(pk__in=permissions.visible_candidates(request.user))[:100],
        "partners": campaign.partners.all(),
        "coordinators": campaign.coordinators.all(),
        "timeline": selectors.phase_timeline(campaign),
        "counters": selectors.target_counters(campaign),
        "can_manage": permissions.can_manage_campaign(request.user, campaign),
    }
    if context["can_manage"] and campaign.next_phase:
        context["next_phase"] = CampaignPhase(campaign.next_phase)
        context["next_phase_problems"] = services.transition_problems(campaign, campaign.next_phase)
    return render(request, "campaigns/campaign_detail.html", context)


@login_required
def report_list(request):
    """Aggregates only: funders never see a person."""
    if not permissions.can_view_reports(request.user):
        raise Http404
    campaigns = campaigns_with_counts(request.user)
    return render(request, "campaigns/report_list.html", {"page": paginate(request, campaigns)})


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
        with transaction.atomic():
            form.save()
            services.save_phase_plans(campaign=campaign, plans=form.plans)
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
