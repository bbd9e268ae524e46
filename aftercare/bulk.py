"""Bulk actions on a selection of the placement list, as on the candidate list (candidates.selection): download the
selection, or send its candidates a message (``candidates.bulk_message_views``, the same page and rules). Every ticked
id must be a placement the user sees, or the whole request is a 404 — never silently dropped nor acted on."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from candidates.bulk_message_views import message_page
from candidates.permissions import visible_candidates
from jobroad import audit
from jobroad.exports import CONTENT_TYPES, Export, export_response
from jobroad.models import AuditAction, AuditPlace
from jobroad.permissions import can_manage_messages

from . import filters, permissions
from .models import Placement

MAX_SELECTED = 100


def selected_placement_ids(params) -> list[int]:
    """The ticked ids (``placement``, repeated), in order, each once; a malformed one, or too many, is a 404."""
    try:
        ids = list(dict.fromkeys(int(value) for value in params.getlist("placement")))
    except ValueError:
        raise Http404 from None
    if len(ids) > MAX_SELECTED:
        raise Http404
    return ids


def selected_placements(user, ids: list[int]) -> list[Placement]:
    found = {
        placement.pk: placement
        for placement in permissions.visible_placements(user).filter(pk__in=ids).select_related("candidate")
    }
    if len(found) != len(ids):
        raise Http404
    return [found[pk] for pk in ids]


@login_required
def placement_bulk_message(request):
    """The candidates of the ticked placements, each once, get one message: the candidate list's page and rules."""
    if not can_manage_messages(request.user):
        raise Http404
    params = request.POST if request.method == "POST" else request.GET
    ids = selected_placement_ids(params)
    if not ids:
        messages.error(request, _("Tick the placements to act on first."))
        return redirect("placement_list")
    placements = selected_placements(request.user, ids)
    candidate_ids = list(dict.fromkeys(placement.candidate_id for placement in placements))
    found = {candidate.pk: candidate for candidate in visible_candidates(request.user).filter(pk__in=candidate_ids)}
    if len(found) != len(candidate_ids):
        raise Http404
    hidden = [("placement", pk) for pk in ids]
    return message_page(request, [found[pk] for pk in candidate_ids], hidden=hidden, back_url=reverse("placement_list"))


@login_required
def placement_export(request, file_format):
    """The placement list as a file — the ticked ones, or else the list as filtered. Personal data, so only after
    typing the password again; a foreign id is a 404 before any password is asked."""
    if not permissions.can_see_placements(request.user) or file_format not in CONTENT_TYPES:
        raise Http404
    selected_placements(request.user, selected_placement_ids(request.GET))
    return reauthenticated_placement_export(request, file_format)


@reauthentication_required
def reauthenticated_placement_export(request, file_format):
    export = placements_export(request.user, request.GET)
    response = export_response(export, file_format)
    audit.record(actor=request.user, action=AuditAction.EXPORTED, candidates=export.candidates, place=AuditPlace.EXPORT)
    return response


def placements_export(user, params) -> Export:
    """The placements of the list (its filters in ``params``; the ticked ``placement`` ids narrow it to them)."""
    placements = filters.placements_filtered(user, params).qs
    if selected := selected_placement_ids(params):
        placements = placements.filter(pk__in=selected)
    placements = list(placements)
    headers = [
        _("First name"), _("Last name"), _("Campaign"), _("Workplace"), _("Vacancy"), _("Employer of record"),
        _("Route"), _("Start"), _("Status"), _("Ended on"), _("Next check-in"), _("At risk"),
    ]  # fmt: skip
    rows = (
        [
            placement.candidate.first_name,
            placement.candidate.last_name,
            placement.campaign.name if placement.campaign else "",
            str(placement.company),
            placement.vacancy.title if placement.vacancy else "",
            str(placement.employer) if placement.employer else "",
            placement.get_route_display(),
            placement.starts_on,
            placement.get_status_display(),
            placement.ended_on or "",
            placement.next_check_in_on or "",
            placement.is_flagged,
        ]
        for placement in placements
    )
    candidates = visible_candidates(user).filter(pk__in={placement.candidate_id for placement in placements})
    return Export(name=_("placements"), headers=headers, rows=rows, candidates=candidates)
