"""Funding programmes: the list, the form coordinators keep them with, and the programme page that sets its
actions' figures against the contract's targets (read by the funder too, with its counts published)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jobroad.permissions import sees_small_counts
from jobroad.views import paginate

from .. import permissions, services
from ..forms import FundingProgrammeForm
from ..reporting.programmes import programme_progress
from .models import FundingProgramme


@login_required
def programme_list(request):
    if not permissions.can_see_programmes(request.user):
        raise Http404
    programmes = (
        permissions.visible_programmes(request.user)
        .select_related("funder")
        .annotate(action_count=Count("campaigns"))
        .order_by("-starts_on", "name")
    )
    context = {"page": paginate(request, programmes), "can_manage": permissions.can_manage_programmes(request.user)}
    return render(request, "campaigns/programme_list.html", context)


@login_required
def programme_detail(request, pk):
    programme = get_object_or_404(permissions.visible_programmes(request.user).select_related("funder"), pk=pk)
    context = {
        "programme": programme,
        "progress": programme_progress(programme, suppress=not sees_small_counts(request.user)),
        "actions": permissions.visible_campaigns(request.user).filter(programme=programme).order_by("starts_on", "pk"),
        "can_manage": permissions.can_manage_programmes(request.user),
        "suppressed": not sees_small_counts(request.user),
    }
    return render(request, "campaigns/programme_detail.html", context)


@login_required
def programme_create(request):
    return programme_form(request, FundingProgramme())


@login_required
def programme_edit(request, pk):
    return programme_form(request, get_object_or_404(permissions.visible_programmes(request.user), pk=pk))


def programme_form(request, programme: FundingProgramme):
    if not permissions.can_manage_programmes(request.user):
        raise Http404
    form = FundingProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        programme = services.save_programme(programme=form.save(commit=False), actor=request.user)
        messages.success(request, _("Programme %(name)s saved.") % {"name": programme.name})
        return redirect("programme_detail", pk=programme.pk)
    context = {"form": form, "programme": programme if programme.pk else None}
    return render(request, "campaigns/programme_form.html", context, status=400 if form.errors else 200)
