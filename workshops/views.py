from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from campaigns import lifecycle
from campaigns.permissions import managed_campaigns, visible_campaigns
from jobroad.pdf import pdf_response, render_pdf

from . import permissions, selectors, services
from .forms import HeadcountForm, RegistrationForm, SessionForm, WorkshopForm
from .models import Registration, RegistrationStatus, Session, Workshop


@login_required
def workshop_list(request, campaign_pk):
    campaign = get_object_or_404(visible_campaigns(request.user), pk=campaign_pk)
    can_manage = permissions.can_manage_workshops(request.user, campaign)
    sessions = list(selectors.sessions_of_campaign(request.user, campaign))
    workshops = campaign.workshops.all() if can_manage else {session.workshop for session in sessions}
    if not (can_manage or sessions):
        raise Http404
    context = {"campaign": campaign, "workshops": workshops, "sessions": sessions, "can_manage": can_manage}
    return render(request, "workshops/workshop_list.html", context)


@login_required
def workshop_create(request, campaign_pk):
    campaign = get_object_or_404(managed_campaigns(request.user), pk=campaign_pk)
    form = WorkshopForm(request.POST or None, instance=Workshop(campaign=campaign))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Workshop saved. Now plan its sessions."))
        return redirect("workshop_list", campaign_pk=campaign.pk)
    context = {"form": form, "campaign": campaign}
    return render(request, "workshops/workshop_form.html", context, status=400 if form.errors else 200)


@login_required
def session_create(request, workshop_pk):
    workshop = get_object_or_404(Workshop.objects.filter(campaign__in=managed_campaigns(request.user)), pk=workshop_pk)
    return save_session(request, Session(workshop=workshop))


@login_required
def session_edit(request, pk):
    session = get_object_or_404(Session.objects.filter(workshop__campaign__in=managed_campaigns(request.user)), pk=pk)
    return save_session(request, session)


def save_session(request, session: Session):
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_session(session=form.instance, actor=request.user)
        except services.WorkshopPhaseRefused as refusal:
            form.add_error(None, " ".join(refusal.reasons))
        else:
            messages.success(request, _("Session saved; reminders follow the new time."))
            return redirect("session_detail", pk=form.instance.pk)
    refusal = lifecycle.phase_refusal(session.workshop.campaign, "plan_workshops")
    context = {"form": form, "workshop": session.workshop, "session": session, "refusal": refusal}
    return render(request, "workshops/session_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def session_cancel(request, pk):
    """Cancelling stops the session's reminders and closes it for good, so it asks first and says what happens to
    the reminders and the registrations (GET), then cancels once the coordinator has confirmed those very numbers
    (POST)."""
    managed = Session.objects.filter(workshop__campaign__in=managed_campaigns(request.user))
    session = get_object_or_404(managed.select_related("workshop__campaign"), pk=pk)
    outline = selectors.session_cancellation(session)
    if request.method == "GET":
        refusal = lifecycle.phase_refusal(session.workshop.campaign, "plan_workshops")  # said before any POST
        context = {"session": session, "outline": outline, "refusal": refusal}
        return render(request, "workshops/session_cancel.html", context)
    counts = {
        "reminders": outline.reminders,
        "registered": outline.registered,
        "waiting": outline.waiting,
        "notices": outline.notices,
    }
    if request.POST.get("confirm") != "yes" or any(request.POST.get(k) != str(n) for k, n in counts.items()):
        messages.error(request, _("Nothing was cancelled: confirm what happens to the reminders and registrations "
                                  "as they are now first."))  # fmt: skip
        return redirect("session_cancel", pk=session.pk)
    try:
        services.cancel_session(session=session, actor=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("Session cancelled; its reminders will not be sent."))
    return redirect("session_detail", pk=session.pk)


def visible_session(request, pk) -> Session:
    return get_object_or_404(permissions.visible_sessions(request.user).select_related("workshop__campaign"), pk=pk)


def registration_form(request, session: Session, data=None) -> RegistrationForm:
    can_manage = permissions.can_manage_workshops(request.user, session.workshop.campaign)
    return RegistrationForm(
        data,
        candidates=permissions.registrable_candidates(request.user, session).exclude(
            workshop_registrations__session=session, workshop_registrations__status__in=ACTIVE
        ),
        people=permissions.registrable_people(request.user, session).exclude(
            pk__in=session.registrations.filter(status__in=ACTIVE, person__isnull=False).values("person")
        ),
        allow_name=can_manage,
    )


ACTIVE = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]


@login_required
def session_detail(request, pk):
    session = visible_session(request, pk)
    registrations = permissions.visible_registrations(request.user, session).select_related(
        "candidate", "person", "organisation"
    )
    context = {
        "session": session,
        "registered": [r for r in registrations if r.status == RegistrationStatus.REGISTERED],
        "waiting": [r for r in registrations if r.status == RegistrationStatus.WAITING],
        # Candidates who gave up their place themselves, on their personal page.
        "declined": [r for r in registrations if r.status == RegistrationStatus.CANCELLED and r.candidate_answer],
        "taken": session.registrations.filter(status=RegistrationStatus.REGISTERED).count(),
        "form": registration_form(request, session),
        "can_manage": permissions.can_manage_workshops(request.user, session.workshop.campaign),
        "refusal": lifecycle.phase_refusal(session.workshop.campaign, "plan_workshops"),
    }
    return render(request, "workshops/session_detail.html", context)


@require_POST
@login_required
def session_register(request, pk):
    session = visible_session(request, pk)
    form = registration_form(request, session, request.POST)
    if form.is_valid():
        try:
            registration = services.register(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if registration.status == RegistrationStatus.WAITING:
                messages.warning(request, _("The session is full: %(name)s is on the waiting list.") % {
                    "name": registration.display_name})  # fmt: skip
            else:
                messages.success(request, _("%(name)s is registered.") % {"name": registration.display_name})
    else:
        messages.error(request, " ".join(form.non_field_errors()) or _("Choose one person to register."))
    return redirect("session_detail", pk=session.pk)


@require_POST
@login_required
def registration_cancel(request, pk):
    registration = get_object_or_404(
        Registration.objects.filter(session__in=permissions.visible_sessions(request.user)), pk=pk
    )
    if not permissions.can_cancel_registration(request.user, registration):
        raise Http404
    try:
        services.cancel_registration(registration=registration, actor=request.user)
    except services.WorkshopPhaseRefused as refusal:
        messages.error(request, " ".join(refusal.reasons))
    else:
        messages.success(request, _("Registration cancelled."))
    return redirect("session_detail", pk=registration.session_id)


@login_required
def session_attendance(request, pk):
    """A phone-friendly list: one tap per person for present or absent."""
    session = get_object_or_404(
        permissions.attendance_sessions(request.user).select_related("workshop__campaign"), pk=pk
    )
    if request.method == "POST":
        pk = request.POST.get("registration", "")
        if not pk.isdecimal():
            raise Http404
        registration = get_object_or_404(session.registrations.filter(status=RegistrationStatus.REGISTERED), pk=pk)
        attended = request.POST.get("attended") == "yes"
        try:
            services.mark_attendance(registration=registration, attended=attended, actor=request.user)
        except services.WorkshopPhaseRefused as refusal:
            messages.error(request, " ".join(refusal.reasons))
        return redirect(f"{request.path}#registration-{registration.pk}")
    registrations = session.registrations.filter(status=RegistrationStatus.REGISTERED).select_related(
        "candidate", "person", "organisation"
    )
    refusal = lifecycle.phase_refusal(session.workshop.campaign, "mark_attendance")
    context = {
        "session": session,
        "registrations": registrations,
        "refusal": refusal,
        "headcount": _headcount_form(session),
    }
    return render(request, "workshops/session_attendance.html", context)


@require_POST
@login_required
def session_headcount(request, pk):
    """The anonymous headcount beside the named attendance: whoever marks attendance records it."""
    session = get_object_or_404(
        permissions.attendance_sessions(request.user).select_related("workshop__campaign"), pk=pk
    )
    form = _headcount_form(session, request.POST)
    if not form.is_valid():
        messages.error(request, _("Count whole people, from 0 up."))
    else:
        try:
            total = services.record_headcount(session=session, people=form.people(), actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Headcount saved: %(count)s people without a name.") % {"count": total})
    return redirect(f"{reverse('session_attendance', args=[session.pk])}#headcount")


def _headcount_form(session: Session, data=None) -> HeadcountForm:
    return HeadcountForm(data, session=session, centres=selectors.headcount_centres(session))


@login_required
def attendance_sheet(request, pk):
    """The printable attendance sheet with a signature column: the funder's evidence of the session."""
    session = get_object_or_404(
        Session.objects.filter(workshop__campaign__in=managed_campaigns(request.user)).select_related(
            "workshop__campaign"
        ),
        pk=pk,
    )
    registrations = session.registrations.filter(status=RegistrationStatus.REGISTERED).select_related(
        "candidate", "person", "organisation"
    )
    language = session.language if session.language in {"nl", "fr", "en"} else request.LANGUAGE_CODE
    pdf = render_pdf(
        "workshops/attendance_sheet.html",
        {"session": session, "registrations": registrations, "blank_rows": range(3)},  # for walk-ins
        language=language,
    )
    return pdf_response(pdf, f"attendance-{session.pk}.pdf")
