"""The interpreter register (coordinators), a week's bookings with the problems in words, and each booking's day
sheet to print or send to the interpreter."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from campaigns.permissions import can_keep_interpreters, managed_campaigns
from jobroad import audit
from jobroad.languages import language_name
from jobroad.models import AuditAction, AuditPlace
from jobroad.pdf import pdf_response, render_document

from ...views import managed_campaign
from ..documents import company_address, contact_phone
from ..inputs import interpreter_language, project_week, schedulable_proposals
from . import selectors, services
from .forms import BookingForm, InterpreterForm
from .models import Interpreter, InterpreterBooking


def _register_keeper(request):
    if not can_keep_interpreters(request.user):
        raise Http404


@login_required
def interpreters(request):
    _register_keeper(request)
    register = Interpreter.objects.prefetch_related("free_days").order_by("-active", "name")
    return render(request, "campaigns/interpreters.html", {"interpreters": register})


@login_required
@require_http_methods(["GET", "POST"])
def interpreter_form(request, pk=None):
    _register_keeper(request)
    interpreter = get_object_or_404(Interpreter, pk=pk) if pk else None
    form = InterpreterForm(request.POST or None, instance=interpreter)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in services.REGISTER_FIELDS}
        services.save_interpreter(
            values=values, free_days=form.cleaned_data["free_days"], actor=request.user, interpreter=interpreter
        )
        messages.success(request, _("Interpreter saved."))
        return redirect("interpreters")
    context = {"form": form, "interpreter": interpreter}
    return render(request, "campaigns/interpreter_form.html", context, status=400 if form.errors else 200)


def _needed_languages(campaign) -> list[str]:
    return sorted({interpreter_language(p.enrolment.candidate) for p in schedulable_proposals(campaign)} - {""})


@login_required
@require_http_methods(["GET", "POST"])
def project_week_interpreters(request, pk):
    """The week's bookings per day and language, what is wrong with them, and the form to book one."""
    campaign = managed_campaign(request, pk)
    needed = _needed_languages(campaign)
    form = BookingForm(request.POST or None, campaign=campaign, languages=needed)
    if request.method == "POST" and form.is_valid():
        try:
            services.book_interpreter(campaign=campaign, actor=request.user, **form.cleaned_data)
        except services.BookingRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Interpreter booked. Generate the schedule again to plan with them."))
            return redirect("project_week_interpreters", pk=campaign.pk)
    days = selectors.interpreting_days(campaign)
    context = {
        "campaign": campaign,
        "form": form,
        "days": days,
        "problems": selectors.booking_problems(days),
        "needed": [(code, language_name(code)) for code in needed],
        "published": bool(project_week(campaign).published_at),
    }
    return render(request, "campaigns/project_week_interpreters.html", context, status=400 if form.errors else 200)


def managed_booking(request, pk) -> InterpreterBooking:
    """A booking of a campaign the user runs; any other is a 404."""
    booked = InterpreterBooking.objects.filter(project_week__campaign__in=managed_campaigns(request.user))
    return get_object_or_404(booked.select_related("project_week__campaign", "interpreter"), pk=pk)


@login_required
@require_POST
def interpreter_booking_cancel(request, pk):
    booking = managed_booking(request, pk)
    campaign = booking.project_week.campaign
    try:
        services.cancel_booking(booking=booking, actor=request.user)
    except services.BookingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Booking cancelled. Generate the schedule again to plan without it."))
    return redirect("project_week_interpreters", pk=campaign.pk)


@login_required
def interpreter_day_sheet(request, pk):
    """Where and when the interpreter is expected, with which candidates (first names) and companies."""
    booking = managed_booking(request, pk)
    campaign = booking.project_week.campaign
    sheet = next(s for day in selectors.interpreting_days(campaign) for s in day.sheets if s.booking.pk == booking.pk)
    prefetch_related_objects(sheet.interviews, "participation__company__sites")
    stops = [(interview, company_address(interview.participation)) for interview in sheet.interviews]
    context = {"campaign": campaign, "booking": booking, "stops": stops, "phone": contact_phone(campaign)}
    pdf = render_document("campaigns/pdf/interpreter_day.html", context, language=request.LANGUAGE_CODE).write_pdf()
    audit.record(actor=request.user, action=AuditAction.PRINTED, place=AuditPlace.DAY_SHEET,
                 candidates=[interview.enrolment.candidate_id for interview, _address in stops])  # fmt: skip
    return pdf_response(pdf, f"interpreter-{booking.pk}.pdf")
