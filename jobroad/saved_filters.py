"""Filters a person saves under a name on a list, and opens again (``SavedFilter``). Only its owner sees, opens or
deletes one: anybody else's is a 404.

jobroad cannot read the lists of the apps above, so each list registers, at start-up, how its filter cleans a
query (``register_list``): it returns only the list's own fields with a valid value for this user, which is all
that is stored — never other free text than the search."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import SavedFilter

# page (the list's URL name) -> cleaner(user, GET-like params) -> {field: value}, only valid known fields.
LISTS: dict[str, Callable] = {}


def register_list(page: str, clean: Callable) -> None:
    LISTS[page] = clean


def saved_filters(user, page: str):
    return SavedFilter.objects.filter(user=user, page=page)


def list_url(saved: SavedFilter) -> str:
    return f"{reverse(saved.page)}?{saved.query}" if saved.query else reverse(saved.page)


@login_required
@require_POST
def saved_filter_create(request):
    page = request.POST.get("page", "")
    if page not in LISTS:
        raise Http404
    applied = LISTS[page](request.user, request.POST)
    name = request.POST.get("name", "").strip()[:80]
    query = urlencode(applied)
    if not name or not applied or len(query) > 500:
        messages.error(request, _("Give the filter a name, and set at least one filter first."))
        return redirect(f"{reverse(page)}?{query}" if query else reverse(page))
    try:
        with transaction.atomic():
            saved = SavedFilter.objects.create(user=request.user, page=page, name=name, query=query)
    except IntegrityError:
        messages.error(request, _("You already have a filter with this name."))
        return redirect(f"{reverse(page)}?{query}")
    messages.success(request, _("The filter is saved as “%(name)s”.") % {"name": saved.name})
    return redirect(list_url(saved))


@login_required
def saved_filter_open(request, pk):
    return redirect(list_url(get_object_or_404(SavedFilter, pk=pk, user=request.user)))


@login_required
@require_POST
def saved_filter_delete(request, pk):
    saved = get_object_or_404(SavedFilter, pk=pk, user=request.user)
    saved.delete()
    messages.success(request, _("The saved filter “%(name)s” is deleted.") % {"name": saved.name})
    return redirect(saved.page)
