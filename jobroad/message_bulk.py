"""Cancelling, or sending again, a selection of the outbox at once. The page first says what will happen — how many
change, which cannot and why (a message already sent cannot be cancelled) — and only a confirmed post changes them,
all of them or none, each through the outbox's own single-message function (``outbox.cancel_message``,
``outbox.resend_message``), so its rules hold. Every id must be a message the user sees, or the request is a 404."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import message_filters, outbox, permissions
from .models import Message, MessageStatus, User

# A page of the outbox at most (views.PAGE_SIZE) and some: a bulk action is for a selection, not a sweep.
MAX_SELECTED = 100

ACTIONS = {
    "cancel": (frozenset({MessageStatus.PENDING}), outbox.cancel_message),
    "resend": (frozenset({MessageStatus.FAILED, MessageStatus.CANCELLED}), outbox.resend_message),
}


class NothingSelected(Exception):
    """No message was ticked: the view sends the user back to the outbox."""


def selected_messages(user, params) -> list[Message]:
    """The ticked messages (``message``, repeated), each one ``user`` sees; anyone who may not manage messages, a
    malformed id, too many or an id of a message the user does not see is a 404 for the whole request."""
    if not permissions.can_manage_messages(user):
        raise Http404
    try:
        ids = list(dict.fromkeys(int(value) for value in params.getlist("message")))
    except ValueError:
        raise Http404 from None
    if len(ids) > MAX_SELECTED:
        raise Http404
    if not ids:
        raise NothingSelected
    found = {message.pk: message for message in permissions.visible_messages(user).filter(pk__in=ids)}
    if len(found) != len(ids):
        raise Http404
    return [found[pk] for pk in ids]


def refusal(action: str, message: Message) -> str:
    """Why ``action`` cannot be done to ``message``, in words."""
    if message.status in (MessageStatus.SENT, MessageStatus.DELIVERED):
        return _("it was already sent")
    if message.status == MessageStatus.SENDING:
        return _("it is being sent right now")
    if message.status == MessageStatus.EXPIRED:
        return _("its time was over before it could leave")
    if action == "cancel":
        if message.status == MessageStatus.FAILED:
            return _("it failed and is not waiting any more: send it again or leave it")
        return _("it is already cancelled")
    return _("it is still waiting to be sent")


@dataclass
class ChangePlan:
    action: str
    to_change: list[Message] = field(default_factory=list)
    refused: list[tuple[Message, str]] = field(default_factory=list)


def change_plan(*, selected: list[Message], action: str) -> ChangePlan:
    """Which of ``selected`` ``action`` changes, and why it leaves the others as they are."""
    plan, (changeable, _change) = ChangePlan(action), ACTIONS[action]
    for message in selected:
        if message.status in changeable:
            plan.to_change.append(message)
        else:
            plan.refused.append((message, refusal(action, message)))
    return plan


def change_messages(*, plan: ChangePlan, actor: User) -> int:
    """Do the plan's action to every message of it, all or none: a message whose state changed since the plan was
    shown (the dispatcher sent it meanwhile) raises ``outbox.MessageRefused`` and nothing changes."""
    _changeable, change = ACTIONS[plan.action]
    with transaction.atomic():
        for message in plan.to_change:
            change(message=message, actor=actor)
    return len(plan.to_change)


def list_url(user, back: str) -> str:
    """The outbox with the filters it was left with (``back``, a query string), only those valid for ``user``."""
    applied = message_filters.messages_filtered(user, QueryDict(back[:1000])).applied
    return f"{reverse('message_list')}?{urlencode(applied)}" if applied else reverse("message_list")


@login_required
def message_bulk_cancel(request):
    return bulk_change(request, "cancel")


@login_required
def message_bulk_resend(request):
    return bulk_change(request, "resend")


def bulk_change(request, action: str):
    """GET: what will happen. POST (confirmed): change every message of the plan, or none."""
    params = request.POST if request.method == "POST" else request.GET
    back = list_url(request.user, params.get("back", ""))
    try:
        selected = selected_messages(request.user, params)
    except NothingSelected:
        messages.error(request, _("Tick the messages to act on first."))
        return redirect(back)
    plan = change_plan(selected=selected, action=action)
    if request.method == "POST":
        confirmed = sorted(int(pk) for pk in request.POST.getlist("confirmed") if pk.isdigit())
        if not plan.to_change or confirmed != sorted(message.pk for message in plan.to_change):
            messages.error(request, _("Nothing was changed: the selection changed. Check what will happen again."))
        else:
            try:
                count = change_messages(plan=plan, actor=request.user)
            except outbox.MessageRefused as refused:
                messages.error(request, _("Nothing was changed: %(reason)s") % {"reason": refused})
            else:
                messages.success(request, done(action, count))
                return redirect(back)
    context = {"selected": selected, "plan": plan, "back": params.get("back", ""), "back_url": back}
    return render(request, "jobroad/message_bulk.html", context, status=400 if request.method == "POST" else 200)


def done(action: str, count: int) -> str:
    if action == "cancel":
        text = ngettext("%(count)d message is cancelled.", "%(count)d messages are cancelled.", count)
    else:
        text = ngettext("%(count)d message is back in the queue.", "%(count)d messages are back in the queue.", count)
    return text % {"count": count}
