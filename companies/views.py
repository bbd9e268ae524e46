from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from companies.models import Company
from jobroad import permissions
from jobroad.views import paginate


@login_required
def company_list(request):
    companies = (
        permissions.visible_companies(request.user)
        .select_related("organisation")
        .annotate(open_vacancy_count=Count("vacancies", filter=Q(vacancies__is_open=True)))
        .order_by(*Company._meta.ordering)
    )
    return render(request, "companies/company_list.html", {"page": paginate(request, companies)})


@login_required
def company_detail(request, pk):
    company = get_object_or_404(permissions.visible_companies(request.user).select_related("organisation"), pk=pk)
    context = {
        "company": company,
        "vacancies": permissions.visible_vacancies(request.user).filter(company=company),
        "campaigns": permissions.visible_campaigns(request.user).filter(participations__company=company),
    }
    return render(request, "companies/company_detail.html", context)
