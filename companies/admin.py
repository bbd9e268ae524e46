from django.contrib import admin

from .models import (
    AmbassadorProfile,
    Company,
    Competence,
    ContactLogEntry,
    NetworkTarget,
    Occupation,
    Site,
    StageChange,
    Vacancy,
)


class SiteInline(admin.TabularInline):
    model = Site
    extra = 0


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "sector", "stage", "source", "account_owner", "is_ambassador"]
    list_select_related = ["organisation", "account_owner"]
    list_filter = ["stage", "source"]
    search_fields = ["organisation__name"]
    # The stage moves through companies.services.move_company_along_pipeline only (history and checks).
    readonly_fields = ["stage", "is_ambassador"]
    inlines = [SiteInline]


@admin.register(StageChange)
class StageChangeAdmin(admin.ModelAdmin):
    """The stage history is append-only: read here, written by the pipeline service."""

    list_display = ["company", "from_stage", "to_stage", "changed_by", "changed_at"]
    list_select_related = ["company__organisation", "changed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContactLogEntry)
class ContactLogEntryAdmin(admin.ModelAdmin):
    list_display = ["company", "contacted_on", "method", "contact_person", "next_step_on"]
    list_select_related = ["company__organisation"]


admin.site.register(NetworkTarget)
admin.site.register(AmbassadorProfile)


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
