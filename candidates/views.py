from urllib.parse import urlencode

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobroad import audit, privacy
from jobroad.models import AuditAction, AuditPlace
from jobroad.pages import page_additions
from jobroad.pdf import pdf_response, render_pdf
from jobroad.permissions import assignable_coaches, can_manage_messages
from jobroad.saved_filters import saved_filters
from jobroad.selectors import search_query
from jobroad.views import paginate

from . import filters, permissions, selectors, services
from .choices import DOCUMENT_LANGUAGES
from .forms import (
    CandidateForm,
    ConsentForm,
    ConsentFormLanguageForm,
    DuplicateConfirmationForm,
    LanguageFormSet,
    error_summary,
)
from .models import (
    CONSENT_TEXT_VERSIONS,
    CURRENT_CONSENT_VERSION,
    Candidate,
    ConsentAction,
    ConsentPurpose,
)


@login_required
def candidate_list(request):
    query = search_query(request.GET)
    found = filters.candidates_filtered(request.user, request.GET, selectors.candidates_found(request.user))
    page = paginate(request, found.qs)
    context = {
        "page": page,
        "query": query,
        "filter": found,
        "filter_query": urlencode(found.applied),
        "saved_filters": saved_filters(request.user, "candidate_list"),
        "can_register": permissions.can_register_candidates(request.user),
        "can_message": can_manage_messages(request.user),
        "print_form": ConsentFormLanguageForm(initial={"language": "nl"}),
        **page_additions("candidate_list", user=request.user, candidates=list(page)),
    }
    return render(request, "candidates/candidate_list.html", context)


@login_required
def candidate_detail(request, pk):
    candidate = get_object_or_404(
        selectors.with_consent_state(permissions.visible_candidates(request.user)).select_related(
            "registered_by", "reception_centre", "coach"
        ),
        pk=pk,
    )
    context = {
        "candidate": candidate,
        "languages": candidate.languages.all(),
        "competences": candidate.competences.all(),
        "desired_occupations": candidate.desired_occupations.all(),
        "consents": candidate.consents.select_related("recorded_by"),
        "can_edit": permissions.can_edit_candidate(request.user, candidate),
        "print_form": ConsentFormLanguageForm(initial={"language": candidate.preferred_language}),
        "can_read_audit": permissions.can_read_audit(request.user, candidate),
        "can_exercise_subject_rights": permissions.can_exercise_subject_rights(request.user, candidate),
        "variants": selectors.variants_of(request.user, candidate)
        if permissions.can_see_variants(request.user)
        else [],
        **page_additions("candidate_detail", user=request.user, candidate=candidate),
    }
    audit.viewed(request.user, candidate, AuditPlace.CANDIDATE_PAGE)
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
def candidate_edit(request, pk):
    candidate = editable_candidate(request, pk)
    data = request.POST if request.method == "POST" else None
    form = CandidateForm(data, instance=candidate, coaches=assignable_coaches(request.user))
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
        "error_summary": error_summary(form, languages, confirmation),
    }  # fmt: skip
    return render(request, "candidates/candidate_form.html", context, status=form_status(request, context))


@login_required
@require_POST
def candidate_different_person(request, pk):
    """A person checked a "possibly the same person" flag: these are two people. Both candidates must be ones the
    user keeps or sees; any other id is a 404, so the form cannot be used to learn who exists."""
    if not permissions.can_see_variants(request.user):
        raise Http404
    candidate = editable_candidate(request, pk)
    other_id = as_id(request.POST.get("other"))
    if other_id is None:
        messages.error(request, _("Choose the candidate who is a different person."))
        return redirect("candidate_detail", pk=candidate.pk)
    other = get_object_or_404(permissions.visible_candidates(request.user).exclude(pk=pk), pk=other_id)
    services.record_different_people(candidate=candidate, other=other, actor=request.user)
    messages.success(
        request, _("Noted: %(name)s and %(other)s are different people.") % {"name": candidate, "other": other}
    )
    return redirect("candidate_detail", pk=candidate.pk)


def as_id(value) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() else None


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
    audit.record(actor=request.user, action=AuditAction.PRINTED, candidates=[candidate], place=AuditPlace.CONSENT_FORM)
    return consent_form_pdf(
        request,
        language=request.GET.get("language") or candidate.preferred_language,
        context={"candidate": candidate, **page_additions("consent_form", user=request.user, candidate=candidate)},
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
