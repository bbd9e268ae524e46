from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import permissions, services
from .forms import AcceptInvitationForm, InvitationForm
from .selectors import dashboard_for

PAGE_SIZE = 50


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request):
    return render(request, "jobroad/home.html", {"dashboard": dashboard_for(request.user)})


@login_required
def organisation_list(request):
    organisations = permissions.visible_organisations(request.user)
    kind = request.GET.get("kind")
    if kind:
        organisations = organisations.filter(kind=kind)
    return render(request, "jobroad/organisation_list.html", {"page": paginate(request, organisations)})


@login_required
def organisation_detail(request, pk):
    organisation = get_object_or_404(permissions.visible_organisations(request.user), pk=pk)
    context = {
        "organisation": organisation,
        "memberships": organisation.memberships.select_related("user"),
        "can_invite": permissions.can_invite(request.user, organisation),
    }
    if context["can_invite"]:
        context["form"] = InvitationForm(organisation=organisation)
        context["invitations"] = permissions.visible_invitations(request.user).filter(organisation=organisation)
    return render(request, "jobroad/organisation_detail.html", context)


@login_required
@require_POST
def organisation_invite(request, pk):
    organisation = get_object_or_404(permissions.visible_organisations(request.user), pk=pk)
    if not permissions.can_invite(request.user, organisation):
        raise Http404
    form = InvitationForm(request.POST, organisation=organisation)
    if form.is_valid():
        try:
            services.invite_person(organisation=organisation, invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("role", error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("organisation_detail", pk=organisation.pk)
    context = {
        "organisation": organisation,
        "memberships": organisation.memberships.select_related("user"),
        "can_invite": True,
        "form": form,
        "invitations": permissions.visible_invitations(request.user).filter(organisation=organisation),
    }
    return render(request, "jobroad/organisation_detail.html", context, status=400)


def invitation_accept(request, token):
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationUnusable as refusal:
        return render(request, "jobroad/invitation_unusable.html", {"reason": refusal.reason}, status=410)
    form = AcceptInvitationForm(
        request.POST or None, email=invitation.email, initial={"full_name": invitation.full_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                token=token, password=form.cleaned_data["password1"], full_name=form.cleaned_data["full_name"]
            )
        except services.InvitationUnusable as refusal:
            return render(request, "jobroad/invitation_unusable.html", {"reason": refusal.reason}, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("home")
    return render(request, "jobroad/invitation_accept.html", {"invitation": invitation, "form": form})


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
