"""Referrals after project week: the coordinator's pages, and the organisation's answer through its link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.matching.selectors import blind_profile
from companies.permissions import visible_companies
from jobroad import audit
from jobroad.models import AuditAction, AuditPlace

from . import permissions, referrals, selectors
from .forms import ReferralAnswerForm, ReferralForm, ReferralPlacementForm
from .links import REFUSAL, LinkUnusable
from .models import PlacementRoute, ReferralOutcome
from .referral_links import LINK_VALID_DAYS, referral_for_token


@login_required
def referral_list(request):
    """The candidates with no offer a coordinator may refer, and the referrals with their outcomes."""
    if not permissions.can_refer(request.user):
        raise Http404
    context = {
        "referable": selectors.referable_enrolments(request.user),
        "referrals": selectors.referrals_listed(request.user),
    }
    return render(request, "aftercare/referral_list.html", context)


@login_required
def referral_create(request, pk):
    """Refer one candidate: the form, then a page saying which one e-mail will go where, then the referral."""
    enrolment = get_object_or_404(selectors.referable_enrolments(request.user), pk=pk)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.POST.get("confirm") != "yes":
            return render(request, "aftercare/referral_confirm.html", {"enrolment": enrolment, "form": form})
        try:
            referral = referrals.refer_candidate(enrolment=enrolment, actor=request.user, **form.cleaned_data)
        except referrals.ReferralRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The referral is recorded; the e-mail is on its way."))
            return redirect("referral_detail", pk=referral.pk)
    context = {"enrolment": enrolment, "form": form, "profile": blind_profile(enrolment.candidate)}
    return render(request, "aftercare/referral_form.html", context, status=400 if form.errors else 200)


def managed_referral(request, pk):
    return get_object_or_404(selectors.referrals_listed(request.user), pk=pk)


@login_required
def referral_detail(request, pk):
    referral = managed_referral(request, pk)
    audit.viewed(request.user, referral.enrolment.candidate_id, AuditPlace.BLIND_PROFILE)
    context = {
        "referral": referral,
        "profile": blind_profile(referral.enrolment.candidate),
        "can_place": referral.outcome == ReferralOutcome.PLACED and not referral.is_closed,
        "link_valid_days": LINK_VALID_DAYS,
    }
    return render(request, "aftercare/referral_detail.html", context)


@login_required
@require_POST
def referral_take_up(request, pk):
    referral = managed_referral(request, pk)
    try:
        referrals.take_up_referral_answer(referral=referral, actor=request.user)
    except referrals.ReferralRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The answer is taken up."))
    return redirect("referral_detail", pk=referral.pk)


@login_required
def referral_place(request, pk):
    """A "placed" answer becomes a placement when the coordinator confirms the workplace and the dates."""
    referral = managed_referral(request, pk)
    if referral.outcome != ReferralOutcome.PLACED or referral.is_closed:
        raise Http404
    initial = {"starts_on": referral.placed_starts_on, "hours_per_week": referral.placed_hours,
               "route": PlacementRoute.TEMP_WORK}  # fmt: skip
    companies = visible_companies(request.user).select_related("organisation").order_by("organisation__name")
    form = ReferralPlacementForm(request.POST or None, initial=initial, companies=companies)
    if request.method == "POST" and form.is_valid():
        try:
            placement = referrals.place_from_referral(referral=referral, actor=request.user, **form.cleaned_data)
        except referrals.ReferralRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The placement is recorded and its check-ins are planned."))
            return redirect("placement_detail", pk=placement.pk)
    context = {"referral": referral, "form": form}
    return render(request, "aftercare/referral_place.html", context, status=400 if form.errors else 200)


def referral_link(request, token):
    """The organisation's page through the link in the mail: no account, the blind profile of one referral, and
    its answer (a second answer replaces the first)."""
    try:
        referral = referral_for_token(token)
    except LinkUnusable:
        return render(request, "aftercare/check_in_link_unusable.html", {"reason": REFUSAL}, status=410)
    audit.record(actor=None, action=AuditAction.VIEWED, candidates=[referral.enrolment.candidate_id],
                 place=AuditPlace.BLIND_PROFILE)  # fmt: skip
    initial = {
        "outcome": referral.outcome, "not_suitable_reason": referral.not_suitable_reason,
        "placed_starts_on": referral.placed_starts_on, "placed_workplace": referral.placed_workplace,
        "placed_hours": referral.placed_hours,
    }  # fmt: skip
    form = ReferralAnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            referrals.answer_referral(referral=referral, **form.cleaned_data)
        except referrals.ReferralRefused:  # closed meanwhile: the same answer as any other unusable link
            return render(request, "aftercare/check_in_link_unusable.html", {"reason": REFUSAL}, status=410)
        return render(request, "aftercare/referral_link_thanks.html")
    context = {"referral": referral, "profile": blind_profile(referral.enrolment.candidate), "form": form}
    return render(request, "aftercare/referral_link.html", context, status=400 if form.errors else 200)
