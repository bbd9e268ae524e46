from django.contrib import admin

from .models import Campaign, MatchingRun, Proposal


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "phase", "starts_on"]
    list_filter = ["phase"]
    filter_horizontal = ["coordinators", "partners"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "vacancy", "fit", "status", "hr_answer"]
    list_filter = ["status", "hr_answer"]
    list_select_related = ["enrolment__candidate", "enrolment__campaign", "vacancy__company__organisation"]
    raw_id_fields = ["enrolment", "vacancy", "confirmed_by", "answered_by"]


@admin.register(MatchingRun)
class MatchingRunAdmin(admin.ModelAdmin):
    list_display = ["campaign", "run_at", "eligible", "covered", "total_fit", "greedy_covered", "greedy_fit"]
    list_select_related = ["campaign"]
