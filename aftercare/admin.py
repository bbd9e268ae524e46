from django.contrib import admin

from .models import CheckIn, CoachingContact, FollowUpStep, Placement


@admin.register(FollowUpStep)
class FollowUpStepAdmin(admin.ModelAdmin):
    """The follow-up plans per route: admins edit them here; new placements copy them."""

    list_display = ["route", "offset_days", "audience"]
    list_filter = ["route", "audience"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    """For support only: changes go through the aftercare pages, which keep the history and the check-ins."""

    list_display = ["candidate", "company", "route", "starts_on", "status"]
    list_filter = ["route", "status"]
    list_select_related = ["candidate", "company__organisation"]
    readonly_fields = ["route", "starts_on", "status", "ended_on", "end_reason"]
    raw_id_fields = ["candidate", "company", "vacancy", "campaign", "evaluation"]


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    """For support only: check-ins are answered on their page or through the employer's link."""

    list_display = ["placement", "due_on", "audience", "status", "at_risk"]
    list_filter = ["status", "audience", "at_risk"]
    list_select_related = ["placement__candidate", "placement__company__organisation"]
    readonly_fields = ["placement", "offset_days", "audience", "due_on", "status", "answered_at", "answered_by"]


@admin.register(CoachingContact)
class CoachingContactAdmin(admin.ModelAdmin):
    list_display = ["candidate", "happened_on", "channel", "topic", "coach"]
    list_filter = ["channel", "topic"]
    raw_id_fields = ["candidate", "coach"]
