from django.contrib import admin

from .models import Candidate, CandidateLanguage


class CandidateLanguageInline(admin.TabularInline):
    model = CandidateLanguage
    extra = 0


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "registered_by", "residence_status"]
    list_select_related = ["registered_by"]
    search_fields = ["first_name", "last_name"]
    inlines = [CandidateLanguageInline]
