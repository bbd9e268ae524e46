import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from . import channels, health, message_filters, outbox, permissions, phrasebook, services, twilio_sms
from .adapters import PICKED_BEFORE_LOG_IN, in_own_language
from .forms import AcceptInvitationForm, InvitationForm, MessageForm
from .models import Channel, MessageStatus, OrganisationKind
from .saved_filters import saved_filters
from .sms import sms_cost

logger = logging.getLogger(__name__)

PAGE_SIZE = 50


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def healthz(request):
    """Liveness: the process answers. It touches nothing else, so a restart is never the answer to an outage."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def floor(request):
    """The logged-in floor of `make loadtest`: the session, the user, their roles (the menu) and the base layout,
    nothing of its own. Every page costs at least this; the load test reads each page's cost as a ratio to it."""
    return render(request, "jobroad/floor.html")


@never_cache
def readyz(request):
    """Readiness: 200 when the database, Redis (when configured), the migrations, the outbox and the sweep are all
    well, else 503; the JSON names each check, "ok" or what is wrong."""
    checks = health.readiness()
    ready = all(result == "ok" for result in checks.values())
    return JsonResponse({"status": "ok" if ready else "fail", "checks": checks}, status=200 if ready else 503)


@login_required
def organisation_list(request):
    organisations = permissions.visible_organisations(request.user)
    kind = request.GET.get("kind")
    if kind in OrganisationKind.values:  # anything else lists them all (a NUL would even be a 500 on PostgreSQL)
        organisations = organisations.filter(kind=kind)
    return render(request, "jobroad/organisation_list.html", {"page": paginate(request, organisations)})


@login_required
def organisation_detail(request, pk):
    organisation = get_object_or_404(permissions.visible_organisations(request.user), pk=pk)
    return render(request, "jobroad/organisation_detail.html", _organisation_context(request, organisation))


def _organisation_context(request, organisation, form=None) -> dict:
    roles = permissions.grantable_roles(request.user, organisation)
    context = {
        "organisation": organisation,
        "memberships": organisation.memberships.select_related("user"),
        "can_invite": bool(roles),
    }
    if roles:
        context["form"] = form or InvitationForm(roles=roles, initial={"language": request.user.language})
        context["invitations"] = permissions.visible_invitations(request.user).filter(organisation=organisation)
    return context


@login_required
@require_POST
def organisation_invite(request, pk):
    organisation = get_object_or_404(permissions.visible_organisations(request.user), pk=pk)
    roles = permissions.grantable_roles(request.user, organisation)
    if not roles:
        raise Http404
    form = InvitationForm(request.POST, roles=roles)
    if form.is_valid():
        try:
            services.invite_person(organisation=organisation, invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("role", error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("organisation_detail", pk=organisation.pk)
    return render(
        request, "jobroad/organisation_detail.html", _organisation_context(request, organisation, form), status=400
    )


def invitation_accept(request, token):
    """A link opens an invitation; it is never a log-in. A new person chooses a password here; someone who has an
    account logs in the normal way (password and second factor) and then confirms."""
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationUnusable as refusal:
        return _invitation_unusable(request, refusal)
    if services.invited_account(invitation) is not None:
        return _join_invitation(request, token, invitation)
    form = AcceptInvitationForm(
        request.POST or None, email=invitation.email, initial={"full_name": invitation.full_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                token=token, password=form.cleaned_data["password1"], full_name=form.cleaned_data["full_name"]
            )
        except services.InvitationUnusable as refusal:
            return _invitation_unusable(request, refusal)
        # A brand-new account, with the password just chosen and no second factor yet to ask for.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        translation.activate(user.language)  # the language the inviter chose for them, from this page on
        messages.success(request, _("Welcome! Your account is ready."))
        return in_own_language(redirect("home"), user)
    return render(request, "jobroad/invitation_accept.html", {"invitation": invitation, "form": form})


def _join_invitation(request, token, invitation):
    if not request.user.is_authenticated:
        messages.info(request, _("You already have an account. Log in to accept the invitation."))
        return redirect_to_login(request.path, login_url=reverse("account_login"))
    if request.method == "POST":
        try:
            membership = services.join_invitation(token=token, user=request.user)
        except services.InvitationUnusable as refusal:
            return _invitation_unusable(request, refusal)
        messages.success(
            request,
            _("You are now %(role)s at %(organisation)s.")
            % {"role": membership.get_role_display(), "organisation": membership.organisation},
        )
        return redirect("home")
    try:
        services.check_invitee(invitation, request.user)
    except services.InvitationUnusable as refusal:
        return _invitation_unusable(request, refusal, status=403)
    return render(request, "jobroad/invitation_join.html", {"invitation": invitation})


def _invitation_unusable(request, refusal, status=410):
    return render(request, "jobroad/invitation_unusable.html", {"reason": refusal.reason}, status=status)


@login_required
def mail_list(request):
    if not permissions.can_read_captured_mail(request.user):
        raise Http404
    return render(
        request, "jobroad/mail_list.html", {"page": paginate(request, permissions.visible_captured_mail(request.user))}
    )


@login_required
def mail_detail(request, pk):
    mail = get_object_or_404(permissions.visible_captured_mail(request.user), pk=pk)
    return render(request, "jobroad/mail_detail.html", {"mail": mail})


@login_required
def message_list(request):
    if not permissions.can_manage_messages(request.user):
        raise Http404
    found = message_filters.messages_filtered(request.user, request.GET)
    person = None
    if request.GET.get("person", "").isdecimal():  # isdigit() takes "²", which int() refuses
        person = get_object_or_404(permissions.visible_people(request.user), pk=request.GET["person"])
    applied = found.applied
    # Failed messages under these filters, for "send them all again" (offered once the list shows failed ones).
    failed = applied.get("status") == MessageStatus.FAILED
    failed_shown = found.qs.filter(status=MessageStatus.FAILED).count() if failed else 0
    context = {
        "page": paginate(request, found.qs.select_related("recipient_user")),
        "filter": found,
        "applied": applied,
        "filter_query": urlencode(applied),
        "saved_filters": saved_filters(request.user, "message_list"),
        "person": person,
        "mail_captured": settings.EMAIL_BACKEND == "jobroad.mail.CapturingEmailBackend",
        "failed_shown": failed_shown,
    }
    return render(request, "jobroad/message_list.html", context)


@login_required
def message_languages(request):
    """Which candidate messages have text in each document language, and which texts await a native speaker."""
    if not permissions.can_manage_messages(request.user):
        raise Http404
    return render(request, "jobroad/message_languages.html", {"languages": phrasebook.coverage()})


@login_required
@require_POST
def message_resend_failed(request):
    """Send every failed message the filters show again, once the coordinator has confirmed how many."""
    if not permissions.can_manage_messages(request.user):
        raise Http404
    found = message_filters.messages_filtered(request.user, request.POST)
    failed = found.qs.filter(status=MessageStatus.FAILED)
    expected = request.POST.get("count", "")
    if request.POST.get("confirm") != "yes" or expected != str(failed.count()):
        messages.error(request, _("Nothing was sent: confirm the number of messages to send again."))
    else:
        count = outbox.resend_failed_messages(messages=failed, actor=request.user)
        messages.success(
            request, ngettext("%(count)d message is back in the queue.", "%(count)d messages are back in the queue.",
                              count) % {"count": count},
        )  # fmt: skip
    return redirect(f"{reverse('message_list')}?{urlencode(found.applied)}")


@login_required
def message_detail(request, pk):
    visible = permissions.visible_messages(request.user).select_related("recipient_user", "cancelled_by")
    message = get_object_or_404(visible, pk=pk)
    try:
        if message.has_left:  # exactly what left, not what the template says today
            preview = channels.Rendered(subject=message.subject, text=message.body)
        else:
            preview = channels.render(message)
        preview_error = ""
    except TemplateDoesNotExist as error:
        preview, preview_error = None, _("The template %(name)s is missing.") % {"name": error}
    cost = sms_cost(preview.text) if preview and message.channel == Channel.SMS else None
    context = {"message": message, "preview": preview, "preview_error": preview_error, "sms_cost": cost}
    return render(request, "jobroad/message_detail.html", context)


@csrf_exempt
@require_POST
def sms_status_callback(request):
    """Twilio's delivery report on an SMS. No log-in, but signed with our auth token: a missing or wrong signature
    is refused (403) and changes nothing. A report on an id no message has (an SMS erased since, one sent by another
    installation on the same account) is answered 200 and ignored: Twilio does nothing with an error but show it in
    its debugger, and the report is genuine, so there is nothing to refuse."""
    signed = twilio_sms.is_signed_by_twilio(
        url=twilio_sms.status_callback_url(),
        params=request.POST,
        signature=request.headers.get("X-Twilio-Signature", ""),
    )
    if not signed:
        logger.warning("An SMS delivery report without a valid signature was refused.")
        return HttpResponseForbidden()
    provider_id = request.POST.get("MessageSid", "")
    message = outbox.record_delivery_report(
        provider_id=provider_id,
        report=request.POST.get("MessageStatus", ""),
        error_code=request.POST.get("ErrorCode", ""),
    )
    if message is None:
        logger.info("A delivery report on SMS %s, which no message has, was ignored.", provider_id)
    return HttpResponse()


@login_required
def message_create(request):
    if not permissions.can_manage_messages(request.user):
        raise Http404
    form = MessageForm(request.POST or None, people=permissions.visible_people(request.user))
    if request.method == "POST" and form.is_valid():
        message = services.write_note(author=request.user, **form.cleaned_data)
        messages.success(request, _("The message is in the outbox."))
        return redirect("message_detail", pk=message.pk)
    return render(request, "jobroad/message_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def message_cancel(request, pk):
    return _change_message(
        request, pk, outbox.cancel_message, _("The message is cancelled; it stays so until someone sends it again.")
    )


@login_required
@require_POST
def message_resend(request, pk):
    return _change_message(request, pk, outbox.resend_message, _("The message is back in the queue."))


def _change_message(request, pk, change, success: str):
    message = get_object_or_404(permissions.visible_messages(request.user), pk=pk)
    try:
        change(message=message, actor=request.user)
    except outbox.MessageRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, success)
    return redirect("message_detail", pk=message.pk)


@require_POST
def switch_language(request):
    """Django's language switch, which also keeps the choice on the person's profile when they are logged in; picked
    before logging in, it is kept in this browser session only, for the log-in that follows (``adapters``)."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated:
        services.set_own_language(user=request.user, language=language)
    else:
        request.session[PICKED_BEFORE_LOG_IN] = language
    return response
