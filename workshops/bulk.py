"""Registering a selection of candidates from the candidate list for one workshop session at once. The page first
says what will happen — who gets a place, who goes on the waiting list, who already is registered, who cannot be
and why — and only a confirmed post registers, all of them or none: each goes through ``services.register``, the
single-registration service, with the candidates ``permissions.registrable_candidates`` allows, as one at a time."""

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns import lifecycle
from candidates.models import Candidate
from candidates.selection import NothingSelected, back_to_the_list, selected_candidates

from . import permissions, services
from .models import Audience, RegistrationStatus, Session

ACTIVE = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]


class SessionChoiceForm(forms.Form):
    session = forms.ModelChoiceField(label=gettext_lazy("Workshop session"), queryset=None)

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["session"].widget.attrs["class"] = "form-select form-select-sm"


def open_sessions(user):
    """Sessions for candidates the user sees, not cancelled and still to come, soonest first."""
    return (
        permissions.visible_sessions(user)
        .filter(workshop__audience=Audience.CANDIDATES, cancelled_at__isnull=True, starts_at__gt=timezone.now())
        .select_related("workshop__campaign")
        .order_by("starts_at")
    )


@dataclass
class RegistrationPlan:
    session: Session
    places: list[Candidate] = field(default_factory=list)
    waiting: list[Candidate] = field(default_factory=list)
    already: list[Candidate] = field(default_factory=list)
    refused: list[tuple[Candidate, str]] = field(default_factory=list)
    problem: str = ""  # the campaign's phase has no registrations: nobody is registered

    @property
    def to_register(self) -> list[Candidate]:
        return self.places + self.waiting


def registration_plan(*, candidates: list[Candidate], session: Session, actor) -> RegistrationPlan:
    """What registering ``candidates`` for ``session`` would do: a place while places are free, then the waiting
    list, as ``services.register`` gives them one after the other."""
    plan = RegistrationPlan(session, problem=lifecycle.phase_refusal(session.workshop.campaign, "plan_workshops"))
    if plan.problem:
        return plan
    allowed = set(permissions.registrable_candidates(actor, session).values_list("pk", flat=True))
    registered = set(
        session.registrations.filter(status__in=ACTIVE, candidate__in=candidates).values_list("candidate_id", flat=True)
    )
    free = session.capacity - session.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    for candidate in candidates:
        if candidate.pk in registered:
            plan.already.append(candidate)
        elif candidate.pk not in allowed:
            reason = _("not enrolled in %(campaign)s") % {"campaign": session.workshop.campaign.name}
            plan.refused.append((candidate, reason))
        elif len(plan.places) < free:
            plan.places.append(candidate)
        else:
            plan.waiting.append(candidate)
    return plan


@login_required
def bulk_register(request):
    """GET: choose the session, then read what will happen. POST (confirmed): register every one of the plan."""
    params = request.POST if request.method == "POST" else request.GET
    try:
        candidates = selected_candidates(request.user, params)
    except NothingSelected:
        return back_to_the_list(request)
    form = SessionChoiceForm(params if "session" in params else None, sessions=open_sessions(request.user))
    plan = None
    if form.is_bound and form.is_valid():
        plan = registration_plan(candidates=candidates, session=form.cleaned_data["session"], actor=request.user)
    if request.method == "POST" and plan is not None:
        confirmed = sorted(int(pk) for pk in request.POST.getlist("confirmed") if pk.isdigit())
        if not plan.to_register or confirmed != sorted(candidate.pk for candidate in plan.to_register):
            messages.error(request, _("Nobody was registered: the selection changed. Check what will happen again."))
        else:
            try:
                with transaction.atomic():
                    for candidate in plan.to_register:
                        services.register(session=plan.session, actor=request.user, candidate=candidate)
            except ValidationError as refusal:
                messages.error(request, _("Nobody was registered: %(reason)s") % {"reason": " ".join(refusal.messages)})
            else:
                messages.success(
                    request,
                    _("%(count)d candidates are registered for %(session)s.")
                    % {"count": len(plan.to_register), "session": plan.session},
                )
                return redirect("session_detail", pk=plan.session.pk)
    context = {"candidates": candidates, "form": form, "plan": plan}
    return render(request, "workshops/bulk_register.html", context, status=400 if request.method == "POST" else 200)
