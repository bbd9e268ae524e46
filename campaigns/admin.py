from django.contrib import admin

from .models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "phase", "starts_on"]
    list_filter = ["phase"]
    filter_horizontal = ["coordinators", "partners"]
