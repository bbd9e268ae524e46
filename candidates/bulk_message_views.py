"""The page that sends a message to a selection (``bulk_messages``): the candidate list's, and the core that the
placement list (aftercare) uses with its own selection. Only who may manage messages (coordinators) may; every
candidate in the selection must be one the user sees, or the whole request is a 404."""

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jobroad.permissions import can_manage_messages

from .bulk_messages import CandidateMessageForm, message_plan, send_candidate_messages
from .models import Candidate
from .selection import NothingSelected, back_to_the_list, selected_candidates


@login_required
def candidate_bulk_message(request):
    """GET: what to send. POST: what will happen, per candidate (nothing written). POST with ``confirm``: send."""
    if not can_manage_messages(request.user):
        raise Http404
    params = request.POST if request.method == "POST" else request.GET
    try:
        candidates = selected_candidates(request.user, params)
    except NothingSelected:
        return back_to_the_list(request)
    hidden = [("candidate", candidate.pk) for candidate in candidates]
    return message_page(request, candidates, hidden=hidden, back_url=reverse("candidate_list"))


def batch_of(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def message_page(request, candidates: list[Candidate], *, hidden: list[tuple[str, int]], back_url: str):
    """The page for ``candidates`` (each one the user may see and message: the caller checked), with ``hidden`` the
    selection as the list posted it, carried from step to step."""
    form = CandidateMessageForm(request.POST if request.method == "POST" else None)
    plan = message_plan(candidates=candidates, form=form) if form.is_bound and form.is_valid() else None
    if plan is not None and "confirm" in request.POST:
        batch = batch_of(request.POST.get("batch", ""))
        confirmed = sorted(int(pk) for pk in request.POST.getlist("confirmed") if pk.isdigit())
        if batch is None or not plan.to_send or confirmed != sorted(item.candidate.pk for item in plan.to_send):
            messages.error(request, _("Nothing was sent: the selection changed. Check what will happen again."))
        else:
            count = send_candidate_messages(plan=plan, batch=batch, actor=request.user)
            if count:
                note = ngettext("%(count)d message is in the outbox.", "%(count)d messages are in the outbox.", count)
                messages.success(request, note % {"count": count})
            else:
                messages.info(request, _("These messages were already in the outbox: nothing was sent twice."))
            return redirect(f"{reverse('message_list')}?{urlencode({'q': str(batch)})}")
    context = {
        "candidates": candidates,
        "hidden": hidden,
        "form": form,
        "plan": plan,
        "batch": uuid.uuid4(),
        "back_url": back_url,
    }
    failed = request.method == "POST" and (bool(form.errors) or "confirm" in request.POST)
    return render(request, "candidates/bulk_message.html", context, status=400 if failed else 200)
