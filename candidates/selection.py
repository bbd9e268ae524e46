"""A selection of candidates ticked on the candidate list, for a bulk action (campaigns.intake.bulk,
workshops.bulk): every id must be a candidate the user sees, or the whole request is a 404 — an id of another
organisation's candidate is never silently dropped nor acted on."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import permissions
from .models import Candidate

# A page of the list at most (jobroad.views.PAGE_SIZE) and some: a bulk action is for a selection, not a sweep.
MAX_SELECTED = 100


def selected_ids(params) -> list[int]:
    """The ticked ids in ``params`` (``candidate``, repeated), in order, each once; a malformed one is a 404."""
    try:
        ids = list(dict.fromkeys(int(value) for value in params.getlist("candidate")))
    except ValueError:
        raise Http404 from None
    if len(ids) > MAX_SELECTED:
        raise Http404
    return ids


class NothingSelected(Exception):
    """No candidate was ticked: the view sends the user back to the list."""


def selected_candidates(user, params, *, editable: bool = False) -> list[Candidate]:
    """The selected candidates, each one ``user`` sees (and, with ``editable``, keeps: ``can_edit_candidate``).
    Bulk actions are for who registers candidates (coordinators and intermediaries): anyone else gets a 404."""
    if not permissions.can_register_candidates(user):
        raise Http404
    ids = selected_ids(params)
    if not ids:
        raise NothingSelected
    found = {candidate.pk: candidate for candidate in permissions.visible_candidates(user).filter(pk__in=ids)}
    if len(found) != len(ids):
        raise Http404
    candidates = [found[pk] for pk in ids]
    if editable and not all(permissions.can_edit_candidate(user, candidate) for candidate in candidates):
        raise Http404
    return candidates


def back_to_the_list(request):
    messages.error(request, _("Tick the candidates to act on first."))
    return redirect("candidate_list")
