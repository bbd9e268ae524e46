from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobroad import permissions
from jobroad.views import paginate

from . import services
from .forms import CompanyForm, NewCompanyForm, VacancyForm
from .models import Company, Vacancy


@login_required
def company_list(request):
    companies = (
        permissions.visible_companies(request.user)
        .select_related("organisation")
        .annotate(open_vacancy_count=Count("vacancies", filter=Q(vacancies__is_open=True)))
        .order_by(*Company._meta.ordering)
    )
    context = {"page": paginate(request, companies), "can_create": permissions.is_coordinator(request.user)}
    return render(request, "companies/company_list.html", context)


@login_required
def company_detail(request, pk):
    company = get_object_or_404(
        permissions.visible_companies(request.user).select_related("organisation", "pledge_signed_by"), pk=pk
    )
    context = {
        "company": company,
        "vacancies": permissions.visible_vacancies(request.user).filter(company=company),
        "campaigns": permissions.visible_campaigns(request.user).filter(participations__company=company),
        "can_edit": permissions.can_edit_company(request.user, company),
    }
    return render(request, "companies/company_detail.html", context)


@login_required
def company_create(request):
    if not permissions.is_coordinator(request.user):
        raise Http404
    form = NewCompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        company = services.create_company(**form.cleaned_data)
        messages.success(request, _("%(name)s added. Now invite its HR people.") % {"name": company})
        return redirect("organisation_detail", pk=company.organisation_id)
    return render(request, "companies/company_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def company_edit(request, pk):
    company = editable_company(request, pk)
    form = CompanyForm(
        request.POST or None, instance=company, may_mark_ambassador=permissions.is_coordinator(request.user)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Company profile saved."))
        return redirect("company_detail", pk=company.pk)
    context = {"form": form, "company": company}
    return render(request, "companies/company_form.html", context, status=400 if form.errors else 200)


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
def vacancy_create(request, pk):
    company = editable_company(request, pk)
    form = VacancyForm(request.POST or None, instance=Vacancy(company=company))
    return save_vacancy(request, form, company)


@login_required
def vacancy_edit(request, pk):
    vacancy = get_object_or_404(permissions.visible_vacancies(request.user).select_related("company"), pk=pk)
    company = editable_company(request, vacancy.company_id)
    return save_vacancy(request, VacancyForm(request.POST or None, instance=vacancy), company)


def save_vacancy(request, form, company):
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Vacancy saved."))
        return redirect("company_detail", pk=company.pk)
    context = {"form": form, "company": company}
    return render(request, "companies/vacancy_form.html", context, status=400 if form.errors else 200)


def editable_company(request, pk) -> Company:
    company = get_object_or_404(permissions.visible_companies(request.user).select_related("organisation"), pk=pk)
    if not permissions.can_edit_company(request.user, company):
        raise Http404
    return company
