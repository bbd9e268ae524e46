from django.contrib import admin

from .models import Candidate, CandidateLanguage, Consent


class CandidateLanguageInline(admin.TabularInline):
    model = CandidateLanguage
    extra = 0


class ReadOnly:
    """Consent history is evidence: the admin shows it and changes nothing (see candidates.services)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ConsentInline(ReadOnly, admin.TabularInline):
    model = Consent
    extra = 0
    fields = ["recorded_at", "purpose", "action", "text_version", "language", "recorded_by"]
    readonly_fields = fields


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "reference_number", "registered_by", "residence_status"]
    list_select_related = ["registered_by"]
    search_fields = ["first_name", "last_name", "reference_number"]
    autocomplete_fields = ["competences", "desired_occupations"]
    inlines = [CandidateLanguageInline, ConsentInline]


@admin.register(Consent)
class ConsentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["recorded_at", "candidate", "purpose", "action", "text_version", "language", "recorded_by"]
    list_filter = ["purpose", "action", "text_version"]
    list_select_related = ["candidate", "recorded_by"]
    search_fields = ["candidate__first_name", "candidate__last_name"]
