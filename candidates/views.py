from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from aftercare import selectors as aftercare_selectors
from aftercare.forms import DropOutForm, EnrolAgainForm
from campaigns.models import CampaignPhase, Enrolment
from jobroad import audit, permissions, privacy
from jobroad.models import AuditAction, AuditPlace
from jobroad.pdf import pdf_response, render_pdf
from jobroad.selectors import search_query
from jobroad.views import paginate

from . import selectors, services
from .choices import DOCUMENT_LANGUAGES
from .forms import (
    CandidateForm,
    ConsentForm,
    ConsentFormLanguageForm,
    DuplicateConfirmationForm,
    LanguageFormSet,
    RegistrationOptionsForm,
    ScreeningForm,
)
from .models import (
    CONSENT_TEXT_VERSIONS,
    CURRENT_CONSENT_VERSION,
    Candidate,
    ConsentAction,
    ConsentPurpose,
    ScreeningRound,
)


@login_required
def candidate_list(request):
    query = search_query(request.GET)
    page = paginate(request, selectors.candidates_with_progress(request.user, query=query))
    standings = aftercare_selectors.outcomes_on([candidate.pk for candidate in page], timezone.localdate())
    for candidate in page:
        candidate.outcome = aftercare_selectors.outcome_view(standings[candidate.pk])
    context = {
        "page": page,
        "query": query,
        "openings": registration_openings(request) if permissions.can_register_candidates(request.user) else [],
        "can_register": permissions.can_register_candidates(request.user),
        "print_form": ConsentFormLanguageForm(initial={"language": "nl"}),
    }
    return render(request, "candidates/candidate_list.html", context)


def registration_openings(request) -> list[tuple]:
    """(campaign, why not) for each campaign the user may register into and that is not closed."""
    campaigns = (
        permissions.registrable_campaigns(request.user)
        .exclude(phase=CampaignPhase.CLOSED)
        .prefetch_related("phase_plans")
        .order_by("-starts_on", "name")
    )
    return [(campaign, services.registration_problems(campaign=campaign, actor=request.user)) for campaign in campaigns]


@login_required
def candidate_detail(request, pk):
    candidate = get_object_or_404(
        selectors.with_consent_state(permissions.visible_candidates(request.user)).select_related(
            "registered_by", "reception_centre", "coach"
        ),
        pk=pk,
    )
    enrolments = Enrolment.objects.filter(
        candidate=candidate, campaign__in=permissions.visible_campaigns(request.user)
    ).select_related("campaign")
    context = {
        "candidate": candidate,
        "languages": candidate.languages.all(),
        "competences": candidate.competences.all(),
        "desired_occupations": candidate.desired_occupations.all(),
        "enrolments": enrolments,
        "consents": candidate.consents.select_related("recorded_by"),
        "can_edit": permissions.can_edit_candidate(request.user, candidate),
        "print_form": ConsentFormLanguageForm(initial={"language": candidate.preferred_language}),
        "track": aftercare_selectors.candidate_track(request.user, candidate, timezone.localdate()),
        "can_read_audit": permissions.can_read_audit(request.user, candidate),
        "can_exercise_subject_rights": permissions.can_exercise_subject_rights(request.user, candidate),
    }
    audit.viewed(request.user, candidate, AuditPlace.CANDIDATE_PAGE)
    if context["track"].can_change_track:
        context["drop_out_form"] = DropOutForm(initial={"on": timezone.localdate()})
        droppable = permissions.changeable_enrolments(request.user).filter(candidate=candidate)
        context["droppable"] = set(droppable.values_list("pk", flat=True))
        context["enrol_form"] = EnrolAgainForm(
            campaigns=aftercare_selectors.enrolable_campaigns(request.user).exclude(enrolments__candidate=candidate)
        )
    return render(request, "candidates/candidate_detail.html", context)


@login_required
def candidate_audit(request, pk):
    """Who read, changed, exported or printed this candidate's record, newest first (reading it is recorded too)."""
    candidate = get_object_or_404(permissions.visible_candidates(request.user), pk=pk)
    if not permissions.can_read_audit(request.user, candidate):
        raise Http404
    audit.viewed(request.user, candidate, AuditPlace.AUDIT)
    entries = candidate.audit_entries.select_related("actor")
    return render(
        request, "candidates/candidate_audit.html", {"candidate": candidate, "page": paginate(request, entries)}
    )


def subject_rights_candidate(request, pk) -> Candidate:
    candidate = get_object_or_404(permissions.visible_candidates(request.user), pk=pk)
    if not permissions.can_exercise_subject_rights(request.user, candidate):
        raise Http404
    return candidate


@login_required
def candidate_subject_export(request, pk):
    """Everything held about the candidate, for the candidate: a ZIP (data, summary PDF, consent history, trail).
    Another organisation's candidate is a 404 before any password is asked."""
    return subject_export(request, subject_rights_candidate(request, pk))


@reauthentication_required
def subject_export(request, candidate):
    archive = privacy.subject_export(candidate=candidate, actor=request.user, language=request.LANGUAGE_CODE)
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="candidate-{candidate.pk}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def candidate_erase(request, pk):
    """Erase the candidate's record on their request, after a confirmation that says what stays."""
    return erase(request, subject_rights_candidate(request, pk))


@reauthentication_required
def erase(request, candidate):
    if request.method == "POST":
        try:
            privacy.erase_candidate(candidate=candidate, actor=request.user)
        except privacy.ErasureRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("The record is erased. The figures in the reports stay as they were."))
        return redirect("candidate_detail", pk=candidate.pk)
    return render(request, "candidates/candidate_erase.html", {"candidate": candidate})


@login_required
def candidate_register(request, campaign_pk):
    campaign = get_object_or_404(
        permissions.registrable_campaigns(request.user).prefetch_related("phase_plans"), pk=campaign_pk
    )
    problems = services.registration_problems(campaign=campaign, actor=request.user)
    if problems:
        return render(
            request, "candidates/candidate_register_closed.html", {"campaign": campaign, "problems": problems}
        )
    data = request.POST if request.method == "POST" else None
    form = CandidateForm(
        data,
        registering_organisations=permissions.registering_organisations(request.user, campaign),
        coaches=permissions.assignable_coaches(request.user),
    )
    languages = LanguageFormSet(data, instance=Candidate(), prefix="languages")
    options = RegistrationOptionsForm(data)
    notices = []
    if request.method == "POST" and all([form.is_valid(), languages.is_valid(), options.is_valid()]):
        try:
            candidate = services.register_candidate(
                campaign=campaign,
                actor=request.user,
                languages=languages.pairs,
                consents=options.consents,
                consent_language=options.cleaned_data["consent_language"] or None,
                allow_duplicates=options.cleaned_data["register_anyway"],
                **form.details,
            )
        except services.DuplicateSuspected as suspected:
            notices = selectors.duplicate_notices(request.user, suspected.duplicates)
            audit.duplicates_found(request.user, candidates_of(suspected.duplicates), AuditPlace.REGISTRATION)
            options = RegistrationOptionsForm(data, duplicates_shown=True)
        except services.RegistrationRefused as refusal:
            for reason in refusal.reasons:
                messages.error(request, reason)
            return redirect("candidate_list")
        else:
            messages.success(
                request, _("%(name)s is registered in %(campaign)s.") % {"name": candidate, "campaign": campaign}
            )
            return redirect("candidate_detail", pk=candidate.pk)
    context = {"form": form, "languages": languages, "options": options, "campaign": campaign, "notices": notices}
    return render(request, "candidates/candidate_form.html", context, status=form_status(request, context))


@login_required
def candidate_edit(request, pk):
    candidate = editable_candidate(request, pk)
    data = request.POST if request.method == "POST" else None
    form = CandidateForm(data, instance=candidate, coaches=permissions.assignable_coaches(request.user))
    languages = LanguageFormSet(data, instance=candidate, prefix="languages")
    confirmation = DuplicateConfirmationForm(data)
    notices = []
    if request.method == "POST" and all([form.is_valid(), languages.is_valid(), confirmation.is_valid()]):
        duplicates = (
            selectors.likely_duplicates(**form.identity, exclude=candidate)
            if form.identity_changed and not confirmation.cleaned_data["register_anyway"]
            else []
        )
        if duplicates:
            notices = selectors.duplicate_notices(request.user, duplicates)
            audit.duplicates_found(request.user, candidates_of(duplicates), AuditPlace.DETAILS)
            confirmation = DuplicateConfirmationForm(data, duplicates_shown=True)
        else:
            services.update_candidate(
                candidate=candidate, actor=request.user, languages=languages.pairs, **form.details
            )
            messages.success(request, _("Saved."))
            return redirect("candidate_detail", pk=candidate.pk)
    context = {
        "form": form, "languages": languages, "options": confirmation, "candidate": candidate, "notices": notices,
    }  # fmt: skip
    return render(request, "candidates/candidate_form.html", context, status=form_status(request, context))


def candidates_of(duplicates: list[selectors.LikelyDuplicate]) -> list[int]:
    return [duplicate.candidate.pk for duplicate in duplicates]


def form_status(request, context) -> int:
    """409 while likely duplicates wait for a decision, 400 for invalid input, else 200."""
    if context["notices"]:
        return 409
    invalid = request.method == "POST" and (
        context["form"].errors or context["languages"].total_error_count() or context["options"].errors
    )
    return 400 if invalid else 200


def editable_candidate(request, pk) -> Candidate:
    candidate = get_object_or_404(permissions.visible_candidates(request.user).select_related("registered_by"), pk=pk)
    if not permissions.can_edit_candidate(request.user, candidate):
        raise Http404
    return candidate


@login_required
def candidate_consent(request, pk):
    candidate = get_object_or_404(permissions.visible_candidates(request.user), pk=pk)
    if not permissions.can_record_consent(request.user, candidate):
        raise Http404
    form = ConsentForm(
        request.POST if request.method == "POST" else None, initial={"language": candidate.preferred_language}
    )
    if request.method == "POST" and form.is_valid():
        purpose, action = form.cleaned_data["purpose"], form.cleaned_data["action"]
        try:
            if action == ConsentAction.GIVEN:
                services.record_consent(
                    candidate=candidate, purpose=purpose, actor=request.user, language=form.cleaned_data["language"]
                )
            else:
                services.withdraw_consent(
                    candidate=candidate, purpose=purpose, actor=request.user, language=form.cleaned_data["language"]
                )
        except services.ConsentRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("%(purpose)s: consent %(action)s recorded.")
                % {"purpose": ConsentPurpose(purpose).label, "action": ConsentAction(action).label.lower()},
            )
            return redirect("candidate_detail", pk=candidate.pk)
    context = {
        "candidate": candidate,
        "form": form,
        "consents": candidate.consents.select_related("recorded_by"),
        "version": CURRENT_CONSENT_VERSION,
    }
    return render(request, "candidates/candidate_consent.html", context, status=400 if form.errors else 200)


@login_required
def candidate_consent_form(request, pk):
    """The printable consent form for one candidate, in their language (``?language=`` prints another)."""
    candidate = get_object_or_404(
        permissions.visible_candidates(request.user).select_related("registered_by", "reception_centre"), pk=pk
    )
    enrolment = (
        Enrolment.objects.filter(candidate=candidate, campaign__in=permissions.visible_campaigns(request.user))
        .select_related("campaign")
        .order_by("-enrolled_at")
        .first()
    )
    audit.record(actor=request.user, action=AuditAction.PRINTED, candidates=[candidate], place=AuditPlace.CONSENT_FORM)
    return consent_form_pdf(
        request,
        language=request.GET.get("language") or candidate.preferred_language,
        context={"candidate": candidate, "campaign": enrolment.campaign if enrolment else None},
        filename=f"consent-{candidate.pk}",
    )


@login_required
def consent_form_blank(request):
    """The consent form with empty lines, to print before registering."""
    if not permissions.can_register_candidates(request.user):
        raise Http404
    return consent_form_pdf(
        request, language=request.GET.get("language", "nl"), context={"candidate": None}, filename="consent"
    )


def consent_form_pdf(request, *, language: str, context: dict, filename: str) -> HttpResponse:
    if language not in DOCUMENT_LANGUAGES:
        raise Http404
    version = request.GET.get("version") or CURRENT_CONSENT_VERSION
    if version not in CONSENT_TEXT_VERSIONS:
        raise Http404
    pdf = render_pdf(f"candidates/consent/{version}/{language}.html", context | {"version": version}, language=language)
    return pdf_response(pdf, f"{filename}-{version}-{language}.pdf")


# --- Screening (coordinators) ---------------------------------------------------------------------------------


def screened_campaign(request, pk):
    return get_object_or_404(permissions.managed_campaigns(request.user), pk=pk)


@login_required
def screening_board(request, campaign_pk):
    campaign = screened_campaign(request, campaign_pk)
    state = request.GET.get("state", "")
    state = state if state in selectors.BOARD_STATES else ""
    context = {"campaign": campaign, "board": selectors.screening_board(campaign, state=state), "state": state}
    return render(request, "candidates/screening_board.html", context)


@login_required
def screening_calibration(request, campaign_pk):
    campaign = screened_campaign(request, campaign_pk)
    only = request.GET.get("differences") == "1"
    context = {"campaign": campaign, "rows": selectors.calibration(campaign, only_differences=only), "only": only}
    return render(request, "candidates/screening_calibration.html", context)


@login_required
def screening_edit(request, pk, round):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("campaign", "candidate").filter(
            campaign__in=permissions.managed_campaigns(request.user)
        ),
        pk=pk,
    )
    if round not in ScreeningRound.values:
        raise Http404
    screening = enrolment.screenings.filter(round=round).first()
    form = ScreeningForm(request.POST or None, instance=screening, round=round)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_screening(enrolment=enrolment, round=round, screener=request.user, **form.cleaned_data)
        except services.ScreeningRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Screening of %(name)s saved.") % {"name": enrolment.candidate})
            return redirect("screening_board", campaign_pk=enrolment.campaign_id)
    audit.viewed(request.user, enrolment.candidate, AuditPlace.SCREENING)
    context = {
        "form": form,
        "enrolment": enrolment,
        "candidate": enrolment.candidate,
        "round": ScreeningRound(round),
        "first": enrolment.screenings.filter(round=ScreeningRound.FIRST).first(),
    }
    return render(request, "candidates/screening_form.html", context, status=400 if form.errors else 200)
