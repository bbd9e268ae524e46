from django.contrib import admin

from .models import Registration, Session, Workshop


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["__str__", "campaign", "kind", "audience"]
    list_select_related = ["campaign"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "place", "capacity", "cancelled_at"]
    list_select_related = ["workshop"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "session", "status", "attended"]
    list_select_related = ["session__workshop", "candidate", "person"]
    raw_id_fields = ["candidate", "person", "session"]
