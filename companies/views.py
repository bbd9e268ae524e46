from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobroad.pages import page_additions
from jobroad.permissions import can_invite, is_coordinator
from jobroad.views import paginate

from . import permissions, selectors, services
from .forms import (
    AmbassadorProfileForm,
    CompanyForm,
    ContactForm,
    HrInvitationForm,
    NetworkDetailsForm,
    NetworkTargetForm,
    NewCompanyForm,
    SiteForm,
    StageForm,
    VacancyForm,
)
from .models import AmbassadorProfile, Company, PipelineStage, Site, Vacancy


@login_required
def company_list(request):
    companies = (
        permissions.visible_companies(request.user)
        .select_related("organisation")
        .annotate(open_vacancy_count=Count("vacancies", filter=Q(vacancies__is_open=True)))
        .order_by(*Company._meta.ordering)
    )
    ambassadors_only = request.GET.get("ambassador") == "1"
    if ambassadors_only:
        companies = companies.filter(is_ambassador=True)
    context = {
        "page": paginate(request, companies),
        "can_create": is_coordinator(request.user),
        "can_keep_network": permissions.can_keep_network(request.user),
        "ambassadors_only": ambassadors_only,
    }
    return render(request, "companies/company_list.html", context)


@login_required
def company_detail(request, pk):
    company = get_object_or_404(
        permissions.visible_companies(request.user).select_related(
            "organisation", "pledge_signed_by", "account_owner", "ambassador_profile"
        ),
        pk=pk,
    )
    may_invite = can_invite(request.user, company.organisation)
    context = {
        "company": company,
        "ambassador_profile": ambassador_profile_of(company),
        "network": network_context(request.user, company),
        "vacancies": selectors.company_vacancies(request.user, company),
        "sites": company.sites.all(),
        "hr_memberships": selectors.hr_memberships(company),
        "invitations": selectors.open_hr_invitations(request.user, company) if may_invite else [],
        "can_edit": permissions.can_edit_company(request.user, company),
        "can_invite": may_invite,
        **page_additions("company_detail", user=request.user, company=company),
    }
    return render(request, "companies/company_detail.html", context)


@login_required
def company_create(request):
    if not is_coordinator(request.user):
        raise Http404
    form = NewCompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        company = services.create_company(**form.cleaned_data)
        messages.success(request, _("%(name)s added. Now invite its HR people.") % {"name": company})
        return redirect("company_invite", pk=company.pk)
    return render(request, "companies/company_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def company_edit(request, pk):
    company = editable_company(request, pk)
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Company profile saved."))
        return redirect("company_detail", pk=company.pk)
    context = {"form": form, "company": company}
    return render(request, "companies/company_form.html", context, status=400 if form.errors else 200)


@login_required
def company_invite(request, pk):
    """Invite an HR person of the company: the one invitation mechanism, with the role fixed to company HR."""
    company = get_object_or_404(permissions.visible_companies(request.user).select_related("organisation"), pk=pk)
    if not can_invite(request.user, company.organisation):
        raise Http404
    form = HrInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invite_hr(company=company, invited_by=request.user, **form.cleaned_data)
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
        return redirect("company_detail", pk=company.pk)
    context = {"form": form, "company": company, "invitations": selectors.open_hr_invitations(request.user, company)}
    return render(request, "companies/company_invite.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def company_pledge(request, pk):
    company = services.sign_pledge(company=editable_company(request, pk), actor=request.user)
    messages.success(
        request,
        _("Blind-hiring pledge signed on %(date)s.") % {"date": date_format(company.pledge_signed_at, "DATE_FORMAT")},
    )
    return redirect("company_detail", pk=company.pk)


@login_required
def site_create(request, pk):
    company = editable_company(request, pk)
    return site_form_response(request, SiteForm(request.POST or None, instance=Site(company=company)), company)


@login_required
def site_edit(request, pk):
    site = get_object_or_404(permissions.visible_sites(request.user), pk=pk)
    company = editable_company(request, site.company_id)
    return site_form_response(request, SiteForm(request.POST or None, instance=site), company)


def site_form_response(request, form, company):
    if request.method == "POST" and form.is_valid():
        site = form.save()
        messages.success(request, _("Site %(name)s saved.") % {"name": site.name})
        return redirect("company_detail", pk=company.pk)
    context = {"form": form, "company": company}
    return render(request, "companies/site_form.html", context, status=400 if form.errors else 200)


@login_required
def vacancy_create(request, pk):
    company = editable_company(request, pk)
    form = VacancyForm(request.POST or None, instance=Vacancy(company=company))
    return vacancy_form_response(request, form, company)


@login_required
def vacancy_edit(request, pk):
    vacancy = get_object_or_404(permissions.visible_vacancies(request.user).select_related("company"), pk=pk)
    company = editable_company(request, vacancy.company_id)
    return vacancy_form_response(request, VacancyForm(request.POST or None, instance=vacancy), company)


def vacancy_form_response(request, form, company):
    if request.method == "POST" and form.is_valid():
        try:
            services.save_vacancy(
                vacancy=form.instance,
                required_competences=form.cleaned_data["required_competences"],
                nice_competences=form.cleaned_data["nice_competences"],
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("Vacancy saved."))
            return redirect("company_detail", pk=company.pk)
    context = {"form": form, "company": company}
    return render(request, "companies/vacancy_form.html", context, status=400 if form.errors else 200)


def editable_company(request, pk) -> Company:
    company = get_object_or_404(permissions.visible_companies(request.user).select_related("organisation"), pk=pk)
    if not permissions.can_edit_company(request.user, company):
        raise Http404
    return company


def ambassador_profile_of(company: Company) -> AmbassadorProfile | None:
    """The profile an ambassador company shows to whoever sees the company; none for other companies."""
    if not company.is_ambassador:
        return None
    try:
        return company.ambassador_profile
    except AmbassadorProfile.DoesNotExist:
        return None


def network_context(user, company: Company) -> dict | None:
    """What the company page shows of the employer network: only to whoever keeps the network."""
    if not permissions.can_keep_network(user):
        return None
    stage = company.shown_stage(takes_part=selectors.takes_part(company))
    following = PipelineStage.values[PipelineStage.rank(stage) + 1 : PipelineStage.rank(stage) + 2]
    stage_form = StageForm(initial={"stage": following[0] if following else stage})
    stage_form.helper.form_action = reverse("company_stage", args=[company.pk])
    contact_form = ContactForm()
    contact_form.helper.form_action = reverse("company_contact", args=[company.pk])
    return {
        "stage": stage,
        "stage_label": PipelineStage(stage).label,
        "stage_form": stage_form,
        "contact_form": contact_form,
        "contact_log": selectors.contact_log(company),
        "history": selectors.stage_history(company),
    }


# The employer network: coordinators' pages (``permissions.can_keep_network``); everyone else gets a 404.


@login_required
def network_pipeline(request):
    if not permissions.can_keep_network(request.user):
        raise Http404
    mine = request.GET.get("owner") == "me"
    companies = selectors.network_companies()
    context = {
        "columns": selectors.pipeline(companies.filter(account_owner=request.user) if mine else companies),
        "year": selectors.year_against_target(timezone.localdate().year),
        "mine": mine,
    }
    return render(request, "companies/network_pipeline.html", context)


@login_required
def network_target(request):
    if not permissions.can_keep_network(request.user):
        raise Http404
    year = timezone.localdate().year
    current = selectors.year_against_target(year).target
    initial = {"year": year}
    if current is not None:
        initial |= {"companies_reached": current.companies_reached, "companies_committed": current.companies_committed}
    form = NetworkTargetForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        target = services.save_network_target(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Target for %(year)s saved.") % {"year": target.year})
        return redirect("network_pipeline")
    context = {"form": form, "title": _("Yearly network target")}
    return render(request, "companies/network_form.html", context, status=400 if form.errors else 200)


@login_required
def company_stage(request, pk):
    company = network_company(request, pk)
    form = StageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            company = services.move_company_along_pipeline(company=company, actor=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("%(company)s is now at “%(stage)s”.") % {
                "company": company, "stage": company.get_stage_display()})  # fmt: skip
            return redirect(reverse("company_detail", args=[company.pk]) + "#network")
    return network_form_response(request, form, company, _("Move along the pipeline"))


@login_required
def company_contact(request, pk):
    company = network_company(request, pk)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_contact(company=company, actor=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("Contact added to the log."))
            return redirect(reverse("company_detail", args=[company.pk]) + "#contact-log")
    return network_form_response(request, form, company, _("Add to the contact log"))


@login_required
def company_network_edit(request, pk):
    company = network_company(request, pk)
    initial = {"source": company.source, "account_owner": company.account_owner_id}
    form = NetworkDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_network_details(company=company, actor=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("Network details saved."))
            return redirect(reverse("company_detail", args=[company.pk]) + "#network")
    return network_form_response(request, form, company, _("Source and account owner"))


@login_required
def company_ambassador(request, pk):
    company = network_company(request, pk)
    profile = ambassador_profile_of(company) or AmbassadorProfile(company=company)
    initial = {f: getattr(profile, f) for f in ("testimony", "hosts_workshops", "second_chance")}
    form = AmbassadorProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_ambassador_profile(company=company, actor=request.user, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("Ambassador profile saved."))
            return redirect(reverse("company_detail", args=[company.pk]) + "#ambassador")
    return network_form_response(request, form, company, _("Ambassador profile"))


def network_company(request, pk) -> Company:
    if not permissions.can_keep_network(request.user):
        raise Http404
    return get_object_or_404(
        permissions.visible_companies(request.user).select_related("organisation", "ambassador_profile"), pk=pk
    )


def network_form_response(request, form, company: Company, title: str):
    context = {"form": form, "company": company, "title": title}
    return render(request, "companies/network_form.html", context, status=400 if form.errors else 200)
