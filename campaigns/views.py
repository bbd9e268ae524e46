from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from jobroad import permissions
from jobroad.selectors import campaigns_with_counts
from jobroad.views import paginate


@login_required
def campaign_list(request):
    campaigns = campaigns_with_counts(request.user).select_related("funder")
    return render(request, "campaigns/campaign_list.html", {"page": paginate(request, campaigns)})


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
    }
    return render(request, "campaigns/campaign_detail.html", context)


@login_required
def report_list(request):
    """Aggregates only: funders never see a person."""
    if not permissions.can_view_reports(request.user):
        raise Http404
    campaigns = campaigns_with_counts(request.user)
    return render(request, "campaigns/report_list.html", {"page": paginate(request, campaigns)})
