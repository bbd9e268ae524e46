"""Pages of intake and screening: registering a candidate into a campaign, the vacancy briefing, the screening board,
calibration and one screening round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from candidates import selectors as candidate_selectors
from candidates.forms import (
    CandidateForm,
    LanguageFormSet,
    RegistrationOptionsForm,
    ScreeningForm,
    error_summary,
)
from candidates.models import (
    Candidate,
    ScreeningRound,
)
from candidates.permissions import can_edit_candidate, visible_candidates
from candidates.views import candidates_of, form_status
from jobroad import audit, drafts
from jobroad.models import AuditPlace
from jobroad.permissions import assignable_coaches

from .. import lifecycle
from ..forms import DropOutForm, EnrolAgainForm
from ..permissions import (
    briefed_campaigns,
    can_manage_campaign,
    can_open_screening,
    changeable_enrolments,
    managed_campaigns,
    registering_organisations,
    registrable_campaigns,
    screenable_campaigns,
    visible_screening_enrolments,
)
from . import selectors as intake_selectors
from . import services as intake_services
from .forms import BulkDecisionForm
from .services import REGISTRATION_DRAFT


@login_required
def candidate_register(request, campaign_pk):
    campaign = get_object_or_404(registrable_campaigns(request.user).prefetch_related("phase_plans"), pk=campaign_pk)
    problems = intake_services.registration_problems(campaign=campaign, actor=request.user)
    if problems:
        return render(
            request, "candidates/candidate_register_closed.html", {"campaign": campaign, "problems": problems}
        )
    if request.method == "POST" and ("save_section" in request.POST or "discard_draft" in request.POST):
        return registration_draft(request, campaign)
    data = request.POST if request.method == "POST" else None
    form = CandidateForm(
        data,
        registering_organisations=registering_organisations(request.user, campaign),
        coaches=assignable_coaches(request.user),
        initial={"target_group": campaign.target_group},  # the campaign's own, as an import does
    )
    languages = LanguageFormSet(data, instance=Candidate(), prefix="languages")
    options = RegistrationOptionsForm(data)
    draft = None if data else drafts.open_draft(request.user, REGISTRATION_DRAFT, campaign.pk)
    if draft:
        languages = fill_registration(drafts.draft_data(draft), form, options)
    notices = []
    if request.method == "POST" and all([form.is_valid(), languages.is_valid(), options.is_valid()]):
        try:
            candidate = intake_services.register_candidate(
                campaign=campaign,
                actor=request.user,
                languages=languages.pairs,
                consents=options.consents,
                consent_language=options.cleaned_data["consent_language"] or None,
                allow_duplicates=options.cleaned_data["register_anyway"],
                **form.details,
            )
        except intake_services.DuplicateSuspected as suspected:
            notices = candidate_selectors.duplicate_notices(request.user, suspected.duplicates)
            audit.duplicates_found(request.user, candidates_of(suspected.duplicates), AuditPlace.REGISTRATION)
            options = RegistrationOptionsForm(data, duplicates_shown=True)
        except intake_services.RegistrationRefused as refusal:
            for reason in refusal.reasons:
                messages.error(request, reason)
            return redirect("candidate_list")
        else:
            drafts.discard_draft(request.user, REGISTRATION_DRAFT, campaign.pk)
            messages.success(
                request, _("%(name)s is registered in %(campaign)s.") % {"name": candidate, "campaign": campaign}
            )
            return redirect("candidate_detail", pk=candidate.pk)
    step = request.GET.get("step", "") if draft else ""
    context = {"form": form, "languages": languages, "options": options, "campaign": campaign, "notices": notices,
               "error_summary": error_summary(form, languages, options), "draft": draft,
               "step": step if step in registration_steps() else "", "kept_days": drafts.KEPT_DAYS}  # fmt: skip
    return render(request, "candidates/candidate_form.html", context, status=form_status(request, context))


# Not kept in a registration's draft: the buttons, and the confirmation that is given again on the final page.
NOT_DRAFTED = ("save", "save_section", "discard_draft", "register_anyway")


def registration_steps() -> list[str]:
    return [slug for slug, _legend, _names in CandidateForm.GROUPS] + ["languages", "consent"]


def registration_draft(request, campaign):
    """ "Save and continue" keeps the form as typed, unchecked, and opens the next section; "Delete the draft"
    starts again from an empty form."""
    here = reverse("candidate_register", args=[campaign.pk])
    if "discard_draft" in request.POST:
        drafts.discard_draft(request.user, REGISTRATION_DRAFT, campaign.pk)
        messages.success(request, _("The draft is deleted."))
        return redirect(here)
    if not drafts.save_draft(request.user, REGISTRATION_DRAFT, campaign.pk, request.POST, leave_out=NOT_DRAFTED):
        raise SuspiciousOperation("A registration draft beyond any registration's size")
    steps = registration_steps()
    done = request.POST["save_section"]
    step = steps[min(steps.index(done) + 1, len(steps) - 1)] if done in steps else steps[0]
    messages.success(
        request,
        _(
            "Saved. Only you can open this draft; it is kept %(days)s days. "
            "Go on below, or later from the candidates page."
        )
        % {"days": drafts.KEPT_DAYS},
    )
    return redirect(f"{here}?step={step}#section-{step}")


def fill_registration(data, form, options):
    """Show a draft in the registration's forms; returns the languages formset with a row for each drafted one."""
    drafts.fill_form(form, data)
    drafts.fill_form(options, data)
    options.initial.pop("register_anyway", None)
    rows = drafts.formset_rows(data, "languages", ("language", "level"))
    languages = LanguageFormSet(instance=Candidate(), prefix="languages", initial=rows)
    languages.extra = max(languages.extra, len(rows) + 1)
    return languages


@login_required
def screening_board(request, campaign_pk):
    campaign = get_object_or_404(screenable_campaigns(request.user), pk=campaign_pk)
    state = request.GET.get("state", "")
    state = state if state in intake_selectors.BOARD_STATES else ""
    board = intake_selectors.screening_board(campaign, state=state)
    runs_campaign = can_manage_campaign(request.user, campaign)
    cards = [
        (
            row,
            can_open_screening(request.user, row.first, runs_campaign=runs_campaign),
            bool(row.first) and can_open_screening(request.user, row.second, runs_campaign=runs_campaign),
        )
        for row in board.rows
    ]
    context = {"campaign": campaign, "board": board, "cards": cards, "state": state, "runs_campaign": runs_campaign}
    return render(request, "candidates/screening_board.html", context)


@login_required
def screening_calibration(request, campaign_pk):
    # Calibration compares screeners with each other: the coordinators'.
    campaign = get_object_or_404(managed_campaigns(request.user), pk=campaign_pk)
    only = request.GET.get("differences") == "1"
    context = {
        "campaign": campaign,
        "rows": intake_selectors.calibration(campaign, only_differences=only),
        "only": only,
    }
    return render(request, "candidates/screening_calibration.html", context)


@login_required
def screening_edit(request, pk, round):
    enrolments = visible_screening_enrolments(request.user).select_related("campaign", "candidate")
    enrolment = get_object_or_404(enrolments, pk=pk)
    if round not in ScreeningRound.values:
        raise Http404
    screening = enrolment.screenings.filter(round=round).first()
    runs_campaign = can_manage_campaign(request.user, enrolment.campaign)
    if not can_open_screening(request.user, screening, runs_campaign=runs_campaign):
        raise Http404
    form = ScreeningForm(request.POST or None, instance=screening, round=round)
    if request.method == "POST" and form.is_valid():
        try:
            intake_services.save_screening(enrolment=enrolment, round=round, screener=request.user, **form.cleaned_data)
        except intake_services.ScreeningRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Screening of %(name)s saved.") % {"name": enrolment.candidate})
            return after_screening(request, enrolment)
    audit.viewed(request.user, enrolment.candidate, AuditPlace.SCREENING)
    context = {
        "form": form,
        "enrolment": enrolment,
        "candidate": enrolment.candidate,
        "round": ScreeningRound(round),
        "profile": intake_selectors.screening_profile(enrolment.candidate),
        "documents": [
            seen
            for seen in enrolment.screenings.select_related("screener")
            if seen.document_type and can_open_screening(request.user, seen, runs_campaign=runs_campaign)
        ],
        "runs_campaign": runs_campaign,
        "refusal": lifecycle.phase_refusal(enrolment.campaign, "screen"),
    }
    return render(request, "candidates/screening_form.html", context, status=400 if form.errors else 200)


def after_screening(request, enrolment):
    """ "Save and next" opens the next candidate nobody screened yet; "save", or nobody left, goes to the board."""
    if "next" not in request.POST:
        return redirect("screening_board", campaign_pk=enrolment.campaign_id)
    following = intake_selectors.next_to_screen(enrolment.campaign, after=enrolment)
    if following is None:
        messages.info(request, _("Nobody is left to screen in this campaign."))
        return redirect("screening_board", campaign_pk=enrolment.campaign_id)
    return redirect("screening_edit", pk=following.pk, round=ScreeningRound.FIRST)


@login_required
@require_POST
def screening_decide(request, campaign_pk):
    """One decision for the candidates ticked on the board: a page says how many and which decision first, then the
    confirmation decides them all or none. Each enrolment must be one the user may screen in this campaign, and its
    first round one they may open; any other id is a 404."""
    campaign = get_object_or_404(screenable_campaigns(request.user), pk=campaign_pk)
    form = BulkDecisionForm(request.POST)
    runs_campaign = can_manage_campaign(request.user, campaign)
    enrolments = decidable_enrolments(request, campaign, form.enrolment_ids, runs_campaign)
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect("screening_board", campaign_pk=campaign.pk)
    if not form.cleaned_data["confirm"]:
        context = {"campaign": campaign, "form": form, "enrolments": enrolments, "decision": form.decision_label}
        return render(request, "candidates/screening_decide.html", context)
    try:
        count = intake_services.decide_screenings(
            enrolments=enrolments, decision=form.cleaned_data["decision"], reason=form.cleaned_data["reason"],
            screener=request.user,
        )  # fmt: skip
    except intake_services.ScreeningRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, ngettext("%(count)s candidate: %(decision)s.", "%(count)s candidates: %(decision)s.",
                                           count) % {"count": count, "decision": form.decision_label})  # fmt: skip
    return redirect("screening_board", campaign_pk=campaign.pk)


def decidable_enrolments(request, campaign, ids: list[int], runs_campaign: bool) -> list:
    enrolments = list(
        visible_screening_enrolments(request.user)
        .filter(campaign=campaign, pk__in=ids)
        .select_related("candidate", "campaign")
        .prefetch_related("screenings")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    if len(enrolments) != len(set(ids)):
        raise Http404
    for enrolment in enrolments:
        first = next((seen for seen in enrolment.screenings.all() if seen.round == ScreeningRound.FIRST), None)
        if not can_open_screening(request.user, first, runs_campaign=runs_campaign):
            raise Http404
    return enrolments


@login_required
def vacancy_briefing(request, campaign_pk):
    campaign = get_object_or_404(briefed_campaigns(request.user), pk=campaign_pk)
    context = {
        "campaign": campaign,
        "briefing": intake_selectors.vacancy_briefing(campaign),
        "registration_problems": intake_services.registration_problems(campaign=campaign, actor=request.user),
    }
    return render(request, "campaigns/vacancy_briefing.html", context)


# --- A drop-out and a new start -------------------------------------------------------------------------------


@login_required
@require_POST
def enrolment_drop_out(request, pk):
    # The enrolment's own campaign is checked: a candidate shared by two campaigns is seen by both coordinators.
    enrolment = get_object_or_404(changeable_enrolments(request.user).select_related("candidate", "campaign"), pk=pk)
    form = DropOutForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose why the candidate dropped out, and since when."))
    else:
        try:
            intake_services.record_drop_out(enrolment=enrolment, actor=request.user, **form.cleaned_data)
        except intake_services.TrackRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("The candidate is marked as dropped out of %(campaign)s.")
                             % {"campaign": enrolment.campaign})  # fmt: skip
    return redirect("candidate_detail", pk=enrolment.candidate_id)


@login_required
@require_POST
def candidate_enrol_again(request, pk):
    candidate: Candidate = get_object_or_404(visible_candidates(request.user), pk=pk)
    if not can_edit_candidate(request.user, candidate):
        raise Http404
    form = EnrolAgainForm(request.POST, campaigns=intake_selectors.enrolable_campaigns(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose a campaign that is still taking candidates."))
    else:
        try:
            intake_services.enrol_again(candidate=candidate, campaign=form.cleaned_data["campaign"], actor=request.user)
        except intake_services.TrackRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("%(name)s is enrolled in %(campaign)s; the earlier track stays in the history.")
                             % {"name": candidate.first_name, "campaign": form.cleaned_data["campaign"]})  # fmt: skip
    return redirect("candidate_detail", pk=candidate.pk)
