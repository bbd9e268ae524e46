"""Spreadsheet pages: importing candidates and vacancies (upload → preview → confirm), the files to fill
in, and exports of the lists a user may see. The rules are in jobroad/imports.py; who may do what in
jobroad/permissions.py."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from campaigns.permissions import can_continue_import, can_import
from candidates.permissions import can_export_candidates, can_register_candidates, visible_candidates
from candidates.selection import selected_ids
from companies.permissions import can_export_companies, can_import_vacancies, visible_companies
from jobroad import audit, imports, imports_partial, permissions
from jobroad.exports import CONTENT_TYPES, download, export_response
from jobroad.models import AuditAction, AuditPlace, ImportKind
from jobroad.selectors import search_query

from . import exports
from .forms import CandidateUploadForm, ConfirmImportForm, PartialImportForm, UploadForm


class UploadLimitHandler(FileUploadHandler):
    """Stops reading an upload as soon as it passes the import limit, so an oversized file never fills the
    disk; the view then says how large the file was."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request.upload_too_large = None

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > imports.MAX_UPLOAD_BYTES:
            self.request.upload_too_large = int(self.request.META.get("CONTENT_LENGTH") or 0) or start + len(raw_data)
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


def limit_upload(view):
    """The upload handler must be in place before anything reads the request body — the CSRF check does —
    so the view is CSRF-exempt on the outside and CSRF-protected again on the inside."""
    protected = csrf_protect(view)

    @csrf_exempt
    def wrapper(request, *args, **kwargs):
        request.upload_handlers.insert(0, UploadLimitHandler(request))
        return protected(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def posted(request) -> tuple:
    """The form data and files of a POST — bound even when an oversized upload left both empty."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def upload_context(kind: str, **context) -> dict:
    return {
        "kind": kind,
        "title": imports.spec_for(kind).title,
        "max_rows": imports.spec_for(kind).max_rows,
        "max_megabytes": imports.MAX_UPLOAD_BYTES // (1024 * 1024),
        "columns": imports.spec_for(kind).columns,
        **context,
    }


@login_required
@limit_upload
def candidate_import(request):
    """Upload a file of candidates for a campaign."""
    if not can_register_candidates(request.user):
        raise Http404
    form = CandidateUploadForm(
        *posted(request),
        user=request.user,
        too_large=getattr(request, "upload_too_large", None),
        initial={"campaign": request.GET.get("campaign")},
    )
    pending = form.is_valid() and start(
        request,
        form,
        ImportKind.CANDIDATES,
        {"campaign": form.cleaned_data["campaign"], "organisation": form.cleaned_data["organisation"]},
    )
    if pending:
        return redirect("import_preview", pk=pending.pk)
    context = upload_context(ImportKind.CANDIDATES, form=form, can_import=form.fields["campaign"].queryset.exists())
    return render(request, "imports/import_upload.html", context, status=400 if form.errors else 200)


@login_required
@limit_upload
def vacancy_import(request, pk):
    """Upload a file of vacancies for one company."""
    company = get_object_or_404(visible_companies(request.user).select_related("organisation"), pk=pk)
    if not can_import_vacancies(request.user, company):
        raise Http404
    form = UploadForm(*posted(request), too_large=getattr(request, "upload_too_large", None))
    pending = form.is_valid() and start(request, form, ImportKind.VACANCIES, {"company": company})
    if pending:
        return redirect("import_preview", pk=pending.pk)
    context = upload_context(ImportKind.VACANCIES, form=form, company=company, can_import=True)
    return render(request, "imports/import_upload.html", context, status=400 if form.errors else 200)


def start(request, form, kind, target, replaces=None):
    try:
        return imports.start_import(
            kind=kind, owner=request.user, upload=form.cleaned_data["file"], replaces=replaces, **target
        )
    except imports.ImportRefused as refusal:
        form.add_error("file", str(refusal))
        return None


def pending_import(request, pk):
    pending = get_object_or_404(
        permissions.visible_pending_imports(request.user).select_related("campaign", "organisation", "company"),
        pk=pk,
    )
    if not can_continue_import(request.user, pending):
        raise Http404
    return pending


@login_required
@limit_upload
def import_preview(request, pk):
    """The rows of an uploaded file with their errors and duplicate flags; posting a file here replaces it
    with a corrected one."""
    pending = pending_import(request, pk)
    upload = UploadForm(
        *posted(request),
        too_large=getattr(request, "upload_too_large", None),
        submit_label=_("Upload the corrected file"),
    )
    target = {"campaign": pending.campaign, "organisation": pending.organisation, "company": pending.company}
    replacement = upload.is_valid() and start(request, upload, pending.kind, target, replaces=pending)
    if replacement:
        return redirect("import_preview", pk=replacement.pk)
    preview = imports.preview_import(pending)
    confirm = ConfirmImportForm(has_flags=bool(preview.flagged_rows))
    confirm.helper.form_action = reverse("import_confirm", kwargs={"pk": pending.pk})
    return render(
        request,
        "imports/import_preview.html",
        preview_context(preview, upload, confirm),
        status=400 if upload.errors else 200,
    )


def preview_context(preview, upload, confirm) -> dict:
    shown = 100
    return {
        "preview": preview,
        "pending": preview.pending,
        "target": preview.spec.target(preview.pending),
        "upload_form": upload,
        "confirm_form": confirm,
        "ready_count": len(preview.rows) - len(preview.error_rows),
        "shown_rows": preview.rows[:shown],
        "hidden_count": max(0, len(preview.rows) - shown),
        "headers": [f"{column['letter']} · {column['header']}" for column in preview.pending.columns],
        "upload_url": preview.spec.upload_url(preview.pending),
        "can_leave_out": imports_partial.can_leave_out_errors(preview),
    }


@login_required
@require_POST
def import_confirm(request, pk):
    pending = pending_import(request, pk)
    spec = imports.spec_for(pending.kind)
    form = ConfirmImportForm(request.POST, has_flags=True)
    include_flagged = form.include_flagged if form.is_valid() else None
    try:
        count = imports.confirm_import(pending=pending, actor=request.user, include_flagged=include_flagged)
    except imports.ImportRefused as refusal:
        messages.error(request, str(refusal))
        if permissions.visible_pending_imports(request.user).filter(pk=pending.pk).exists():
            return redirect("import_preview", pk=pending.pk)
        return redirect(spec.upload_url(pending))
    messages.success(request, spec.done_message(pending, count))
    return redirect(spec.done_url(pending))


@login_required
def import_partial(request, pk):
    """Asks first, with both counts, then imports the valid rows and keeps the rows with errors to fix (a new
    pending import, whose preview takes the corrected file)."""
    pending = pending_import(request, pk)
    preview = imports.preview_import(pending)
    if not imports_partial.can_leave_out_errors(preview):
        return redirect("import_preview", pk=pending.pk)
    valid, left_out = len(preview.rows) - len(preview.error_rows), len(preview.error_rows)
    form = PartialImportForm(request.POST or None, has_flags=bool(preview.flagged_rows), valid=valid, left_out=left_out)
    form.helper.form_action = reverse("import_partial", kwargs={"pk": pending.pk})
    if request.method == "POST" and form.is_valid():
        try:
            count, remainder = imports_partial.confirm_valid_rows(
                pending=pending,
                actor=request.user,
                include_flagged=form.include_flagged,
                expected_valid=form.cleaned_data["valid"],
                expected_left_out=form.cleaned_data["left_out"],
            )
        except imports.ImportRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("import_preview", pk=pending.pk)
        messages.success(request, preview.spec.done_message(pending, count))
        return redirect("import_preview", pk=remainder.pk)
    context = {"preview": preview, "pending": pending, "form": form, "valid": valid, "left_out": left_out,
               "target": preview.spec.target(pending)}  # fmt: skip
    return render(request, "imports/import_partial.html", context, status=400 if form.errors else 200)


@login_required
def import_rejected(request, pk, file_format):
    """The rows with errors as a file, with a column that says what to fix."""
    if file_format not in CONTENT_TYPES:
        raise Http404
    preview = imports.preview_import(pending_import(request, pk))
    data, filename = imports_partial.rejected_rows_file(preview, file_format)
    return download(data, filename, file_format)


@login_required
@require_POST
def import_discard(request, pk):
    pending = pending_import(request, pk)
    upload_url = imports.spec_for(pending.kind).upload_url(pending)
    imports.discard_import(pending=pending)
    messages.info(request, _("The file was set aside; nothing was imported."))
    return redirect(upload_url)


@login_required
def import_template(request, kind, file_format):
    if file_format not in CONTENT_TYPES or kind not in ImportKind.values:
        raise Http404
    if not can_import(request.user, kind):
        raise Http404
    data, filename = imports.template_file(kind, file_format)
    return download(data, filename, file_format)


@login_required
def candidate_export(request, file_format):
    """The candidates the user sees, as a file: personal data, so only after typing the password again. Someone
    who may not export gets a 404 before any password is asked."""
    if not can_export_candidates(request.user) or file_format not in CONTENT_TYPES:
        raise Http404
    selected = selected_ids(request.GET)  # ticked on the list: each one the user sees, or a 404 before the password
    if selected and visible_candidates(request.user).filter(pk__in=selected).count() != len(selected):
        raise Http404
    return reauthenticated_candidate_export(request, file_format)


@reauthentication_required
def reauthenticated_candidate_export(request, file_format):
    query = search_query(request.GET)
    export = exports.candidates_export(request.user, query=query, selected=selected_ids(request.GET))
    response = export_response(export, file_format)
    audit.record(actor=request.user, action=AuditAction.EXPORTED, candidates=export.candidates, place=AuditPlace.EXPORT)
    return response


@login_required
def vacancy_export(request, file_format):
    if not can_export_companies(request.user):
        raise Http404
    return export_response(exports.vacancies_export(request.user), file_format)


@login_required
def company_export(request, file_format):
    if not can_export_companies(request.user):
        raise Http404
    return export_response(exports.companies_export(request.user), file_format)
