"""The coordinator's transport page of a project week: the runs with their departure, passengers, stops and
problems, and the form to add, change or remove a run."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from campaigns.permissions import managed_campaigns

from ...models import ProjectWeek
from ...views import managed_campaign
from . import selectors, services
from .forms import TransportRunForm
from .models import TransportRun


def managed_run(request, pk) -> TransportRun:
    """A run of a campaign the user runs; any other is a 404."""
    runs = TransportRun.objects.filter(project_week__campaign__in=managed_campaigns(request.user))
    return get_object_or_404(runs.select_related("project_week__campaign", "reception_centre", "escort"), pk=pk)


@login_required
def project_week_transport(request, pk):
    campaign = managed_campaign(request, pk)
    week = selectors.transport_week(campaign)
    return render(request, "campaigns/project_week_transport.html", {"campaign": campaign, "week": week})


def _is_published(campaign) -> bool:
    return ProjectWeek.objects.filter(campaign=campaign, published_at__isnull=False).exists()


def _run_form(request, campaign, run=None):
    escort = run.escort if run else None  # the form's cleaning writes the new one onto the run
    form = TransportRunForm(request.POST or None, instance=run, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        if _is_published(campaign) and not request.POST.get("confirmed"):
            audience = selectors.audience_of_change(
                campaign, run, values["day"], values["reception_centre"].pk, escorts=[escort, values["escort"]]
            )
            context = {"campaign": campaign, "form": form, "run": run, "audience": audience, "removing": False}
            return render(request, "campaigns/transport_run_confirm.html", context)
        services.save_transport_run(campaign=campaign, values=values, actor=request.user, run=run)
        messages.success(request, _("Transport run saved."))
        return redirect("project_week_transport", pk=campaign.pk)
    context = {"campaign": campaign, "form": form, "run": run}
    return render(request, "campaigns/transport_run_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def transport_run_add(request, pk):
    return _run_form(request, managed_campaign(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def transport_run_edit(request, pk):
    run = managed_run(request, pk)
    return _run_form(request, run.project_week.campaign, run)


@login_required
@require_POST
def transport_run_delete(request, pk):
    run = managed_run(request, pk)
    campaign = run.project_week.campaign
    if _is_published(campaign) and not request.POST.get("confirmed"):
        audience = selectors.audience_of_change(campaign, run, run.day, run.reception_centre_id, escorts=[run.escort])
        context = {"campaign": campaign, "run": run, "audience": audience, "removing": True}
        return render(request, "campaigns/transport_run_confirm.html", context)
    services.delete_transport_run(run=run, actor=request.user)
    messages.success(request, _("Transport run removed."))
    return redirect("project_week_transport", pk=campaign.pk)
