from django.contrib import admin

from .models import Company, Competence, Occupation, Site, Vacancy


class SiteInline(admin.TabularInline):
    model = Site
    extra = 0


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "sector", "is_ambassador"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name"]
    inlines = [SiteInline]


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "site", "occupation", "positions", "is_open"]
    list_select_related = ["company__organisation", "site", "occupation"]
    autocomplete_fields = ["occupation", "required_competences", "nice_competences"]


class VocabularyAdmin(admin.ModelAdmin):
    search_fields = ["labels", "esco_uri"]

    @admin.display(description="label")
    def label(self, term):
        return term.label


@admin.register(Occupation)
class OccupationAdmin(VocabularyAdmin):
    list_display = ["label", "isco_code", "esco_uri"]
    search_fields = [*VocabularyAdmin.search_fields, "isco_code"]


@admin.register(Competence)
class CompetenceAdmin(VocabularyAdmin):
    list_display = ["label", "kind", "esco_uri"]
    list_filter = ["kind"]
