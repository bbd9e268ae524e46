from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from candidates.permissions import visible_candidates
from jobroad import audit
from jobroad.models import AuditAction, AuditPlace
from jobroad.permissions import assignable_coaches, can_manage_messages
from jobroad.saved_filters import saved_filters
from jobroad.views import paginate

from . import filters, permissions, selectors, services
from .forms import (
    CHANGE_FORMS,
    AssignCoachForm,
    CheckInForm,
    CoachingContactForm,
    PlacementFromOfferForm,
)
from .links import REFUSAL, LinkUnusable, check_in_for_token
from .models import PlacementStatus


@login_required
def placement_list(request):
    """Aftercare at a glance: for coordinators the offers to place, the answers at risk and the overdue
    check-ins; for everyone who follows candidates, their placements."""
    if not permissions.can_see_placements(request.user):
        raise Http404
    today = timezone.localdate()
    found = filters.placements_filtered(request.user, request.GET)
    context = {
        "page": paginate(request, found.qs),
        "filter": found,
        "saved_filters": saved_filters(request.user, "placement_list"),
        "offers": selectors.offers_to_place(request.user),
        "flagged": selectors.flagged_check_ins(request.user),
        "overdue": selectors.overdue_check_ins(request.user, today),
        "referral_answers": selectors.referral_answers_to_take_up(request.user),
        "can_refer": permissions.can_refer(request.user),
        "can_message": can_manage_messages(request.user),
    }
    return render(request, "aftercare/placement_list.html", context)


@login_required
def placement_from_offer(request, pk):
    evaluation = get_object_or_404(selectors.offers_to_place(request.user), pk=pk)
    route = services.ROUTE_FROM_EVALUATION.get(evaluation.start_route, "")
    form = PlacementFromOfferForm(request.POST or None, initial={"starts_on": evaluation.proposed_start}, route=route)
    if request.method == "POST" and form.is_valid():
        try:
            placement = services.place_from_evaluation(evaluation=evaluation, actor=request.user, **form.cleaned_data)
        except services.PlacementRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The placement is recorded and its check-ins are planned."))
            return redirect("placement_detail", pk=placement.pk)
    context = {"evaluation": evaluation, "form": form, "route": route}
    return render(request, "aftercare/placement_from_offer.html", context, status=400 if form.errors else 200)


def visible_placement(request, pk):
    return get_object_or_404(
        permissions.visible_placements(request.user).select_related(
            "candidate", "company__organisation", "employer", "vacancy", "campaign"
        ),
        pk=pk,
    )


@login_required
def placement_detail(request, pk, forms=None):
    """The placement, its check-ins with their answers, its history; for coordinators the forms that change it
    (``forms`` holds a refused one, re-shown with its errors)."""
    placement = visible_placement(request, pk)
    audit.viewed(request.user, placement.candidate_id, AuditPlace.PLACEMENT_PAGE)
    today = timezone.localdate()
    answerable = permissions.answerable_check_ins(request.user).filter(placement=placement)
    blank = {"on": today, "starts_on": placement.starts_on, "route": placement.route}  # a form shows what is
    context = {
        "placement": placement,
        "changes": placement.changes.select_related("changed_by"),
        "check_ins": placement.check_ins.select_related("answered_by"),
        "outcome": selectors.outcome_of(placement.candidate_id, today),
        "can_manage": placement.status != PlacementStatus.ENDED
        and permissions.managed_placements(request.user).filter(pk=placement.pk).exists(),
        "has_started": placement.has_started(),
        "answerable": set(answerable.values_list("pk", flat=True)),
        "forms": {action: form_class(initial=blank) for action, form_class in CHANGE_FORMS.items()} | (forms or {}),
        "today": today,
    }
    return render(request, "aftercare/placement_detail.html", context, status=400 if forms else 200)


@login_required
@require_POST
def placement_change(request, pk, action):
    placement = get_object_or_404(permissions.managed_placements(request.user), pk=pk)
    if action not in CHANGE_FORMS:
        raise Http404
    form = CHANGE_FORMS[action](request.POST)
    if form.is_valid():
        status = {"start": PlacementStatus.STARTED, "end": PlacementStatus.ENDED}.get(action)
        try:
            services.change_placement(placement=placement, actor=request.user, status=status, **form.cleaned_data)
        except services.PlacementRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The placement is updated."))
            return redirect("placement_detail", pk=placement.pk)
    return placement_detail(request, pk, forms={action: form})


@login_required
def check_in_list(request):
    """The check-ins addressed to me, due within a week or already due."""
    today = timezone.localdate()
    context = {"check_ins": selectors.check_ins_to_answer(request.user, today), "today": today}
    return render(request, "aftercare/check_in_list.html", context)


@login_required
def check_in_answer(request, pk):
    check_in = get_object_or_404(
        permissions.visible_check_ins(request.user).select_related(
            "placement__candidate", "placement__company", "placement__vacancy", "answered_by"
        ),
        pk=pk,
    )
    audit.viewed(request.user, check_in.placement.candidate_id, AuditPlace.CHECK_IN)
    if not permissions.can_answer_check_in(request.user, check_in):  # seen through its placement: read only
        return render(request, "aftercare/check_in_detail.html", {"check_in": check_in})
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_check_in(check_in=check_in, actor=request.user, **form.cleaned_data)
        except services.CheckInRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Thank you, the check-in is saved."))
            if permissions.visible_placements(request.user).filter(pk=check_in.placement_id).exists():
                return redirect("placement_detail", pk=check_in.placement_id)
            return redirect("check_in_list")
    not_yet = services.check_in_not_yet_open(check_in, timezone.localdate())
    context = {"check_in": check_in, "form": form, "not_yet": not_yet}
    return render(request, "aftercare/check_in_form.html", context, status=400 if form.errors else 200)


def check_in_link(request, token):
    """An employer's answer through the link in the mail: no account, one check-in, once."""
    try:
        check_in = check_in_for_token(token, today=timezone.localdate())
    except LinkUnusable:
        return render(request, "aftercare/check_in_link_unusable.html", {"reason": REFUSAL}, status=410)
    audit.record(actor=None, action=AuditAction.VIEWED, candidates=[check_in.placement.candidate_id],
                 place=AuditPlace.CHECK_IN)  # fmt: skip
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_check_in(check_in=check_in, actor=None, **form.cleaned_data)
        except services.CheckInRefused:  # answered meanwhile: the same answer as any other unusable link
            return render(request, "aftercare/check_in_link_unusable.html", {"reason": REFUSAL}, status=410)
        return render(request, "aftercare/check_in_link_thanks.html")
    context = {"check_in": check_in, "form": form, "by_link": True}
    return render(request, "aftercare/check_in_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def check_in_clear_flag(request, pk):
    check_in = get_object_or_404(selectors.flagged_check_ins(request.user), pk=pk)
    services.clear_risk_flag(check_in=check_in, actor=request.user)
    messages.success(request, _("The flag is cleared; the answer stays with the placement."))
    return redirect("placement_detail", pk=check_in.placement_id)


# --- Job coaching and a candidate's track -------------------------------------------------------------------------


@login_required
def caseload(request):
    if not permissions.can_see_caseload(request.user):
        raise Http404
    today = timezone.localdate()
    return render(request, "aftercare/caseload.html", {"rows": selectors.caseload(request.user, today), "today": today})


@login_required
def coaching_contact_create(request, pk):
    candidate = get_object_or_404(visible_candidates(request.user), pk=pk)
    if not permissions.can_log_coaching(request.user, candidate):
        raise Http404
    form = CoachingContactForm(request.POST or None, initial={"happened_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.log_coaching_contact(candidate=candidate, coach=request.user, **form.cleaned_data)
        messages.success(request, _("The contact is in the log."))
        return redirect("candidate_detail", pk=candidate.pk)
    context = {"candidate": candidate, "form": form}
    return render(request, "aftercare/coaching_contact_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def coach_assign(request, pk):
    """The candidate page's small form: choose the job coach without opening the whole record."""
    candidate = get_object_or_404(visible_candidates(request.user), pk=pk)
    if not permissions.can_assign_coach(request.user, candidate):
        raise Http404
    form = AssignCoachForm(request.POST, coaches=assignable_coaches(request.user))
    if form.is_valid():
        services.assign_coach(candidate=candidate, coach=form.cleaned_data["coach"], actor=request.user)
        messages.success(request, _("The job coach is saved."))
    else:
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
    return redirect("candidate_detail", pk=candidate.pk)
