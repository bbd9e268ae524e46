from django.contrib import admin

from .models import Campaign, Evaluation, Interview, MatchingRun, ProjectWeek, Proposal


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


@admin.register(ProjectWeek)
class ProjectWeekAdmin(admin.ModelAdmin):
    list_display = ["campaign", "status", "generated_at", "version", "published_at"]
    list_select_related = ["campaign"]
    raw_id_fields = ["campaign", "published_by"]


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    """For support only: schedule changes go through the board, which checks every rule and tells people."""

    list_display = ["proposal", "day", "starts_at", "seat", "published_day", "published_starts_at"]
    list_filter = ["day"]
    list_select_related = ["proposal__enrolment__candidate", "proposal__vacancy__company__organisation"]
    readonly_fields = ["day", "starts_at", "ends_at", "seat", "published_day", "published_starts_at"]
    raw_id_fields = ["proposal", "participation", "enrolment"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["interview", "attendance", "outcome", "start_route", "filled_at"]
    list_filter = ["attendance", "outcome", "start_route"]
    list_select_related = [
        "interview__proposal__enrolment__candidate",
        "interview__proposal__vacancy__company__organisation",
    ]
    raw_id_fields = ["interview", "filled_by"]
