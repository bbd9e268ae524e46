from django.contrib import admin

from .models import Company, Vacancy


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "sector", "is_ambassador"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name"]


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "positions", "is_open"]
    list_select_related = ["company__organisation"]
